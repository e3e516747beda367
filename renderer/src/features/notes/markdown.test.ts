// @vitest-environment jsdom
import DOMPurify from 'dompurify';
import { describe, expect, it, vi } from 'vitest';
import { applyFormat } from './markdown-format';
import { renderMarkdown, renderMarkdownForPrint, warmMarkdown } from './markdown';

describe('note Markdown', () => {
  it('renders emphasis, lists, headings and links', () => {
    const html = renderMarkdown(
      '## Offer\n\n**Lump sum**, _final_\n\n- one\n- two\n\n[terms](https://example.com)',
    );
    expect(html).toContain('<h2>Offer</h2>');
    expect(html).toContain('<strong>Lump sum</strong>');
    expect(html).toContain('<em>final</em>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<a href="https://example.com">terms</a>');
  });

  it('prints links as their words followed by the address, and nests headings under the note', () => {
    const html = renderMarkdownForPrint(
      '## Offer\n\n**Lump sum** [the terms](https://example.com/terms) at https://example.com',
    );
    expect(html).toContain('<h4>Offer</h4>');
    expect(html).toContain('<strong>Lump sum</strong>');
    expect(html).toContain('the terms (https://example.com/terms)');
    expect(html).toContain('at https://example.com');
    expect(html).not.toContain('<a');
    expect(html).not.toContain('**');
  });

  it('warms up one step per idle moment when the moment is short, and says when it is done', () => {
    const short = { didTimeout: false, timeRemaining: () => 0 };
    const steps: boolean[] = [];
    for (let step = 0; step < 10; step += 1) {
      const done = warmMarkdown(short);
      steps.push(done);
      if (done) break;
    }
    // Several steps, the last one done: a click waits for one step at most.
    expect(steps.length).toBeGreaterThan(2);
    expect(steps.at(-1)).toBe(true);
    expect(steps.slice(0, -1).every((done) => !done)).toBe(true);
    // Done stays done, and rendering is unchanged by it.
    expect(warmMarkdown({ didTimeout: false, timeRemaining: () => 50 })).toBe(true);
    expect(renderMarkdown('**a**')).toBe('<p><strong>a</strong></p>\n');
  });

  it('keeps the HTML of the notes last shown, and lets the oldest go past its bound', () => {
    const sanitize = vi.spyOn(DOMPurify, 'sanitize');
    const first = renderMarkdown('Offer of **10 million**, cache test');
    expect(sanitize).toHaveBeenCalledTimes(1);
    // Drawn again: the same HTML without parsing or sanitising again.
    expect(renderMarkdown('Offer of **10 million**, cache test')).toBe(first);
    expect(sanitize).toHaveBeenCalledTimes(1);
    // Five hundred other notes later, it is made again (and is the same).
    for (let note = 0; note < 500; note += 1) renderMarkdown(`Note ${note}, cache test`);
    sanitize.mockClear();
    expect(renderMarkdown('Offer of **10 million**, cache test')).toBe(first);
    expect(sanitize).toHaveBeenCalledTimes(1);
    sanitize.mockRestore();
  });

  it('removes anything that could run or load', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)" onclick="x()">x</a><iframe src="https://e.com"></iframe>',
    );
    expect(html).not.toMatch(/script|onerror|onclick|javascript:|iframe|<img/i);
  });

  it('formats the selection from the toolbar and keeps it selected', () => {
    expect(applyFormat({ value: 'a big offer', start: 2, end: 5 }, 'bold')).toEqual({
      value: 'a **big** offer',
      start: 4,
      end: 7,
    });
    expect(applyFormat({ value: 'x', start: 1, end: 1 }, 'italic').value).toBe('x_italic text_');
    expect(applyFormat({ value: 'one\ntwo', start: 0, end: 7 }, 'list').value).toBe('- one\n- two');
    expect(applyFormat({ value: 'Title', start: 0, end: 0 }, 'heading').value).toBe('## Title');
    const link = applyFormat({ value: 'see terms', start: 4, end: 9 }, 'link');
    expect(link.value).toBe('see [terms](https://)');
    expect(link.value.slice(link.start, link.end)).toBe('https://');
  });
});
