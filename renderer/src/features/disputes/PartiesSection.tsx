import { Button, Checkbox, Group, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { z } from 'zod';
import { disputePartyInputSchema, type DisputeParty } from '../../../../shared/domain/schemas';
import { partyRole, type OurRole, type PartyRole } from '../../../../shared/domain/vocabulary';
import { db } from '../../db/db';
import { addPartyWithOrganisation, removeParty, updateParty } from '../../db/repos/party-repo';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { OrganisationField } from '../organisations/OrganisationField';
import { ActionsHeader, RowActions } from '../../ui/RowActions';
import { EnumSelect } from '../../ui/fields';
import { FormModal } from '../../ui/FormModal';
import { submitForm, useZodForm } from '../../ui/zod-form';
import type { DisputeDetail, PartyView } from './dispute-queries';
import { deleteWithUndo } from '../trash/delete-actions';

const partyFormSchema = disputePartyInputSchema
  .omit({ disputeId: true, organisationId: true })
  .extend({
    organisationId: z.string().nullable(),
    newOrganisationName: z.string().trim().max(200, 'Keep the name under 200 characters.'),
  })
  .refine((v) => v.organisationId || v.newOrganisationName, {
    path: ['organisationId'],
    message: 'Choose an organisation, or type the name of a new one.',
  });

type PartyFormValues = z.input<typeof partyFormSchema>;

/** The party roles that stand where we stand, for each of our roles in a dispute. */
const OUR_PARTY_ROLES: Record<OurRole, PartyRole[]> = {
  plaintiff: ['plaintiff', 'claimant', 'appellant'],
  defendant: ['defendant', 'respondent', 'appellee'],
  petitioner: ['petitioner'],
  'patent-owner': ['patent-owner'],
  licensor: ['licensor'],
  licensee: ['licensee'],
  'third-party': ['intervenor'],
  observer: [],
};

function isOurSide(role: PartyRole, ours: OurRole): boolean {
  return OUR_PARTY_ROLES[ours].includes(role);
}

/** A new party is most often the other side: the role opposite ours. */
function counterpartyRole(ours: OurRole): PartyRole {
  const opposite: Partial<Record<OurRole, PartyRole>> = {
    plaintiff: 'defendant',
    defendant: 'plaintiff',
    petitioner: 'patent-owner',
    'patent-owner': 'petitioner',
    licensor: 'licensee',
    licensee: 'licensor',
  };
  return opposite[ours] ?? 'other';
}

const emptyParty: PartyFormValues = {
  organisationId: null,
  newOrganisationName: '',
  role: 'plaintiff',
  ourSide: false,
  outsideCounsel: '',
  notes: '',
};

export function PartiesSection({ detail }: { detail: DisputeDetail }) {
  const { dispute, parties, organisations } = detail;
  const [editing, setEditing] = useState<DisputeParty | 'new' | null>(null);
  const [removing, setRemoving] = useState<PartyView | null>(null);
  const form = useZodForm(partyFormSchema, emptyParty);
  const linked = new Set(parties.map((p) => p.organisationId));

  function open(party: PartyView | 'new') {
    form.setValues(
      party === 'new'
        ? { ...emptyParty, role: counterpartyRole(dispute.ourRole) }
        : {
            organisationId: party.organisationId,
            newOrganisationName: '',
            role: party.role,
            ourSide: party.ourSide,
            outsideCounsel: party.outsideCounsel,
            notes: party.notes,
          },
    );
    form.clearErrors();
    setEditing(party);
  }

  async function save(values: PartyFormValues) {
    const fields = {
      disputeId: dispute.id,
      role: values.role,
      ourSide: values.ourSide,
      outsideCounsel: values.outsideCounsel,
      notes: values.notes,
    };
    if (editing === 'new' || editing === null) {
      await addPartyWithOrganisation(db, {
        ...fields,
        organisationId: values.organisationId,
        newOrganisationName: values.newOrganisationName,
      });
    } else {
      await updateParty(db, editing.id, { ...fields, organisationId: editing.organisationId });
    }
  }

  return (
    <Stack>
      <Group>
        <Button onClick={() => open('new')}>Add party</Button>
      </Group>
      {parties.length === 0 ? (
        <Text>No parties yet.</Text>
      ) : (
        <Table aria-label="Parties" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Organisation</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Side</Table.Th>
              <Table.Th>Outside counsel</Table.Th>
              <ActionsHeader />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {parties.map((party) => {
              const name = party.organisation?.name ?? 'Unknown organisation';
              return (
                <Table.Tr key={party.id}>
                  <Table.Td>{name}</Table.Td>
                  <Table.Td>{partyRole.labels[party.role]}</Table.Td>
                  <Table.Td>{party.ourSide ? 'Our side' : 'Counterparty'}</Table.Td>
                  <Table.Td>{party.outsideCounsel}</Table.Td>
                  <RowActions
                    what={`party ${name}`}
                    onEdit={() => open(party)}
                    onRemove={() => setRemoving(party)}
                  />
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <FormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Add party' : 'Edit party'}
        submitLabel={editing === 'new' ? 'Add party' : 'Save party'}
        onSubmit={() => submitForm(form, save, 'The party was not saved')}
      >
        {editing === 'new' ? (
          <OrganisationField
            organisations={organisations}
            excludeIds={linked}
            disputeId={dispute.id}
            organisationId={form.values.organisationId}
            newName={form.values.newOrganisationName}
            onChange={(value) => {
              form.setValues(value);
              form.clearFieldError('organisationId');
            }}
            error={form.errors.organisationId as string | undefined}
          />
        ) : (
          <Text>
            Organisation:{' '}
            <strong>
              {typeof editing === 'object' && editing
                ? organisations.find((o) => o.id === editing.organisationId)?.name
                : ''}
            </strong>
          </Text>
        )}
        <EnumSelect
          label="Role"
          options={partyRole.options}
          {...form.getInputProps('role')}
          onChange={(role) => {
            if (!role) return;
            form.setFieldValue('role', role as PartyRole);
            // "Our side" follows the dispute's role; the person can still change it.
            form.setFieldValue('ourSide', isOurSide(role as PartyRole, dispute.ourRole));
          }}
        />
        <Checkbox
          label="Our side (our company or our client)"
          {...form.getInputProps('ourSide', { type: 'checkbox' })}
        />
        <TextInput label="Outside counsel" {...form.getInputProps('outsideCounsel')} />
        <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
      </FormModal>
      <ConfirmModal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title="Remove party?"
        confirmLabel="Remove party"
        onConfirm={async () => {
          if (removing)
            await deleteWithUndo('The party’s link to this dispute', () =>
              removeParty(db, removing.id),
            );
        }}
      >
        {removing?.organisation?.name} will no longer be a party to this dispute. The organisation
        stays in your case files.
      </ConfirmModal>
    </Stack>
  );
}
