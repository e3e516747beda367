import { db } from '../../db/db';
import { host } from '../../host/host';
import { notifyDone } from '../../ui/notify';
import { reportError } from '../../ui/zod-form';
import { todayIso } from '../../../../shared/domain/partial-date';
import type { CalendarDeadline } from './deadlines-ics';
import { listDeadlines } from './deadline-queries';
import { createWorkerClient } from '../../workers/worker-client';
import { plural } from '../../../../shared/text/plural';

/** A file name a file system accepts, from a dispute title ("Huawei v. Xiaomi" → "Huawei v. Xiaomi"). */
function safeName(title: string): string {
  return (
    title
      .replace(/[/\\:*?"<>|\0]/g, '-')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || 'dispute'
  );
}

/** The .ics file's bytes, written by a worker of its own that ends with the job. */
async function calendarBytes(deadlines: CalendarDeadline[]): Promise<Uint8Array<ArrayBuffer>> {
  const client = createWorkerClient<CalendarDeadline[], Uint8Array<ArrayBuffer>>({
    label: 'the calendar writer',
    start: () =>
      new Worker(new URL('./ics.worker.ts', import.meta.url), {
        type: 'module',
        name: 'casefile-ics',
      }),
  });
  try {
    return await client.request(deadlines);
  } catch (error) {
    throw new Error(
      `The calendar file could not be written: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  } finally {
    client.dispose();
  }
}

/** Saves the deadlines of one dispute (or all) as an .ics file, through the host's save dialog. */
export async function exportDeadlines(
  dispute: { id: string; title: string } | null,
): Promise<void> {
  try {
    const deadlines = await listDeadlines(db, dispute?.id ?? null);
    const bytes = await calendarBytes(deadlines);
    const suggestedName = `${dispute ? safeName(dispute.title) : 'All disputes'} deadlines ${todayIso()}.ics`;
    const result = await host.saveFile({
      suggestedName,
      bytes,
      filters: [{ name: 'iCalendar', extensions: ['ics'] }],
    });
    if (result.saved) {
      notifyDone(
        'Deadlines exported',
        `${plural(deadlines.length, 'deadline')} saved to ${result.path}. Import the file into your calendar.`,
      );
    }
  } catch (error) {
    reportError(error, 'The deadlines were not exported');
  }
}
