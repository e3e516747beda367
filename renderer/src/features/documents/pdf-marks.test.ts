// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../../shared/search/query';
import { markTextLayer } from './pdf-marks';

describe('markTextLayer', () => {
  it('marks the words of a search in the text layer, folding case and accents', () => {
    const layer = document.createElement('div');
    layer.innerHTML =
      '<span>The Markman order construes claim 1.</span><span>Société Générale</span>' +
      '<span class="markedContent"><span>nothing here</span></span>';
    const marks = markTextLayer(layer, parseQuery('markman order societe', { typing: false }));
    expect(marks).toBe(3);
    expect([...layer.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'Markman',
      'order',
      'Société',
    ]);
    // The text itself is unchanged, so selecting and copying it still gives the page's words.
    expect(layer.textContent).toBe(
      'The Markman order construes claim 1.Société Généralenothing here',
    );
  });

  it('leaves a layer without matches as it was', () => {
    const layer = document.createElement('div');
    layer.innerHTML = '<span>Procedural history.</span>';
    expect(markTextLayer(layer, parseQuery('markman', { typing: false }))).toBe(0);
    expect(layer.innerHTML).toBe('<span>Procedural history.</span>');
  });
});
