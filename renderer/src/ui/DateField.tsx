/**
 * A date as counsel know it: typed, keeping a partial date ("2023", "2023-03") when that is all
 * that is known, with a calendar beside it for a full day. The stored value is always ISO text;
 * the calendar only ever writes a full YYYY-MM-DD and opens on whatever the field already holds.
 */
// The calendar's styles come with the forms that draw it, not with the app's first screen.
import '@mantine/dates/styles.css';
import { ActionIcon, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import type { ChangeEvent } from 'react';
import { parsePartialDate } from '../../../shared/domain/partial-date';

type Props = Omit<TextInputProps, 'value' | 'onChange'> & {
  value?: string;
  /** Mantine's form passes either an input event or the new value; both are handled there. */
  onChange?: (value: string | ChangeEvent<HTMLInputElement>) => void;
  /** A day is required (deadlines); otherwise a year or month alone is accepted too. */
  fullDateOnly?: boolean;
};

function calendarDate(value: string): string | null {
  const date = parsePartialDate(value);
  if (!date) return null;
  const month = String(date.month ?? 1).padStart(2, '0');
  const day = String(date.day ?? 1).padStart(2, '0');
  return `${date.year}-${month}-${day}`;
}

function CalendarIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" fill="none">
      <rect x="3" y="5" width="18" height="16" rx="2" stroke="currentColor" strokeWidth="2" />
      <path d="M3 10h18M8 3v4M16 3v4" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

export function DateField({ value = '', onChange, fullDateOnly = false, label, ...props }: Props) {
  const [opened, calendar] = useDisclosure(false);
  const shown = calendarDate(value);
  const calendarName =
    typeof label === 'string' && label ? `Open the calendar for ${label}` : 'Open the calendar';
  return (
    <TextInput
      label={label}
      placeholder={fullDateOnly ? 'YYYY-MM-DD' : 'YYYY-MM-DD, YYYY-MM or YYYY'}
      description={
        fullDateOnly ? undefined : 'A full date, or YYYY-MM or YYYY if that is all that is known'
      }
      {...props}
      value={value}
      onChange={(event) => onChange?.(event)}
      rightSectionPointerEvents="all"
      rightSection={
        <Popover
          opened={opened}
          onChange={calendar.toggle}
          position="bottom-end"
          shadow="md"
          trapFocus
        >
          <Popover.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={calendar.toggle}
              // Named after its field, so that two date fields in one form ("Filed", "Closed")
              // give two distinct buttons. Named by its title (also its tooltip), not aria-label: an
              // aria-label holding "Filed" would make "Filed" label the button as well as the field.
              title={calendarName}
              aria-expanded={opened}
            >
              <CalendarIcon />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            <DatePicker
              value={shown}
              defaultDate={shown ?? undefined}
              onChange={(picked) => {
                if (picked) onChange?.(picked);
                calendar.close();
              }}
            />
          </Popover.Dropdown>
        </Popover>
      }
    />
  );
}
