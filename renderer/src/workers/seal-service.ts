/**
 * The sealing worker's handler (seal.worker.ts runs it; tests run it in process): one sealer per
 * session (shared/archive/encryption.ts), its output gathered per request and handed back
 * without copying.
 */
import { createArchiveSealer, type ArchiveSealer } from '../../../shared/archive/encryption';
import type { SealAnswer, SealRequest } from './seal-protocol';
import type { RequestContext } from './worker-serve';

type Session = { sealer: ArchiveSealer; out: Uint8Array[] };

function gathered(session: Session): Uint8Array<ArrayBuffer> {
  const chunks = session.out.splice(0);
  const size = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

export function createSealService() {
  const sessions = new Map<number, Session>();
  let nextSession = 1;

  function sessionOf(id: number): Session {
    const session = sessions.get(id);
    if (!session) throw new Error('That archive is no longer being encrypted. Start again.');
    return session;
  }

  return async (request: SealRequest, context: RequestContext<never>): Promise<SealAnswer> => {
    if (request.kind === 'begin') {
      const id = nextSession++;
      const out: Uint8Array[] = [];
      const sealer = await createArchiveSealer(
        request.passphrase,
        async (chunk) => {
          out.push(chunk);
        },
        { kdf: request.kdf, signal: context.signal },
      );
      const session: Session = { sealer, out };
      sessions.set(id, session);
      const bytes = gathered(session);
      context.transfer([bytes.buffer]);
      return { session: id, bytes };
    }
    if (request.kind === 'abort') {
      await sessions.get(request.session)?.sealer.abort();
      sessions.delete(request.session);
      return { session: request.session, bytes: new Uint8Array(0) };
    }
    const session = sessionOf(request.session);
    try {
      if (request.kind === 'seal') {
        for (const item of request.ops) {
          if (item.op === 'entry') await session.sealer.beginEntry(item.name, item.deflate);
          else if (item.op === 'data') await session.sealer.push(item.bytes);
          else await session.sealer.endEntry();
        }
      } else {
        await session.sealer.finish();
        sessions.delete(request.session);
      }
    } catch (error) {
      sessions.delete(request.session);
      throw error;
    }
    const bytes = gathered(session);
    context.transfer([bytes.buffer]);
    return { session: request.session, bytes };
  };
}
