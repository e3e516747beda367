// @vitest-environment jsdom
import { Loader, MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { theme } from './theme';

describe('theme', () => {
  afterEach(cleanup);

  it('gives every loader a role, so the name it is given is read out', () => {
    render(
      <MantineProvider theme={theme} env="test">
        <Loader aria-label="Loading your case files" />
      </MantineProvider>,
    );
    expect(screen.getByRole('progressbar', { name: 'Loading your case files' })).toBeTruthy();
  });
});
