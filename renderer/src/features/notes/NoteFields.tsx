import { MultiSelect, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { noteKind, privilege } from '../../../../shared/domain/vocabulary';
import { EnumSelect } from '../../ui/fields';
import { MarkdownEditor } from './MarkdownEditor';
import { DateField } from '../../ui/DateField';
import type { NoteFormValues } from './note-form';

/** The fields of a settlement note; `documents` are the dispute's own, to link the note to. */
export function NoteFields({
  form,
  documents,
}: {
  form: UseFormReturnType<NoteFormValues>;
  documents: { value: string; label: string }[];
}) {
  return (
    <>
      <SimpleGrid cols={2}>
        <DateField
          label="Date"
          description="YYYY-MM-DD, or YYYY-MM or YYYY if that is all that is known; empty if not given"
          {...form.getInputProps('date')}
        />
        <EnumSelect label="Kind" options={noteKind.options} {...form.getInputProps('kind')} />
        <TextInput label="Title" placeholder="Second offer" {...form.getInputProps('title')} />
        <TextInput
          label="Who took part"
          placeholder="Our GC, their head of licensing"
          {...form.getInputProps('participants')}
        />
        <TextInput
          label="Amount"
          placeholder="2,500,000"
          description="Optional"
          inputMode="decimal"
          {...form.getInputProps('amount')}
        />
        <TextInput
          label="Currency"
          placeholder="USD"
          description="Three-letter code, needed with an amount"
          maxLength={3}
          {...form.getInputProps('currency')}
        />
      </SimpleGrid>
      <MarkdownEditor
        label="Note"
        description="Markdown: **bold**, _italic_, - lists, ## headings, [links](https://…)"
        {...form.getInputProps('body')}
      />
      <MultiSelect
        label="Linked documents"
        placeholder={documents.length ? 'Choose documents of this dispute' : 'No documents yet'}
        data={documents}
        searchable
        clearable
        disabled={documents.length === 0}
        {...form.getInputProps('documentIds')}
      />
      <EnumSelect
        label="Privilege label"
        options={privilege.options}
        {...form.getInputProps('privilege')}
      />
    </>
  );
}
