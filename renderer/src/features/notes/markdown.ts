/**
 * Notes are written in Markdown and shown as HTML: `marked` turns the text into HTML and DOMPurify
 * removes anything that could run or load (scripts, event handlers, frames, forms, images,
 * styles), so a note pasted from an e-mail cannot execute in the app. Links stay as links; the
 * view opens them through the host (https only), never in the app's own window.
 */
import DOMPurify from 'dompurify';
import { Marked, marked } from 'marked';

const FORBID_TAGS = ['style', 'img', 'iframe', 'form', 'input', 'button', 'object', 'embed', 'svg'];

/**
 * The HTML of the notes most recently shown, by their text: a card drawn again (the tab opened
 * again, a card scrolled back into view, the notes read ahead for a tab: use-note-window.ts) costs
 * a lookup instead of a parse and a sanitising pass, the second of which builds a document each
 * time. The same text always gives the same HTML, so nothing here can go stale; a note edited is
 * new text. Bounded: a few hundred notes' HTML is well under a megabyte.
 */
const RENDERED_LIMIT = 500;
const rendered = new Map<string, string>();

export function renderMarkdown(markdown: string): string {
  const known = rendered.get(markdown);
  if (known !== undefined) {
    // Most recently used last: the first key is the one to let go.
    rendered.delete(markdown);
    rendered.set(markdown, known);
    return known;
  }
  const html = DOMPurify.sanitize(
    marked.parse(markdown, { async: false, gfm: true, breaks: true }),
    { FORBID_TAGS, FORBID_ATTR: ['style', 'target'] },
  );
  rendered.set(markdown, html);
  if (rendered.size > RENDERED_LIMIT) rendered.delete(rendered.keys().next().value!);
  return html;
}

/**
 * Notes touching what `marked` and DOMPurify do, one step each. Their first call in a window costs
 * tens of milliseconds, more on a busy machine (marked's rules are large regular expressions that
 * V8 compiles on first use, and both libraries' code is compiled then too); a later note costs a
 * fraction of one. So a dispute's page renders these while idle, and its Notes tab does not pay
 * that on its first opening.
 */
const WARMUP_SAMPLES = [
  'A plain line.',
  'Offered a **lump sum**, round 1.\n\n- past sales\n- royalty cap',
  '_Subject to_ `board` approval ~~or not~~: [the term sheet](https://example.com) https://example.com',
  '# Call\n\n> Quoted\n\n```\ncode\n```\n\n---\n\n1. first\n2. second',
  '| Offer | Amount |\n|---|---|\n| First | 1 |',
];
let warmedSamples = 0;

/** One idle moment of the warm-up (use-idle-warmup.ts); true once every sample is rendered. */
export function warmMarkdown(deadline: IdleDeadline): boolean {
  do {
    const sample = WARMUP_SAMPLES[warmedSamples];
    if (sample === undefined) break;
    renderMarkdown(sample);
    warmedSamples += 1;
  } while (deadline.timeRemaining() > 20);
  return warmedSamples === WARMUP_SAMPLES.length;
}

/**
 * Markdown for paper: a link cannot be clicked, so it prints as its words followed by its address,
 * and a note's own headings sit below the summary's (a note's "##" prints as a fourth-level one).
 */
const forPrint = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    link({ href, tokens }) {
      const words = this.parser.parseInline(tokens);
      const plain = words.replace(/<[^>]*>/g, '');
      return plain === href || `mailto:${plain}` === href ? words : `${words} (${href})`;
    },
    heading({ tokens, depth }) {
      const level = Math.min(depth + 2, 6);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
  },
});

export function renderMarkdownForPrint(markdown: string): string {
  const html = forPrint.parse(markdown, { async: false });
  return DOMPurify.sanitize(html, { FORBID_TAGS: [...FORBID_TAGS, 'a'], FORBID_ATTR: ['style'] });
}

/** Plain text of a note's Markdown, for search: the words without the markup. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/[*_`#>~[\]()!-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
