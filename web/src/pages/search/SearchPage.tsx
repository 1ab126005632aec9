// One search across the platform: practices, studies, events, editions, partnerships and adoptions — only
// the records the reader may open (the server filters, and counts facets, by the reader's access). The words,
// facet filters, order and page live in the URL; suggestions open a record straight from the search box.
import { Badge, Button, Checkbox, Combobox, Grid, Group, Paper, Radio, SegmentedControl, Stack, Text, TextInput, Title, useCombobox } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { Fragment, useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
// Loaded with this lazy page only (the shared styles.css leaves it out for the first-page CSS budget).
import '@mantine/core/styles/Radio.css';
import './search.css';
import { api, unwrap } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { useI18n } from '../../i18n';
import { PathLink } from '../dashboard/shared';
import { AnchorLink } from '../editions/AnchorLink';
import { perPage, recordTypes, typeColor, wireQuery, type SearchHit, type SearchQuery, type SearchResults, type Suggestion } from './api';
import { searchRoute } from './routes';
import { snippetParts } from './snippet';

type Search = ReturnType<typeof searchRoute.useSearch>;

export function SearchPage() {
  const { t } = useI18n();
  const search = searchRoute.useSearch();
  const navigate = searchRoute.useNavigate();
  const q = search.q?.trim() ?? '';
  const page = search.page ?? 1;

  const params = useMemo(() => {
    const p: SearchQuery = { q, per_page: String(perPage) };
    if (search.type?.length) p.type = search.type;
    if (search.org) p.org = String(search.org);
    if (search.edition) p.edition = String(search.edition);
    if (search.year) p.year = String(search.year);
    if (search.sort) p.sort = search.sort;
    if (page > 1) p.page = String(page);
    return p;
  }, [q, search.type, search.org, search.edition, search.year, search.sort, page]);
  const results = useQuery({
    queryKey: ['search', params],
    queryFn: () => unwrap(api.GET('/api/v1/search', { params: { query: wireQuery(params) } })),
    enabled: q !== '',
    placeholderData: keepPreviousData,
  });

  /** Changes the search; anything but a page change goes back to the first page. */
  const change = (next: Partial<Search>) =>
    navigate({ search: (prev: Search) => ({ ...prev, page: undefined, ...next }), resetScroll: 'page' in next });
  const filtered = !!(search.type?.length || search.org || search.edition || search.year);
  const clearFilters = () => change({ type: undefined, org: undefined, edition: undefined, year: undefined });

  const data = q ? results.data : undefined;
  const didYouMean = data?.did_you_mean ? (
    <Text data-testid="did-you-mean">
      {t('search.didYouMean')}{' '}
      <AnchorLink to="/search" search={(prev: Search) => ({ ...prev, q: data.did_you_mean ?? undefined, page: undefined })} fw={600}>
        <bdi>{data.did_you_mean}</bdi>
      </AnchorLink>
    </Text>
  ) : null;

  let body: ReactNode;
  if (!q) body = <EmptyState title={t('search.startTitle')}>{t('search.startHint')}</EmptyState>;
  else if (results.error) body = <ErrorState error={results.error} onRetry={() => results.refetch()} />;
  else if (!data) body = <LoadingState label={t('search.searching')} />;
  else if (data.empty_query || (data.total === 0 && !filtered)) {
    // Nothing to filter or order: the message, and the correction when there is one, across the page.
    body = (
      <Stack gap="sm" aria-busy={results.isFetching} data-testid="search-results" data-q={data.q}>
        {didYouMean}
        {data.empty_query ? (
          <EmptyState title={t('search.emptyQueryTitle')}>{t('search.emptyQueryHint')}</EmptyState>
        ) : (
          <EmptyState title={t('search.noResults', { q })}>{t('search.noResultsHint')}</EmptyState>
        )}
      </Stack>
    );
  } else {
    const pages = Math.max(1, Math.ceil(data.total / data.per_page));
    body = (
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Facets data={data} search={search} onChange={change} onClear={filtered ? clearFilters : undefined} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack gap="sm" aria-busy={results.isFetching} data-testid="search-results" data-q={data.q}>
            <Group justify="space-between" align="center" wrap="wrap" gap="sm">
              <Text fw={600} role="status" aria-live="polite">
                {t('search.count', { count: data.total })}
              </Text>
              <SortControl value={search.sort ?? 'relevance'} onChange={(sort) => change({ sort: sort === 'relevance' ? undefined : sort })} />
            </Group>
            {didYouMean}
            {data.items.length > 0 ? (
              <>
                <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none', opacity: results.isPlaceholderData ? 0.6 : 1 }}>
                  {data.items.map((hit) => (
                    <ResultItem key={`${hit.type}-${hit.id}`} hit={hit} />
                  ))}
                </Stack>
                <Pager page={data.page} pages={pages} onPage={(p) => change({ page: p > 1 ? p : undefined })} />
              </>
            ) : data.total > 0 ? (
              // A page past the last one (an old link, a hand-edited URL).
              <EmptyState
                title={t('search.pastLastPage')}
                action={
                  <Button variant="default" onClick={() => change({ page: undefined })}>
                    {t('search.firstPage')}
                  </Button>
                }
              />
            ) : (
              <EmptyState
                title={t('search.noResults', { q })}
                action={
                  <Button variant="default" onClick={clearFilters}>
                    {t('common.clearFilters')}
                  </Button>
                }
              >
                {t('search.noResultsFilteredHint')}
              </EmptyState>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    );
  }

  return (
    <Stack gap="md">
      <PageHeader title={t('search.title')} description={t('search.intro')} />
      <SearchBox initial={search.q ?? ''} onSearch={(words) => change({ q: words || undefined })} />
      {body}
    </Stack>
  );
}

/** The search field: suggestions (titles the reader may open) as they type; Enter searches, a suggestion opens. */
function SearchBox({ initial, onSearch }: { initial: string; onSearch: (words: string) => void }) {
  const { t, pick } = useI18n();
  const router = useRouter();
  const [value, setValue] = useState(initial);
  useEffect(() => setValue(initial), [initial]);
  const [typed] = useDebouncedValue(value.trim(), 200);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const suggestions = useQuery({
    queryKey: ['search', 'suggest', typed],
    queryFn: () => unwrap(api.GET('/api/v1/search/suggest', { params: { query: { q: typed } } })),
    enabled: typed.length >= 2,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
  const items: Suggestion[] = typed.length >= 2 && value.trim() !== initial.trim() ? (suggestions.data?.items ?? []) : [];
  const key = (s: Suggestion) => `${s.type}-${s.id}`;
  // The list opens while the reader types or focuses the field, and only when there is something in it, so the
  // field's aria-expanded never announces an empty list.
  const [wanted, setWanted] = useState(false);
  const open = wanted && items.length > 0;
  useEffect(() => {
    if (open) combobox.openDropdown();
    else combobox.closeDropdown();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setWanted(false);
    onSearch(value.trim());
  };

  return (
    <form role="search" onSubmit={submit} aria-label={t('search.title')}>
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <Combobox
          store={combobox}
          onOptionSubmit={(k) => {
            const s = items.find((i) => key(i) === k);
            setWanted(false);
            if (s) router.history.push(s.url);
          }}
          withinPortal
        >
          <Combobox.Target withExpandedAttribute>
            <TextInput
              label={t('search.label')}
              placeholder={t('search.placeholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={value}
              onChange={(e) => {
                setValue(e.currentTarget.value);
                setWanted(true);
                combobox.resetSelectedOption();
              }}
              onFocus={() => setWanted(true)}
              onBlur={() => setWanted(false)}
              onKeyDown={(e) => e.key === 'Escape' && setWanted(false)}
              type="search"
              maxLength={1000}
              autoComplete="off"
              autoFocus={!initial}
              data-search-box
              style={{ flex: 1 }}
              maw={640}
            />
          </Combobox.Target>
          <Combobox.Dropdown hidden={!open}>
            <Combobox.Options aria-label={t('search.suggestions')}>
              {items.map((s) => (
                <Combobox.Option value={key(s)} key={key(s)} className="search-suggestion">
                  <Group gap="xs" wrap="nowrap">
                    <TypeBadge type={s.type} />
                    <Text size="sm" dir="auto" truncate>
                      {pick(s.title_ar, s.title_en)}
                    </Text>
                  </Group>
                </Combobox.Option>
              ))}
            </Combobox.Options>
          </Combobox.Dropdown>
        </Combobox>
        <Button type="submit">{t('common.search')}</Button>
      </Group>
    </form>
  );
}

function TypeBadge({ type }: { type: string }) {
  const { t } = useI18n();
  return (
    <Badge color={typeColor[type] ?? 'gray.9'} variant="outline" miw="max-content">
      {t(`search.type.${type}`)}
    </Badge>
  );
}

/** A year as a number in the reader's digits, without a thousands separator. */
function useYear() {
  const { tag } = useI18n();
  return useMemo(() => {
    const f = new Intl.NumberFormat(tag, { useGrouping: false });
    return (y: number | string) => f.format(Number(y));
  }, [tag]);
}

function ResultItem({ hit }: { hit: SearchHit }) {
  const { t, pick, locale, date, number } = useI18n();
  const year = useYear();
  const title = pick(hit.title_ar, hit.title_en);
  const own = locale === 'ar' ? hit.title_ar : hit.title_en;
  const meta = [
    hit.organization ? pick(hit.organization.name_ar, hit.organization.name_en) : null,
    hit.edition ? t('search.editionN', { n: number(hit.edition) }) : hit.year ? t('search.yearN', { year: year(hit.year) }) : null,
    hit.date ? date(hit.date) : null,
  ].filter((m): m is string => !!m);
  return (
    <Paper component="li" withBorder p="md" radius="md" data-testid="search-result">
      <Stack gap={6}>
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <TypeBadge type={hit.type} />
          <Title order={3} size="h5" lang={own ? undefined : locale === 'ar' ? 'en' : 'ar'} dir="auto" style={{ minWidth: 0 }}>
            <PathLink href={hit.url} fw={600}>
              {title}
            </PathLink>
          </Title>
        </Group>
        {meta.length > 0 && (
          <Text size="sm" c="dimmed">
            {/* Each piece isolated: Arabic-Indic digits next to each other would otherwise swap places in English. */}
            {meta.map((m, i) => (
              <Fragment key={i}>
                {i > 0 && ' · '}
                <bdi>{m}</bdi>
              </Fragment>
            ))}
          </Text>
        )}
        {hit.snippet && <Snippet html={hit.snippet} />}
      </Stack>
    </Paper>
  );
}

function Snippet({ html }: { html: string }) {
  return (
    <Text size="sm" dir="auto" style={{ overflowWrap: 'anywhere' }}>
      {snippetParts(html).map((p, i) =>
        p.mark ? (
          <mark key={i} style={{ background: 'var(--mantine-color-yellow-2)', color: 'inherit', fontWeight: 600, borderRadius: 2, padding: '0 1px' }}>
            {p.text}
          </mark>
        ) : (
          p.text
        ),
      )}
    </Text>
  );
}

function SortControl({ value, onChange }: { value: 'relevance' | 'newest'; onChange: (v: 'relevance' | 'newest') => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" id={id}>
        {t('search.sortBy')}
      </Text>
      <SegmentedControl
        size="xs"
        aria-labelledby={id}
        value={value}
        onChange={(v) => onChange(v as 'relevance' | 'newest')}
        data={[
          { value: 'relevance', label: t('search.sort.relevance') },
          { value: 'newest', label: t('search.sort.newest') },
        ]}
      />
    </Group>
  );
}

function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (p: number) => void }) {
  const { t, number, dir } = useI18n();
  if (pages <= 1) return null;
  // "Previous" points back along the reading direction: right in Arabic, left in English.
  const Back = dir === 'rtl' ? IconChevronRight : IconChevronLeft;
  const Forward = dir === 'rtl' ? IconChevronLeft : IconChevronRight;
  return (
    <Group justify="space-between" component="nav" aria-label={t('search.pages')} mt="xs" gap="xs" wrap="nowrap">
      <Button variant="default" size="compact-md" leftSection={<Back size={16} aria-hidden />} disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('common.previousPage')}
      </Button>
      <Text size="sm" ta="center">
        {t('search.pageOf', { page: number(page), pages: number(pages) })}
      </Text>
      <Button variant="default" size="compact-md" rightSection={<Forward size={16} aria-hidden />} disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('common.nextPage')}
      </Button>
    </Group>
  );
}

const shown = 8;

/** The facet filters, each value with how many of the current results it holds. */
function Facets({
  data,
  search,
  onChange,
  onClear,
}: {
  data: SearchResults;
  search: Search;
  onChange: (next: Partial<Search>) => void;
  onClear?: () => void;
}) {
  const { t, pick, number } = useI18n();
  const year = useYear();
  const narrow = useMediaQuery('(max-width: 62em)');
  const facets = data.facets;

  // A chosen value stays listed (with no count) even when the server's facet no longer carries it.
  const types = [...facets.type];
  for (const v of search.type ?? []) if (!types.some((f) => f.value === v)) types.push({ value: v, count: 0 });
  types.sort((a, b) => recordTypes.indexOf(a.value as never) - recordTypes.indexOf(b.value as never));
  const label = (text: string, count: number) => (
    <>
      {/* Isolated, so "Edition ٢ (٦)" keeps its order in English with Arabic-Indic digits. */}
      <bdi>{text}</bdi>{' '}
      <Text component="span" size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        ({number(count)})
      </Text>
    </>
  );

  const content = (
    <Stack gap="lg">
      {types.length > 0 && (
        <Checkbox.Group
          label={t('search.facet.type')}
          value={search.type ?? []}
          onChange={(v) => onChange({ type: v.length ? v : undefined })}
        >
          <Stack gap={6} mt={6}>
            {types.map((f) => (
              <Checkbox key={f.value} value={f.value} label={label(t(`search.typePlural.${f.value}`), f.count)} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
      <SingleFacet
        label={t('search.facet.organization')}
        value={search.org}
        options={facets.organization.map((f) => ({ value: Number(f.value), label: pick(f.name_ar, f.name_en), count: f.count }))}
        onChange={(org) => onChange({ org })}
        render={label}
      />
      <SingleFacet
        label={t('search.facet.edition')}
        value={search.edition}
        options={facets.edition.map((f) => ({ value: Number(f.value), label: t('search.editionN', { n: number(Number(f.value)) }), count: f.count }))}
        onChange={(edition) => onChange({ edition })}
        render={label}
      />
      <SingleFacet
        label={t('search.facet.year')}
        value={search.year}
        options={facets.year.map((f) => ({ value: Number(f.value), label: year(f.value), count: f.count }))}
        onChange={(y) => onChange({ year: y })}
        render={label}
      />
      {onClear && (
        <Button variant="subtle" onClick={onClear} style={{ alignSelf: 'flex-start' }}>
          {t('common.clearFilters')}
        </Button>
      )}
    </Stack>
  );

  if (!narrow) return <section aria-label={t('search.filters')}>{content}</section>;
  // On a phone the filters fold away above the results, so the results are the first thing on screen.
  return (
    <Paper component="details" withBorder p="sm" radius="md">
      <Text component="summary" fw={600} style={{ cursor: 'pointer' }}>
        {t('search.filters')}
      </Text>
      <Stack mt="sm">{content}</Stack>
    </Paper>
  );
}

interface FacetOption {
  value: number;
  label: string;
  count: number;
}

/** A facet that takes one value at a time (organisation, edition, year): "All" and the values, as radios. */
function SingleFacet({
  label,
  value,
  options,
  onChange,
  render,
}: {
  label: string;
  value: number | undefined;
  options: FacetOption[];
  onChange: (v: number | undefined) => void;
  render: (text: string, count: number) => ReactNode;
}) {
  const { t, number } = useI18n();
  const [all, setAll] = useState(false);
  const list = options.filter((o) => Number.isFinite(o.value) && o.value > 0);
  if (value && !list.some((o) => o.value === value)) list.unshift({ value, label: String(value), count: 0 });
  if (list.length === 0) return null;
  const visible = all ? list : list.slice(0, shown);
  // The chosen value stays on screen when the list is cut short.
  if (value && !visible.some((o) => o.value === value)) visible.push(list.find((o) => o.value === value)!);
  return (
    <Radio.Group label={label} value={value ? String(value) : ''} onChange={(v) => onChange(v ? Number(v) : undefined)}>
      <Stack gap={6} mt={6}>
        <Radio value="" label={t('common.all')} />
        {visible.map((o) => (
          <Radio key={o.value} value={String(o.value)} label={render(o.label, o.count)} />
        ))}
        {list.length > shown && (
          <Button variant="subtle" size="compact-sm" onClick={() => setAll((a) => !a)} style={{ alignSelf: 'flex-start' }}>
            {all ? t('search.showFewer') : t('search.showAll', { count: number(list.length) })}
          </Button>
        )}
      </Stack>
    </Radio.Group>
  );
}
