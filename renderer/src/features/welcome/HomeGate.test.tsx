// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { useHashPath, useHashSearch } from '../../app/hash-location';
import { db } from '../../db/db';
import { HomeGate } from './HomeGate';
import { WELCOME_DISMISSED } from './welcome-setting';

function renderGate() {
  return render(
    <MantineProvider env="test">
      <Router hook={useHashPath} searchHook={useHashSearch}>
        <HomeGate />
      </Router>
    </MantineProvider>,
  );
}

describe('HomeGate', () => {
  beforeEach(async () => {
    await db.disputes.clear();
    await db.settings.put({ key: WELCOME_DISMISSED, value: true });
  });
  afterEach(() => {
    cleanup();
    history.replaceState(null, '', '/');
  });

  it('sends the start page on to the disputes', async () => {
    history.replaceState(null, '', '/index.html');
    renderGate();
    await waitFor(() => expect(location.hash).toBe('#/disputes'));
  });

  it('leaves an address that moved on while the app was starting as it is', async () => {
    // The gate is still drawn (its route has not redrawn yet) when a bookmark is opened.
    history.replaceState(null, '', '/index.html#/disputes?country=Germany&q=nothing+like+this');
    renderGate();
    await db.disputes.count(); // the gate's own read has come back by now
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(location.hash).toBe('#/disputes?country=Germany&q=nothing+like+this');
  });
});
