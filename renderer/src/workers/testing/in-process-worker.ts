/**
 * A worker stand-in for unit tests: a real MessageChannel between a client and `serveRequests`
 * (so payloads and answers are really cloned, Blobs included), and `crash()` to fire the error
 * event a dying worker fires.
 */
import { MessageChannel } from 'node:worker_threads';
import type { WorkerLike } from '../worker-client';
import { type RequestContext, serveRequests, type WorkerScope } from '../worker-serve';

export type InProcessWorker = WorkerLike & { crash(): void; terminated(): boolean };

export function inProcessWorker<Req, Res, P>(
  handle: (payload: Req, context: RequestContext<P>) => Promise<Res> | Res,
): InProcessWorker {
  const channel = new MessageChannel();
  const errorListeners: ((event: Event) => void)[] = [];
  const serverPort = channel.port2 as unknown as WorkerScope & { start(): void };
  serveRequests<Req, Res, P>(serverPort, handle);
  serverPort.start();
  const clientPort = channel.port1 as unknown as WorkerLike & { start(): void; close(): void };
  let terminated = false;
  return {
    postMessage: (message, transfer) => clientPort.postMessage(message, transfer),
    addEventListener: (type: string, listener: (event: never) => void) => {
      if (type === 'message') {
        clientPort.addEventListener('message', listener as (event: MessageEvent) => void);
        clientPort.start();
      } else errorListeners.push(listener as (event: Event) => void);
    },
    terminate: () => {
      terminated = true;
      clientPort.close();
      (channel.port2 as unknown as { close(): void }).close();
    },
    crash: () => {
      for (const listener of errorListeners) listener(new Event('error'));
    },
    terminated: () => terminated,
  };
}
