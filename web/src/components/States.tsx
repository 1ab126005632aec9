// Loading, empty and error states: every list and page shows one of these instead of a blank area.
import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text c="dimmed">{label ?? t('common.loading')}</Text>
      </Group>
    </Center>
  );
}

export function EmptyState({ title, children, action }: { title?: string; children?: ReactNode; action?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Stack align="center" gap="xs" py="xl" ta="center">
      <IconInbox size={40} stroke={1.4} aria-hidden color="var(--mantine-color-gray-6)" />
      <Text fw={600}>{title ?? t('common.emptyTitle')}</Text>
      {children && <Text c="dimmed" size="sm">{children}</Text>}
      {action}
    </Stack>
  );
}

/** The message of any error in the reader's language: the server's problem detail when there is one. */
export function errorMessage(error: unknown, locale: 'ar' | 'en'): string {
  if (error instanceof ApiError) {
    const p = error.problem;
    return (locale === 'ar' ? p.detail_ar : p.detail_en) ?? p.detail ?? p.title;
  }
  return locale === 'ar' ? 'حدث خطأ غير متوقع.' : 'An unexpected error occurred.';
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, locale } = useI18n();
  const requestId = error instanceof ApiError ? error.problem.request_id : undefined;
  return (
    <Alert color="red" variant="light" title={t('common.errorTitle')} icon={<IconAlertTriangle aria-hidden />} role="alert">
      <Stack gap="xs">
        <Text size="sm">{errorMessage(error, locale)}</Text>
        {requestId && (
          <Text size="xs" c="dimmed">
            <span className="ltr-value">{requestId}</span>
          </Text>
        )}
        {onRetry && (
          <div>
            <Button size="xs" variant="default" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          </div>
        )}
      </Stack>
    </Alert>
  );
}

/** A form's failure that belongs to no field (the server's message in the reader's language); nothing when none. */
export function FormError({ error }: { error: unknown }) {
  const { locale } = useI18n();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {errorMessage(error, locale)}
    </Alert>
  );
}
