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
  OcrLayout,
  Organisation,
  Patent,
  Proceeding,
  StoredFile,
  TrashEntry,
} from '../../../shared/domain/schemas';
import { disputeFactsMiddleware, type FactsBucket, type FactsDirty } from './dispute-facts-feed';
import { migrations } from './migrations';
import { searchFeedMiddleware, type OutboxEntry } from './search-feed';

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
  ocrLayouts!: Table<OcrLayout, [string, number]>;
  notes!: Table<Note, string>;
  deadlines!: Table<Deadline, string>;
  audit!: EntityTable<AuditEntry, 'seq'>;
  settings!: Table<Setting, string>;
  trash!: Table<TrashEntry, string>;
  searchOutbox!: EntityTable<OutboxEntry, 'seq'>;
  disputeFacts!: Table<FactsBucket, number>;
  disputeFactsDirty!: Table<FactsDirty, string>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    for (const migrate of migrations) migrate(this);
    this.use(searchFeedMiddleware);
    this.use(disputeFactsMiddleware);
  }
}
