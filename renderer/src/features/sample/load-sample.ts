/**
 * Loads the sample case file (resources/sample/sample-case-file.json) into the database.
 *
 * Policy: the whole file is validated before anything is written, then everything is written in
 * one transaction through the repositories, so each record is validated and audited as if a person
 * had typed it in, and any failure leaves the database as it was. Loading is repeatable: a sample
 * dispute whose title is already in the case files is skipped whole (whatever the user has done to
 * it since stays untouched, and a renamed copy does not count), and organisations are found by name
 * before one is created, and only when a dispute being loaded needs them. The result lists only
 * the disputes this call created.
 */
import sampleJson from '../../../../resources/sample/sample-case-file.json';
import { parseOrThrow } from '../../../../shared/validation';
import type { CasefileDb } from '../../db/casefile-db';
import { createAssertion } from '../../db/repos/assertion-repo';
import { createDeadline } from '../../db/repos/deadline-repo';
import { createDispute } from '../../db/repos/dispute-repo';
import { attachDocument, type FileToAttach } from '../../db/repos/document-repo';
import { createNote } from '../../db/repos/note-repo';
import { findOrCreateOrganisation } from '../../db/repos/organisation-repo';
import { addParty } from '../../db/repos/party-repo';
import { assertPatent } from '../../db/repos/patent-repo';
import { createProceeding } from '../../db/repos/proceeding-repo';
import { renderSampleFilings } from '../documents/sample-filings';
import {
  sampleCaseFileSchema,
  type SampleCaseFile,
  type SampleDispute,
  type SampleDocument,
} from './sample-schema';

/** The sample's worked example, faithful to the published announcement; the app opens it first. */
export const SAMPLE_DISPUTE_TITLE = 'Huawei v. Xiaomi';

type OrganisationIds = (key: string) => Promise<string>;

export async function loadSampleCaseFile(
  db: CasefileDb,
  data: unknown = sampleJson,
): Promise<{ disputeIds: string[] }> {
  const file = parseOrThrow(sampleCaseFileSchema, data, 'The sample case file');
  // The filings' PDFs are made before the transaction: it would close while they are written.
  const filings = await renderSampleFilings(file.disputes.flatMap((d) => d.documents));
  return db.transaction('rw', db.tables, async () => {
    const organisationIds = organisationsOf(db, file);
    const disputeIds: string[] = [];
    for (const dispute of file.disputes) {
      if ((await db.disputes.where('title').equals(dispute.title).count()) > 0) continue;
      disputeIds.push(await loadDispute(db, dispute, organisationIds, filings));
    }
    return { disputeIds };
  });
}

/** Resolves an organisation key to its id, finding or creating the organisation on first use. */
function organisationsOf(db: CasefileDb, file: SampleCaseFile): OrganisationIds {
  const ids = new Map<string, string>();
  return async (key) => {
    const known = ids.get(key);
    if (known) return known;
    // The schema has checked that every key names an organisation of the file.
    const { key: _key, ...input } = file.organisations.find((o) => o.key === key)!;
    const organisation = await findOrCreateOrganisation(db, input);
    ids.set(key, organisation.id);
    return organisation.id;
  };
}

async function loadDispute(
  db: CasefileDb,
  sample: SampleDispute,
  organisationIds: OrganisationIds,
  filings: Map<SampleDocument, FileToAttach>,
): Promise<string> {
  const { parties, proceedings, patents, notes, deadlines, documents, ...fields } = sample;
  const { id: disputeId } = await createDispute(db, fields);

  for (const { org, ...party } of parties) {
    await addParty(db, { ...party, disputeId, organisationId: await organisationIds(org) });
  }

  const proceedingIds = new Map<string, string>();
  for (const { key, ...proceeding } of proceedings) {
    const created = await createProceeding(db, { ...proceeding, disputeId });
    proceedingIds.set(key, created.id);
  }
  // The schema has checked that every proceeding key names a proceeding of this dispute.
  const proceedingId = (key: string) => proceedingIds.get(key)!;

  for (const { owner, assertions, ...patent } of patents) {
    const ownerId = owner === null ? null : await organisationIds(owner);
    const [first, ...others] = assertions.map(({ proceeding, ...assertion }) => ({
      ...assertion,
      disputeId,
      proceedingId: proceedingId(proceeding),
    }));
    // A patent asserted in several proceedings (an infringement action and the invalidity attack
    // on it) is one patent: the first assertion stores it, the others point at it.
    const { patent: stored } = await assertPatent(db, { ...patent, ownerId }, first!);
    for (const assertion of others)
      await createAssertion(db, { ...assertion, patentId: stored.id });
  }

  for (const note of notes) await createNote(db, { ...note, disputeId });

  for (const { proceeding, ...deadline } of deadlines) {
    const id = proceeding === null ? null : proceedingId(proceeding);
    await createDeadline(db, { ...deadline, disputeId, proceedingId: id });
  }

  for (const document of documents) {
    const { proceeding, fileName: _fileName, pdf: _pdf, ...input } = document;
    const id = proceeding === null ? null : proceedingId(proceeding);
    await attachDocument(db, { ...input, disputeId, proceedingId: id }, filings.get(document)!);
  }

  return disputeId;
}
