/**
 * One typed client for every Web Worker in the renderer (hashing, extraction, OCR, search index,
 * archives, calendar export), so no caller can be left waiting for ever:
 * - each request has an id; answers, progress and errors are matched to it;
 * - a request can be cancelled (AbortSignal): the worker is told, the caller is rejected at once;
 * - a request that outlives its timeout is rejected, and since a worker that does not answer is
 *   stuck, the worker is ended and every other waiting request is rejected too;
 * - if the worker fails (an error event, a message that cannot be read) every waiting request is
 *   rejected with the client's message, and the next request starts a fresh worker;
 * - a request whose payload cannot be posted (not cloneable) is rejected alone.
 * The worker's side is `serveRequests` in ./worker-serve.ts; both speak ./worker-protocol.ts.
 */
import type { ClientMessage, WorkerMessage } from './worker-protocol';

/** The parts of a Worker the client uses, so tests can hand it an in-process stand-in. */
export type WorkerLike = {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
};

export class WorkerClientError extends Error {
  override name = 'WorkerClientError';
  constructor(
    message: string,
    readonly reason: 'failed' | 'timeout' | 'cancelled' | 'disposed' | 'rejected' | 'unsendable',
  ) {
    super(message);
  }
}

export type RequestOptions<P> = {
  onProgress?: (progress: P) => void;
  signal?: AbortSignal;
  /** Overrides the client's default timeout for this request (ms); 0 means none. */
  timeoutMs?: number;
  transfer?: Transferable[];
};

export type WorkerClient<Req, Res, P = never> = {
  request(payload: Req, options?: RequestOptions<P>): Promise<Res>;
  /** How many requests are waiting for an answer. */
  pending(): number;
  /** Ends the worker and rejects everything waiting; a later request starts a new worker. */
  dispose(): void;
};

export type WorkerClientOptions = {
  start: () => WorkerLike;
  /** Names the worker in messages a person reads: "the text extractor". */
  label: string;
  /** Default per-request timeout in ms; 0 (the default) means none. */
  timeoutMs?: number;
};

type Pending<Res, P> = {
  resolve: (value: Res) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: P) => void;
  cleanup: () => void;
};

export function createWorkerClient<Req, Res, P = never>(
  options: WorkerClientOptions,
): WorkerClient<Req, Res, P> {
  let worker: WorkerLike | null = null;
  let nextId = 1;
  const waiting = new Map<number, Pending<Res, P>>();

  function settle(id: number): Pending<Res, P> | undefined {
    const job = waiting.get(id);
    if (!job) return undefined;
    waiting.delete(id);
    job.cleanup();
    return job;
  }

  function failAll(error: WorkerClientError) {
    const current = worker;
    worker = null;
    for (const id of [...waiting.keys()]) settle(id)?.reject(error);
    current?.terminate();
  }

  function onMessage(event: MessageEvent) {
    const message = event.data as WorkerMessage<Res, P>;
    if (message.kind === 'progress') {
      waiting.get(message.id)?.onProgress?.(message.progress);
      return;
    }
    const job = settle(message.id);
    if (!job) return;
    if (message.kind === 'done') job.resolve(message.value);
    else job.reject(new WorkerClientError(message.message, 'rejected'));
  }

  function ensureWorker(): WorkerLike {
    if (worker) return worker;
    const started = options.start();
    started.addEventListener('message', (event) => {
      if (worker === started) onMessage(event);
    });
    const fail = (event: Event) => {
      event.preventDefault?.();
      if (worker !== started) return;
      failAll(
        new WorkerClientError(
          `${capitalise(options.label)} stopped unexpectedly. Try again.`,
          'failed',
        ),
      );
    };
    started.addEventListener('error', fail);
    started.addEventListener('messageerror', fail);
    worker = started;
    return started;
  }

  return {
    request(payload, requestOptions = {}) {
      const { onProgress, signal, transfer } = requestOptions;
      const timeoutMs = requestOptions.timeoutMs ?? options.timeoutMs ?? 0;
      return new Promise<Res>((resolve, reject) => {
        if (signal?.aborted) {
          reject(new WorkerClientError('Cancelled.', 'cancelled'));
          return;
        }
        const id = nextId++;
        const target = ensureWorker();
        let timer: ReturnType<typeof setTimeout> | undefined;
        const onAbort = () => {
          if (!settle(id)) return;
          const cancel: ClientMessage<Req> = { kind: 'cancel', id };
          target.postMessage(cancel);
          reject(new WorkerClientError('Cancelled.', 'cancelled'));
        };
        waiting.set(id, {
          resolve,
          reject,
          onProgress,
          cleanup: () => {
            if (timer) clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
          },
        });
        signal?.addEventListener('abort', onAbort);
        if (timeoutMs > 0) {
          timer = setTimeout(() => {
            if (worker !== target) return;
            failAll(
              new WorkerClientError(
                `${capitalise(options.label)} did not answer within ${Math.round(timeoutMs / 1000)} s and was restarted. Try again.`,
                'timeout',
              ),
            );
          }, timeoutMs);
        }
        try {
          const message: ClientMessage<Req> = { kind: 'request', id, payload };
          target.postMessage(message, transfer ?? []);
        } catch (error) {
          settle(id);
          reject(
            new WorkerClientError(
              `Could not hand the work to ${options.label}: ${error instanceof Error ? error.message : String(error)}`,
              'unsendable',
            ),
          );
        }
      });
    },
    pending: () => waiting.size,
    dispose() {
      failAll(new WorkerClientError(`${capitalise(options.label)} was stopped.`, 'disposed'));
    },
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
