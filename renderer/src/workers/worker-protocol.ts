/** The messages between `createWorkerClient` (page) and `serveRequests` (worker). */
export type ClientMessage<Req> =
  { kind: 'request'; id: number; payload: Req } | { kind: 'cancel'; id: number };

export type WorkerMessage<Res, P> =
  | { kind: 'progress'; id: number; progress: P }
  | { kind: 'done'; id: number; value: Res }
  | { kind: 'error'; id: number; message: string };
