// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { navigateHash, useHashPathIs } from './hash-location';

const isPrintPage = (path: string) => path.startsWith('/print/');

describe('useHashPathIs', () => {
  afterEach(() => {
    cleanup();
    history.replaceState(null, '', '/');
  });

  it('redraws only when the answer changes, not at every navigation', () => {
    history.replaceState(null, '', '/index.html#/disputes');
    const seen: boolean[] = [];
    function Probe() {
      seen.push(useHashPathIs(isPrintPage));
      return null;
    }
    render(<Probe />);
    act(() => navigateHash('/disputes/d1/notes'));
    act(() => navigateHash('/disputes/d1/documents?view=x'));
    expect(seen).toEqual([false]);
    act(() => navigateHash('/print/summary/d1'));
    expect(seen).toEqual([false, true]);
    act(() => navigateHash('/disputes'));
    expect(seen).toEqual([false, true, false]);
  });
});
