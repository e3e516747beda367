/** The opening words of a Markdown text, without its markers: how an untitled note is named. */
export function firstWords(markdown: string, max = 8): string {
  const words = markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>~|]+/g, ' ')
    .replace(/^\s*[-+]\s+/gm, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return '';
  return words.length > max ? `${words.slice(0, max).join(' ')}…` : words.join(' ');
}

/** A note's title, or its first words when it has none. */
export function noteHeading(note: { title: string; body: string }, fallback: string): string {
  return note.title || firstWords(note.body) || fallback;
}
