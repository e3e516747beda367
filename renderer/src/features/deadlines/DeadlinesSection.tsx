import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { formatPartialDate, todayIso } from '../../../../shared/domain/partial-date';
import { deadlineKind } from '../../../../shared/domain/vocabulary';
import { db } from '../../db/db';
import {
  createDeadline,
  deleteDeadline,
  setDeadlineDone,
  updateDeadline,
} from '../../db/repos/deadline-repo';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { EnumSelect } from '../../ui/fields';
import { FormModal } from '../../ui/FormModal';
import { ActionsHeader, RowActions } from '../../ui/RowActions';
import { reportError, submitForm, useZodForm } from '../../ui/zod-form';
import { forumLabel, type DisputeDetail } from '../disputes/dispute-queries';
import { itemElementId, useFocusRequest } from '../timeline/focus-request';
import {
  deadlineFormSchema,
  deadlineToValues,
  emptyDeadline,
  knownTimeZones,
  type DeadlineFormValues,
} from './deadline-form';
import { listDeadlines, type DeadlineView } from './deadline-queries';
import { deadlineState } from './deadline-status';
import { DeadlineStateBadge } from './DeadlineStateBadge';
import { DateField } from '../../ui/DateField';
import { plural } from '../../../../shared/text/plural';
import { ExportDeadlinesButton } from './ExportDeadlinesButton';
import { deleteWithUndo, markDoneWithUndo } from '../trash/delete-actions';

export function DeadlinesSection({ detail }: { detail: DisputeDetail }) {
  const { dispute, proceedings } = detail;
  const deadlines = useLiveQuery(() => listDeadlines(db, dispute.id), [dispute.id]);
  const [editing, setEditing] = useState<DeadlineView | 'new' | null>(null);
  const [removing, setRemoving] = useState<DeadlineView | null>(null);
  const form = useZodForm(deadlineFormSchema, emptyDeadline(dispute.id));
  const timeZones = useMemo(() => knownTimeZones(), []);
  const today = todayIso();
  useFocusRequest(deadlines !== undefined);

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
        <div className="cf-table-scroll">
          <Table aria-label="Deadlines and events" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Time</Table.Th>
                <Table.Th>Title</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Proceeding</Table.Th>
                <Table.Th>Responsible</Table.Th>
                <Table.Th>Reminder</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Done</Table.Th>
                <ActionsHeader />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deadlines.map((d) => (
                <Table.Tr key={d.id} id={itemElementId(d.id)} tabIndex={-1}>
                  <Table.Td>{formatPartialDate(d.date)}</Table.Td>
                  <Table.Td>
                    {d.time}
                    {d.time && d.timeZone ? ` (${d.timeZone})` : ''}
                  </Table.Td>
                  <Table.Td>{d.title}</Table.Td>
                  <Table.Td>{deadlineKind.labels[d.kind]}</Table.Td>
                  <Table.Td>{d.proceedingLabel}</Table.Td>
                  <Table.Td>{d.responsible}</Table.Td>
                  <Table.Td>
                    {d.reminderDays === null ? '' : `${plural(d.reminderDays, 'day')} before`}
                  </Table.Td>
                  <Table.Td>
                    <DeadlineStateBadge state={deadlineState(d, today)} />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={`Done: ${d.title}`}
                      checked={d.done}
                      onChange={(event) =>
                        void (
                          event.currentTarget.checked
                            ? markDoneWithUndo(d)
                            : setDeadlineDone(db, d.id, false)
                        ).catch((error: unknown) =>
                          reportError(error, 'The deadline was not changed'),
                        )
                      }
                    />
                  </Table.Td>
                  <RowActions
                    what={`deadline ${d.title}`}
                    onEdit={() => open(d)}
                    onRemove={() => setRemoving(d)}
                    removeLabel="Delete"
                  />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
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
