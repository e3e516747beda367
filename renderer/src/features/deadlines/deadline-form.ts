/**
 * The deadline form's schema: the shared deadline schema, except that the reminder comes from a
 * number field, which reports an empty field as ''. The repository validates again with the
 * shared schema itself.
 */
import { z } from 'zod';
import { deadlineInputSchema, type Deadline } from '../../../../shared/domain/schemas';
import { todayIso } from '../../../../shared/domain/partial-date';

export const deadlineFormSchema = deadlineInputSchema.extend({
  reminderDays: z.preprocess(
    (value) => (value === '' || value === undefined ? null : value),
    z
      .number({ error: 'Enter the reminder as a whole number of days.' })
      .int('Enter the reminder as a whole number of days.')
      .min(0, 'A reminder cannot come after the deadline.')
      .max(365, 'Set the reminder at most 365 days before.')
      .nullable(),
  ),
});

export type DeadlineFormValues = {
  disputeId: string;
  proceedingId: string | null;
  date: string;
  time: string;
  timeZone: string;
  kind: Deadline['kind'];
  title: string;
  responsible: string;
  reminderDays: number | string;
  done: boolean;
};

export function emptyDeadline(disputeId: string): DeadlineFormValues {
  return {
    disputeId,
    proceedingId: null,
    date: todayIso(),
    time: '',
    timeZone: '',
    kind: 'filing-deadline',
    title: '',
    responsible: '',
    reminderDays: 7,
    done: false,
  };
}

export function deadlineToValues(d: Deadline): DeadlineFormValues {
  const { id: _id, createdAt: _c, updatedAt: _u, reminderDays, ...rest } = d;
  return { ...rest, reminderDays: reminderDays ?? '' };
}

/** IANA zone names this runtime knows, for the time-zone picker. */
export function knownTimeZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}
