/// <reference lib="webworker" />
/**
 * The archive worker: reading, inflating, hashing and checking an archive (a backup being
 * restored, a bundle being imported) happen here, so a large or hostile archive never holds up
 * the window; if this worker dies (out of memory), the page's client refuses the archive.
 */
import { createArchiveService } from './archive-service';
import { serveRequests } from './worker-serve';

serveRequests(self as unknown as DedicatedWorkerGlobalScope, createArchiveService());
