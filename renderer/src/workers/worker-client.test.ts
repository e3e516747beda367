import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerClient, type WorkerLike, WorkerClientError } from './worker-client';
import { type RequestContext, serveRequests, type WorkerScope } from './worker-serve';

type Handler = (payload: number, context: RequestContext<string>) => Promise<number> | number;

/** A worker stand-in: a real MessageChannel between the client and `serveRequests`. */
function inProcessWorker(handle: Handler) {
  const channel = new MessageChannel();
  const errorListeners: ((event: Event) => void)[] = [];
  const serverPort = channel.port2 as unknown as WorkerScope & { start(): void };
  serveRequests<number, number, string>(serverPort, handle);
  serverPort.start();
  const clientPort = channel.port1 as unknown as WorkerLike & { start(): void; close(): void };
  let terminated = false;
  const worker: WorkerLike & { crash(): void; terminated(): boolean } = {
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
    },
    crash: () => {
      for (const listener of errorListeners) listener(new Event('error'));
    },
    terminated: () => terminated,
  };
  return worker;
}

const started: ReturnType<typeof inProcessWorker>[] = [];
afterEach(() => {
  for (const worker of started.splice(0)) worker.terminate();
});

function clientFor(handle: Handler, timeoutMs = 0) {
  return createWorkerClient<number, number, string>({
    label: 'the test worker',
    timeoutMs,
    start: () => {
      const worker = inProcessWorker(handle);
      started.push(worker);
      return worker;
    },
  });
}

describe('the worker client', () => {
  it('answers each request by its id, with progress', async () => {
    const progress: string[] = [];
    const client = clientFor(async (n, { progress: report }) => {
      report(`half of ${n}`);
      await new Promise((resolve) => setTimeout(resolve, 10 - n));
      return n * 2;
    });
    const answers = await Promise.all([
      client.request(1, { onProgress: (p) => progress.push(p) }),
      client.request(5),
    ]);
    expect(answers).toEqual([2, 10]);
    expect(progress).toEqual(['half of 1']);
    expect(client.pending()).toBe(0);
  });

  it('rejects one request whose handler throws and keeps serving the others', async () => {
    const client = clientFor((n) => {
      if (n === 13) throw new Error('unlucky number');
      return n;
    });
    await expect(client.request(13)).rejects.toThrow('unlucky number');
    await expect(client.request(7)).resolves.toBe(7);
  });

  it('rejects every waiting request when the worker fails, then starts a fresh one', async () => {
    const client = clientFor(() => new Promise<number>(() => {}));
    const first = client.request(1);
    const second = client.request(2);
    started[0]!.crash();
    await expect(first).rejects.toThrow('The test worker stopped unexpectedly');
    await expect(second).rejects.toBeInstanceOf(WorkerClientError);
    expect(started[0]!.terminated()).toBe(true);
    expect(client.pending()).toBe(0);
    // A fresh worker serves the next request.
    const next = client.request(3, { timeoutMs: 30 });
    expect(started).toHaveLength(2);
    await expect(next).rejects.toThrow('did not answer');
  });

  it('rejects all waiting requests and restarts the worker when one times out', async () => {
    const client = clientFor(() => new Promise<number>(() => {}), 40);
    const waiting = [client.request(1), client.request(2)];
    for (const request of waiting) {
      await expect(request).rejects.toMatchObject({ reason: 'timeout' });
    }
    expect(started[0]!.terminated()).toBe(true);
  });

  it('cancels a request at once and tells the worker', async () => {
    let sawAbort = false;
    const client = clientFor(
      (_n, { signal }) =>
        new Promise<number>((resolve) => {
          signal.addEventListener('abort', () => {
            sawAbort = true;
            resolve(0);
          });
        }),
    );
    const controller = new AbortController();
    const request = client.request(1, { signal: controller.signal });
    controller.abort();
    await expect(request).rejects.toMatchObject({ reason: 'cancelled' });
    await expect.poll(() => sawAbort).toBe(true);
    await expect(client.request(2, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      reason: 'cancelled',
    });
  });

  it('rejects a payload that cannot be sent without disturbing the rest', async () => {
    const client = createWorkerClient<unknown, unknown>({
      label: 'the test worker',
      start: () => inProcessWorker((n) => n),
    });
    await expect(client.request(() => 1)).rejects.toMatchObject({ reason: 'unsendable' });
    await expect(client.request(4)).resolves.toBe(4);
    client.dispose();
  });

  it('answers with an error when the result cannot be sent back', async () => {
    const client = createWorkerClient<number, unknown>({
      label: 'the test worker',
      start: () => {
        const worker = inProcessWorker((() => () => 1) as unknown as Handler);
        started.push(worker);
        return worker;
      },
    });
    await expect(client.request(1)).rejects.toThrow('could not be sent back');
  });

  it('rejects everything on dispose', async () => {
    const client = clientFor(() => new Promise<number>(() => {}));
    const request = client.request(1);
    client.dispose();
    await expect(request).rejects.toMatchObject({ reason: 'disposed' });
  });
});
