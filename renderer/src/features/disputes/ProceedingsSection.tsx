import { Button, Group, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  proceedingInputSchema,
  type Proceeding,
  type ProceedingInput,
} from '../../../../shared/domain/schemas';
import { formatPartialDate } from '../../../../shared/domain/partial-date';
import { proceedingKind, proceedingStage } from '../../../../shared/domain/vocabulary';
import { db } from '../../db/db';
import {
  createProceeding,
  deleteProceeding,
  updateProceeding,
} from '../../db/repos/proceeding-repo';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { ActionsHeader, RowActions } from '../../ui/RowActions';
import { EnumSelect } from '../../ui/fields';
import { FormModal } from '../../ui/FormModal';
import { submitForm, useZodForm } from '../../ui/zod-form';
import { forumLabel, type DisputeDetail } from './dispute-queries';
import { DateField } from '../../ui/DateField';
import { plural } from '../../../../shared/text/plural';
import { itemElementId, useFocusRequest } from '../timeline/focus-request';
import { deleteWithUndo } from '../trash/delete-actions';

type ProceedingFormValues = Required<ProceedingInput>;

function emptyProceeding(disputeId: string): ProceedingFormValues {
  return {
    disputeId,
    kind: 'infringement',
    forum: '',
    country: '',
    caseNumber: '',
    judge: '',
    filedOn: '',
    stage: 'pleadings',
    closedOn: '',
    outcome: '',
  };
}

function toValues(p: Proceeding): ProceedingFormValues {
  const { id: _id, createdAt: _c, updatedAt: _u, ...values } = p;
  return values;
}

export function ProceedingsSection({ detail }: { detail: DisputeDetail }) {
  const { dispute, proceedings, assertions } = detail;
  const [editing, setEditing] = useState<Proceeding | 'new' | null>(null);
  const [removing, setRemoving] = useState<Proceeding | null>(null);
  const form = useZodForm(proceedingInputSchema, emptyProceeding(dispute.id));

  function open(proceeding: Proceeding | 'new') {
    form.setValues(proceeding === 'new' ? emptyProceeding(dispute.id) : toValues(proceeding));
    form.clearErrors();
    setEditing(proceeding);
  }

  // The proceedings come with the dispute, so a timeline entry's row is there at once.
  useFocusRequest(true);

  const assertedIn = (id: string) => assertions.filter((a) => a.proceedingId === id).length;

  return (
    <Stack>
      <Group>
        <Button onClick={() => open('new')}>Add proceeding</Button>
      </Group>
      {proceedings.length === 0 ? (
        <Text>
          No proceedings yet. Add each action in each forum: the main action, parallel actions
          abroad, invalidation requests, appeals.
        </Text>
      ) : (
        <div className="cf-table-scroll">
          <Table aria-label="Proceedings" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Forum or court</Table.Th>
                <Table.Th>Country</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Case number</Table.Th>
                <Table.Th>Judge or panel</Table.Th>
                <Table.Th>Filed</Table.Th>
                <Table.Th>Stage</Table.Th>
                <Table.Th>Closed</Table.Th>
                <Table.Th>Outcome</Table.Th>
                <ActionsHeader />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {proceedings.map((p) => {
                const name = forumLabel(p);
                return (
                  <Table.Tr key={p.id} id={itemElementId(p.id)} tabIndex={-1}>
                    <Table.Td>
                      {p.forum || (
                        <Text span c="dimmed" fs="italic">
                          Not named
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{p.country}</Table.Td>
                    <Table.Td>{proceedingKind.labels[p.kind]}</Table.Td>
                    <Table.Td>{p.caseNumber}</Table.Td>
                    <Table.Td>{p.judge}</Table.Td>
                    <Table.Td>{formatPartialDate(p.filedOn)}</Table.Td>
                    <Table.Td>{proceedingStage.labels[p.stage]}</Table.Td>
                    <Table.Td>{formatPartialDate(p.closedOn)}</Table.Td>
                    <Table.Td className="cf-prewrap">{p.outcome}</Table.Td>
                    <RowActions
                      what={`proceeding ${name}`}
                      onEdit={() => open(p)}
                      onRemove={() => setRemoving(p)}
                      removeLabel="Delete"
                    />
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <FormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Add proceeding' : 'Edit proceeding'}
        submitLabel={editing === 'new' ? 'Add proceeding' : 'Save proceeding'}
        size="xl"
        onSubmit={() =>
          submitForm(
            form,
            (values) =>
              editing && editing !== 'new'
                ? updateProceeding(db, editing.id, values)
                : createProceeding(db, values),
            'The proceeding was not saved',
          )
        }
      >
        <SimpleGrid cols={2}>
          <TextInput
            label="Forum or court"
            placeholder="Munich Regional Court"
            {...form.getInputProps('forum')}
          />
          <TextInput label="Country" placeholder="Germany" {...form.getInputProps('country')} />
          <EnumSelect
            label="Kind"
            options={proceedingKind.options}
            {...form.getInputProps('kind')}
          />
          <TextInput label="Case number" {...form.getInputProps('caseNumber')} />
          <TextInput label="Judge or panel" {...form.getInputProps('judge')} />
          <EnumSelect
            label="Stage"
            options={proceedingStage.options}
            {...form.getInputProps('stage')}
          />
          <DateField label="Filed" {...form.getInputProps('filedOn')} />
          <DateField label="Closed" {...form.getInputProps('closedOn')} />
        </SimpleGrid>
        <Textarea label="Outcome" autosize minRows={2} {...form.getInputProps('outcome')} />
      </FormModal>
      <ConfirmModal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title="Delete proceeding?"
        confirmLabel="Delete proceeding"
        onConfirm={async () => {
          if (removing)
            await deleteWithUndo('The proceeding and its assertions', () =>
              deleteProceeding(db, removing.id),
            );
        }}
      >
        {removing && forumLabel(removing)} will be deleted
        {removing && assertedIn(removing.id) > 0
          ? `, with ${assertedIn(removing.id) === 1 ? 'the patent assertion' : `the ${plural(assertedIn(removing.id), 'patent assertion')}`} in it (the patents stay on file)`
          : ''}
        . It goes to the trash, from which it can be restored for 30 days.
      </ConfirmModal>
    </Stack>
  );
}
