import { Alert, Anchor, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLanguage } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { safeNext } from '../app/guards';
import { useUpdatePreferences } from '../app/preferences';
import { api, unwrap, type Me, type Schemas } from '../api/client';
import { meQuery, signIn } from '../auth/session';
import { useServerErrors } from '../components/forms';
import { usePageTitle } from '../components/PageHeader';
import { FormError } from '../components/States';
import { useI18n } from '../i18n';

export function SignInPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('auth.signInTitle'));
  const search = useSearch({ from: '/sign-in' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const updatePreferences = useUpdatePreferences();
  const [busy, setBusy] = useState(false);
  // A language picked on this page is the user's choice: it is saved to their account on signing in.
  const [pickedLocale, setPickedLocale] = useState<'ar' | 'en' | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('auth.emailInvalid')),
      password: (v) => (v ? null : t('common.fieldRequired')),
    },
  });
  const server = useServerErrors(form);

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    server.clear();
    try {
      const me = await signIn(queryClient, values.email.trim(), values.password);
      if (pickedLocale && pickedLocale !== me.user.locale) {
        const user = await unwrap<Schemas['User']>(api.PATCH('/api/v1/me', { body: { locale: pickedLocale } })).catch(() => null);
        if (user) queryClient.setQueryData<Me | null>(meQuery.queryKey, (old) => (old ? { ...old, user } : old));
      }
      await navigate({ to: safeNext(search.next) });
    } catch (e) {
      server.capture(e);
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  });

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Stack w="100%" maw={420} gap="md">
        <Group justify="space-between">
          <Group gap={8}>
            <img src="/favicon.svg" width={36} height={36} alt="" />
            <Stack gap={0}>
              <Title order={1} size="h3">
                {t('common.appName')}
              </Title>
              <Text size="xs" c="dimmed">
                {t('common.appTagline')}
              </Text>
            </Stack>
          </Group>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconLanguage size={16} aria-hidden />}
            onClick={() => {
              const next = locale === 'ar' ? 'en' : 'ar';
              setPickedLocale(next);
              void updatePreferences({ locale: next });
            }}
            aria-label={t('common.switchLanguageLabel')}
            lang={locale === 'ar' ? 'en' : 'ar'}
          >
            {t('common.switchLanguage')}
          </Button>
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md" component="main">
          <form onSubmit={submit} noValidate>
            <Stack>
              <Title order={2} size="h3">
                {t('auth.signInTitle')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('auth.signInIntro')}
              </Text>
              {search.expired && !server.formError && (
                <Alert color="yellow" variant="light" role="status">
                  {t('auth.expired')}
                </Alert>
              )}
              <FormError error={server.formError} />
              <TextInput
                label={t('auth.email')}
                type="email"
                autoComplete="username"
                dir="ltr"
                required
                {...form.getInputProps('email')}
              />
              <PasswordInput
                label={t('auth.password')}
                autoComplete="current-password"
                required
                {...form.getInputProps('password')}
                aria-invalid={!!form.errors.password || undefined}
              />
              <Button type="submit" loading={busy} fullWidth>
                {t('auth.signIn')}
              </Button>
            </Stack>
          </form>
        </Paper>
        <Text size="xs" c="dimmed" ta="center">
          {t('auth.footer')} · <Anchor href="/api/v1/openapi.json" size="xs" underline="always">API</Anchor>
        </Text>
      </Stack>
    </Center>
  );
}
