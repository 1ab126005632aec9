// API tokens: the list (newest first, filterable by revoked), a form to issue one whose secret is shown
// exactly once, and revoking through a confirmation.
import { Alert, Badge, Button, Checkbox, Code, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconCheck, IconCopy, IconKey, IconPlus, IconTrash } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { DataTable, listQuery } from '../../../components/DataTable';
import { useServerErrors } from '../../../components/forms';
import { notifyError, notifySuccess } from '../../../components/notify';
import { PageHeader } from '../../../components/PageHeader';
import { FormError } from '../../../components/States';
import { useI18n } from '../../../i18n';

type ApiToken = Schemas['ApiToken'];
type TokenCreated = Schemas['TokenCreated'];
type Scope = ApiToken['scopes'][number];
type Status = 'active' | 'expired' | 'revoked';

const route = getRouteApi('/app/admin/tokens');

export function tokenStatus(t: ApiToken, now = Date.now()): Status {
  if (t.revoked_at) return 'revoked';
  if (Date.parse(t.expires_at) <= now) return 'expired';
  return 'active';
}

const statusColor: Record<Status, string> = { active: 'manzuma.7', expired: 'gray.7', revoked: 'red.9' };

function stringQuery(q: Record<string, string | number | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(q).map(([k, v]) => [k, v === undefined ? undefined : String(v)]));
}

export function TokensPage() {
  const { t, date, dateTime, locale } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<TokenCreated | null>(null);

  const tokens = useQuery({
    queryKey: ['tokens', 'list', search] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/tokens', {
          params: { query: stringQuery({ ...listQuery(search, '-id'), q: undefined, 'filter[revoked]': search.revoked }) },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const columns = useMemo(() => {
    const col = createColumnHelper<ApiToken>();
    return [
      col.accessor('name', { header: t('tokens.name'), cell: (c) => <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>{c.getValue()}</Text> }),
      col.accessor('prefix', {
        header: t('tokens.prefix'),
        cell: (c) => (
          <Code className="ltr-value" style={{ whiteSpace: 'nowrap' }}>
            {c.getValue()}…
          </Code>
        ),
      }),
      col.accessor('scopes', {
        header: t('tokens.scopes'),
        cell: (c) => (
          <Group gap={4} wrap="nowrap">
            {c.getValue().map((s) => (
              <Badge key={s} size="sm" variant="default" tt="none">
                {t(`tokens.scope.${s}`)}
              </Badge>
            ))}
          </Group>
        ),
      }),
      col.accessor('created_at', { header: t('tokens.created'), meta: { sortKey: 'id' }, cell: (c) => date(c.getValue()) }),
      col.accessor('expires_at', { header: t('tokens.expires'), cell: (c) => date(c.getValue()) }),
      col.accessor('last_used_at', {
        header: t('tokens.lastUsed'),
        cell: (c) => {
          const v = c.getValue();
          return v ? dateTime(v) : <Text size="sm" c="gray.7" span>{t('tokens.never')}</Text>;
        },
      }),
      col.display({
        id: 'status',
        header: t('tokens.status'),
        cell: (c) => {
          const s = tokenStatus(c.row.original);
          return (
            <Badge
              variant="filled"
              color={statusColor[s]}
              tt="none"
              data-testid={`token-status-${c.row.original.id}`}
            >
              {t(`tokens.statusValue.${s}`)}
            </Badge>
          );
        },
      }),
      col.display({
        id: 'actions',
        header: () => t('common.actions'),
        cell: (c) => {
          const tok = c.row.original;
          if (tok.revoked_at) return null;
          return (
            <ConfirmAction
              size="xs"
              label={t('tokens.revoke')}
              aria-label={t('tokens.revokeNamed', { name: tok.name })}
              title={t('tokens.revokeTitle')}
              message={t('tokens.revokeBody', { name: tok.name })}
              icon={<IconTrash size={14} aria-hidden />}
              onConfirm={async () => {
                try {
                  await unwrap(api.DELETE('/api/v1/tokens/{id}', { params: { path: { id: String(tok.id) } } }));
                  notifySuccess(t('tokens.revoked', { name: tok.name }));
                  await queryClient.invalidateQueries({ queryKey: ['tokens'] });
                } catch (e) {
                  notifyError(e, locale);
                }
              }}
            />
          );
        },
      }),
    ];
  }, [t, date, dateTime, locale, queryClient]);

  const statusFilter = (
    <Select
      label={t('tokens.filterLabel')}
      data={[
        { value: 'all', label: t('tokens.filterAll') },
        { value: 'false', label: t('tokens.filterNotRevoked') },
        { value: 'true', label: t('tokens.filterRevoked') },
      ]}
      value={search.revoked ?? 'all'}
      onChange={(v) =>
        navigate({ search: { ...search, revoked: v === 'true' || v === 'false' ? v : undefined, after: undefined, back: undefined } })
      }
      allowDeselect={false}
      w={200}
      comboboxProps={{ withinPortal: true }}
    />
  );

  const newButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
      {t('tokens.create')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('tokens.title')} description={t('tokens.description')} actions={newButton} />
      <DataTable
        caption={t('tokens.caption')}
        columns={columns}
        rowId={(r) => String(r.id)}
        search={search}
        onSearch={(next) => navigate({ search: next })}
        data={tokens.data}
        isLoading={tokens.isFetching}
        error={tokens.error}
        onRetry={() => tokens.refetch()}
        searchable={false}
        filters={statusFilter}
        filtered={!!search.revoked}
        emptyTitle={t('tokens.empty')}
        emptyAction={newButton}
      />
      <CreateTokenModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          setCreated(c);
          void queryClient.invalidateQueries({ queryKey: ['tokens'] });
        }}
      />
      <SecretModal created={created} onClose={() => setCreated(null)} />
    </>
  );
}

interface TokenValues extends Record<string, unknown> {
  name: string;
  scopes: Scope[];
  expires_in_days: number | string;
}

function CreateTokenModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (c: TokenCreated) => void }) {
  const { t } = useI18n();
  const narrow = useMediaQuery('(max-width: 36em)');
  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={opened} onClose={onClose} title={t('tokens.createTitle')} size="md" fullScreen={!!narrow}>
      {opened && <CreateTokenForm onClose={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function CreateTokenForm({ onClose, onCreated }: { onClose: () => void; onCreated: (c: TokenCreated) => void }) {
  const { t, date } = useI18n();
  const [busy, setBusy] = useState(false);
  const form = useForm<TokenValues>({
    initialValues: { name: '', scopes: ['read'], expires_in_days: 90 },
    validate: {
      name: (v) => (v.trim().length < 2 ? t('tokens.nameTooShort') : null),
      scopes: (v) => (v.length === 0 ? t('tokens.scopesRequired') : null),
      expires_in_days: (v) => {
        const n = Number(v);
        return Number.isInteger(n) && n >= 1 && n <= 365 ? null : t('tokens.daysRange');
      },
    },
  });
  const server = useServerErrors(form);
  const days = Number(form.values.expires_in_days);
  const expiry = Number.isInteger(days) && days >= 1 && days <= 365 ? new Date(Date.now() + days * 86_400_000).toISOString() : null;

  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    server.clear();
    try {
      const c = await unwrap(
        api.POST('/api/v1/tokens', { body: { name: v.name.trim(), scopes: v.scopes, expires_in_days: Number(v.expires_in_days) } }),
      );
      onCreated(c);
    } catch (e) {
      server.capture(e);
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError error={server.formError} />
        <TextInput label={t('tokens.name')} description={t('tokens.nameHint')} required autoComplete="off" data-autofocus {...form.getInputProps('name')} />
        <Checkbox.Group label={t('tokens.scopes')} description={t('tokens.scopesHint')} required {...form.getInputProps('scopes')}>
          <Stack gap="xs" mt="xs">
            <Checkbox value="read" label={t('tokens.scope.read')} description={t('tokens.scopeReadHint')} />
            <Checkbox value="write" label={t('tokens.scope.write')} description={t('tokens.scopeWriteHint')} />
          </Stack>
        </Checkbox.Group>
        <NumberInput
          label={t('tokens.days')}
          description={expiry ? t('tokens.expiresOn', { date: date(expiry) }) : t('tokens.daysHint')}
          required
          min={1}
          max={365}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          w={{ base: '100%', xs: 220 }}
          {...form.getInputProps('expires_in_days')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} leftSection={<IconKey size={16} aria-hidden />}>
            {t('tokens.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The new token's secret, once: the server keeps only its hash. */
function SecretModal({ created, onClose }: { created: TokenCreated | null; onClose: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const narrow = useMediaQuery('(max-width: 36em)');
  const copy = async (secret: string) => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2500);
    } catch {
      // No clipboard (an insecure origin, or permission refused): select the text so Ctrl+C works.
      const el = document.getElementById('token-secret');
      if (el) window.getSelection()?.selectAllChildren(el);
    }
  };
  const close = () => {
    setCopied(false);
    onClose();
  };
  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={!!created}
      onClose={close}
      title={t('tokens.secretTitle')}
      size="lg"
      closeOnClickOutside={false}
      fullScreen={!!narrow}
    >
      {created && (
        <Stack>
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('tokens.secretWarningTitle')}>
            {t('tokens.secretWarning')}
          </Alert>
          <Stack gap={4}>
            <Text size="sm" fw={600} id="token-secret-label">
              {t('tokens.secretLabel', { name: created.token.name })}
            </Text>
            <Code
              block
              id="token-secret"
              className="ltr-value"
              data-testid="token-secret"
              style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', fontSize: 'var(--mantine-font-size-sm)' }}
            >
              {created.secret}
            </Code>
          </Stack>
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Button
              variant={copied ? 'light' : 'filled'}
              color={copied ? 'green' : undefined}
              c={copied ? 'green.9' : undefined}
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
              onClick={() => copy(created.secret)}
              data-autofocus
            >
              {copied ? t('tokens.copied') : t('tokens.copySecret')}
            </Button>
            <Button variant="default" onClick={close}>
              {t('tokens.secretDone')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
