/**
 * Marks a search's words in a rendered page's text layer (pdf.js draws each run of text as one
 * transparent span over the canvas): the matched characters of each span are wrapped in <mark>,
 * which the stylesheet tints, so the words show highlighted on the page itself. A match split
 * across two spans (a line break) is marked in neither: the Extracted text tab still marks it.
 */
import type { ParsedQuery } from '../../../../shared/search/query';
import { matchRanges } from '../../../../shared/search/snippet';

/** Wraps every match in `layer`'s spans; answers how many marks were made. */
export function markTextLayer(
  layer: HTMLElement,
  query: Pick<ParsedQuery, 'highlights' | 'patents'>,
): number {
  let marks = 0;
  for (const span of layer.querySelectorAll('span')) {
    // Only spans of plain text: pdf.js's marked-content wrappers hold other spans.
    if (span.children.length > 0) continue;
    const text = span.textContent ?? '';
    const ranges = matchRanges(text, query);
    if (ranges.length === 0) continue;
    const parts: Node[] = [];
    let at = 0;
    for (const [from, to] of ranges) {
      if (from > at) parts.push(document.createTextNode(text.slice(at, from)));
      const mark = document.createElement('mark');
      mark.textContent = text.slice(from, to);
      parts.push(mark);
      at = to;
      marks += 1;
    }
    if (at < text.length) parts.push(document.createTextNode(text.slice(at)));
    span.replaceChildren(...parts);
  }
  return marks;
}
