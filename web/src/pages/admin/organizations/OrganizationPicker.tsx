// Choosing an organisation out of thousands: a searchable select whose options come from the server
// (`q=`), with the chosen organisation always among them so its name shows.
import { Badge, Group, Select, Text, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { optionsQuery, organizationQuery, type Organization } from './api';

interface OrganizationPickerProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable' | 'filter'> {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** An organisation that may not be chosen (the one being edited, as its own parent). */
  excludeId?: number;
}

export function OrganizationPicker({ value, onChange, excludeId, ...props }: OrganizationPickerProps) {
  const { t, pick, locale } = useI18n();
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search.trim(), 250);
  const selectedId = value ? Number(value) : 0;
  const selected = useQuery({ ...organizationQuery(selectedId), enabled: selectedId > 0 });
  const name = (o: Organization) => pick(o.name_ar, o.name_en);
  // While the box just shows the chosen name, list from the start rather than only that name.
  const q = selected.data && typed === name(selected.data) ? '' : typed;
  const options = useQuery(optionsQuery(q, locale));

  const byId = new Map<number, Organization>();
  if (selected.data) byId.set(selected.data.id, selected.data);
  for (const o of options.data?.items ?? []) if (o.id !== excludeId) byId.set(o.id, o);
  const data = [...byId.values()].map((o) => ({ value: String(o.id), label: name(o) }));

  return (
    <Select
      {...props}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('organizations.clearField', { field: String(props.label ?? '') }) }}
      value={value ?? null}
      onChange={(v) => onChange?.(v)}
      data={data}
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={options.isFetching ? t('common.loading') : t('organizations.noMatches')}
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => {
        const o = byId.get(Number(option.value));
        return (
          <Group gap={6} wrap="nowrap" justify="space-between" w="100%">
            <Text size="sm">{option.label}</Text>
            {o && (
              <Badge size="xs" variant="default" tt="none" style={{ flexShrink: 0 }}>
                {t(`common.kind.${o.kind}`)}
              </Badge>
            )}
          </Group>
        );
      }}
    />
  );
}
