/**
 * A file's OCR as a person follows it: "Reading page 3 of 12" with Cancel while it runs,
 * "OCR cancelled after 2 of 12 pages" with Resume, or why it failed with Try again.
 */
import { Button, Group, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import type { OcrJob } from '../../../../shared/domain/schemas';
import { db } from '../../db/db';
import { resumeOcr } from '../../db/repos/ocr-repo';
import { notifyError } from '../../ui/notify';
import { cancelDocumentOcr } from './use-ocr';

/** Every file with an OCR job (a small table: only files not yet read), by SHA-256. */
export function useOcrJobs(): Map<string, OcrJob> | undefined {
  return useLiveQuery(async () => {
    const jobs = await db.ocrJobs.toArray();
    return new Map(jobs.map((job) => [job.sha256, job]));
  });
}

export function ocrStatusText(job: OcrJob): string {
  const of = job.pageCount === null ? '' : ` of ${job.pageCount}`;
  if (job.state === 'queued') {
    return job.pages.length === 0 && job.pageCount === null
      ? 'Reading the text (OCR)…'
      : `Reading page ${job.pages.length + 1}${of}`;
  }
  if (job.state === 'cancelled') return `OCR cancelled after ${job.pages.length}${of} pages`;
  return job.message || 'The text could not be read.';
}

export function OcrStatus({ job, title }: { job: OcrJob; title: string }) {
  const act = (action: () => Promise<void>) =>
    action().catch((error: unknown) =>
      notifyError('OCR could not be changed', (error as Error).message),
    );
  return (
    <Group gap="xs" wrap="nowrap">
      <Text component="output" size="sm">
        {ocrStatusText(job)}
      </Text>
      {job.state === 'queued' ? (
        <Button
          size="compact-xs"
          variant="default"
          aria-label={`Cancel OCR of ${title}`}
          onClick={() => void act(() => cancelDocumentOcr(job.sha256))}
        >
          Cancel
        </Button>
      ) : (
        <Button
          size="compact-xs"
          variant="default"
          aria-label={`${job.state === 'cancelled' ? 'Resume' : 'Retry'} OCR of ${title}`}
          onClick={() => void act(() => resumeOcr(db, job.sha256))}
        >
          {job.state === 'cancelled' ? 'Resume' : 'Try again'}
        </Button>
      )}
    </Group>
  );
}
