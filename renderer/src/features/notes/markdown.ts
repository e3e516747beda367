/**
 * Notes are written in Markdown and shown as HTML: `marked` turns the text into HTML and DOMPurify
 * removes anything that could run or load (scripts, event handlers, frames, forms, images,
 * styles), so a note pasted from an e-mail cannot execute in the app. Links stay as links; the
 * view opens them through the host (https only), never in the app's own window.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';

const FORBID_TAGS = ['style', 'img', 'iframe', 'form', 'input', 'button', 'object', 'embed', 'svg'];

export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html, { FORBID_TAGS, FORBID_ATTR: ['style', 'target'] });
}

/** Plain text of a note's Markdown, for search: the words without the markup. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/[*_`#>~[\]()!-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
