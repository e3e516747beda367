/**
 * The choices every print dialog offers in the same words: which sections, the paper size and the
 * confidentiality line printed at the top of every page.
 */
import { Checkbox, Group, Radio, Stack, TextInput } from '@mantine/core';
import { paperSizes, type PaperSize } from '../../../../shared/print-options';

export function SectionsField<S extends string>({
  options,
  value,
  onChange,
  error,
}: {
  options: readonly { value: S; label: string }[];
  value: S[];
  onChange: (sections: S[]) => void;
  error?: string;
}) {
  return (
    <Checkbox.Group
      label="Sections"
      value={value}
      onChange={(picked) => onChange(picked as S[])}
      error={error}
    >
      <Stack gap={6} mt={6}>
        {options.map((s) => (
          <Checkbox key={s.value} value={s.value} label={s.label} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

export function PageFields({
  paper,
  line,
  onChange,
  lineError,
}: {
  paper: PaperSize;
  line: string;
  onChange: (page: { paper: PaperSize } | { line: string }) => void;
  lineError?: string;
}) {
  return (
    <>
      <Radio.Group
        label="Paper size"
        value={paper}
        onChange={(value) => onChange({ paper: value as PaperSize })}
      >
        <Group mt={6}>
          {paperSizes.map((size) => (
            <Radio key={size} value={size} label={size} />
          ))}
        </Group>
      </Radio.Group>
      <TextInput
        label="Confidentiality line"
        description="Printed at the top of every page."
        value={line}
        onChange={(event) => onChange({ line: event.currentTarget.value })}
        error={lineError}
      />
    </>
  );
}
