/// <reference lib="webworker" />
/**
 * The hashing worker: hashes each Blob it is sent, one at a time in arrival order, and reports
 * progress about every slice. Reading and hashing happen here so that attaching or verifying a
 * large filing never holds up the page.
 */
import type { HashRequest, HashResponse } from './hash-protocol';
import { sha256OfBlob } from './sha256-slices';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let queue = Promise.resolve();

function reply(message: HashResponse) {
  scope.postMessage(message);
}

scope.addEventListener('message', (event: MessageEvent<HashRequest>) => {
  const { id, blob } = event.data;
  queue = queue.then(async () => {
    try {
      const sha256 = await sha256OfBlob(blob, (bytesDone) =>
        reply({ id, type: 'progress', bytesDone }),
      );
      reply({ id, type: 'done', sha256 });
    } catch (error) {
      reply({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  });
});
