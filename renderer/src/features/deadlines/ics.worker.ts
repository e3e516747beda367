/// <reference lib="webworker" />
/**
 * Writes the iCalendar file off the page's thread: ical.js over thousands of deadlines takes
 * seconds, and the window must keep answering meanwhile. Loading ical.js only here also keeps it
 * out of the code every start of the app has to load.
 */
import { buildDeadlinesCalendar, type CalendarDeadline } from './deadlines-ics';

export type IcsResponse =
  { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (event: MessageEvent<CalendarDeadline[]>) => {
  let response: IcsResponse;
  try {
    response = { ok: true, bytes: new TextEncoder().encode(buildDeadlinesCalendar(event.data)) };
  } catch (error) {
    response = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response, response.ok ? [response.bytes.buffer] : []);
});
