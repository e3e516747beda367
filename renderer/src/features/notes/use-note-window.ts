/**
 * The notes a virtualised Notes tab needs now: the drawn range, widened to whole blocks so that
 * scrolling a few cards reads nothing new, read from the date index (note-window.ts) and kept
 * current as notes change. While the next range is read the last one stays, so cards already on
 * screen do not blink out. The tab's count and first block are shared queries: the dispute's page
 * holds them once it is drawn (holdNotesTab), so the tab opens with its first cards drawn.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import { holdLiveQuery, useSharedLiveQuery, type SharedQuery } from '../../db/shared-live-query';
import { notePosition, readNoteWindow } from './note-window';
import { withDocuments, type NoteView } from './note-queries';
import { renderMarkdown } from './markdown';

const BLOCK = 20;

type Loaded = { disputeId: string; from: number; notes: NoteView[] };

/** How many notes the dispute has, counted through the index. */
export function noteCountQuery(disputeId: string): SharedQuery<number> {
  return {
    key: `notes-count:${disputeId}`,
    querier: () => db.notes.where('disputeId').equals(disputeId).count(),
  };
}

/** The notes at positions `from` to `to` (exclusive) in the tab's order, with their documents. */
function noteWindowQuery(disputeId: string, from: number, to: number): SharedQuery<Loaded> {
  return {
    key: `notes-window:${disputeId}:${from}:${to}`,
    querier: async () => ({
      disputeId,
      from,
      notes: await withDocuments(db, disputeId, await readNoteWindow(db, disputeId, from, to)),
    }),
  };
}

/**
 * Keeps what the Notes tab reads first live until the returned function is called, and makes its
 * first cards' HTML in idle moments as the notes come in (markdown.ts keeps it), so the tab draws
 * them without parsing a note. `onAnswer` hears each answer of its first cards.
 */
export function holdNotesTab(disputeId: string, onAnswer?: () => void): () => void {
  let idle = 0;
  const prepare = ({ notes }: Loaded) => {
    onAnswer?.();
    cancelIdleCallback(idle);
    const bodies = notes.map((note) => note.body).filter((body) => body !== '');
    const step = (deadline: IdleDeadline) => {
      do renderMarkdown(bodies.shift() ?? '');
      while (bodies.length > 0 && deadline.timeRemaining() > 5);
      if (bodies.length > 0) idle = requestIdleCallback(step);
    };
    if (bodies.length > 0) idle = requestIdleCallback(step);
  };
  const releases = [
    holdLiveQuery(noteCountQuery(disputeId)),
    holdLiveQuery(noteWindowQuery(disputeId, 0, BLOCK), prepare),
  ];
  return () => {
    cancelIdleCallback(idle);
    releases.forEach((release) => release());
  };
}

/** `first` and `last` are the drawn indexes; null reads nothing (the whole list is given). */
export function useNoteWindow(
  disputeId: string,
  range: { first: number; last: number } | null,
): (index: number) => NoteView | undefined {
  const from = range ? Math.floor(range.first / BLOCK) * BLOCK : 0;
  const to = range ? (Math.floor(range.last / BLOCK) + 1) * BLOCK : 0;
  const current = useSharedLiveQuery(range ? noteWindowQuery(disputeId, from, to) : null);
  // The last range read, kept while the next one is (state derived during render, as React's
  // documentation shows for information from previous renders).
  const [kept, setKept] = useState(current);
  if (current !== undefined && current !== kept) setKept(current);
  const loaded = current ?? kept;
  return (index) =>
    loaded && loaded.disputeId === disputeId && index >= loaded.from
      ? loaded.notes[index - loaded.from]
      : undefined;
}

/** Where the note a click asked to focus stands in the tab's order; -1 while unknown or none. */
export function useNotePosition(disputeId: string, noteId: string | null): number {
  return (
    useLiveQuery(
      async () => (noteId === null ? -1 : notePosition(db, disputeId, noteId)),
      [disputeId, noteId],
    ) ?? -1
  );
}
