// Choosing parties (organisations) and an action's owner (a user) from server-side searches, keeping the
// chosen ones among the options so their names show.
import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { organizationOptionsQuery, userOptionsQuery } from './api';

export interface Option {
  value: string;
  label: string;
}

interface PartyPickerProps {
  label: string;
  description?: string;
  error?: string;
  value: Option[];
  onChange: (v: Option[]) => void;
}

export function PartyPicker({ label, description, error, value, onChange }: PartyPickerProps) {
  const { pick } = useI18n();
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search.trim(), 250);
  const options = useQuery({ ...organizationOptionsQuery(typed), placeholderData: keepPreviousData });
  const byId = new Map<string, Option>();
  for (const o of value) byId.set(o.value, o);
  for (const o of options.data?.items ?? []) byId.set(String(o.id), { value: String(o.id), label: pick(o.name_ar, o.name_en) });
  return (
    <MultiSelect
      label={label}
      description={description}
      error={error}
      required
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={[...byId.values()]}
      value={value.map((o) => o.value)}
      onChange={(ids) => onChange(ids.map((id) => byId.get(id) ?? { value: id, label: id }))}
      maxDropdownHeight={260}
      data-testid="party-picker"
    />
  );
}

interface OwnerPickerProps {
  label: string;
  placeholder?: string;
  error?: string;
  value: Option | null;
  onChange: (v: Option | null) => void;
}

export function OwnerPicker({ label, placeholder, error, value, onChange }: OwnerPickerProps) {
  const { pick } = useI18n();
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search.trim(), 250);
  const q = value && typed === value.label ? '' : typed;
  const options = useQuery({ ...userOptionsQuery(q), placeholderData: keepPreviousData });
  const byId = new Map<string, Option>();
  if (value) byId.set(value.value, value);
  for (const u of options.data?.items ?? []) byId.set(String(u.id), { value: String(u.id), label: `${pick(u.name_ar, u.name_en)} — ${u.email}` });
  return (
    <Select
      label={label}
      placeholder={placeholder}
      error={error}
      required
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={[...byId.values()]}
      value={value?.value ?? null}
      onChange={(id) => onChange(id ? (byId.get(id) ?? null) : null)}
      maxDropdownHeight={260}
      data-testid="owner-picker"
    />
  );
}
