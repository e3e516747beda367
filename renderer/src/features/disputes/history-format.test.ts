import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import {
  assertionSchema,
  deadlineSchema,
  disputePartySchema,
  disputeSchema,
  documentSchema,
  noteSchema,
  organisationSchema,
  patentSchema,
  proceedingSchema,
  type AuditEntry,
} from '../../../../shared/domain/schemas';
import { fieldLabels } from '../../../../shared/domain/vocabulary';
import type { CasefileDb } from '../../db/casefile-db';
import { createDispute, updateDispute, disputeToInput } from '../../db/repos/dispute-repo';
import { updateOrganisation } from '../../db/repos/organisation-repo';
import { addPartyWithOrganisation, removeParty } from '../../db/repos/party-repo';
import { assertPatent } from '../../db/repos/patent-repo';
import { attachDocument, deleteDocument, updateDocument } from '../../db/repos/document-repo';
import { createNote } from '../../db/repos/note-repo';
import { createProceeding, updateProceeding } from '../../db/repos/proceeding-repo';
import { fileToAttach, openTestDb } from '../../db/testing/test-db';
import { formatHistoryEntry, groupByDay, HIDDEN_FIELDS, type NameLookup } from './history-format';

/** Every audited entity and the zod schema of its stored record. */
const schemas: Record<keyof typeof fieldLabels, z.ZodType> = {
  dispute: disputeSchema,
  organisation: organisationSchema,
  party: disputePartySchema,
  proceeding: proceedingSchema,
  patent: patentSchema,
  assertion: assertionSchema,
  document: documentSchema,
  note: noteSchema,
  deadline: deadlineSchema,
};

/** Peels defaults, nullables, optionals and pipes off a schema to reach the type it holds. */
function core(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    if (
      current instanceof z.ZodDefault ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodOptional
    ) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else {
      return current;
    }
  }
}

/** Every field of a schema by dotted path, nested objects included, with its core type. */
function fieldsOf(schema: z.ZodType, prefix = ''): [string, z.ZodType][] {
  const object = core(schema);
  if (!(object instanceof z.ZodObject)) return [];
  return Object.entries(object.shape as Record<string, z.ZodType>).flatMap(([key, inner]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const type = core(inner);
    return type instanceof z.ZodObject ? [[path, type], ...fieldsOf(type, path)] : [[path, type]];
  });
}

const REFERENCES = new Set([
  'organisationId',
  'ownerId',
  'patentId',
  'proceedingId',
  'documentIds',
]);
const DATES = new Set(['openedOn', 'closedOn', 'filedOn', 'expiresOn', 'date']);

/** Two different values a field could hold, the way the app stores them. */
function twoValues(path: string, type: z.ZodType): [unknown, unknown] {
  const field = path.split('.').at(-1)!;
  if (REFERENCES.has(field))
    return field === 'documentIds' ? [['doc-1'], ['doc-2']] : ['ref-1', 'ref-2'];
  if (DATES.has(field)) return ['2023-03', '2024-11-20'];
  if (type instanceof z.ZodEnum) {
    const options = type.options as string[];
    return [options[0], options[1] ?? options[0]];
  }
  if (type instanceof z.ZodBoolean) return [false, true];
  if (type instanceof z.ZodNumber) return [3, 14];
  if (type instanceof z.ZodUnion) return [2500000, 3000000];
  if (type instanceof z.ZodArray) return [['5G'], ['5G', 'smartphones']];
  if (type instanceof z.ZodObject) return [null, null];
  return ['Worldwide', 'China'];
}

const names: Record<string, string> = {
  'ref-1': 'First Named Record',
  'ref-2': 'Second Named Record',
  'doc-1': 'Complaint of March 2023',
  'doc-2': 'Reply of May 2023',
};
const lookup: NameLookup = { nameOf: () => undefined };

function entry(fields: Partial<AuditEntry>): AuditEntry {
  return {
    seq: 1,
    at: '2026-12-02T10:00:00.000Z',
    entity: 'dispute',
    entityId: 'e1',
    disputeId: 'd1',
    action: 'update',
    summary: 'raw summary',
    changes: [],
    ...fields,
  };
}

/** Sets `value` at a dotted path inside a change of the top-level field. */
function change(path: string, old: unknown, next: unknown) {
  const [top, ...rest] = path.split('.');
  const wrap = (value: unknown) =>
    rest.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
  return { field: top!, old: wrap(old), new: wrap(next) };
}

describe('the history formatter', () => {
  let db: CasefileDb | undefined;
  afterEach(async () => {
    await db?.delete();
    db = undefined;
  });

  for (const [entity, schema] of Object.entries(schemas)) {
    const fields = fieldsOf(schema).filter(([path]) => !HIDDEN_FIELDS.has(path));

    it(`has words for every field of a ${entity}`, () => {
      const labels = fieldLabels[entity as keyof typeof fieldLabels] as Record<string, string>;
      for (const [path] of fields) {
        expect(labels[path], `${entity}.${path} needs a label in vocabulary.ts`).toBeTruthy();
      }
    });

    for (const [path, type] of fields) {
      if (type instanceof z.ZodObject) continue;
      it(`says a change of ${entity}.${path} in words`, () => {
        const [old, next] = twoValues(path, type);
        const item = formatHistoryEntry(
          entry({ entity, names, changes: [change(path, old, next)] }),
          lookup,
        );
        const labels = fieldLabels[entity as keyof typeof fieldLabels] as Record<string, string>;
        expect(item.lines).toHaveLength(1);
        const [line] = item.lines;
        expect(line!.label).toBe(labels[path]);
        const field = path.split('.').at(-1)!;
        // No property name (plain words such as "title" may be values, so only camelCase ones).
        const camel = /[A-Z]/.test(field) ? field : '\u0000';
        expect(line!.text).not.toContain(camel);
        expect(line!.text).not.toMatch(/[{}]|null|undefined|\bref-\d|\bdoc-\d|\[|true|false/);
        expect(line!.text).toContain(' → ');
        const named = { documentIds: 'Reply of May 2023' }[field] ?? 'Second Named Record';
        expect(line!.text).toContain(REFERENCES.has(field) ? named : ' → ');
      });
    }
  }

  it('names a nested change by its path and formats choices, dates and money', () => {
    const item = formatHistoryEntry(
      entry({
        changes: [
          {
            field: 'resolution',
            old: {
              kind: 'licence',
              date: '',
              licence: {
                type: null,
                territory: 'Worldwide',
                scope: '',
                term: '',
                consideration: '',
              },
              text: '',
            },
            new: {
              kind: 'cross-licence',
              date: '2025-02',
              licence: { type: null, territory: 'China', scope: '', term: '', consideration: '' },
              text: '',
            },
          },
          { field: 'closedOn', old: '', new: '2025-02-14' },
        ],
      }),
      lookup,
    );
    expect(item.lines.map((l) => `${l.label}: ${l.text}`)).toEqual([
      'Closed: Not recorded → 14 February 2025',
      'Outcome: Licence → Cross-licence',
      'Date of the outcome: Not recorded → February 2025',
      'Licence territory: Worldwide → China',
    ]);
  });

  it('phrases deleting, restoring and purging', () => {
    const deadline = { title: 'PTAB hearing', date: '2026-12-10', kind: 'hearing' };
    const changes = Object.entries(deadline).map(([field, value]) => ({
      field,
      old: value,
      new: null,
    }));
    const at = (action: string) =>
      formatHistoryEntry(
        entry({ entity: 'deadline', action: action as AuditEntry['action'], changes }),
        lookup,
      ).headline;
    expect(at('delete')).toBe('Deleted deadline “PTAB hearing”');
    expect(at('restore')).toBe('Restored deadline “PTAB hearing” from the trash');
    expect(at('purge')).toBe('Deleted deadline “PTAB hearing” for good (emptied from the trash)');
  });

  it('names added records, lists what they were given and keeps names after a rename', async () => {
    db = openTestDb();
    const dispute = await createDispute(db, {
      title: 'Huawei v. Xiaomi',
      ourRole: 'observer',
      status: 'active',
      openedOn: '2023-03',
    });
    const party = await addPartyWithOrganisation(db, {
      disputeId: dispute.id,
      newOrganisationName: 'Xiaomi Corporation',
      role: 'defendant',
      outsideCounsel: 'King & Wood Mallesons',
    });
    const proceeding = await createProceeding(db, {
      disputeId: dispute.id,
      forum: 'Beijing IP Court',
      country: 'China',
      caseNumber: '(2023) Case 12',
    });
    await assertPatent(
      db,
      { number: '1234567', jurisdiction: 'CN', technology: 'Screen lock' },
      { disputeId: dispute.id, proceedingId: proceeding.id, claims: '1-3' },
    );
    await updateDispute(db, dispute.id, { ...disputeToInput(dispute), status: 'stayed' });
    await updateOrganisation(db, party.organisationId, { name: 'Xiaomi Inc.' });
    await removeParty(db, party.id);

    const entries = await db.audit.where('disputeId').equals(dispute.id).reverse().toArray();
    const items = entries.map((e) => formatHistoryEntry(e, lookup));
    expect(items.map((i) => i.headline)).toEqual([
      // Named as it was called when it was removed; it was added under its old name.
      'Removed Xiaomi Inc. as defendant',
      'Changed the dispute “Huawei v. Xiaomi”',
      'Asserted CN 1234567 in (2023) Case 12',
      'Added proceeding Beijing IP Court (China), (2023) Case 12',
      'Added Xiaomi Corporation as defendant',
      'Opened the dispute “Huawei v. Xiaomi”',
    ]);
    const added = items.find((i) => i.headline === 'Added Xiaomi Corporation as defendant')!;
    expect(added.lines.map((l) => `${l.label}: ${l.text}`)).toEqual([
      'Organisation: Xiaomi Corporation',
      'Role: Defendant',
      'Our side: No',
      'Outside counsel: King & Wood Mallesons',
    ]);
    expect(items[1]!.lines).toEqual([{ label: 'Status', text: 'Active → Stayed' }]);
    expect(groupByDay(items)).toHaveLength(1);
  });

  it('keeps the names of a note’s documents and a document’s proceeding as they were', async () => {
    db = openTestDb();
    const dispute = await createDispute(db, {
      title: 'Huawei v. Xiaomi',
      ourRole: 'observer',
      status: 'active',
    });
    const proceeding = await createProceeding(db, {
      disputeId: dispute.id,
      forum: 'Beijing IP Court',
      country: 'China',
      caseNumber: '(2023) Case 12',
    });
    const complaint = await attachDocument(
      db,
      { disputeId: dispute.id, proceedingId: proceeding.id, title: 'Complaint', kind: 'complaint' },
      fileToAttach('%PDF-1.4 complaint', 'complaint.pdf', 'application/pdf'),
    );
    await createNote(db, {
      disputeId: dispute.id,
      date: '2023-03-15',
      kind: 'meeting',
      title: 'Call about the complaint',
      documentIds: [complaint.id],
    });
    // Renamed, then gone: History still says what they were called when the entries were written.
    await updateProceeding(db, proceeding.id, {
      disputeId: dispute.id,
      forum: 'Beijing IP Court',
      country: 'China',
      caseNumber: '(2023) Jing 73 Min Chu 1',
    });
    await updateDocument(db, complaint.id, {
      disputeId: dispute.id,
      proceedingId: proceeding.id,
      title: 'Statement of claim',
      kind: 'complaint',
    });
    await deleteDocument(db, complaint.id);

    const entries = await db.audit.where('disputeId').equals(dispute.id).toArray();
    const line = (entity: string, action: string, label: string) => {
      const found = entries.find((e) => e.entity === entity && e.action === action)!;
      return formatHistoryEntry(found, lookup).lines.find((l) => l.label === label)?.text;
    };
    expect(line('note', 'create', 'Linked documents')).toBe('Complaint');
    expect(line('document', 'create', 'Proceeding')).toBe('(2023) Case 12');
    const renamed = entries.find((e) => e.entity === 'document' && e.action === 'update')!;
    expect(formatHistoryEntry(renamed, lookup).lines).toEqual([
      { label: 'Title', text: 'Complaint → Statement of claim' },
    ]);
    const deleted = entries.find((e) => e.entity === 'document' && e.action === 'delete')!;
    expect(deleted.names?.[proceeding.id]).toBe('(2023) Jing 73 Min Chu 1');
  });

  it('names the documents it can and counts the rest', () => {
    const format = (kept: Record<string, string>) =>
      formatHistoryEntry(
        entry({
          entity: 'note',
          action: 'create',
          names: kept,
          changes: [{ field: 'documentIds', old: null, new: ['doc-1', 'doc-2', 'doc-3'] }],
        }),
        lookup,
      ).lines.find((l) => l.label === 'Linked documents')?.text;
    expect(format({ 'doc-1': names['doc-1']!, 'doc-2': names['doc-2']! })).toBe(
      'Complaint of March 2023, Reply of May 2023 and 1 other linked document',
    );
    expect(format({})).toBe('3 linked documents');
  });

  it('falls back to what is still on file for entries written without names', () => {
    const item = formatHistoryEntry(
      entry({
        entity: 'party',
        action: 'create',
        changes: [
          { field: 'organisationId', old: null, new: 'org-1' },
          { field: 'role', old: null, new: 'plaintiff' },
        ],
      }),
      { nameOf: (id) => (id === 'org-1' ? 'Huawei Technologies Co., Ltd.' : undefined) },
    );
    expect(item.headline).toBe('Added Huawei Technologies Co., Ltd. as plaintiff');
    const gone = formatHistoryEntry(
      entry({
        entity: 'party',
        action: 'create',
        changes: [{ field: 'role', old: null, new: 'plaintiff' }],
      }),
      lookup,
    );
    expect(gone.headline).toBe('Added an organisation no longer on file as plaintiff');
  });
});
