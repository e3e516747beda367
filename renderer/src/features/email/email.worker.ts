/// <reference lib="webworker" />
/**
 * The e-mail worker: .eml and .msg files are parsed here (parse-email.ts), so a large or hostile
 * e-mail never holds up the window; if it kills the worker, the page's client says so.
 */
import { serveRequests } from '../../workers/worker-serve';
import { readEmailRequest } from './parse-email';

serveRequests(self as unknown as DedicatedWorkerGlobalScope, readEmailRequest);
