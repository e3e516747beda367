/** How much of a text is read for its first words. */
const OPENING = 2000;

/** The opening words of a Markdown text, without its markers: how an untitled note is named. */
export function firstWords(markdown: string, max = 8): string {
  // The opening of a long text is enough for its first words (a link longer than this, cut, may
  // lose its markers): the whole of it was split for eight words.
  const cut = markdown.length > OPENING;
  const words = markdown
    .slice(0, OPENING)
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>~|]+/g, ' ')
    .replace(/^\s*[-+]\s+/gm, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return '';
  return words.length > max || cut ? `${words.slice(0, max).join(' ')}…` : words.join(' ');
}

/** A note's title, or its first words when it has none. */
export function noteHeading(note: { title: string; body: string }, fallback: string): string {
  return note.title || firstWords(note.body) || fallback;
}
