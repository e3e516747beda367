import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CasefileDb } from '../../db/casefile-db';
import { openTestDb } from '../../db/testing/test-db';
import { findOrCreateOrganisation } from '../../db/repos/organisation-repo';
import { attachDocument } from '../../db/repos/document-repo';
import { createPatent } from '../../db/repos/patent-repo';
import { bundleTables } from './bundle-content';
import { exportBundle } from './export-bundle';
import { ChoiceNeededError, importBundle, planUpdate } from './import-bundle';
import { readBundle } from './read-bundle';
import { fileOf, fillDispute } from './testing/bundle-fixture';

async function sha256Of(blob: Blob): Promise<string> {
  return createHash('sha256')
    .update(new Uint8Array(await blob.arrayBuffer()))
    .digest('hex');
}

/** Every table a bundle carries, with each stored file's bytes replaced by their SHA-256. */
async function contents(db: CasefileDb) {
  const result: Record<string, unknown[]> = {};
  for (const name of bundleTables) {
    const rows = await db.table(name).toArray();
    result[name] =
      name === 'files'
        ? await Promise.all(
            rows.map(async ({ blob, ...facts }: { blob: Blob }) => ({
              ...facts,
              bytesSha256: await sha256Of(blob),
            })),
          )
        : rows;
  }
  return result;
}

async function bundleOf(db: CasefileDb, disputeId: string, includePrivileged = true) {
  const { blob } = await exportBundle(db, disputeId, { includePrivileged, appVersion: 'test' });
  return readBundle(blob);
}

describe('case bundles', () => {
  let source: CasefileDb;
  let target: CasefileDb;
  beforeEach(() => {
    source = openTestDb();
    target = openTestDb();
  });
  afterEach(async () => {
    await source.delete();
    await target.delete();
  });

  it('round-trips a dispute into an empty database: every table deep-equal, every file intact', async () => {
    const { dispute } = await fillDispute(source);
    const bundle = await bundleOf(source, dispute.id);
    expect(bundle.manifest).toMatchObject({
      kind: 'bundle',
      disputeId: dispute.id,
      title: dispute.title,
    });

    const result = await importBundle(target, bundle);
    expect(result).toEqual({
      disputeId: dispute.id,
      title: dispute.title,
      mode: 'new',
      repairs: [],
    });
    const expected = await contents(source);
    expect(await contents(target)).toEqual(expected);
    // The stored bytes still hash to the name they are stored under.
    for (const file of expected.files as { sha256: string; bytesSha256: string }[]) {
      expect(file.bytesSha256).toBe(file.sha256);
    }
    expect(expected.documents).toHaveLength(3);
    expect(expected.files).toHaveLength(2);
    // The import is one audited event in the receiving database.
    const audit = await target.audit.toArray();
    expect(audit.map((entry) => entry.summary)).toEqual([
      `Imported dispute “${dispute.title}” from a case bundle`,
    ]);
  });

  it('leaves privileged notes and documents out unless asked, with their bytes, text and links', async () => {
    const { dispute, memo, complaint } = await fillDispute(source);
    const bundle = await bundleOf(source, dispute.id, false);
    expect(bundle.manifest.includesPrivileged).toBe(false);
    await importBundle(target, bundle);

    const documents = await target.documents.toArray();
    expect(documents.map((d) => d.title).sort()).toEqual(['Complaint', 'Complaint (court copy)']);
    expect(await target.files.get(memo.sha256)).toBeUndefined();
    expect(await target.documentTexts.get(memo.sha256)).toBeUndefined();
    expect(await target.files.get(complaint.sha256)).toBeDefined();
    const notes = await target.notes.toArray();
    expect(notes.map((n) => n.title)).toEqual(['Case management conference']);
    const bytes = new TextDecoder().decode(await bundle.files.get(complaint.sha256)!.arrayBuffer());
    expect(bytes).toBe('%PDF-1.7 the complaint');
    expect([...bundle.files.keys()]).toEqual([complaint.sha256]);
  });

  it('checks a bundle without a Blob per stored file: each is sliced when the import writes it', async () => {
    const { dispute } = await fillDispute(source);
    for (let i = 0; i < 60; i += 1) {
      await attachDocument(
        source,
        { disputeId: dispute.id, title: `Exhibit ${i}`, kind: 'exhibit' },
        fileOf(`%PDF-1.7 exhibit ${i}`, `exhibit-${i}.pdf`),
      );
    }
    const { blob } = await exportBundle(source, dispute.id, {
      includePrivileged: true,
      appVersion: 'test',
    });
    const slice = vi.spyOn(Blob.prototype, 'slice');
    try {
      const bundle = await readBundle(blob);
      // A few reads of the archive (its directory, a window of its entries), not one per file.
      expect(bundle.files.size).toBe(62);
      expect(slice.mock.calls.length).toBeLessThan(10);
      await importBundle(target, bundle);
    } finally {
      slice.mockRestore();
    }
    const exhibit = (await target.documents.toArray()).find((d) => d.title === 'Exhibit 41')!;
    const stored = await target.files.get(exhibit.sha256);
    expect(await stored!.blob.text()).toBe('%PDF-1.7 exhibit 41');
    expect(await target.files.count()).toBe(62);
  });

  it('asks before touching a dispute that is already on file', async () => {
    const { dispute } = await fillDispute(source);
    const bundle = await bundleOf(source, dispute.id);
    await importBundle(target, bundle);
    const before = await contents(target);
    await expect(importBundle(target, bundle)).rejects.toThrow(ChoiceNeededError);
    expect(await contents(target)).toEqual(before);
  });

  it('imports as a copy under new ids, with every reference remapped and shared records reused', async () => {
    const { dispute } = await fillDispute(source);
    const bundle = await bundleOf(source, dispute.id);
    await importBundle(target, bundle);
    const copy = await importBundle(target, bundle, 'copy');

    expect(copy.mode).toBe('copy');
    expect(copy.disputeId).not.toBe(dispute.id);
    expect(copy.title).toBe('Orion v. Nimbus (copy)');
    // Organisations, patents and file bytes are shared, not duplicated.
    expect(await target.organisations.count()).toBe(2);
    // The numberless patent too: it is the same record, by id.
    expect(await target.patents.count()).toBe(3);
    expect(await target.files.count()).toBe(2);
    expect(await target.disputes.count()).toBe(2);

    const byDispute = (
      table: 'disputeParties' | 'proceedings' | 'assertions' | 'documents' | 'notes' | 'deadlines',
      id: string,
    ) => target.table(table).where('disputeId').equals(id).toArray();
    const proceedings = await byDispute('proceedings', copy.disputeId);
    const proceedingIds = new Set(proceedings.map((p: { id: string }) => p.id));
    expect(proceedings).toHaveLength(2);
    const originalProceedings = await byDispute('proceedings', dispute.id);
    for (const p of originalProceedings) expect(proceedingIds.has(p.id)).toBe(false);

    const assertions = await byDispute('assertions', copy.disputeId);
    expect(assertions).toHaveLength(4);
    for (const a of assertions) expect(proceedingIds.has(a.proceedingId)).toBe(true);
    const documents = await byDispute('documents', copy.disputeId);
    const documentIds = new Set(documents.map((d: { id: string }) => d.id));
    const notes = await byDispute('notes', copy.disputeId);
    expect(
      notes
        .flatMap((n: { documentIds: string[] }) => n.documentIds)
        .every((id: string) => documentIds.has(id)),
    ).toBe(true);
    const deadlines = await byDispute('deadlines', copy.disputeId);
    expect(
      deadlines
        .filter((d: { proceedingId: string | null }) => d.proceedingId !== null)
        .every((d: { proceedingId: string }) => proceedingIds.has(d.proceedingId)),
    ).toBe(true);
  });

  it('updates the dispute on file from a bundle without privileged material, keeping what it left out', async () => {
    const { dispute } = await fillDispute(source);
    const bundle = await bundleOf(source, dispute.id, false);
    const onFile = await bundleOf(source, dispute.id, true);
    await importBundle(target, onFile);
    await target.disputes.update(dispute.id, { summary: 'Edited here' });
    const notesBefore = await target.notes.count();
    const documentsBefore = await target.documents.count();

    const plan = await planUpdate(target, bundle);
    // The bundle left the privileged notes and documents out: they are kept, not deleted.
    expect(plan.notes.kept).toBe(notesBefore - bundle.records.notes.length);
    expect(plan.notes.kept).toBeGreaterThan(0);
    expect(plan.documents.kept).toBe(documentsBefore - bundle.records.documents.length);
    expect(plan.notes.added).toBe(0);

    const result = await importBundle(target, bundle, 'update');
    expect(result).toMatchObject({ mode: 'update', disputeId: dispute.id });
    expect(await target.disputes.count()).toBe(1);
    expect((await target.disputes.get(dispute.id))?.summary).toBe(
      'Two actions over the camera patents.',
    );
    expect(await target.notes.count()).toBe(notesBefore);
    expect(await target.documents.count()).toBe(documentsBefore);
    expect(await target.trash.count()).toBe(0);
    // Shared records are reused by id, not stored again, even a patent with no number.
    expect(await target.patents.count()).toBe(3);
    expect(await target.organisations.count()).toBe(2);
    const audit = await target.audit.orderBy('seq').last();
    expect(audit).toMatchObject({ action: 'update', summary: expect.stringMatching(/^Updated/) });
  });

  it('matches organisations by name and patents by number and jurisdiction instead of duplicating them', async () => {
    const { dispute } = await fillDispute(source);
    const bundle = await bundleOf(source, dispute.id);
    const orion = await findOrCreateOrganisation(target, { name: '  orion   MOBILE ' });
    const patent = await createPatent(target, {
      number: 'EP 3 123 456 B1',
      jurisdiction: 'EP',
      title: 'Ours',
    });
    // Same digits, other office: a different patent.
    await createPatent(target, {
      number: '10 2019 000 001',
      jurisdiction: 'AT',
      title: 'Other',
    });

    await importBundle(target, bundle);
    expect(await target.organisations.count()).toBe(2);
    expect(await target.patents.count()).toBe(4);
    const parties = await target.disputeParties.where('disputeId').equals(dispute.id).toArray();
    expect(parties.map((p) => p.organisationId)).toContain(orion.id);
    const assertions = await target.assertions.where('disputeId').equals(dispute.id).toArray();
    expect(assertions.filter((a) => a.patentId === patent.id)).toHaveLength(2);
    // Only the patent with the same number and jurisdiction was matched.
    const lens = await target.patents
      .where('numberKey')
      .anyOf('DE102019000001', 'AT102019000001')
      .toArray();
    expect(lens.map((p) => p.jurisdiction).sort()).toEqual(['AT', 'DE']);
  });
});
