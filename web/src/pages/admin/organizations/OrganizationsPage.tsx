// Organisations: the hierarchy as a tree (or a flat list of search matches), the selected organisation's
// details beside it (`?org=` in the URL), and the forms to create, edit, move and deactivate.
import { Badge, Button, Grid, NavLink, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuildingCommunity, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useCallback, useEffect, useRef, useState } from 'react';
import { can, meQuery } from '../../../auth/session';
import { ExportMenu } from '../../../components/ExportMenu';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { useI18n } from '../../../i18n';
import { ancestorIds, organizationQuery, searchQuery, type Organization } from './api';
import { OrganizationDetails, type Attachment } from './OrganizationDetails';
import { OrganizationFormModal, type FormMode } from './OrganizationForm';
import { OrganizationTree } from './OrganizationTree';

const route = getRouteApi('/app/admin/organizations');

export function OrganizationsPage() {
  const { t, locale } = useI18n();
  const { data: me } = useSuspenseQuery(meQuery);
  const { org: selectedId } = route.useSearch();
  const navigate = route.useNavigate();
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [form, setForm] = useState<FormMode | null>(null);
  const [uploads, setUploads] = useState<Record<number, Attachment[]>>({});
  const detailsRef = useRef<HTMLDivElement>(null);

  const selected = useQuery({ ...organizationQuery(selectedId ?? 0), enabled: !!selectedId });
  const results = useQuery({ ...searchQuery(q, locale), enabled: q.length > 0 });

  // The selected organisation's branch opens, whether it was chosen from a search, a link or a move.
  const selectedPath = selected.data?.path;
  useEffect(() => {
    if (!selected.data) return;
    const ids = ancestorIds(selected.data);
    if (ids.length === 0) return;
    setExpanded((prev) => (ids.every((id) => prev.has(id)) ? prev : new Set([...prev, ...ids])));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected.data?.id, selectedPath]);

  const select = useCallback(
    (id: number) => {
      void navigate({ search: (s) => ({ ...s, org: id }), replace: false });
      // On a phone the details sit below the tree: bring them into view.
      if (window.matchMedia('(max-width: 62em)').matches) {
        requestAnimationFrame(() => detailsRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
      }
    },
    [navigate],
  );
  const toggle = useCallback((id: number, open: boolean) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const canCreate = can(me, 'organizations.create');
  const canUpdate = can(me, 'organizations.update');
  const canUpload = can(me, 'attachments.upload');

  return (
    <>
      <PageHeader
        title={t('organizations.title')}
        description={t('organizations.description')}
        actions={
          <>
            {/* The tree has no table search: the export holds every organisation the caller may see, or the
                search results when a search is typed. */}
            <ExportMenu path="/api/v1/organizations" query={{ q: q || undefined, sort: locale === 'ar' ? 'name_ar' : 'name_en' }} />
            {canCreate && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setForm({ kind: 'create' })}>
                {t('organizations.create')}
              </Button>
            )}
          </>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="org-tree-heading">
            <Stack gap="sm">
              <Text id="org-tree-heading" fw={600} component="h3" m={0}>
                {t('organizations.hierarchy')}
              </Text>
              <TextInput
                type="search"
                label={t('organizations.searchLabel')}
                placeholder={t('organizations.searchPlaceholder')}
                leftSection={<IconSearch size={16} aria-hidden />}
                value={search}
                onChange={(e) => setSearch(e.currentTarget.value)}
              />
              {q ? (
                <SearchResults
                  loading={results.isFetching && !results.data}
                  error={results.error}
                  onRetry={() => results.refetch()}
                  items={results.data?.items}
                  total={results.data?.total ?? 0}
                  selectedId={selectedId}
                  onSelect={select}
                />
              ) : (
                <OrganizationTree
                  label={t('organizations.hierarchy')}
                  selectedId={selectedId}
                  expanded={expanded}
                  onToggle={toggle}
                  onSelect={select}
                />
              )}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <div ref={detailsRef} style={{ scrollMarginTop: 72 }}>
            {selectedId ? (
              <OrganizationDetails
                key={selectedId}
                id={selectedId}
                canCreate={canCreate}
                canUpdate={canUpdate}
                canUpload={canUpload}
                uploads={uploads[selectedId] ?? []}
                onUploaded={(a) => setUploads((u) => ({ ...u, [selectedId]: [...(u[selectedId] ?? []), a] }))}
                onSelect={select}
                onEdit={(o) => setForm({ kind: 'edit', org: o })}
                onCreateChild={(parent) => setForm({ kind: 'create', parent })}
              />
            ) : (
              <Paper withBorder p="md" radius="md">
                <EmptyState title={t('organizations.selectTitle')}>{t('organizations.selectBody')}</EmptyState>
              </Paper>
            )}
          </div>
        </Grid.Col>
      </Grid>
      <OrganizationFormModal
        mode={form}
        onClose={() => setForm(null)}
        onSaved={(o: Organization) => {
          if (q) setSearch('');
          select(o.id);
          // A move is visible at once: the new parent's branch opens (the effect above does the rest).
          if (o.parent_id) toggle(o.parent_id, true);
        }}
      />
    </>
  );
}

function SearchResults(props: {
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  items: Organization[] | undefined;
  total: number;
  selectedId?: number;
  onSelect: (id: number) => void;
}) {
  const { t, pick, number } = useI18n();
  if (props.error) return <ErrorState error={props.error} onRetry={props.onRetry} />;
  if (props.loading || !props.items) return <LoadingState />;
  return (
    <Stack gap={4}>
      <Text size="sm" c="gray.7" role="status" aria-live="polite">
        {props.total > props.items.length
          ? t('organizations.matchesTruncated', { count: props.total, shown: number(props.items.length) })
          : t('organizations.matches', { count: props.total })}
      </Text>
      {props.items.length === 0 ? (
        <EmptyState title={t('organizations.noMatches')} />
      ) : (
        <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('organizations.searchResults')}>
          {props.items.map((o) => (
            <li key={o.id}>
              <NavLink
                component="button"
                type="button"
                active={o.id === props.selectedId}
                aria-current={o.id === props.selectedId ? 'true' : undefined}
                onClick={() => props.onSelect(o.id)}
                leftSection={<IconBuildingCommunity size={16} aria-hidden />}
                label={<span style={o.active ? undefined : { fontStyle: 'italic', color: 'var(--mantine-color-gray-7)' }}>{pick(o.name_ar, o.name_en)}</span>}
                rightSection={
                  <Stack gap={2} align="flex-end">
                    <Badge size="sm" variant="default" tt="none">
                      {t(`common.kind.${o.kind}`)}
                    </Badge>
                    {!o.active && (
                      <Badge size="sm" variant="outline" color="gray" tt="none" c="gray.7">
                        {t('organizations.inactive')}
                      </Badge>
                    )}
                  </Stack>
                }
              />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
