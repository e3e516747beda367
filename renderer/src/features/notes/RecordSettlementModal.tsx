import { Button, Divider, SimpleGrid, TextInput, Title } from '@mantine/core';
import { useState, type ComponentProps } from 'react';
import { z } from 'zod';
import { noteInputSchema, resolutionSchema, type Dispute } from '../../../../shared/domain/schemas';
import { todayIso } from '../../../../shared/domain/partial-date';
import { noteKind } from '../../../../shared/domain/vocabulary';
import { db } from '../../db/db';
import { recordSettlement } from '../../db/repos/settlement-repo';
import { EnumSelect, PartialDateInput } from '../../ui/fields';
import { FormModal } from '../../ui/FormModal';
import { submitForm, useZodForm } from '../../ui/zod-form';
import {
  ResolutionFields,
  resolutionValues,
  type ResolutionValues,
} from '../disputes/ResolutionSection';
import { MarkdownEditor } from './MarkdownEditor';

const settlementFormSchema = z.object({
  resolution: resolutionSchema,
  note: z
    .object(noteInputSchema.shape)
    .pick({ date: true, kind: true, title: true, participants: true, body: true }),
});

type SettlementFormValues = {
  resolution: ResolutionValues;
  note: { date: string; kind: string; title: string; participants: string; body: string };
};

function initialValues(dispute: Dispute): SettlementFormValues {
  return {
    // A settlement being recorded now is dated today unless the dispute already has an outcome.
    resolution: {
      ...resolutionValues(dispute.resolution),
      date: dispute.resolution?.date ?? todayIso(),
    },
    note: { date: todayIso(), kind: 'term-sheet', title: 'Settlement', participants: '', body: '' },
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
            (values) => {
              const parsed = settlementFormSchema.parse(values);
              return recordSettlement(db, dispute.id, parsed);
            },
            'The settlement was not recorded',
          )
        }
      >
        {/* The resolution half of this form has exactly ResolutionFields' shape under `resolution`. */}
        <ResolutionFields form={form as unknown as ResolutionForm} />
        <Divider my="xs" />
        <Title order={3} size="h5">
          The note that records it
        </Title>
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
