import { Button, Divider, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useState, type ComponentProps } from 'react';
import { z } from 'zod';
import { noteInputSchema, type Dispute } from '../../../../shared/domain/schemas';
import { todayIso } from '../../../../shared/domain/partial-date';
import { noteKind } from '../../../../shared/domain/vocabulary';
import { db } from '../../db/db';
import { recordSettlement, type SettlementInput } from '../../db/repos/settlement-repo';
import { EnumSelect, PartialDateInput } from '../../ui/fields';
import { FormModal } from '../../ui/FormModal';
import { submitForm, useZodForm } from '../../ui/zod-form';
import {
  outcomeFormSchema,
  ResolutionFields,
  resolutionValues,
  type ResolutionValues,
} from '../disputes/ResolutionSection';
import { MarkdownEditor } from './MarkdownEditor';

const noteFormSchema = z
  .object(noteInputSchema.shape)
  .pick({ date: true, kind: true, title: true, participants: true, body: true });

// The outcome half is checked as on the Resolution tab (kind, date or "Date not given", a future
// date confirmed); the note half as any note.
const settlementFormSchema = outcomeFormSchema.and(z.object({ note: noteFormSchema }));

type SettlementFormValues = {
  resolution: ResolutionValues;
  futureConfirmed: boolean;
  note: { date: string; kind: string; title: string; participants: string; body: string };
};

function initialValues(dispute: Dispute): SettlementFormValues {
  return {
    // Nothing is pre-chosen for the outcome: an untouched form must not settle anything.
    resolution: resolutionValues(dispute.resolution),
    futureConfirmed: false,
    note: { date: todayIso(), kind: 'term-sheet', title: '', participants: '', body: '' },
  };
}

type ResolutionForm = ComponentProps<typeof ResolutionFields>['form'];

/**
 * "Record settlement": the outcome, its licence terms and the note that tells it, from one form,
 * saved in one transaction (settlement-repo.ts). The dispute's status follows the outcome.
 */
export function RecordSettlementButton({ dispute }: { dispute: Dispute }) {
  const [opened, setOpened] = useState(false);
  const form = useZodForm(settlementFormSchema, initialValues(dispute));

  function open() {
    form.setValues(initialValues(dispute));
    form.clearErrors();
    setOpened(true);
  }

  return (
    <>
      <Button variant="default" onClick={open}>
        Record settlement
      </Button>
      <FormModal
        opened={opened}
        onClose={() => setOpened(false)}
        title="Record settlement"
        submitLabel="Record settlement"
        size="xl"
        onSubmit={() =>
          submitForm(
            form,
            (values) =>
              recordSettlement(db, dispute.id, {
                resolution: values.resolution as SettlementInput['resolution'],
                note: noteFormSchema.parse(values.note),
              }),
            'The settlement was not recorded',
          )
        }
      >
        {/* The resolution half of this form has exactly ResolutionFields' shape under `resolution`. */}
        <ResolutionFields form={form as unknown as ResolutionForm} dispute={dispute} />
        <Divider my="xs" />
        <Title order={3} size="h5">
          The note that records it
        </Title>
        <Text size="sm" c="dimmed">
          Optional: a note is added when its text is filled in.
        </Text>
        <SimpleGrid cols={2}>
          <PartialDateInput label="Note date" {...form.getInputProps('note.date')} />
          <EnumSelect
            label="Kind of note"
            options={noteKind.options}
            {...form.getInputProps('note.kind')}
          />
          <TextInput label="Note title" {...form.getInputProps('note.title')} />
          <TextInput label="Who took part" {...form.getInputProps('note.participants')} />
        </SimpleGrid>
        <MarkdownEditor label="Settlement note" {...form.getInputProps('note.body')} />
      </FormModal>
    </>
  );
}
