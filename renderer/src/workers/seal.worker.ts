/// <reference lib="webworker" />
/**
 * The sealing worker: Argon2id and AES-GCM for encrypted backups and bundles run here, so
 * encrypting never pauses the window.
 */
import { createSealService } from './seal-service';
import { serveRequests } from './worker-serve';

serveRequests(self as unknown as DedicatedWorkerGlobalScope, createSealService());
