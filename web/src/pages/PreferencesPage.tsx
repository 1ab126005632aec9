// The signed-in user's own settings: language, calendar and digits (saved at once, with a live preview),
// their password, and the roles they hold (read-only: coordinators and the program office manage those).
import {
  Button,
  Card,
  Group,
  PasswordInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
// SegmentedControl's sliding indicator needs this sheet, which src/styles.css does not include.
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { api, unwrap } from '../api/client';
import { useUpdatePreferences } from '../app/preferences';
import { meQuery } from '../auth/session';
import { useServerErrors } from '../components/forms';
import { notifyError, notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { FormError } from '../components/States';
import { useI18n, type Preferences } from '../i18n';

const sampleNumber = 1234567;
const minPasswordLength = 12;

export function PreferencesPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('preferences.title')} description={t('preferences.description')} />
      <Stack gap="lg" maw={880}>
        <DisplaySettings />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <PasswordForm />
          <Account />
        </SimpleGrid>
      </Stack>
    </>
  );
}

function Section({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  const id = useId();
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={3} size="h4" id={id}>
            {title}
          </Title>
          {intro && (
            <Text size="sm" c="dimmed">
              {intro}
            </Text>
          )}
        </Stack>
        {children}
      </Stack>
    </Card>
  );
}

/** A labelled SegmentedControl (a radio group to assistive technology) that saves its choice at once. */
function Choice<K extends keyof Preferences>({
  name,
  label,
  value,
  options,
  onChange,
}: {
  name: K;
  label: string;
  value: Preferences[K];
  options: { value: Preferences[K]; label: ReactNode }[];
  onChange: (name: K, v: Preferences[K]) => void;
}) {
  const id = useId();
  const { dir } = useI18n();
  return (
    <Stack gap={6}>
      <Text component="span" size="sm" fw={500} id={id}>
        {label}
      </Text>
      {/* Remounted when the direction flips: the sliding indicator measures its place only on mount and resize. */}
      <SegmentedControl
        key={dir}
        aria-labelledby={id}
        name={name}
        fullWidth
        value={value}
        data={options}
        onChange={(v) => onChange(name, v as Preferences[K])}
        data-testid={`preference-${name}`}
      />
    </Stack>
  );
}

function DisplaySettings() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const update = useUpdatePreferences();
  // The choice shows at once; the page itself re-renders in it when the server has saved it.
  const [pending, setPending] = useState<Partial<Preferences>>({});
  const current: Preferences = {
    locale: pending.locale ?? i18n.locale,
    calendar: pending.calendar ?? i18n.calendar,
    digits: pending.digits ?? i18n.digits,
  };

  const save = <K extends keyof Preferences>(name: K, v: Preferences[K]) => {
    if (i18n[name] === v) return;
    const change = { [name]: v } as Partial<Preferences>;
    setPending((p) => ({ ...p, ...change }));
    update(change)
      .then(() => notifySuccess(t('preferences.saved')))
      .catch((e: unknown) => notifyError(e, locale))
      .finally(() =>
        setPending((p) => {
          const next = { ...p };
          delete next[name];
          return next;
        }),
      );
  };

  const today = new Date().toISOString();
  return (
    <Section title={t('preferences.displayTitle')} intro={t('preferences.displayIntro')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Choice
          name="locale"
          label={t('preferences.language')}
          value={current.locale}
          onChange={save}
          options={[
            { value: 'ar', label: <span lang="ar">العربية</span> },
            { value: 'en', label: <span lang="en">English</span> },
          ]}
        />
        <Choice
          name="calendar"
          label={t('preferences.calendar')}
          value={current.calendar}
          onChange={save}
          options={[
            { value: 'gregorian', label: t('preferences.calendarGregorian') },
            { value: 'hijri', label: t('preferences.calendarHijri') },
          ]}
        />
        <Choice
          name="digits"
          label={t('preferences.digits')}
          value={current.digits}
          onChange={save}
          options={[
            { value: 'arab', label: t('preferences.digitsArab') },
            { value: 'latn', label: t('preferences.digitsLatn') },
          ]}
        />
      </SimpleGrid>
      <Card bg="var(--mantine-color-gray-0)" radius="md" padding="md" data-testid="preferences-preview">
        <Text size="xs" fw={600} c="dimmed" mb={4}>
          {t('preferences.preview')}
        </Text>
        <Stack gap={2} aria-live="polite">
          <Text size="sm">{t('preferences.previewDate', { date: i18n.date(today) })}</Text>
          <Text size="sm">{t('preferences.previewNumber', { number: i18n.number(sampleNumber) })}</Text>
        </Stack>
      </Card>
    </Section>
  );
}

function PasswordForm() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { current_password: '', new_password: '', confirm: '' },
    validate: {
      current_password: (v) => (v ? null : t('common.fieldRequired')),
      new_password: (v, values) =>
        !v
          ? t('common.fieldRequired')
          : [...v].length < minPasswordLength
            ? t('preferences.passwordTooShort')
            : v === values.current_password
              ? t('preferences.passwordSame')
              : null,
      confirm: (v, values) => (v === values.new_password ? null : t('preferences.passwordMismatch')),
    },
  });
  const server = useServerErrors(form);
  // Mantine's PasswordInput marks an error only with data-invalid; screen readers need aria-invalid too.

  const submit = form.onSubmit(async ({ current_password, new_password }) => {
    setBusy(true);
    server.clear();
    try {
      await unwrap(api.POST('/api/v1/me/password', { body: { current_password, new_password } }));
      form.reset();
      notifySuccess(t('preferences.passwordChanged'));
    } catch (e) {
      server.capture(e);
    } finally {
      setBusy(false);
    }
  });

  return (
    <Section title={t('preferences.passwordTitle')} intro={t('preferences.passwordIntro')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={server.formError} />
          <PasswordInput
            label={t('preferences.currentPassword')}
            autoComplete="current-password"
            required
            {...form.getInputProps('current_password')}
            aria-invalid={!!form.errors.current_password || undefined}
          />
          <PasswordInput
            label={t('preferences.newPassword')}
            description={t('preferences.newPasswordHint')}
            autoComplete="new-password"
            required
            {...form.getInputProps('new_password')}
            aria-invalid={!!form.errors.new_password || undefined}
          />
          <PasswordInput
            label={t('preferences.confirmPassword')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirm')}
            aria-invalid={!!form.errors.confirm || undefined}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {t('preferences.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function Account() {
  const { t, pick } = useI18n();
  const { data: me } = useSuspenseQuery(meQuery);
  if (!me) return null;
  const { user } = me;
  return (
    <Section title={t('preferences.accountTitle')}>
      <Stack gap={4}>
        <Text size="xs" c="dimmed">
          {t('preferences.name')}
        </Text>
        <Text fw={500}>{pick(user.name_ar, user.name_en)}</Text>
        <Text size="xs" c="dimmed" mt="xs">
          {t('preferences.email')}
        </Text>
        <Text>
          <span className="ltr-value">{user.email}</span>
        </Text>
      </Stack>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Title order={4} size="h5">
            {t('preferences.memberships')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('preferences.membershipsCount', { count: user.memberships.length })}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {t('preferences.membershipsIntro')}
        </Text>
        {user.memberships.length === 0 ? (
          <Text size="sm">{t('preferences.noMemberships')}</Text>
        ) : (
          <Table withTableBorder={false} verticalSpacing="xs" data-testid="memberships">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('preferences.role')}</Table.Th>
                <Table.Th>{t('preferences.organization')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {user.memberships.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td fw={500}>{t(`common.role.${m.role}`)}</Table.Td>
                  <Table.Td>{pick(m.organization_name_ar, m.organization_name_en)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Section>
  );
}

