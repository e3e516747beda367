import { useLocation } from 'wouter';
import { disputeInputSchema } from '../../../../shared/domain/schemas';
import { db } from '../../db/db';
import { createDispute } from '../../db/repos/dispute-repo';
import { FormModal } from '../../ui/FormModal';
import { submitForm, useZodForm } from '../../ui/zod-form';
import { DisputeFormFields, emptyDispute } from './DisputeFormFields';

export function NewDisputeModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [, navigate] = useLocation();
  const form = useZodForm(disputeInputSchema, emptyDispute);

  function close() {
    form.reset();
    onClose();
  }

  return (
    <FormModal
      opened={opened}
      onClose={close}
      title="New dispute"
      submitLabel="Create dispute"
      onSubmit={() =>
        submitForm(
          form,
          async (values) => {
            const dispute = await createDispute(db, values);
            navigate(`/disputes/${dispute.id}`);
          },
          'The dispute was not created',
        )
      }
    >
      <DisputeFormFields form={form} />
    </FormModal>
  );
}
