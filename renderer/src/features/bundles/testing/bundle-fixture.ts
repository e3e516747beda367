/**
 * A dispute with something in every table a bundle carries, written through the repositories as a
 * person would: two organisations, two proceedings, two patents (one owned by a party), documents
 * with real bytes (one privileged, two sharing the same bytes) and extracted text, notes (one
 * privileged, linking to the privileged document) and deadlines. Used by the unit tests.
 */
import { createHash } from 'node:crypto';
import type { CasefileDb } from '../../../db/casefile-db';
import { createDeadline } from '../../../db/repos/deadline-repo';
import { createDispute } from '../../../db/repos/dispute-repo';
import { attachDocument } from '../../../db/repos/document-repo';
import { createNote } from '../../../db/repos/note-repo';
import { findOrCreateOrganisation } from '../../../db/repos/organisation-repo';
import { addParty } from '../../../db/repos/party-repo';
import { assertPatent } from '../../../db/repos/patent-repo';
import { createProceeding } from '../../../db/repos/proceeding-repo';

export function fileOf(text: string, fileName: string) {
  const bytes = new TextEncoder().encode(text);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const mimeType = 'application/pdf';
  return { blob: new Blob([bytes], { type: mimeType }), fileName, mimeType, sha256 };
}

export async function fillDispute(db: CasefileDb, title = 'Orion v. Nimbus') {
  const dispute = await createDispute(db, {
    title,
    matterNumber: 'LIT-2024-007',
    ourRole: 'plaintiff',
    status: 'active',
    summary: 'Two actions over the camera patents.',
    tags: ['camera', 'SEP'],
    openedOn: '2024-02',
  });
  const disputeId = dispute.id;
  const orion = await findOrCreateOrganisation(db, { name: 'Orion Mobile', country: 'DE' });
  const nimbus = await findOrCreateOrganisation(db, { name: 'Nimbus Devices', country: 'US' });
  await addParty(db, { disputeId, organisationId: orion.id, role: 'plaintiff', ourSide: true });
  await addParty(db, {
    disputeId,
    organisationId: nimbus.id,
    role: 'defendant',
    outsideCounsel: 'Hale & Partners',
  });
  const munich = await createProceeding(db, {
    disputeId,
    forum: 'Munich Regional Court',
    country: 'DE',
    caseNumber: '7 O 1234/24',
    filedOn: '2024-02-12',
  });
  const epo = await createProceeding(db, {
    disputeId,
    kind: 'invalidation',
    forum: 'EPO',
    filedOn: '2024-05',
  });
  const { patent } = await assertPatent(
    db,
    { number: 'EP 3 123 456 B1', jurisdiction: 'EP', title: 'Camera module', ownerId: orion.id },
    { disputeId, proceedingId: munich.id, claims: '1-5, 9' },
  );
  await assertPatent(db, { ...patent }, { disputeId, proceedingId: epo.id, status: 'withdrawn' });
  await assertPatent(
    db,
    { number: 'DE 10 2019 000 001', jurisdiction: 'DE', title: 'Lens stack' },
    { disputeId, proceedingId: munich.id, claims: '1' },
  );
  // Known only by its technology, as in many public reports: nothing to match it by but its id.
  await assertPatent(
    db,
    { technology: 'Image stabilisation' },
    { disputeId, proceedingId: epo.id },
  );
  const complaint = await attachDocument(
    db,
    {
      disputeId,
      proceedingId: munich.id,
      title: 'Complaint',
      kind: 'complaint',
      filedOn: '2024-02-12',
    },
    fileOf('%PDF-1.7 the complaint', 'complaint.pdf'),
  );
  await attachDocument(
    db,
    { disputeId, proceedingId: munich.id, title: 'Complaint (court copy)', kind: 'complaint' },
    fileOf('%PDF-1.7 the complaint', 'complaint-copy.pdf'),
  );
  const memo = await attachDocument(
    db,
    { disputeId, title: 'Strategy memo', kind: 'other', privilege: 'attorney-client' },
    fileOf('%PDF-1.7 our strategy: settle at 2M', 'memo.pdf'),
  );
  await db.documentTexts.put({ sha256: complaint.sha256, pages: ['The complaint, page 1'] });
  await db.documentTexts.put({ sha256: memo.sha256, pages: ['Settle at 2M'] });
  await createNote(db, {
    disputeId,
    kind: 'meeting',
    date: '2024-03-01',
    title: 'Case management conference',
    body: 'Court set the timetable.',
    privilege: 'none',
    documentIds: [complaint.id],
  });
  await createNote(db, {
    disputeId,
    kind: 'offer',
    date: '2024-04',
    title: 'Our opening offer',
    amount: 2000000,
    currency: 'EUR',
    body: 'Walk-away point 1.5M.',
    privilege: 'attorney-client-work-product',
    documentIds: [memo.id, complaint.id],
  });
  await createDeadline(db, {
    disputeId,
    proceedingId: munich.id,
    date: '2024-06-30',
    kind: 'filing-deadline',
    title: 'Reply brief due',
  });
  await createDeadline(db, { disputeId, date: '2024-09-01', kind: 'hearing', title: 'Hearing' });
  return { dispute, orion, nimbus, munich, epo, complaint, memo };
}
