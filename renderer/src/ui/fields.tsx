/** Form fields used across features; spread `form.getInputProps(path)` into them. */
import { Select, TextInput, type SelectProps, type TextInputProps } from '@mantine/core';

type Option = { value: string; label: string };

export function PartialDateInput(props: TextInputProps) {
  return (
    <TextInput
      placeholder="YYYY-MM-DD"
      description="A full date, or YYYY-MM or YYYY if that is all that is known"
      {...props}
    />
  );
}

export function EnumSelect({
  options,
  ...props
}: { options: Option[] } & Omit<SelectProps, 'data'>) {
  return <Select data={options} allowDeselect={false} checkIconPosition="right" {...props} />;
}
