// Pieces shared by the users pages: the roles, the organisation picker fed by the server, the role
// badges, and the one-time display of a temporary password.
import { Alert, Badge, Button, Code, CopyButton, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, type SelectProps } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api, unwrap, type Me, type Role, type Schemas } from '../../../api/client';
import { roles } from '../../../auth/session';
import { useI18n } from '../../../i18n';

export type User = Schemas['User'];
export type Organization = Schemas['Organization'];
export type Scope = 'all' | 'team';

const nationalRoles: Role[] = ['platform_admin', 'program_office'];

/** The roles a page offers: a coordinator's team never holds a national role. */
export function rolesFor(scope: Scope): Role[] {
  return scope === 'team' ? roles.filter((r) => !nationalRoles.includes(r)) : [...roles];
}

/** The roles the signed-in user may grant: only a platform administrator grants that role, only national staff national ones. */
export function grantableRoles(me: Me | null | undefined): Role[] {
  const held = new Set(me?.user.memberships.map((m) => m.role) ?? []);
  return roles.filter((r) => {
    if (r === 'platform_admin') return held.has('platform_admin');
    if (r === 'program_office') return held.has('platform_admin') || held.has('program_office');
    return true;
  });
}

/** The entity a coordinator administers, when there is exactly one: the organisation picker stays inside it. */
export function coordinatorEntity(me: Me | null | undefined): number | undefined {
  const held = new Set(me?.user.memberships.map((m) => m.role) ?? []);
  if (held.has('platform_admin') || held.has('program_office')) return undefined;
  const entities = [...new Set(me?.user.memberships.filter((m) => m.role === 'entity_coordinator').map((m) => m.organization_id))];
  return entities.length === 1 ? entities[0] : undefined;
}

export function roleOptions(list: Role[], t: (k: string) => string) {
  return list.map((r) => ({ value: r, label: t(`common.role.${r}`) }));
}

export function RoleBadges({ user }: { user: User }) {
  const { t, pick } = useI18n();
  return (
    <Group gap={4} wrap="wrap">
      {user.memberships.map((m) => (
        <Badge
          key={m.id}
          variant="light"
          color={nationalRoles.includes(m.role) ? 'grape' : 'blue'}
          tt="none"
          fw={500}
          maw="100%"
          h="auto"
          py={2}
          radius="sm"
          // Organisation names are long: let them wrap instead of cutting them off.
          styles={{ label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.5, textAlign: 'start' } }}
        >
          {t('users.roleAt', { role: t(`common.role.${m.role}`), organization: pick(m.organization_name_ar, m.organization_name_en) })}
        </Badge>
      ))}
    </Group>
  );
}

export function StatusBadge({ active }: { active: boolean }) {
  const { t } = useI18n();
  return (
    <Badge variant="dot" color={active ? 'green' : 'gray'} tt="none" fw={500} w="max-content" styles={{ label: { overflow: 'visible' } }}>
      {active ? t('common.active') : t('common.inactive')}
    </Badge>
  );
}

interface OrganizationSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> {
  value: string | null;
  onChange: (value: string | null) => void;
  /** Keeps the choices inside this organisation's subtree. */
  within?: number;
}

/** A searchable organisation picker: the server searches the names (`q`), the list holds the first matches. */
export function OrganizationSelect({ value, onChange, within, ...props }: OrganizationSelectProps) {
  const { t, pick } = useI18n();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [labels, setLabels] = useState<Record<string, string>>({});

  const list = useQuery({
    queryKey: ['organizations', 'pick', debounced, within ?? null],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organizations', {
          params: {
            query: {
              q: debounced || undefined,
              'page[size]': '30',
              'filter[active]': 'true',
              'filter[within]': within ? String(within) : undefined,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  // The chosen organisation may not be among the current matches (a link's `org=`): fetch its name.
  const known = value ? (labels[value] ?? list.data?.items.find((o) => String(o.id) === value)) : undefined;
  const chosen = useQuery({
    queryKey: ['organization', value],
    queryFn: () => unwrap(api.GET('/api/v1/organizations/{id}', { params: { path: { id: value! } } })),
    enabled: !!value && !known,
    staleTime: 5 * 60_000,
  });

  const data = useMemo(() => {
    const items = list.data?.items.map((o) => ({ value: String(o.id), label: pick(o.name_ar, o.name_en) })) ?? [];
    if (value && !items.some((i) => i.value === value)) {
      const label = labels[value] ?? (chosen.data ? pick(chosen.data.name_ar, chosen.data.name_en) : undefined);
      if (label) items.unshift({ value, label });
    }
    return items;
  }, [list.data, value, labels, chosen.data, pick]);

  return (
    <Select
      {...props}
      data={data}
      value={value}
      onChange={(v, option) => {
        if (v && option) setLabels((l) => ({ ...l, [v]: option.label }));
        onChange(v);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server has filtered already; filtering again here would hide matches on the other language's name.
      filter={({ options }) => options}
      nothingFoundMessage={list.isFetching ? t('common.loading') : t('users.noOrganizations')}
      comboboxProps={{ withinPortal: true, ...props.comboboxProps }}
    />
  );
}

/** Shows a temporary password once, with a copy button and a warning that it will not be shown again. */
export function TemporaryPasswordDialog({ password, email, onClose }: { password: string | null; email?: string; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal opened={!!password} onClose={onClose} title={t('users.tempPasswordTitle')} centered closeOnClickOutside={false} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        {email && (
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('users.account')}
            </Text>
            <Text size="sm" className="ltr-value">
              {email}
            </Text>
          </Stack>
        )}
        <Group gap="xs" wrap="nowrap" align="center">
          <Code fz="md" p="xs" className="ltr-value" style={{ flex: 1, wordBreak: 'break-all' }} data-testid="temporary-password">
            {password}
          </Code>
          <CopyButton value={password ?? ''}>
            {({ copied, copy }) => (
              <Button
                variant={copied ? 'filled' : 'light'}
                color={copied ? 'green' : undefined}
                leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                onClick={copy}
              >
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} role="note">
          {t('users.tempPasswordWarning')}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose} data-autofocus>
            {t('users.tempPasswordDone')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

type IdentityField = 'email' | 'name_ar' | 'name_en' | 'national_id' | 'locale';

/** The fields that say who a user is, the same when creating and when editing. */
export function UserIdentityFields({
  inputProps,
  autoFocus,
}: {
  inputProps: (field: IdentityField) => GetInputPropsReturnType;
  autoFocus?: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextInput
        label={t('users.email')}
        type="email"
        dir="ltr"
        autoComplete="off"
        required
        data-autofocus={autoFocus || undefined}
        {...inputProps('email')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('users.nameAr')} dir="rtl" lang="ar" required {...inputProps('name_ar')} />
        <TextInput label={t('users.nameEn')} dir="ltr" lang="en" required {...inputProps('name_en')} />
        <TextInput
          label={t('users.nationalId')}
          description={t('users.nationalIdHint')}
          dir="ltr"
          inputMode="numeric"
          {...inputProps('national_id')}
        />
        <Select
          label={t('users.language')}
          data={[
            { value: 'ar', label: t('users.locale.ar') },
            { value: 'en', label: t('users.locale.en') },
          ]}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...inputProps('locale')}
        />
      </SimpleGrid>
    </>
  );
}
