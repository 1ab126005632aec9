// One user, opened from the list (its id is in the URL as `user=`): edit the account, disable or enable it,
// reset the password, and give or take away roles.
import { Alert, Button, Divider, Drawer, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { IconKey, IconPlus, IconRefresh, IconTrash, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, ApiError, unwrap, type Problem, type Role } from '../../../api/client';
import { meQuery } from '../../../auth/session';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { fieldErrors, useServerErrors } from '../../../components/forms';
import { notifyError, notifySuccess } from '../../../components/notify';
import { ErrorState, errorMessage, FormError, LoadingState } from '../../../components/States';
import { useI18n } from '../../../i18n';
import {
  coordinatorEntity,
  grantableRoles,
  OrganizationSelect,
  roleOptions,
  rolesFor,
  StatusBadge,
  TemporaryPasswordDialog,
  type Scope,
  type User,
  UserIdentityFields,
} from './shared';

export const userQueryKey = (id: number) => ['users', 'one', id] as const;

export function UserDrawer({ userId, onClose, scope }: { userId: number | undefined; onClose: () => void; scope: Scope }) {
  const { t, pick, dir } = useI18n();
  const mobile = useMediaQuery('(max-width: 48em)');
  const query = useQuery({
    queryKey: userQueryKey(userId ?? 0),
    queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id: String(userId) } } })),
    enabled: userId !== undefined,
  });
  const user = query.data;

  return (
    <Drawer
      opened={userId !== undefined}
      onClose={onClose}
      position={dir === 'rtl' ? 'left' : 'right'}
      size={mobile ? '100%' : 'xl'}
      title={
        <Title order={2} size="h4" component="span">
          {user ? pick(user.name_ar, user.name_en) : t('users.detailsTitle')}
        </Title>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {query.error ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : !user ? (
        <LoadingState />
      ) : (
        <UserDetails user={user} scope={scope} onReload={() => query.refetch()} reloading={query.isFetching} />
      )}
    </Drawer>
  );
}

function UserDetails({ user, scope, onReload, reloading }: { user: User; scope: Scope; onReload: () => void; reloading: boolean }) {
  const { t, date, dateTime } = useI18n();
  return (
    <Stack gap="lg">
      <Group gap="lg" wrap="wrap">
        <StatusBadge active={user.active} />
        <Text size="sm" c="dimmed">
          {t('users.createdOn', { date: date(user.created_at) })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('users.updatedOn', { date: dateTime(user.updated_at) })}
        </Text>
      </Group>

      <section aria-labelledby="user-details-heading">
        <Title order={3} size="h5" id="user-details-heading" mb="sm">
          {t('users.detailsHeading')}
        </Title>
        <EditUserForm key={`${user.id}:${user.version}`} user={user} onReload={onReload} reloading={reloading} />
      </section>

      <Divider />
      <AccountActions user={user} />

      <Divider />
      <Memberships user={user} scope={scope} />
    </Stack>
  );
}

interface EditValues extends Record<string, unknown> {
  email: string;
  name_ar: string;
  name_en: string;
  national_id: string;
  locale: 'ar' | 'en';
}

function useSaveUser(user: User) {
  const queryClient = useQueryClient();
  return async (change: Partial<Omit<User, 'memberships'>>) => {
    const updated = await unwrap(
      api.PUT('/api/v1/users/{id}', {
        params: { path: { id: String(user.id) } },
        body: {
          email: user.email,
          name_ar: user.name_ar,
          name_en: user.name_en,
          national_id: user.national_id ?? null,
          locale: user.locale,
          active: user.active,
          version: user.version,
          ...change,
        },
      }),
    );
    queryClient.setQueryData(userQueryKey(user.id), updated);
    await queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
    return updated;
  };
}

function isConflict(e: unknown): boolean {
  return e instanceof ApiError && e.status === 409;
}

function EditUserForm({ user, onReload, reloading }: { user: User; onReload: () => void; reloading: boolean }) {
  const { t } = useI18n();
  const save = useSaveUser(user);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(false);
  const form = useForm<EditValues>({
    initialValues: {
      email: user.email,
      name_ar: user.name_ar,
      name_en: user.name_en,
      national_id: user.national_id ?? '',
      locale: user.locale,
    },
    validate: {
      email: (v) => (v.trim() ? null : t('common.fieldRequired')),
      name_ar: (v) => (v.trim() ? null : t('common.fieldRequired')),
      name_en: (v) => (v.trim() ? null : t('common.fieldRequired')),
    },
  });
  const server = useServerErrors(form);

  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    server.clear();
    setConflict(false);
    try {
      await save({
        email: v.email.trim(),
        name_ar: v.name_ar.trim(),
        name_en: v.name_en.trim(),
        national_id: v.national_id.trim() || null,
        locale: v.locale,
      });
      notifySuccess(t('common.saved'));
    } catch (e) {
      if (isConflict(e)) setConflict(true);
      else server.capture(e);
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {conflict && (
          <Alert color="orange" variant="light" role="alert" title={t('users.conflictTitle')}>
            <Stack gap="xs">
              <Text size="sm">{t('users.conflictBody')}</Text>
              <div>
                <Button size="xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} loading={reloading} onClick={onReload}>
                  {t('users.conflictReload')}
                </Button>
              </div>
            </Stack>
          </Alert>
        )}
        <FormError error={server.formError} />
        <UserIdentityFields inputProps={form.getInputProps} />
        <Group justify="flex-end">
          <Button type="button" variant="default" disabled={!form.isDirty()} onClick={() => { form.reset(); server.clear(); }}>
            {t('users.discardChanges')}
          </Button>
          <Button type="submit" loading={busy} disabled={conflict}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AccountActions({ user }: { user: User }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const save = useSaveUser(user);
  const [password, setPassword] = useState<string | null>(null);

  const setActive = async (active: boolean) => {
    try {
      await save({ active });
      notifySuccess(active ? t('users.enabledToast') : t('users.disabledToast'));
    } catch (e) {
      notifyError(e, locale);
      if (isConflict(e)) await queryClient.invalidateQueries({ queryKey: userQueryKey(user.id) });
    }
  };

  const resetPassword = async () => {
    try {
      const r = await unwrap(api.POST('/api/v1/users/{id}/password-reset', { params: { path: { id: String(user.id) } } }));
      setPassword(r.temporary_password);
      notifySuccess(t('users.passwordResetToast'));
    } catch (e) {
      notifyError(e, locale);
    }
  };

  return (
    <section aria-labelledby="user-account-heading">
      <Title order={3} size="h5" id="user-account-heading" mb="sm">
        {t('users.accountHeading')}
      </Title>
      <Group gap="sm" wrap="wrap">
        {user.active ? (
          <ConfirmAction
            label={t('users.disable')}
            title={t('users.disableTitle')}
            message={t('users.disableMessage')}
            icon={<IconUserOff size={16} aria-hidden />}
            onConfirm={() => setActive(false)}
          />
        ) : (
          <ConfirmAction
            label={t('users.enable')}
            title={t('users.enableTitle')}
            message={t('users.enableMessage')}
            color="manzuma"
            icon={<IconUserCheck size={16} aria-hidden />}
            onConfirm={() => setActive(true)}
          />
        )}
        <ConfirmAction
          label={t('users.resetPassword')}
          title={t('users.resetPasswordTitle')}
          message={t('users.resetPasswordMessage')}
          icon={<IconKey size={16} aria-hidden />}
          onConfirm={resetPassword}
        />
      </Group>
      <TemporaryPasswordDialog password={password} email={user.email} onClose={() => setPassword(null)} />
    </section>
  );
}

function Memberships({ user, scope }: { user: User; scope: Scope }) {
  const { t, pick, locale } = useI18n();
  const queryClient = useQueryClient();

  const remove = async (membershipId: number) => {
    try {
      const updated = await unwrap(
        api.DELETE('/api/v1/users/{id}/memberships/{membership_id}', {
          params: { path: { id: String(user.id), membership_id: String(membershipId) } },
        }),
      );
      queryClient.setQueryData(userQueryKey(user.id), updated);
      await queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
      notifySuccess(t('users.roleRemovedToast'));
    } catch (e) {
      notifyError(e, locale);
    }
  };

  return (
    <section aria-labelledby="user-roles-heading">
      <Title order={3} size="h5" id="user-roles-heading" mb="sm">
        {t('users.rolesHeading')}
      </Title>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {user.memberships.map((m) => {
          const role = t(`common.role.${m.role}`);
          const organization = pick(m.organization_name_ar, m.organization_name_en);
          return (
            <Group
              key={m.id}
              component="li"
              justify="space-between"
              wrap="wrap"
              gap="xs"
              p="xs"
              style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-sm)' }}
            >
              <Stack gap={0} style={{ flex: '1 1 200px', minWidth: 0 }}>
                <Text fw={600} size="sm">
                  {role}
                </Text>
                <Text size="sm" c="dimmed">
                  {organization}
                </Text>
              </Stack>
              <ConfirmAction
                label={t('users.removeRole')}
                title={t('users.removeRoleTitle')}
                message={t('users.removeRoleMessage', { role, organization })}
                size="xs"
                icon={<IconTrash size={14} aria-hidden />}
                disabled={user.memberships.length === 1}
                aria-label={t('users.removeRoleLabel', { role, organization })}
                onConfirm={() => remove(m.id)}
              />
            </Group>
          );
        })}
      </Stack>
      {user.memberships.length === 1 && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('users.lastRoleHint')}
        </Text>
      )}
      <AddMembershipForm user={user} scope={scope} />
    </section>
  );
}

interface AddValues extends Record<string, unknown> {
  organization_id: string | null;
  role: string | null;
}

/** The server names the add-role fields `membership.organization_id` and `role`; this form's are flat. */
function addErrors(problem: Problem, locale: 'ar' | 'en'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors(problem, locale))) {
    const name = path.replace(/^membership\./, '');
    if (name === 'organization_id' || name === 'role') out[name] ??= message;
  }
  return out;
}

function AddMembershipForm({ user, scope }: { user: User; scope: Scope }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const { data: me } = useQuery(meQuery);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [other, setOther] = useState<unknown>(null);
  const form = useForm<AddValues>({
    initialValues: { organization_id: null, role: null },
    validate: {
      organization_id: (v) => (v ? null : t('common.fieldRequired')),
      role: (v) => (v ? null : t('common.fieldRequired')),
    },
  });

  useEffect(() => {
    if (problem) form.setErrors(addErrors(problem, locale));
    // re-show the server's messages in the new language when the user switches
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [problem, locale]);

  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    setProblem(null);
    setOther(null);
    try {
      const updated = await unwrap(
        api.POST('/api/v1/users/{id}/memberships', {
          params: { path: { id: String(user.id) } },
          body: { organization_id: Number(v.organization_id), role: v.role as Role },
        }),
      );
      queryClient.setQueryData(userQueryKey(user.id), updated);
      await queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
      notifySuccess(t('users.roleAddedToast'));
      form.reset();
    } catch (e) {
      if (e instanceof ApiError && Object.keys(addErrors(e.problem, 'en')).length > 0) setProblem(e.problem);
      else setOther(e);
    } finally {
      setBusy(false);
    }
  });

  const roleData = roleOptions(
    rolesFor(scope).filter((r) => grantableRoles(me).includes(r)),
    t,
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby="user-add-role-heading">
      <Stack gap="sm" mt="md">
        <Text fw={600} size="sm" id="user-add-role-heading">
          {t('users.addRoleHeading')}
        </Text>
        {!!other && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(other, locale)}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <OrganizationSelect
            label={t('users.organization')}
            placeholder={t('users.organizationPlaceholder')}
            within={coordinatorEntity(me)}
            required
            value={form.values.organization_id}
            onChange={(v) => form.setFieldValue('organization_id', v)}
            error={form.errors.organization_id}
          />
          <Select label={t('users.role')} data={roleData} required comboboxProps={{ withinPortal: true }} {...form.getInputProps('role')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={busy} leftSection={<IconPlus size={16} aria-hidden />}>
            {t('users.addRole')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
