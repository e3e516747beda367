/**
 * Attaching files, one after another, with progress a component can show. The queue lives outside
 * React so that a drop on any tab of the dispute page and the "Attach filing" button feed the
 * same list, and progress survives switching tabs. Each file is checked, hashed in the worker,
 * then stored with its metadata in one transaction; a refused or failed file leaves nothing behind
 * and keeps its message in the list until dismissed.
 */
import { useSyncExternalStore } from 'react';
import type { CasefileDb } from '../../db/casefile-db';
import { attachDocument } from '../../db/repos/document-repo';
import {
  kindFromFileName,
  mimeTypeOf,
  refusalOf,
  storageErrorMessage,
  titleFromFileName,
} from './attach-rules';
import type { HashClient } from './hash-client';
import { isEmailFileName } from '../../../../shared/domain/email';
import { fileEmail } from '../email/attach-email';
import { emailReader } from '../email/email-client';

export type AttachJob = {
  id: number;
  disputeId: string;
  fileName: string;
  size: number;
  state: 'waiting' | 'hashing' | 'storing' | 'done' | 'failed';
  bytesHashed: number;
  message: string;
};

let jobs: AttachJob[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
let queue = Promise.resolve();

function publish(next: AttachJob[]) {
  jobs = next;
  for (const listener of listeners) listener();
}

function change(id: number, patch: Partial<AttachJob>) {
  publish(jobs.map((job) => (job.id === id ? { ...job, ...patch } : job)));
}

export function dismissJob(id: number): void {
  publish(jobs.filter((job) => job.id !== id));
}

export type AttachDeps = { db: CasefileDb; hasher: HashClient; onStored?: () => void };

/** Queues the files; answers when all of them are attached or refused. */
export function attachFiles(deps: AttachDeps, disputeId: string, files: File[]): Promise<void> {
  // Finished jobs of earlier batches make way for the new ones; failures stay until dismissed.
  const added: AttachJob[] = files.map((file) => ({
    id: nextId++,
    disputeId,
    fileName: file.name,
    size: file.size,
    state: 'waiting',
    bytesHashed: 0,
    message: '',
  }));
  publish([...jobs.filter((job) => job.state !== 'done'), ...added]);
  const work = files.map((file, index) => () => attachOne(deps, added[index]!, file));
  for (const step of work) queue = queue.then(step);
  return queue;
}

async function attachOne({ db, hasher, onStored }: AttachDeps, job: AttachJob, file: File) {
  const refusal = refusalOf(file);
  if (refusal) {
    change(job.id, { state: 'failed', message: refusal });
    return;
  }
  if (isEmailFileName(file.name)) {
    try {
      change(job.id, { state: 'storing' });
      change(job.id, {
        state: 'done',
        message: await fileEmail({ db, hasher, reader: emailReader() }, job.disputeId, file),
      });
      onStored?.();
    } catch (error) {
      change(job.id, { state: 'failed', message: storageErrorMessage(file.name, error) });
    }
    return;
  }
  const startedAt = performance.now();
  try {
    change(job.id, { state: 'hashing' });
    const sha256 = await hasher.hash(file, (bytesHashed) => change(job.id, { bytesHashed }));
    const hashedAt = performance.now();
    change(job.id, { state: 'storing', bytesHashed: file.size });
    await attachDocument(
      db,
      {
        disputeId: job.disputeId,
        title: titleFromFileName(file.name),
        kind: kindFromFileName(file.name),
      },
      { blob: file, fileName: file.name, mimeType: mimeTypeOf(file), sha256 },
    );
    // Left for the benchmark and for profiling: how long attaching this many bytes took, and how
    // that split between hashing (in the worker) and the one transaction that stores it.
    const detail = { bytes: file.size };
    performance.measure('casefile:attach', { start: startedAt, detail });
    performance.measure('casefile:attach-hash', { start: startedAt, end: hashedAt, detail });
    performance.measure('casefile:attach-store', { start: hashedAt, detail });
    change(job.id, { state: 'done', message: `“${file.name}” attached.` });
    onStored?.();
  } catch (error) {
    change(job.id, { state: 'failed', message: storageErrorMessage(file.name, error) });
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The attach jobs of one dispute, as they change. */
export function useAttachJobs(disputeId: string): AttachJob[] {
  const all = useSyncExternalStore(subscribe, () => jobs);
  return all.filter((job) => job.disputeId === disputeId);
}
