import { Dexie, type EntityTable, type Table } from 'dexie';
import type {
  Assertion,
  AuditEntry,
  CaseDocument,
  Deadline,
  Dispute,
  DisputeParty,
  DocumentText,
  Note,
  OcrJob,
  Organisation,
  Patent,
  Proceeding,
  StoredFile,
  TrashEntry,
} from '../../../shared/domain/schemas';
import { migrations } from './migrations';

export type Setting = { key: string; value: unknown };

export const DATABASE_NAME = 'casefile';

export class CasefileDb extends Dexie {
  disputes!: Table<Dispute, string>;
  proceedings!: Table<Proceeding, string>;
  organisations!: Table<Organisation, string>;
  disputeParties!: Table<DisputeParty, string>;
  patents!: Table<Patent, string>;
  assertions!: Table<Assertion, string>;
  documents!: Table<CaseDocument, string>;
  files!: Table<StoredFile, string>;
  documentTexts!: Table<DocumentText, string>;
  ocrJobs!: Table<OcrJob, string>;
  notes!: Table<Note, string>;
  deadlines!: Table<Deadline, string>;
  audit!: EntityTable<AuditEntry, 'seq'>;
  settings!: Table<Setting, string>;
  trash!: Table<TrashEntry, string>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    for (const migrate of migrations) migrate(this);
  }
}
