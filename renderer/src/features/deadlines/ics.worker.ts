/// <reference lib="webworker" />
/**
 * Writes the iCalendar file off the page's thread: ical.js over thousands of deadlines takes
 * seconds, and the window must keep answering meanwhile. Loading ical.js only here also keeps it
 * out of the code every start of the app has to load.
 */
import { serveRequests } from '../../workers/worker-serve';
import { buildDeadlinesCalendar, type CalendarDeadline } from './deadlines-ics';

serveRequests<CalendarDeadline[], Uint8Array<ArrayBuffer>>(
  self as unknown as DedicatedWorkerGlobalScope,
  (deadlines, { transfer }) => {
    const bytes = new TextEncoder().encode(buildDeadlinesCalendar(deadlines));
    transfer([bytes.buffer]);
    return bytes;
  },
);
