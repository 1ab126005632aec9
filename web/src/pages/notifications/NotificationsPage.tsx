// All of the caller's notices (newest first, or only the unread), each linking to its record, with marking
// read one by one or all at once; and the daily digests the scan builds.
import { Anchor, Badge, Button, Card, Group, Stack, Table, Tabs, Text, VisuallyHidden } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { api, unwrap } from '../../api/client';
import { DataTable, listQuery } from '../../components/DataTable';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { useI18n } from '../../i18n';
import { useMarkAllRead, useMarkRead, type Digest, type Notice } from './api';

const route = getRouteApi('/app/notifications');

export function NotificationsPage() {
  const { t, locale } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const tab = search.tab ?? 'all';
  const markAll = useMarkAllRead();

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        description={t('notifications.description')}
        actions={
          <Button
            leftSection={<IconChecks size={16} aria-hidden />}
            variant="light"
            loading={markAll.isPending}
            onClick={() =>
              markAll.mutate(undefined, {
                onSuccess: (r) => notifySuccess(t('notifications.markedAll', { count: r.marked })),
                onError: (e) => notifyError(e, locale),
              })
            }
          >
            {t('notifications.markAll')}
          </Button>
        }
      />
      <Tabs
        value={tab}
        onChange={(v) => navigate({ search: { tab: (v as 'all' | 'unread' | 'digests') ?? 'all' } })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="all">{t('notifications.tabAll')}</Tabs.Tab>
          <Tabs.Tab value="unread">{t('notifications.tabUnread')}</Tabs.Tab>
          <Tabs.Tab value="digests">{t('notifications.tabDigests')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="all">
          <NoticeTable unreadOnly={false} />
        </Tabs.Panel>
        <Tabs.Panel value="unread">
          <NoticeTable unreadOnly />
        </Tabs.Panel>
        <Tabs.Panel value="digests">
          <Digests />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function NoticeTable({ unreadOnly }: { unreadOnly: boolean }) {
  const { t, pick, dateTime, locale } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const markRead = useMarkRead();
  const query = { ...listQuery(search), q: undefined, sort: undefined, 'filter[unread]': unreadOnly ? 'true' : undefined };
  const params = Object.fromEntries(Object.entries(query).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]])));
  const list = useQuery({
    queryKey: ['notifications', 'list', params],
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });

  const columns = useMemo(() => {
    const col = createColumnHelper<Notice>();
    return [
      col.display({
        id: 'notice',
        header: () => t('notifications.title'),
        cell: (c) => {
          const n = c.row.original;
          const title = pick(n.title_ar, n.title_en);
          return (
            <Stack gap={2}>
              <Group gap={6} wrap="nowrap">
                {n.link ? (
                  <Anchor
                    component={Link}
                    to={n.link as '/'}
                    fw={n.read_at ? 400 : 600}
                    size="sm"
                    onClick={() => {
                      if (!n.read_at) markRead.mutate(n.id);
                    }}
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {title}
                  </Anchor>
                ) : (
                  <Text fw={n.read_at ? 400 : 600} size="sm">
                    {title}
                  </Text>
                )}
                {!n.read_at && (
                  <Badge size="xs" color="red.9" variant="filled" tt="none" style={{ flexShrink: 0 }}>
                    {t('notifications.unreadBadge')}
                  </Badge>
                )}
              </Group>
              {pick(n.body_ar, n.body_en) && (
                <Text size="xs" c="dimmed">
                  {pick(n.body_ar, n.body_en)}
                </Text>
              )}
            </Stack>
          );
        },
      }),
      col.accessor('kind', {
        header: () => t('notifications.kindHeader'),
        cell: (c) => <Text size="sm">{t(`notifications.kind.${c.getValue()}`)}</Text>,
      }),
      col.accessor('created_at', {
        header: () => t('common.created'),
        cell: (c) => dateTime(c.getValue()),
        meta: { numeric: true },
      }),
      col.display({
        id: 'actions',
        header: () => t('common.actions'),
        cell: (c) => {
          const n = c.row.original;
          if (n.read_at) return null;
          return (
            <Button
              size="compact-xs"
              variant="light"
              aria-label={t('notifications.markReadNamed', { title: pick(n.title_ar, n.title_en) })}
              onClick={() => markRead.mutate(n.id, { onError: (e) => notifyError(e, locale) })}
            >
              {t('notifications.markRead')}
            </Button>
          );
        },
      }),
    ];
  }, [t, pick, dateTime, locale, markRead]);

  return (
    <DataTable<Notice>
      caption={unreadOnly ? t('notifications.tabUnread') : t('notifications.title')}
      columns={columns}
      rowId={(n) => String(n.id)}
      search={search}
      onSearch={(s) => navigate({ search: { ...s, tab: search.tab } })}
      data={list.data}
      isLoading={list.isFetching}
      error={list.error}
      onRetry={() => list.refetch()}
      searchable={false}
      emptyTitle={unreadOnly ? t('notifications.noneUnread') : t('notifications.none')}
    />
  );
}

function Digests() {
  const { t, date, dateTime, pick } = useI18n();
  const digests = useQuery({
    queryKey: ['notifications', 'digests'],
    queryFn: () => unwrap(api.GET('/api/v1/notifications/digests', { params: { query: { 'page[size]': '30' } } })),
  });
  if (digests.isLoading) return <LoadingState />;
  if (digests.error) return <ErrorState error={digests.error} onRetry={() => digests.refetch()} />;
  const items = digests.data?.items ?? [];
  if (!items.length)
    return (
      <EmptyState title={t('notifications.digestsEmpty')}>
        <Text size="sm" c="dimmed">
          {t('notifications.digestsHint')}
        </Text>
      </EmptyState>
    );
  return (
    <Stack>
      {items.map((d: Digest) => (
        <Card key={d.id} withBorder component="section" aria-labelledby={`digest-${d.id}`}>
          <Group justify="space-between" mb="xs">
            <Text fw={600} id={`digest-${d.id}`} component="h3" size="md" m={0}>
              {t('notifications.digestOf', { date: date(d.digest_on) })}
            </Text>
            <Group gap="xs">
              <Badge variant="light" tt="none">
                {t('notifications.digestCount', { count: d.notice_count })}
              </Badge>
              <Text size="xs" c="dimmed">
                {d.emailed_at ? t('notifications.emailedAt', { time: dateTime(d.emailed_at) }) : t('notifications.notEmailed')}
              </Text>
            </Group>
          </Group>
          <Table withTableBorder={false} striped={false} mb="sm">
            <VisuallyHidden component="caption">{t('notifications.digestCounts', { date: date(d.digest_on) })}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('notifications.kindHeader')}</Table.Th>
                <Table.Th style={{ textAlign: 'end' }}>{t('notifications.countHeader')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.counts.map((c) => (
                <Table.Tr key={c.kind}>
                  <Table.Td>{pick(c.label_ar, c.label_en)}</Table.Td>
                  <Table.Td style={{ textAlign: 'end' }}>{c.count}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Stack gap={2} component="ul" style={{ margin: 0, paddingInlineStart: '1.2rem' }}>
            {d.items.map((i, k) => (
              <li key={k}>
                {i.link ? (
                  <Anchor component={Link} to={i.link as '/'} size="sm">
                    {pick(i.title_ar, i.title_en)}
                  </Anchor>
                ) : (
                  <Text size="sm">{pick(i.title_ar, i.title_en)}</Text>
                )}
              </li>
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
