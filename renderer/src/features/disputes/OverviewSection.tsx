import { Badge, Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { disputeInputSchema } from '../../../../shared/domain/schemas';
import { formatPartialDate } from '../../../../shared/domain/partial-date';
import { ourRole, privilege } from '../../../../shared/domain/vocabulary';
import { db } from '../../db/db';
import { deleteDispute, disputeToInput, updateDispute } from '../../db/repos/dispute-repo';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { Facts } from '../../ui/Facts';
import { FormModal } from '../../ui/FormModal';
import { submitForm, useZodForm } from '../../ui/zod-form';
import type { DisputeDetail } from './dispute-queries';
import { DisputeFormFields, type DisputeFormValues } from './DisputeFormFields';
import { statusLabel } from './labels';
import { deleteWithUndo } from '../trash/delete-actions';

export function OverviewSection({ detail }: { detail: DisputeDetail }) {
  const { dispute } = detail;
  const [, navigate] = useLocation();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const form = useZodForm(disputeInputSchema, disputeToInput(dispute) as DisputeFormValues);

  function edit() {
    form.setValues(disputeToInput(dispute) as DisputeFormValues);
    form.resetDirty();
    form.clearErrors();
    setEditing(true);
  }

  return (
    <Stack>
      <Group>
        <Button onClick={edit}>Edit overview</Button>
        <Button color="red" variant="light" onClick={() => setDeleting(true)}>
          Delete dispute
        </Button>
        <Button component="a" href={`#/trash/${dispute.id}`} variant="subtle">
          Trash of this dispute
        </Button>
      </Group>
      <Facts
        facts={[
          { label: 'Title', value: dispute.title },
          { label: 'Matter number', value: dispute.matterNumber },
          { label: 'Our role', value: ourRole.labels[dispute.ourRole] },
          { label: 'Status', value: statusLabel(dispute.status) },
          { label: 'Opened', value: formatPartialDate(dispute.openedOn) },
          { label: 'Closed', value: formatPartialDate(dispute.closedOn) },
          { label: 'Privilege label', value: privilege.labels[dispute.privilege] },
          {
            label: 'Tags',
            value: dispute.tags.length ? (
              <Group gap={4} component="span">
                {dispute.tags.map((tag) => (
                  <Badge key={tag} variant="outline" component="span">
                    {tag}
                  </Badge>
                ))}
              </Group>
            ) : (
              ''
            ),
          },
        ]}
      />
      <Facts cols={1} facts={[{ label: 'Summary', value: dispute.summary }]} />
      <FormModal
        opened={editing}
        onClose={() => setEditing(false)}
        title="Edit overview"
        submitLabel="Save overview"
        onSubmit={() =>
          submitForm(
            form,
            (values) => updateDispute(db, dispute.id, values),
            'The overview was not saved',
          )
        }
      >
        <DisputeFormFields form={form} />
      </FormModal>
      <ConfirmModal
        opened={deleting}
        onClose={() => setDeleting(false)}
        title={`Delete “${dispute.title}”?`}
        confirmLabel="Delete dispute"
        onConfirm={async () => {
          await deleteWithUndo(`“${dispute.title}”`, () => deleteDispute(db, dispute.id));
          navigate('/disputes');
        }}
      >
        This deletes the dispute with its parties’ links, proceedings, patent assertions, documents,
        notes and deadlines. Organisations and patents stay in your case files for other disputes.
        It goes to the trash, from which it can be restored for 30 days.
      </ConfirmModal>
    </Stack>
  );
}
