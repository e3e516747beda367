/** Attaching from the app: the shared queue wired to the app's database and hashing worker. */
import { db } from '../../db/db';
import { attachFiles } from './attach-jobs';
import { hashClient } from './hash-client';

export function attachToDispute(disputeId: string, files: File[]): Promise<void> {
  return attachFiles({ db, hasher: hashClient() }, disputeId, files);
}
