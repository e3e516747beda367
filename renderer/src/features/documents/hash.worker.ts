/// <reference lib="webworker" />
/**
 * The hashing worker: hashes each Blob it is sent and reports progress about every slice.
 * Reading and hashing happen here so that attaching or verifying a large filing never holds up
 * the page.
 */
import { serveRequests } from '../../workers/worker-serve';
import { sha256OfBlob } from './sha256-slices';

serveRequests<Blob, string, number>(
  self as unknown as DedicatedWorkerGlobalScope,
  (blob, { progress }) => sha256OfBlob(blob, progress),
);
