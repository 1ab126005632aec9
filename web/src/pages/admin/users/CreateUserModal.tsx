// Creating a user: names, e-mail, language and at least one role in an organisation. The server answers
// with the new account and a temporary password, shown once.
import { ActionIcon, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { randomId, useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type Role } from '../../../api/client';
import { meQuery } from '../../../auth/session';
import { useServerErrors } from '../../../components/forms';
import { notifySuccess } from '../../../components/notify';
import { FormError } from '../../../components/States';
import { useI18n } from '../../../i18n';
import { coordinatorEntity, grantableRoles, OrganizationSelect, roleOptions, rolesFor, type Scope, type User, UserIdentityFields } from './shared';

interface MembershipRow {
  key: string;
  organization_id: string | null;
  role: string | null;
}

interface Values extends Record<string, unknown> {
  email: string;
  name_ar: string;
  name_en: string;
  national_id: string;
  locale: 'ar' | 'en';
  memberships: MembershipRow[];
}

const emptyRow = (): MembershipRow => ({ key: randomId(), organization_id: null, role: null });

export function CreateUserModal({
  opened,
  onClose,
  onCreated,
  scope,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (user: User, temporaryPassword: string | null) => void;
  scope: Scope;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { data: me } = useQuery(meQuery);
  const mobile = useMediaQuery('(max-width: 36em)');
  const [busy, setBusy] = useState(false);
  const form = useForm<Values>({
    initialValues: { email: '', name_ar: '', name_en: '', national_id: '', locale: 'ar', memberships: [emptyRow()] },
    validate: {
      email: (v) => (v.trim() ? null : t('common.fieldRequired')),
      name_ar: (v) => (v.trim() ? null : t('common.fieldRequired')),
      name_en: (v) => (v.trim() ? null : t('common.fieldRequired')),
      memberships: {
        organization_id: (v) => (v ? null : t('common.fieldRequired')),
        role: (v) => (v ? null : t('common.fieldRequired')),
      },
    },
  });
  const server = useServerErrors(form);
  const roleData = roleOptions(
    rolesFor(scope).filter((r) => grantableRoles(me).includes(r)),
    t,
  );
  const within = coordinatorEntity(me);

  const close = () => {
    form.reset();
    server.clear();
    onClose();
  };

  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    server.clear();
    try {
      const created = await unwrap(
        api.POST('/api/v1/users', {
          body: {
            email: v.email.trim(),
            name_ar: v.name_ar.trim(),
            name_en: v.name_en.trim(),
            national_id: v.national_id.trim() || null,
            locale: v.locale,
            memberships: v.memberships.map((m) => ({ organization_id: Number(m.organization_id), role: m.role as Role })),
          },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      notifySuccess(t('users.createdToast'));
      form.reset();
      onCreated(created.user, created.temporary_password ?? null);
    } catch (e) {
      server.capture(e);
    } finally {
      setBusy(false);
    }
  });

  const listError = typeof form.errors.memberships === 'string' ? form.errors.memberships : null;

  return (
    <Modal opened={opened} onClose={close} title={t('users.createTitle')} size="xl" fullScreen={mobile} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError error={server.formError} />
          <UserIdentityFields inputProps={form.getInputProps} autoFocus />

          <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Text component="legend" fw={600} mb="xs">
              {t('users.rolesHeading')}
            </Text>
            <Stack gap="sm">
              {form.values.memberships.map((row, i) => {
                const rowError = form.errors[`memberships.${i}`];
                return (
                  <Stack key={row.key} gap={4}>
                    <Group gap="sm" align="flex-start" wrap={mobile ? 'wrap' : 'nowrap'}>
                      <OrganizationSelect
                        label={t('users.organization')}
                        placeholder={t('users.organizationPlaceholder')}
                        within={within}
                        required
                        style={{ flex: mobile ? '1 1 100%' : '2 1 240px' }}
                        value={row.organization_id}
                        onChange={(v) => form.setFieldValue(`memberships.${i}.organization_id`, v)}
                        error={form.errors[`memberships.${i}.organization_id`]}
                      />
                      <Group gap="sm" align="flex-start" wrap="nowrap" style={{ flex: '1 1 220px' }}>
                        <Select
                          label={t('users.role')}
                          data={roleData}
                          required
                          comboboxProps={{ withinPortal: true }}
                          style={{ flex: 1 }}
                          {...form.getInputProps(`memberships.${i}.role`)}
                        />
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          size="lg"
                          mt={25}
                          disabled={form.values.memberships.length === 1}
                          aria-label={t('users.removeRoleRow', { n: i + 1 })}
                          onClick={() => form.removeListItem('memberships', i)}
                        >
                          <IconTrash size={18} aria-hidden />
                        </ActionIcon>
                      </Group>
                    </Group>
                    {rowError && (
                      <Text c="red" size="sm" role="alert">
                        {rowError}
                      </Text>
                    )}
                  </Stack>
                );
              })}
              {listError && (
                <Text c="red" size="sm" role="alert">
                  {listError}
                </Text>
              )}
              <div>
                <Button
                  variant="light"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() => form.insertListItem('memberships', emptyRow())}
                >
                  {t('users.addRoleRow')}
                </Button>
              </div>
            </Stack>
          </fieldset>

          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('users.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
