import {
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { z } from 'zod';
import { ValidationError } from '../../../../shared/validation';
import { assertionInputSchema, patentInputSchema } from '../../../../shared/domain/schemas';
import { assertionStatus } from '../../../../shared/domain/vocabulary';
import { db } from '../../db/db';
import { deleteAssertion } from '../../db/repos/assertion-repo';
import { assertPatent, updateAssertedPatent } from '../../db/repos/patent-repo';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { EditRemoveButtons } from '../../ui/RowActions';
import { proceedingName } from '../../../../shared/domain/display-names';
import { EnumSelect } from '../../ui/fields';
import { FormModal } from '../../ui/FormModal';
import { JurisdictionSelect } from '../../ui/JurisdictionSelect';
import { submitForm, useZodForm } from '../../ui/zod-form';
import { DateField } from '../../ui/DateField';
import { forumLabel, type AssertionView, type DisputeDetail } from './dispute-queries';
import { deleteWithUndo } from '../trash/delete-actions';

const patentFormSchema = z.object({
  patent: patentInputSchema,
  assertion: assertionInputSchema.omit({ disputeId: true, patentId: true }).extend({
    proceedingId: z
      .string({ error: 'Choose the proceeding it is asserted in.' })
      .min(1, 'Choose the proceeding it is asserted in.'),
  }),
});

type PatentFormValues = {
  patent: {
    number: string;
    jurisdiction: string;
    title: string;
    ownerId: string | null;
    technology: string;
    family: string;
    expiresOn: string;
    sep: boolean;
  };
  assertion: { proceedingId: string | null; claims: string; status: string; notes: string };
};

function emptyValues(proceedingId: string | null): PatentFormValues {
  return {
    patent: {
      number: '',
      jurisdiction: '',
      title: '',
      ownerId: null,
      technology: '',
      family: '',
      expiresOn: '',
      sep: false,
    },
    assertion: { proceedingId, claims: '', status: 'asserted', notes: '' },
  };
}

function toValues(a: AssertionView): PatentFormValues {
  const p = a.patent;
  return {
    patent: {
      number: p?.number ?? '',
      jurisdiction: p?.jurisdiction ?? '',
      title: p?.title ?? '',
      ownerId: p?.ownerId ?? null,
      technology: p?.technology ?? '',
      family: p?.family ?? '',
      expiresOn: p?.expiresOn ?? '',
      sep: p?.sep ?? false,
    },
    assertion: { proceedingId: a.proceedingId, claims: a.claims, status: a.status, notes: a.notes },
  };
}

/** Assertions grouped by patent, in the detail's patent order: one table row per patent. */
function byPatent(assertions: AssertionView[]): [AssertionView, ...AssertionView[]][] {
  const groups = new Map<string, [AssertionView, ...AssertionView[]]>();
  for (const a of assertions) {
    const group = groups.get(a.patentId);
    if (group) group.push(a);
    else groups.set(a.patentId, [a]);
  }
  return [...groups.values()];
}

export function patentName(a: AssertionView): string {
  return a.patent?.number || a.patent?.title || a.patent?.technology || 'Patent';
}

export function PatentsSection({ detail }: { detail: DisputeDetail }) {
  const { dispute, proceedings, assertions, organisations } = detail;
  const [editing, setEditing] = useState<AssertionView | 'new' | null>(null);
  const [removing, setRemoving] = useState<AssertionView | null>(null);
  const form = useZodForm(patentFormSchema, emptyValues(null));

  function open(target: AssertionView | 'new') {
    form.setValues(target === 'new' ? emptyValues(proceedings[0]?.id ?? null) : toValues(target));
    form.clearErrors();
    setEditing(target);
  }

  async function save(values: PatentFormValues) {
    try {
      await write(values);
    } catch (error) {
      // The repositories name the assertion's own fields; the form nests them under "assertion".
      if (error instanceof ValidationError && 'proceedingId' in error.fieldErrors) {
        throw new ValidationError('The patent', {
          'assertion.proceedingId': error.fieldErrors.proceedingId!,
        });
      }
      throw error;
    }
  }

  async function write(values: PatentFormValues) {
    const parsed = patentFormSchema.parse(values);
    const assertion = { ...parsed.assertion, disputeId: dispute.id };
    if (editing && editing !== 'new') {
      await updateAssertedPatent(
        db,
        { patentId: editing.patentId, assertionId: editing.id },
        parsed.patent,
        { ...assertion, patentId: editing.patentId },
      );
    } else {
      await assertPatent(db, parsed.patent, assertion);
    }
  }

  return (
    <Stack>
      <Group>
        <Button onClick={() => open('new')} disabled={proceedings.length === 0}>
          Add patent
        </Button>
        {proceedings.length === 0 && (
          <Text size="sm">Add a proceeding first: a patent is asserted in a proceeding.</Text>
        )}
      </Group>
      {assertions.length === 0 ? (
        <Text>No patents asserted yet.</Text>
      ) : (
        <div className="cf-table-scroll">
          <Table aria-label="Patents and assertions" striped className="cf-sticky-first">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Number</Table.Th>
                <Table.Th>Jurisdiction</Table.Th>
                <Table.Th>Title</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Technology</Table.Th>
                <Table.Th>SEP</Table.Th>
                <Table.Th>Asserted in · claims · how it fared</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {byPatent(assertions).map(([first, ...others]) => (
                <Table.Tr key={first.patentId}>
                  <Table.Td className="cf-nowrap">
                    {first.patent?.number || (
                      <Text span c="dimmed" fs="italic">
                        Not given
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{first.patent?.jurisdiction}</Table.Td>
                  <Table.Td>{first.patent?.title}</Table.Td>
                  <Table.Td>{first.owner?.name}</Table.Td>
                  <Table.Td>{first.patent?.technology}</Table.Td>
                  <Table.Td>{first.patent?.sep ? 'SEP' : 'No'}</Table.Td>
                  <Table.Td>
                    <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                      {[first, ...others].map((a) => (
                        <Group
                          key={a.id}
                          component="li"
                          gap="xs"
                          wrap="nowrap"
                          justify="space-between"
                        >
                          <Text size="sm">
                            {a.proceeding ? proceedingName(a.proceeding) : 'Proceeding not on file'}
                            {' · '}
                            {a.claims ? (
                              `claims ${a.claims}`
                            ) : (
                              <Text span c="dimmed" fs="italic" inherit>
                                claims not known
                              </Text>
                            )}
                            {' · '}
                            {assertionStatus.labels[a.status]}
                          </Text>
                          <EditRemoveButtons
                            what={`patent ${patentName(a)}${others.length ? ` in ${a.proceeding ? proceedingName(a.proceeding) : 'this proceeding'}` : ''}`}
                            onEdit={() => open(a)}
                            onRemove={() => setRemoving(a)}
                          />
                        </Group>
                      ))}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <FormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Add patent' : 'Edit patent'}
        submitLabel={editing === 'new' ? 'Add patent' : 'Save patent'}
        size="xl"
        onSubmit={() => submitForm(form, save, 'The patent was not saved')}
      >
        <Title order={3} size="h5">
          The patent
        </Title>
        <SimpleGrid cols={2}>
          <TextInput
            label="Patent number"
            placeholder="EP 1 234 567 B1"
            description="As the office writes it; saved in its standard form"
            {...form.getInputProps('patent.number')}
          />
          <JurisdictionSelect {...form.getInputProps('patent.jurisdiction')} />
          <TextInput label="Patent title" {...form.getInputProps('patent.title')} />
          <Select
            label="Owner"
            placeholder="Pick an organisation"
            data={organisations.map((o) => ({ value: o.id, label: o.name }))}
            searchable
            clearable
            {...form.getInputProps('patent.ownerId')}
          />
          <TextInput
            label="Technology"
            placeholder="Screen lock"
            {...form.getInputProps('patent.technology')}
          />
          <TextInput label="Patent family" {...form.getInputProps('patent.family')} />
          <DateField label="Expires" {...form.getInputProps('patent.expiresOn')} />
          <Checkbox
            mt="xl"
            label="Standard-essential patent (SEP)"
            {...form.getInputProps('patent.sep', { type: 'checkbox' })}
          />
        </SimpleGrid>
        <Title order={3} size="h5" mt="sm">
          Its assertion
        </Title>
        <SimpleGrid cols={3}>
          <Select
            label="Asserted in"
            data={proceedings.map((p) => ({ value: p.id, label: forumLabel(p) }))}
            allowDeselect={false}
            {...form.getInputProps('assertion.proceedingId')}
          />
          <TextInput
            label="Claims asserted"
            placeholder="1-5, 9"
            {...form.getInputProps('assertion.claims')}
          />
          <EnumSelect
            label="How it fared"
            options={assertionStatus.options}
            {...form.getInputProps('assertion.status')}
          />
        </SimpleGrid>
      </FormModal>
      <ConfirmModal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title="Remove patent from this dispute?"
        confirmLabel="Remove patent"
        onConfirm={async () => {
          if (removing)
            await deleteWithUndo('The patent’s assertion', () => deleteAssertion(db, removing.id));
        }}
      >
        The assertion of {removing ? patentName(removing) : ''} in this proceeding is removed. The
        patent itself stays on file.
      </ConfirmModal>
    </Stack>
  );
}
