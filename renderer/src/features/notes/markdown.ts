/**
 * Notes are written in Markdown and shown as HTML: `marked` turns the text into HTML and DOMPurify
 * removes anything that could run or load (scripts, event handlers, frames, forms, images,
 * styles), so a note pasted from an e-mail cannot execute in the app. Links stay as links; the
 * view opens them through the host (https only), never in the app's own window.
 */
import DOMPurify from 'dompurify';
import { Marked, marked } from 'marked';

const FORBID_TAGS = ['style', 'img', 'iframe', 'form', 'input', 'button', 'object', 'embed', 'svg'];

export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html, { FORBID_TAGS, FORBID_ATTR: ['style', 'target'] });
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
