import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
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
import { previewOutcome } from '../../../../shared/domain/dispute-life';
import {
  recordedOutcomeSchema,
  withoutEmptyLicence,
  type Dispute,
  type Resolution,
} from '../../../../shared/domain/schemas';
import { formatPartialDate, isAfter, todayIso } from '../../../../shared/domain/partial-date';
import { judgmentResultOf, outcomeLabel } from '../../../../shared/domain/portfolio-groups';
import { judgmentResult, licenceType, resolutionKind } from '../../../../shared/domain/vocabulary';
import { db } from '../../db/db';
import { disputeToInput, lifeOf, updateDispute } from '../../db/repos/dispute-repo';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { Facts } from '../../ui/Facts';
import { EnumSelect, PartialDateInput } from '../../ui/fields';
import { FormModal } from '../../ui/FormModal';
import { submitForm, useZodForm } from '../../ui/zod-form';
import type { DisputeDetail } from './dispute-queries';

const DATE_MISSING = 'Enter the date of the outcome, or tick “Date not given” if it is not known.';

/**
 * The outcome as a form takes it: kind and date (or "Date not given") required, and a date in the
 * future only once the person has said it is meant (a typo of the year is the usual cause).
 */
export const outcomeFormSchema = z
  .object({
    resolution: z.unknown(),
    futureConfirmed: z.boolean().default(false),
  })
  .superRefine((values, ctx) => {
    const parsed = recordedOutcomeSchema.safeParse(values.resolution);
    if (!parsed.success) {
      // zod skips the object's own date rule while a field fails: say both at once.
      const r = values.resolution as Partial<ResolutionValues> | undefined;
      const dateMissing = !r?.date && !r?.dateNotGiven;
      const issues = parsed.error.issues;
      if (dateMissing && !issues.some((issue) => issue.path[0] === 'date')) {
        ctx.addIssue({ code: 'custom', path: ['resolution', 'date'], message: DATE_MISSING });
      }
      for (const issue of issues) {
        ctx.addIssue({
          code: 'custom',
          path: ['resolution', ...issue.path],
          message: issue.message,
        });
      }
      return;
    }
    if (isAfter(parsed.data.date, todayIso()) && !values.futureConfirmed) {
      ctx.addIssue({
        code: 'custom',
        path: ['futureConfirmed'],
        message: 'This outcome is dated in the future: tick the box to confirm the date.',
      });
    }
  });

const resolutionFormSchema = outcomeFormSchema;

/** The resolution as its form holds it: every text present, so inputs stay controlled. */
export type ResolutionValues = {
  kind: string | null;
  date: string;
  /** Asked only when the kind is a judgment; other kinds store none (see the schema). */
  judgmentResult: string;
  dateNotGiven: boolean;
  licence: {
    type: string | null;
    scope: string;
    territory: string;
    term: string;
    consideration: string;
  };
  text: string;
};

type ResolutionFormValues = { resolution: ResolutionValues; futureConfirmed: boolean };

/** A new outcome starts with nothing chosen: an untouched form must not settle anything. */
export function resolutionValues(resolution: Resolution | null): ResolutionValues {
  return {
    kind: resolution?.kind ?? null,
    date: resolution?.date ?? '',
    judgmentResult: judgmentResultOf(resolution),
    dateNotGiven: resolution !== null && resolution.date === '',
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
  return { resolution: resolutionValues(resolution), futureConfirmed: false };
}

/** The stored resolution a valid form gives. */
export function resolutionFrom(values: ResolutionValues): Resolution {
  return withoutEmptyLicence(recordedOutcomeSchema.parse(values));
}

/** What saving this outcome will change on the dispute, in words, before it is saved. */
function OutcomePreview({ dispute, values }: { dispute: Dispute; values: ResolutionValues }) {
  const parsed = recordedOutcomeSchema.safeParse(values);
  if (!parsed.success) return null;
  const changes = previewOutcome(lifeOf(dispute), parsed.data);
  return (
    <Alert color="blue" title="What will change" aria-live="polite">
      {changes.length === 0 ? (
        <Text size="sm">The status and closed date stay as they are.</Text>
      ) : (
        <List size="sm">
          {changes.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

export function ResolutionFields({
  form,
  dispute,
}: {
  form: ReturnType<typeof useZodForm<typeof resolutionFormSchema, ResolutionFormValues>>;
  dispute: Dispute;
}) {
  const values = form.getValues();
  const dateNotGiven = values.resolution.dateNotGiven;
  const future = isAfter(values.resolution.date, todayIso());
  return (
    <>
      <SimpleGrid cols={2}>
        <EnumSelect
          label="Outcome"
          placeholder="Choose what ended the dispute"
          withAsterisk
          options={resolutionKind.options}
          {...form.getInputProps('resolution.kind')}
        />
        <Stack gap={4}>
          <PartialDateInput
            label="Date of the outcome"
            withAsterisk={!dateNotGiven}
            disabled={dateNotGiven}
            {...form.getInputProps('resolution.date')}
          />
          <Checkbox
            label="Date not given"
            {...form.getInputProps('resolution.dateNotGiven', { type: 'checkbox' })}
            onChange={(event) => {
              form.setFieldValue('resolution.dateNotGiven', event.currentTarget.checked);
              if (event.currentTarget.checked) form.setFieldValue('resolution.date', '');
            }}
          />
        </Stack>
      </SimpleGrid>
      {values.resolution.kind === 'judgment' && (
        <EnumSelect
          label="How the judgment went for us"
          description="Counted as won or lost on the dashboard and in the portfolio report"
          options={judgmentResult.options}
          allowDeselect={false}
          {...form.getInputProps('resolution.judgmentResult')}
        />
      )}
      {future && (
        <Checkbox
          label={`Yes, the outcome is dated in the future (${formatPartialDate(values.resolution.date)})`}
          {...form.getInputProps('futureConfirmed', { type: 'checkbox' })}
        />
      )}
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
      <OutcomePreview dispute={dispute} values={values.resolution} />
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
              { label: 'Outcome', value: outcomeLabel(resolution) },
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
                resolution: resolutionFrom(values.resolution),
              }),
            'The outcome was not saved',
          )
        }
      >
        <ResolutionFields form={form} dispute={dispute} />
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
        <List size="sm" mt="xs">
          {previewOutcome(lifeOf(dispute), null).map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      </ConfirmModal>
    </Stack>
  );
}
