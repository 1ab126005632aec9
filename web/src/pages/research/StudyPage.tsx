// One research study and its review: where it stands in the pipeline (proposed → under review → accepted →
// applied, or rejected), its abstract and files, the reviewers and their recommendations, the discussion,
// and, for national staff, assigning reviewers, deciding, and turning an accepted study into a practice.
import { Alert, Anchor, Avatar, Badge, Button, Card, Group, List, MultiSelect, Paper, Radio, Select, SimpleGrid, Stack, Stepper, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconUserPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
// Component sheets the shared styles.css leaves out, loaded with this lazy page only (first-page CSS budget).
import '@mantine/core/styles/Avatar.css';
import '@mantine/core/styles/List.css';
import '@mantine/core/styles/Radio.css';
import '@mantine/core/styles/Stepper.css';
import { api, unwrap } from '../../api/client';
import { useServerErrors } from '../../components/forms';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, FormError, LoadingState } from '../../components/States';
import { useI18n } from '../../i18n';
import { categories } from '../practices/api';
import { researchKeys, studyQuery, type StudyDetail } from './api';
import { ResearchStatusBadge } from './ResearchPage';
import { studyRoute } from './routes';

export function StudyPage() {
  const { t } = useI18n();
  const { id } = studyRoute.useParams();
  const valid = Number.isInteger(id) && id > 0;
  const q = useQuery({ ...studyQuery(id), enabled: valid });
  if (!valid) return <EmptyState title={t('research.notFound')} />;
  if (q.isLoading) return <LoadingState />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <EmptyState title={t('research.notFound')} />;
  return <StudyView detail={q.data} />;
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: researchKeys.all });
}

function Pipeline({ status }: { status: StudyDetail['study']['status'] }) {
  const { t } = useI18n();
  // The current step is highlighted, earlier ones completed; an accepted study waits for "applied".
  const active = { proposed: 0, under_review: 1, accepted: 3, rejected: 3, applied: 4 }[status];
  return (
    <Stepper active={active} size="sm" allowNextStepsSelect={false} aria-label={t('research.pipeline')}>
      <Stepper.Step label={t('research.status.proposed')} />
      <Stepper.Step label={t('research.status.under_review')} />
      <Stepper.Step
        label={status === 'rejected' ? t('research.status.rejected') : t('research.status.accepted')}
        color={status === 'rejected' ? 'red.9' : undefined}
      />
      <Stepper.Step label={t('research.status.applied')} />
    </Stepper>
  );
}

function StudyView({ detail }: { detail: StudyDetail }) {
  const { t, pick, number, date } = useI18n();
  const s = detail.study;
  return (
    <Stack>
      <Anchor component={Link} to="/research" size="sm">
        {t('research.backToList')}
      </Anchor>
      <PageHeader title={pick(s.title_ar, s.title_en)} description={pick(s.organization_name_ar, s.organization_name_en)} />
      <Group gap="xs">
        <ResearchStatusBadge status={s.status} />
        <Badge variant="default">{t('practices.editionN', { n: number(s.edition_number) })}</Badge>
        <Text size="sm" c="dimmed">
          {t('research.submittedOn', { date: date(s.created_at) })}
        </Text>
      </Group>
      <Paper withBorder p="md">
        <Pipeline status={s.status} />
      </Paper>
      {s.status === 'rejected' && s.decision_reason && (
        <Alert color="red" variant="light" title={t('research.rejectedReason')}>
          {s.decision_reason}
        </Alert>
      )}
      {s.status === 'applied' && s.practice_id && (
        <Alert color="green" variant="light" title={t('research.appliedTitle')}>
          <Link to="/practices/$id" params={{ id: s.practice_id }}>
            {t('research.openPractice')}
          </Link>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <Paper withBorder p="md" style={{ gridColumn: 'span 2' }}>
          <Stack>
            <Title order={3} size="h4">
              {t('research.abstract')}
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {pick(detail.abstract_ar, detail.abstract_en) || t('research.noAbstract')}
            </Text>
            <Title order={3} size="h4">
              {t('research.files')}
            </Title>
            {detail.attachments.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('research.noFiles')}
              </Text>
            ) : (
              <List spacing="xs" listStyleType="none">
                {detail.attachments.map((a) => (
                  <List.Item key={a.id} icon={<IconDownload size={16} aria-hidden />}>
                    <Anchor href={`/api/v1/attachments/${a.id}/content`}>{a.filename}</Anchor>
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Title order={3} size="h4">
              {t('research.authors')}
            </Title>
            <List size="sm">
              {detail.authors.map((a, i) => (
                <List.Item key={i}>{a}</List.Item>
              ))}
            </List>
          </Stack>
        </Paper>
      </SimpleGrid>
      <Reviewers detail={detail} />
      {detail.can_recommend && <RecommendationForm detail={detail} />}
      {detail.can_decide && s.status === 'under_review' && <DecisionForm detail={detail} />}
      {detail.can_decide && s.status === 'accepted' && <ApplyForm detail={detail} />}
      <Comments detail={detail} />
    </Stack>
  );
}

function Reviewers({ detail }: { detail: StudyDetail }) {
  const { t, pick, date } = useI18n();
  const s = detail.study;
  const mayAssign = detail.can_decide && (s.status === 'proposed' || s.status === 'under_review');
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3} size="h4">
          {t('research.reviewers')}
        </Title>
        {detail.reviewers.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('research.noReviewers')}
          </Text>
        ) : (
          <Stack gap="sm">
            {detail.reviewers.map((r) => (
              <Card key={r.id} withBorder padding="sm">
                <Group justify="space-between" align="flex-start">
                  <Stack gap={2}>
                    <Text fw={600} size="sm">
                      {pick(r.name_ar, r.name_en)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('research.assignedOn', { date: date(r.assigned_at) })}
                    </Text>
                    {r.comments && (
                      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                        {r.comments}
                      </Text>
                    )}
                  </Stack>
                  <Badge color={r.recommendation === 'accept' ? 'teal.9' : r.recommendation === 'reject' ? 'red.9' : r.recommendation ? '#a63c06' : 'gray.8'} variant="outline">
                    {r.recommendation ? t(`research.recommendation.${r.recommendation}`) : t('research.awaiting')}
                  </Badge>
                </Group>
              </Card>
            ))}
          </Stack>
        )}
        {mayAssign && <AssignReviewers detail={detail} />}
      </Stack>
    </Paper>
  );
}

function AssignReviewers({ detail }: { detail: StudyDetail }) {
  const { t, pick } = useI18n();
  const refresh = useRefresh();
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search.trim(), 250);
  const [chosen, setChosen] = useState<string[]>([]);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const users = useQuery({
    queryKey: ['research', 'reviewer-options', typed],
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { q: typed || undefined, 'filter[active]': 'true', 'page[size]': '30' } } })),
    placeholderData: keepPreviousData,
  });
  const already = new Set(detail.reviewers.map((r) => String(r.user_id)));
  const options = (users.data?.items ?? [])
    .filter((u) => !already.has(String(u.id)) && u.id !== detail.study.submitted_by)
    .map((u) => ({ value: String(u.id), label: pick(u.name_ar, u.name_en) }));
  for (const v of chosen) if (!options.some((o) => o.value === v)) options.unshift({ value: v, label: labels[v] ?? v });
  const assign = async () => {
    setError(null);
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/v1/research/{id}/reviewers', {
          params: { path: { id: String(detail.study.id) } },
          body: { user_ids: chosen.map(Number), version: detail.study.version },
        }),
      );
      notifySuccess(t('research.reviewersAssigned'));
      setChosen([]);
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs">
      <MultiSelect
        label={t('research.assignLabel')}
        description={t('research.assignHint')}
        data={options}
        value={chosen}
        onChange={(v) => {
          const next = { ...labels };
          for (const id of v) next[id] ??= options.find((o) => o.value === id)?.label ?? id;
          setLabels(next);
          setChosen(v);
        }}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options: o }) => o}
        comboboxProps={{ withinPortal: true }}
        maw={560}
      />
      <FormError error={error} />
      <Group>
        <Button leftSection={<IconUserPlus size={16} aria-hidden />} disabled={!chosen.length} loading={busy} onClick={() => void assign()}>
          {t('research.assign')}
        </Button>
      </Group>
    </Stack>
  );
}

function RecommendationForm({ detail }: { detail: StudyDetail }) {
  const { t } = useI18n();
  const refresh = useRefresh();
  const form = useForm<{ recommendation: string; comments: string }>({ initialValues: { recommendation: 'accept', comments: '' } });
  const server = useServerErrors(form);
  const submit = form.onSubmit(async (v) => {
    server.clear();
    try {
      await unwrap(
        api.POST('/api/v1/research/{id}/recommendation', {
          params: { path: { id: String(detail.study.id) } },
          body: { recommendation: v.recommendation as 'accept' | 'revise' | 'reject', comments: v.comments },
        }),
      );
      notifySuccess(t('research.recommendationSaved'));
      await refresh();
    } catch (e) {
      server.capture(e);
    }
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={3} size="h4">
            {t('research.yourRecommendation')}
          </Title>
          <Radio.Group label={t('research.recommendationLabel')} {...form.getInputProps('recommendation')}>
            <Group mt="xs">
              {(['accept', 'revise', 'reject'] as const).map((r) => (
                <Radio key={r} value={r} label={t(`research.recommendation.${r}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea label={t('research.reviewComments')} autosize minRows={3} maxLength={8000} {...form.getInputProps('comments')} />
          <FormError error={server.formError} />
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('research.recommendationSend')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function DecisionForm({ detail }: { detail: StudyDetail }) {
  const { t } = useI18n();
  const refresh = useRefresh();
  const form = useForm<{ decision: string; reason: string }>({
    initialValues: { decision: 'accepted', reason: '' },
    validate: { reason: (v, values) => (values.decision === 'rejected' && !v.trim() ? t('research.reasonRequired') : null) },
  });
  const server = useServerErrors(form);
  const submit = form.onSubmit(async (v) => {
    server.clear();
    try {
      await unwrap(
        api.POST('/api/v1/research/{id}/decision', {
          params: { path: { id: String(detail.study.id) } },
          body: { decision: v.decision as 'accepted' | 'rejected', reason: v.reason.trim() || null, version: detail.study.version },
        }),
      );
      notifySuccess(v.decision === 'accepted' ? t('research.acceptedDone') : t('research.rejectedDone'));
      await refresh();
    } catch (e) {
      server.capture(e);
    }
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={3} size="h4">
            {t('research.decision')}
          </Title>
          <Radio.Group label={t('research.decisionLabel')} {...form.getInputProps('decision')}>
            <Group mt="xs">
              <Radio value="accepted" label={t('research.accept')} />
              <Radio value="rejected" label={t('research.reject')} />
            </Group>
          </Radio.Group>
          <Textarea
            label={t('research.reason')}
            description={t('research.reasonHint')}
            autosize
            minRows={2}
            maxLength={8000}
            required={form.values.decision === 'rejected'}
            {...form.getInputProps('reason')}
          />
          <FormError error={server.formError} />
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('research.decide')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ApplyForm({ detail }: { detail: StudyDetail }) {
  const { t } = useI18n();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const form = useForm<{ category: string | null }>({
    initialValues: { category: null },
    validate: { category: (v) => (v ? null : t('common.fieldRequired')) },
  });
  const server = useServerErrors(form);
  const submit = form.onSubmit(async (v) => {
    server.clear();
    try {
      await unwrap(
        api.POST('/api/v1/research/{id}/practice', {
          params: { path: { id: String(detail.study.id) } },
          body: { category: v.category ?? '', version: detail.study.version },
        }),
      );
      notifySuccess(t('research.appliedDone'));
      await queryClient.invalidateQueries({ queryKey: ['practices'] });
      await refresh();
    } catch (e) {
      server.capture(e);
    }
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={3} size="h4">
            {t('research.applyTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('research.applyHint')}
          </Text>
          <Select
            label={t('research.applyCategory')}
            data={categories.map((c) => ({ value: c, label: t(`practices.category.${c}`) }))}
            required
            comboboxProps={{ withinPortal: true }}
            maw={360}
            {...form.getInputProps('category')}
          />
          <FormError error={server.formError} />
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('research.apply')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function Comments({ detail }: { detail: StudyDetail }) {
  const { t, pick, dateTime } = useI18n();
  const refresh = useRefresh();
  const form = useForm<{ body: string }>({
    initialValues: { body: '' },
    validate: { body: (v) => (v.trim() ? null : t('common.fieldRequired')) },
  });
  const server = useServerErrors(form);
  const submit = form.onSubmit(async (v) => {
    server.clear();
    try {
      await unwrap(api.POST('/api/v1/research/{id}/comments', { params: { path: { id: String(detail.study.id) } }, body: { body: v.body } }));
      form.reset();
      await refresh();
    } catch (e) {
      server.capture(e);
    }
  });
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3} size="h4">
          {t('research.discussion')}
        </Title>
        {detail.comments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('research.noComments')}
          </Text>
        ) : (
          <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('research.discussion')}>
            {detail.comments.map((c) => {
              const name = pick(c.author_name_ar, c.author_name_en);
              return (
                <li key={c.id}>
                  <Group align="flex-start" wrap="nowrap" gap="sm">
                    <Avatar radius="xl" size="sm" color="blue" aria-hidden>
                      {name.slice(0, 1)}
                    </Avatar>
                    <Stack gap={2}>
                      <Group gap="xs">
                        <Text fw={600} size="sm">
                          {name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {dateTime(c.created_at)}
                        </Text>
                      </Group>
                      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                        {c.body}
                      </Text>
                    </Stack>
                  </Group>
                </li>
              );
            })}
          </Stack>
        )}
        {detail.can_comment && (
          <form onSubmit={submit} noValidate>
            <Stack gap="xs">
              <Textarea label={t('research.addComment')} autosize minRows={2} maxLength={4000} {...form.getInputProps('body')} />
              <FormError error={server.formError} />
              <Group>
                <Button type="submit" variant="light" loading={form.submitting}>
                  {t('research.sendComment')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
