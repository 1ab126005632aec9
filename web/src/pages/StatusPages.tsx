// The 404 and 403 pages, and the error page of last resort.
import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { IconLock, IconMapOff } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ErrorState } from '../components/States';
import { usePageTitle } from '../components/PageHeader';
import { useI18n } from '../i18n';

function StatusPage({ code, title, body, icon }: { code: number; title: string; body: string; icon: ReactNode }) {
  const { t, number } = useI18n();
  usePageTitle(title);
  return (
    <Center py={64} px="md">
      <Stack align="center" gap="sm" maw={520} ta="center">
        {icon}
        <Text c="dimmed" fw={700} aria-hidden>
          {number(code)}
        </Text>
        <Title order={2}>{title}</Title>
        <Text c="dimmed">{body}</Text>
        <Button component={Link} to="/" mt="sm">
          {t('common.backHome')}
        </Button>
      </Stack>
    </Center>
  );
}

export function NotFoundPage() {
  const { t } = useI18n();
  return <StatusPage code={404} title={t('common.notFoundTitle')} body={t('common.notFoundBody')} icon={<IconMapOff size={48} aria-hidden />} />;
}

export function ForbiddenPage() {
  const { t } = useI18n();
  return <StatusPage code={403} title={t('common.forbiddenTitle')} body={t('common.forbiddenBody')} icon={<IconLock size={48} aria-hidden />} />;
}

export function ErrorPage({ error, reset }: { error: unknown; reset?: () => void }) {
  return (
    <Center py={64} px="md">
      <Stack maw={560} w="100%">
        <ErrorState error={error} onRetry={reset} />
      </Stack>
    </Center>
  );
}
