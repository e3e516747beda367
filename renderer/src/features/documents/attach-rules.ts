/**
 * What may be attached, and how a file's facts become a document's first metadata. The checks
 * run before anything is read or stored, so a refused file changes nothing.
 */
import type { DocumentKind } from '../../../../shared/domain/vocabulary';
import { formatBytes } from '../../ui/format-bytes';

/** The default size limit: 2 GB. Larger filings are better kept as several volumes. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 2 * 1024 ** 3;

/** Why this file cannot be attached, in words for the person, or null when it can. */
export function refusalOf(
  file: { name: string; size: number },
  maxBytes = DEFAULT_MAX_ATTACHMENT_BYTES,
): string | null {
  if (file.size === 0) {
    return `“${file.name}” is empty (0 bytes), so it was not attached. Check that the file was saved completely, then attach it again.`;
  }
  if (file.size > maxBytes) {
    return `“${file.name}” is ${formatBytes(file.size)}, over the ${formatBytes(maxBytes)} limit, so it was not attached. Split it into smaller volumes and attach those.`;
  }
  return null;
}

/** "Claim chart - US123.pdf" -> "Claim chart - US123"; the person can edit it afterwards. */
export function titleFromFileName(fileName: string): string {
  const withoutExtension = fileName.replace(/\.[A-Za-z0-9]{1,8}$/, '');
  const title = withoutExtension.replace(/[_]+/g, ' ').trim();
  return (title || fileName).slice(0, 300);
}

const EXTENSION_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  eml: 'message/rfc822',
};

/** The file's type as the browser reports it, or as its extension says when it reports none. */
export function mimeTypeOf(file: { name: string; type: string }): string {
  if (file.type) return file.type;
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return EXTENSION_TYPES[extension] ?? 'application/octet-stream';
}

/** A first guess at the kind from words in the file name; "other" when nothing matches. */
export function kindFromFileName(fileName: string): DocumentKind {
  const name = fileName.toLowerCase();
  const guesses: [RegExp, DocumentKind][] = [
    [/complaint/, 'complaint'],
    [/\banswer\b/, 'answer'],
    [/motion/, 'motion'],
    [/brief/, 'brief'],
    [/judg(e)?ment/, 'judgment'],
    [/\border\b/, 'order'],
    [/expert/, 'expert-report'],
    [/claim[ _-]?chart/, 'claim-chart'],
    [/exhibit/, 'exhibit'],
    [/settlement/, 'settlement-agreement'],
    [/licen[cs]e/, 'licence-agreement'],
    [/letter|correspondence/, 'correspondence'],
  ];
  return guesses.find(([pattern]) => pattern.test(name))?.[1] ?? 'other';
}

/** A storage failure in words, with what to do; anything unexpected keeps its own message. */
export function storageErrorMessage(fileName: string, error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return `There is not enough storage space for “${fileName}”, so it was not attached and nothing was stored. Free some disk space, then attach it again.`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `“${fileName}” was not attached: ${message}`;
}
