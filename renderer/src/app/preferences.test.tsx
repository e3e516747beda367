// @vitest-environment jsdom
import { MantineProvider, useMantineColorScheme } from '@mantine/core';
import { act, cleanup, render, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CasefileDb } from '../db/casefile-db';
import { openTestDb } from '../db/testing/test-db';
import {
  APPEARANCE_KEY,
  appearanceColorSchemeManager,
  restoreAppearance,
  useDensity,
} from './preferences';

const scheme = () => document.documentElement.getAttribute('data-mantine-color-scheme');

function Themed({ db, children }: { db: CasefileDb; children?: React.ReactNode }) {
  return (
    <MantineProvider
      defaultColorScheme="auto"
      colorSchemeManager={appearanceColorSchemeManager(db)}
    >
      {children}
    </MantineProvider>
  );
}

describe('appearance preferences', () => {
  let db: CasefileDb;
  beforeEach(() => {
    db = openTestDb();
    localStorage.clear();
  });
  afterEach(async () => {
    cleanup();
    await db.delete();
  });

  it('puts back a colour scheme that localStorage lost, from the database', async () => {
    const { result } = renderHook(() => useMantineColorScheme(), {
      wrapper: ({ children }) => <Themed db={db}>{children}</Themed>,
    });
    expect(scheme()).toBe('light');
    act(() => result.current.setColorScheme('dark'));
    expect(scheme()).toBe('dark');
    await vi.waitFor(async () =>
      expect((await db.settings.get(APPEARANCE_KEY))?.value).toEqual({ colorScheme: 'dark' }),
    );
    cleanup();

    // The browser closed before it wrote localStorage to disk: the app starts in light.
    localStorage.clear();
    render(<Themed db={db} />);
    expect(scheme()).toBe('light');
    await act(() => restoreAppearance(db));
    expect(scheme()).toBe('dark');
    expect(localStorage.getItem('mantine-color-scheme-value')).toBe('dark');
  });

  it('keeps the density beside the colour scheme and puts it back the same way', async () => {
    const { result } = renderHook(() => useDensity(db));
    act(() => result.current[1]('compact'));
    expect(document.documentElement.dataset.density).toBe('compact');
    await vi.waitFor(async () =>
      expect((await db.settings.get(APPEARANCE_KEY))?.value).toEqual({ density: 'compact' }),
    );
    localStorage.clear();
    document.documentElement.dataset.density = 'comfortable';
    await act(() => restoreAppearance(db));
    expect(result.current[0]).toBe('compact');
    expect(document.documentElement.dataset.density).toBe('compact');
  });

  it('ignores a settings row that names no scheme or density it knows', async () => {
    await db.settings.put({
      key: APPEARANCE_KEY,
      value: { colorScheme: 'purple', density: '<b>' },
    });
    localStorage.setItem('mantine-color-scheme-value', 'light');
    await restoreAppearance(db);
    expect(localStorage.getItem('mantine-color-scheme-value')).toBe('light');
    expect(localStorage.getItem('casefile-table-density')).toBeNull();
  });
});
