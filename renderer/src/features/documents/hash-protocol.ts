/** The messages between the hash client (hash-client.ts) and the hashing worker (hash.worker.ts). */
export type HashRequest = { id: number; blob: Blob };

export type HashResponse =
  | { id: number; type: 'progress'; bytesDone: number }
  | { id: number; type: 'done'; sha256: string }
  | { id: number; type: 'error'; message: string };
