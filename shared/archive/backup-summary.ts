/**
 * What a backups list says about one backup file, the same on the desktop (a file in the data
 * folder) and in the browser (a copy in the origin's private file system): its date and reason from
 * its name, its counts from its manifest, or only that it is encrypted (a sealed manifest shows its
 * counts once the backup is opened with its passphrase).
 */
import { parseBackupName, type BackupSummary } from '../backups';
import { readEncryptionHeader } from './encryption';
import { readArchiveManifest } from './read-archive';

export async function summariseBackup(name: string, file: Blob): Promise<BackupSummary> {
  const parsed = parseBackupName(name);
  let counts: Record<string, number> | null = null;
  let schemaVersion: number | null = null;
  let encrypted = false;
  try {
    encrypted = (await readEncryptionHeader(file)) !== null;
    if (!encrypted) {
      const manifest = await readArchiveManifest(file);
      counts = manifest.counts;
      schemaVersion = manifest.schemaVersion;
    }
  } catch {
    // Listed anyway, without counts: restoring it will say exactly what is wrong.
  }
  return {
    name,
    size: file.size,
    createdAt: parsed?.createdAt.toISOString() ?? '',
    reason: parsed?.reason ?? '',
    counts,
    schemaVersion,
    encrypted,
  };
}
