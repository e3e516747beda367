import {
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { z } from 'zod';
import {
  resolutionSchema,
  withoutEmptyLicence,
  type Resolution,
} from '../../../../shared/domain/schemas';
import { formatPartialDate } from '../../../../shared/domain/partial-date';
import { licenceType, resolutionKind } from '../../../../shared/domain/vocabulary';
import { db } from '../../db/db';
import { disputeToInput, updateDispute } from '../../db/repos/dispute-repo';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { Facts } from '../../ui/Facts';
import { EnumSelect, PartialDateInput } from '../../ui/fields';
import { FormModal } from '../../ui/FormModal';
import { submitForm, useZodForm } from '../../ui/zod-form';
import type { DisputeDetail } from './dispute-queries';

const resolutionFormSchema = z.object({ resolution: resolutionSchema });

/** The resolution as its form holds it: every text present, so inputs stay controlled. */
export type ResolutionValues = {
  kind: string;
  date: string;
  licence: {
    type: string | null;
    scope: string;
    territory: string;
    term: string;
    consideration: string;
  };
  text: string;
};

type ResolutionFormValues = { resolution: ResolutionValues };

export function resolutionValues(resolution: Resolution | null): ResolutionValues {
  return {
    kind: resolution?.kind ?? 'settlement',
    date: resolution?.date ?? '',
    licence: {
      type: resolution?.licence?.type ?? null,
      scope: resolution?.licence?.scope ?? '',
      territory: resolution?.licence?.territory ?? '',
      term: resolution?.licence?.term ?? '',
      consideration: resolution?.licence?.consideration ?? '',
    },
    text: resolution?.text ?? '',
  };
}

function toValues(resolution: Resolution | null): ResolutionFormValues {
  return { resolution: resolutionValues(resolution) };
}

export function ResolutionFields({
  form,
}: {
  form: ReturnType<typeof useZodForm<typeof resolutionFormSchema, ResolutionFormValues>>;
}) {
  return (
    <>
      <SimpleGrid cols={2}>
        <EnumSelect
          label="Outcome"
          options={resolutionKind.options}
          {...form.getInputProps('resolution.kind')}
        />
        <PartialDateInput label="Date of the outcome" {...form.getInputProps('resolution.date')} />
      </SimpleGrid>
      <Title order={3} size="h5">
        Licence terms
      </Title>
      <SimpleGrid cols={2}>
        <Select
          label="Licence type"
          placeholder="No licence"
          data={licenceType.options}
          clearable
          {...form.getInputProps('resolution.licence.type')}
        />
        <TextInput
          label="Territory"
          placeholder="Global"
          {...form.getInputProps('resolution.licence.territory')}
        />
        <TextInput label="Term" {...form.getInputProps('resolution.licence.term')} />
        <TextInput
          label="Consideration"
          {...form.getInputProps('resolution.licence.consideration')}
        />
      </SimpleGrid>
      <Textarea
        label="Licence scope"
        autosize
        minRows={2}
        {...form.getInputProps('resolution.licence.scope')}
      />
      <Textarea
        label="Resolution text"
        autosize
        minRows={3}
        {...form.getInputProps('resolution.text')}
      />
    </>
  );
}

export function ResolutionSection({ detail }: { detail: DisputeDetail }) {
  const { dispute } = detail;
  const resolution = dispute.resolution;
  const [editing, setEditing] = useState(false);
  const [clearing, setClearing] = useState(false);
  const form = useZodForm(resolutionFormSchema, toValues(resolution));

  function edit() {
    form.setValues(toValues(resolution));
    form.clearErrors();
    setEditing(true);
  }

  return (
    <Stack>
      <Group>
        <Button onClick={edit}>{resolution ? 'Edit outcome' : 'Record outcome'}</Button>
        {resolution && (
          <Button variant="subtle" color="red" onClick={() => setClearing(true)}>
            Remove outcome
          </Button>
        )}
      </Group>
      {!resolution ? (
        <Text>No outcome recorded: the dispute is not resolved.</Text>
      ) : (
        <>
          <Facts
            facts={[
              { label: 'Outcome', value: resolutionKind.labels[resolution.kind] },
              { label: 'Date', value: formatPartialDate(resolution.date) },
            ]}
          />
          {resolution.licence && (
            <>
              <Title order={2} size="h4">
                Licence terms
              </Title>
              <Facts
                facts={[
                  {
                    label: 'Licence type',
                    value: resolution.licence.type
                      ? licenceType.labels[resolution.licence.type]
                      : '',
                  },
                  { label: 'Territory', value: resolution.licence.territory },
                  { label: 'Term', value: resolution.licence.term },
                  { label: 'Consideration', value: resolution.licence.consideration },
                ]}
              />
              <Facts cols={1} facts={[{ label: 'Scope', value: resolution.licence.scope }]} />
            </>
          )}
          <Facts cols={1} facts={[{ label: 'Resolution text', value: resolution.text }]} />
        </>
      )}
      <FormModal
        opened={editing}
        onClose={() => setEditing(false)}
        title={resolution ? 'Edit outcome' : 'Record outcome'}
        submitLabel="Save outcome"
        size="xl"
        onSubmit={() =>
          submitForm(
            form,
            (values) =>
              updateDispute(db, dispute.id, {
                ...disputeToInput(dispute),
                resolution: withoutEmptyLicence(resolutionSchema.parse(values.resolution)),
              }),
            'The outcome was not saved',
          )
        }
      >
        <ResolutionFields form={form} />
      </FormModal>
      <ConfirmModal
        opened={clearing}
        onClose={() => setClearing(false)}
        title="Remove the outcome?"
        confirmLabel="Remove outcome"
        onConfirm={() =>
          updateDispute(db, dispute.id, { ...disputeToInput(dispute), resolution: null }).then(
            () => undefined,
          )
        }
      >
        The recorded outcome and licence terms are removed from this dispute. The history keeps a
        record of them.
      </ConfirmModal>
    </Stack>
  );
}
