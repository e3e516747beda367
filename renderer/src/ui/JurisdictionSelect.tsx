import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { jurisdictionOptions } from '../../../shared/domain/jurisdiction';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value?: string;
  onChange?: (value: string) => void;
};

/**
 * A jurisdiction picked from the list (ISO countries plus EP, WO, UPC), searchable by name or code,
 * never typed free-hand. The form keeps '' for "not known" where Mantine's Select gives null.
 */
export function JurisdictionSelect({ value, onChange, ...props }: Props) {
  const data = useMemo(
    () => jurisdictionOptions().map((o) => ({ value: o.value, label: `${o.label} · ${o.value}` })),
    [],
  );
  return (
    <Select
      label="Jurisdiction"
      placeholder="Search a country, EP, WO or UPC"
      data={data}
      searchable
      clearable
      nothingFoundMessage="No country or office of that name"
      value={value || null}
      onChange={(next) => onChange?.(next ?? '')}
      {...props}
    />
  );
}
