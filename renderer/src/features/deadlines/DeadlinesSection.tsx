import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { formatPartialDate, todayIso } from '../../../../shared/domain/partial-date';
import { deadlineKind } from '../../../../shared/domain/vocabulary';
import { db } from '../../db/db';
import { createDeadline, deleteDeadline, updateDeadline } from '../../db/repos/deadline-repo';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { EnumSelect } from '../../ui/fields';
import { FormModal } from '../../ui/FormModal';
import { submitForm, useZodForm } from '../../ui/zod-form';
import { forumLabel, type DisputeDetail } from '../disputes/dispute-queries';
import {
  deadlineFormSchema,
  deadlineToValues,
  emptyDeadline,
  knownTimeZones,
  type DeadlineFormValues,
} from './deadline-form';
import { listDeadlines, type DeadlineView } from './deadline-queries';
import { DeadlineTable } from './DeadlineTable';
import { DateField } from '../../ui/DateField';
import { ExportDeadlinesButton } from './ExportDeadlinesButton';
import { deleteWithUndo } from '../trash/delete-actions';

export function DeadlinesSection({ detail }: { detail: DisputeDetail }) {
  const { dispute, proceedings } = detail;
  const deadlines = useLiveQuery(() => listDeadlines(db, dispute.id), [dispute.id]);
  const [editing, setEditing] = useState<DeadlineView | 'new' | null>(null);
  const [removing, setRemoving] = useState<DeadlineView | null>(null);
  const form = useZodForm(deadlineFormSchema, emptyDeadline(dispute.id));
  const timeZones = useMemo(() => knownTimeZones(), []);
  const today = todayIso();

  function open(deadline: DeadlineView | 'new') {
    form.setValues(deadline === 'new' ? emptyDeadline(dispute.id) : deadlineToValues(deadline));
    form.clearErrors();
    setEditing(deadline);
  }

  function save(values: DeadlineFormValues) {
    const input = deadlineFormSchema.parse(values);
    return editing && editing !== 'new'
      ? updateDeadline(db, editing.id, input)
      : createDeadline(db, input);
  }

  return (
    <Stack>
      <Group>
        <Button onClick={() => open('new')}>Add deadline</Button>
        <ExportDeadlinesButton dispute={dispute} label="Export deadlines (.ics)" />
      </Group>
      {deadlines === undefined ? null : deadlines.length === 0 ? (
        <Text>
          No deadlines or events yet. Add hearings, filing deadlines, statutory periods and
          meetings: the home screen shows those due in the next 30 days.
        </Text>
      ) : (
        <DeadlineTable deadlines={deadlines} today={today} onEdit={open} onRemove={setRemoving} />
      )}
      <FormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Add deadline' : 'Edit deadline'}
        submitLabel={editing === 'new' ? 'Add deadline' : 'Save deadline'}
        size="xl"
        onSubmit={() => submitForm(form, save, 'The deadline was not saved')}
      >
        <TextInput
          label="Title"
          placeholder="Statement of defence"
          {...form.getInputProps('title')}
        />
        <SimpleGrid cols={3}>
          <DateField
            label="Date"
            fullDateOnly
            description="The day it is due"
            {...form.getInputProps('date')}
          />
          <TextInput
            label="Time"
            placeholder="HH:MM"
            description="Optional; leave empty for all day"
            {...form.getInputProps('time')}
          />
          <Select
            label="Time zone"
            description="Where the time applies"
            placeholder="Your own"
            data={timeZones}
            searchable
            clearable
            {...form.getInputProps('timeZone')}
            value={form.getValues().timeZone || null}
            onChange={(value) => form.setFieldValue('timeZone', value ?? '')}
          />
          <EnumSelect label="Kind" options={deadlineKind.options} {...form.getInputProps('kind')} />
          <Select
            label="Proceeding"
            placeholder="The dispute as a whole"
            data={proceedings.map((p) => ({ value: p.id, label: forumLabel(p) }))}
            clearable
            {...form.getInputProps('proceedingId')}
          />
          <TextInput label="Responsible person" {...form.getInputProps('responsible')} />
          <NumberInput
            label="Reminder (days before)"
            description="Empty for no reminder"
            // Out of range is refused with a message by the schema, never silently clamped.
            clampBehavior="none"
            allowDecimal={false}
            {...form.getInputProps('reminderDays')}
          />
        </SimpleGrid>
        <Checkbox label="Done" {...form.getInputProps('done', { type: 'checkbox' })} />
      </FormModal>
      <ConfirmModal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title="Delete deadline?"
        confirmLabel="Delete deadline"
        onConfirm={async () => {
          if (removing)
            await deleteWithUndo(`The deadline “${removing.title}”`, () =>
              deleteDeadline(db, removing.id),
            );
        }}
      >
        “{removing?.title}” on {removing && formatPartialDate(removing.date)} will be deleted. The
        history keeps a record of it.
      </ConfirmModal>
    </Stack>
  );
}
