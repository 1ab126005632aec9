// The bell in the header: the unread count (polled every minute), and a popover with the latest notices,
// each opening its record and marking itself read.
import { ActionIcon, Anchor, Badge, Box, Button, Divider, Group, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { notifyError } from '../../components/notify';
import { useI18n } from '../../i18n';
import { messagesQuery, recentQuery, unreadQuery, useMarkAllRead, useMarkRead, type Notice } from './api';

export function NotificationBell() {
  useSuspenseQuery(messagesQuery);
  const { t, pick, dateTime, locale, number } = useI18n();
  const [opened, setOpened] = useState(false);
  const headingId = useId();
  const unread = useQuery(unreadQuery);
  const recent = useQuery({ ...recentQuery, enabled: opened });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const navigate = useNavigate();
  const count = unread.data?.unread ?? 0;

  const open = async (n: Notice) => {
    setOpened(false);
    if (!n.read_at) markRead.mutate(n.id, { onError: (e) => notifyError(e, locale) });
    if (n.link) await navigate({ to: n.link as '/' });
  };

  return (
    <Box pos="relative">
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" trapFocus>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray.8"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={t('notifications.bellLabel', { count })}
            data-testid="notification-bell"
          >
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown aria-labelledby={headingId}>
          <Group justify="space-between" mb="xs">
            <Text fw={600} size="sm" id={headingId}>
              {t('notifications.recent')}
            </Text>
            <Button
              size="compact-xs"
              variant="subtle"
              disabled={count === 0}
              loading={markAll.isPending}
              onClick={() => markAll.mutate(undefined, { onError: (e) => notifyError(e, locale) })}
            >
              {t('notifications.markAll')}
            </Button>
          </Group>
          <ScrollArea.Autosize mah={360}>
            <Stack gap={4}>
              {recent.data?.items.length === 0 && (
                <Text size="sm" c="dimmed" py="sm">
                  {t('notifications.none')}
                </Text>
              )}
              {recent.data?.items.map((n) => (
                <UnstyledButton
                  key={n.id}
                  onClick={() => void open(n)}
                  p={6}
                  style={{ borderRadius: 6, background: n.read_at ? undefined : 'var(--mantine-color-manzuma-0, #eef6f4)' }}
                  data-testid={`bell-notice-${n.id}`}
                >
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                      <Text size="sm" fw={n.read_at ? 400 : 600} style={{ overflowWrap: 'anywhere' }}>
                        {pick(n.title_ar, n.title_en)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {dateTime(n.created_at)}
                      </Text>
                    </Stack>
                    {!n.read_at && (
                      <Badge size="xs" color="red.9" variant="filled" tt="none">
                        {t('notifications.unreadBadge')}
                      </Badge>
                    )}
                  </Group>
                </UnstyledButton>
              ))}
            </Stack>
          </ScrollArea.Autosize>
          <Divider my="xs" />
          <Anchor component={Link} to="/notifications" size="sm" onClick={() => setOpened(false)}>
            {t('notifications.viewAll')}
          </Anchor>
        </Popover.Dropdown>
      </Popover>
      {count > 0 && (
        // The count is in the button's name; the badge only shows it.
        <Badge
          aria-hidden
          size="xs"
          color="red.9"
          variant="filled"
          circle={count < 10}
          pos="absolute"
          top={-4}
          style={{ insetInlineEnd: -4, pointerEvents: 'none' }}
        >
          {number(count)}
        </Badge>
      )}
    </Box>
  );
}
