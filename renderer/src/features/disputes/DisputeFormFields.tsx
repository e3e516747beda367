import { SimpleGrid, TagsInput, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { DisputeInput } from '../../../../shared/domain/schemas';
import { disputeStatus, ourRole, privilege } from '../../../../shared/domain/vocabulary';
import { DateField } from '../../ui/DateField';
import { EnumSelect } from '../../ui/fields';

export type DisputeFormValues = Required<Omit<DisputeInput, 'resolution' | 'beforeOutcome'>> &
  Pick<DisputeInput, 'resolution' | 'beforeOutcome'>;

export const emptyDispute: DisputeFormValues = {
  title: '',
  matterNumber: '',
  ourRole: 'plaintiff',
  status: 'active',
  summary: '',
  tags: [],
  privilege: 'attorney-client-work-product',
  openedOn: '',
  closedOn: '',
  resolution: null,
};

export function DisputeFormFields({ form }: { form: UseFormReturnType<DisputeFormValues> }) {
  return (
    <>
      <TextInput
        label="Title"
        placeholder="Huawei v. Xiaomi"
        withAsterisk
        data-autofocus
        {...form.getInputProps('title')}
      />
      <SimpleGrid cols={2}>
        <TextInput label="Matter number" {...form.getInputProps('matterNumber')} />
        <EnumSelect label="Our role" options={ourRole.options} {...form.getInputProps('ourRole')} />
        <EnumSelect
          label="Status"
          options={disputeStatus.options}
          {...form.getInputProps('status')}
        />
        <EnumSelect
          label="Privilege label"
          options={privilege.options}
          {...form.getInputProps('privilege')}
        />
        <DateField label="Opened" {...form.getInputProps('openedOn')} />
        <DateField label="Closed" {...form.getInputProps('closedOn')} />
      </SimpleGrid>
      <Textarea
        label="Summary"
        autosize
        minRows={3}
        maxRows={12}
        {...form.getInputProps('summary')}
      />
      <TagsInput
        label="Tags"
        description="Press Enter after each tag"
        clearable
        {...form.getInputProps('tags')}
      />
    </>
  );
}
