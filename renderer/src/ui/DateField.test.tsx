// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DateField } from './DateField';

function renderFields() {
  return render(
    <MantineProvider env="test">
      <DateField label="Filed" value="2023-03" />
      <DateField label="Closed" value="" />
    </MantineProvider>,
  );
}

describe('DateField', () => {
  afterEach(cleanup);

  it('names each calendar button after its field', () => {
    renderFields();
    expect(screen.getByRole('button', { name: 'Open the calendar for Filed' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open the calendar for Closed' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Open the calendar' })).toBeNull();
  });

  it('leaves the field the only thing its label names', () => {
    renderFields();
    const filed = screen.getAllByLabelText('Filed');
    expect(filed).toHaveLength(1);
    expect(filed[0]).toBeInstanceOf(HTMLInputElement);
    expect((filed[0] as HTMLInputElement).value).toBe('2023-03');
  });
});
