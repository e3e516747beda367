/**
 * The worker's side of `createWorkerClient`: runs `handle` for each request, reports progress,
 * passes cancellation in as an AbortSignal, and always answers: a handler that throws, or a
 * result that cannot be posted back, becomes an error answer instead of a silent hang.
 */
import type { ClientMessage, WorkerMessage } from './worker-protocol';

/** The parts of a worker's global scope (or a MessagePort, in tests) that serving needs. */
export type WorkerScope = {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
};

export type RequestContext<P> = {
  progress: (progress: P) => void;
  signal: AbortSignal;
  /** Bytes to hand back without copying. */
  transfer: (list: Transferable[]) => void;
};

export function serveRequests<Req, Res, P = never>(
  scope: WorkerScope,
  handle: (payload: Req, context: RequestContext<P>) => Promise<Res> | Res,
): void {
  const running = new Map<number, AbortController>();
  const post = (message: WorkerMessage<Res, P>, transfer: Transferable[] = []) =>
    scope.postMessage(message, transfer);

  scope.addEventListener('message', (event) => {
    const message = event.data as ClientMessage<Req>;
    if (message.kind === 'cancel') {
      running.get(message.id)?.abort();
      return;
    }
    const { id } = message;
    const controller = new AbortController();
    running.set(id, controller);
    let transfer: Transferable[] = [];
    const context: RequestContext<P> = {
      progress: (progress) => {
        if (!controller.signal.aborted) post({ kind: 'progress', id, progress });
      },
      signal: controller.signal,
      transfer: (list) => {
        transfer = list;
      },
    };
    void (async () => {
      try {
        const value = await handle(message.payload, context);
        if (controller.signal.aborted) return;
        try {
          post({ kind: 'done', id, value }, transfer);
        } catch (error) {
          post({
            kind: 'error',
            id,
            message: `The answer could not be sent back: ${describe(error)}`,
          });
        }
      } catch (error) {
        if (!controller.signal.aborted) post({ kind: 'error', id, message: describe(error) });
      } finally {
        running.delete(id);
      }
    })();
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
