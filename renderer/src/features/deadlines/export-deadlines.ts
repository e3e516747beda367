import { db } from '../../db/db';
import { host } from '../../host/host';
import { notifyDone } from '../../ui/notify';
import { reportError } from '../../ui/zod-form';
import { todayIso } from '../../../../shared/domain/partial-date';
import type { CalendarDeadline } from './deadlines-ics';
import { listDeadlines } from './deadline-queries';
import { plural } from '../../../../shared/text/plural';
import type { IcsResponse } from './ics.worker';

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
function calendarBytes(deadlines: CalendarDeadline[]): Promise<Uint8Array<ArrayBuffer>> {
  const worker = new Worker(new URL('./ics.worker.ts', import.meta.url), {
    type: 'module',
    name: 'casefile-ics',
  });
  return new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<IcsResponse>) => {
      if (event.data.ok) resolve(event.data.bytes);
      else reject(new Error(`The calendar file could not be written: ${event.data.message}`));
    });
    worker.addEventListener('error', (event) => {
      reject(new Error(`The calendar file could not be written: ${event.message}`));
    });
    worker.postMessage(deadlines);
  }).finally(() => worker.terminate());
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
