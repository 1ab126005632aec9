// Readiness: the ADKAR surveys of the initiative by round. Per group, the five means as a heat row with the
// barrier point (the first element at 3 or less) named in words; the rounds side by side show the barrier
// moving. The server keeps a group's results hidden (anonymity) until the survey is closed and the group has
// 5 answers; those rows show the count and why, not empty cells. Managers open a survey, create anonymous links for a group (shown once: copy all or a CSV file)
// and close it.
import { Badge, Button, Card, CopyButton, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLink, IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../api/client';
import { ConfirmAction } from '../../components/ConfirmAction';
import { DateField } from '../../components/DateField';
import { useServerErrors } from '../../components/forms';
import { notifyError, notifySuccess } from '../../components/notify';
import { EmptyState, ErrorState, FormError, LoadingState } from '../../components/States';
import { useI18n } from '../../i18n';
import { adkar, adkarHeat, choicesQuery, surveysQuery, todayIso, type ChangeSurvey, type InitiativeDetail, scrollable } from './api';

/** The server's kMinResponses: a group's results show from this many answers (and once the survey is closed). */
const minResponses = 5;

function useRefresh(id: number) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: surveysQuery(id).queryKey });
}

function NewSurveyModal({ detail, opened, onClose }: { detail: InitiativeDetail; opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const refresh = useRefresh(detail.id);
  const form = useForm({ initialValues: { title_ar: '', title_en: '', opens_on: todayIso() as string | null, closes_on: todayIso(30) as string | null } });
  const server = useServerErrors(form);
  const submit = form.onSubmit(async (v) => {
    server.clear();
    try {
      await unwrap(
        api.POST('/api/v1/change/initiatives/{id}/surveys', {
          params: { path: { id: String(detail.id) } },
          body: { title_ar: v.title_ar, title_en: v.title_en, opens_on: v.opens_on ?? '', closes_on: v.closes_on ?? '' },
        }),
      );
      await refresh();
      notifySuccess(t('change.surveyCreated'));
      form.reset();
      onClose();
    } catch (e) {
      server.capture(e);
    }
  });
  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={opened} onClose={onClose} title={t('change.newSurvey')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('change.surveyTitleAr')} required dir="rtl" data-autofocus {...form.getInputProps('title_ar')} />
          <TextInput label={t('change.surveyTitleEn')} required dir="ltr" {...form.getInputProps('title_en')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label={t('change.opensOn')} value={form.values.opens_on} onChange={(v) => form.setFieldValue('opens_on', v)} error={form.errors.opens_on as string | undefined} required />
            <DateField label={t('change.closesOn')} value={form.values.closes_on} onChange={(v) => form.setFieldValue('closes_on', v)} error={form.errors.closes_on as string | undefined} required />
          </SimpleGrid>
          <FormError error={server.formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('change.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('change.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type LinkBatch = Schemas['SurveyLinkBatch'];

/** Creates a batch of links for one group and shows them once: they are not stored in the clear. */
function LinksModal({ detail, survey, onClose }: { detail: InitiativeDetail; survey: ChangeSurvey | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const refresh = useRefresh(detail.id);
  const choices = useQuery({ ...choicesQuery(detail.organization_id), enabled: !!survey });
  const [batch, setBatch] = useState<LinkBatch | null>(null);
  const form = useForm({ initialValues: { group_id: '', count: 10 as number | string } });
  const server = useServerErrors(form);
  const close = () => {
    setBatch(null);
    form.reset();
    onClose();
  };
  const submit = form.onSubmit(async (v) => {
    if (!survey) return;
    server.clear();
    try {
      const created = await unwrap(
        api.POST('/api/v1/change/initiatives/{id}/surveys/{survey_id}/links', {
          params: { path: { id: String(detail.id), survey_id: String(survey.id) } },
          body: { group_id: Number(v.group_id) || 0, count: Number(v.count) || 0 },
        }),
      );
      setBatch(created);
      await refresh();
    } catch (e) {
      server.capture(e);
    }
  });
  const urls = (batch?.links ?? []).map((l) => `${window.location.origin}${l.path}`);
  const csv = `\uFEFFurl\r\n${urls.join('\r\n')}\r\n`;
  const groupName = (id: number) => {
    const g = choices.data?.groups.find((x) => x.id === id);
    return g ? pick(g.name_ar, g.name_en) : '';
  };
  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={!!survey} onClose={close} title={t('change.createLinks')} size="lg">
      {batch ? (
        <Stack>
          <Text size="sm" role="status">
            {t('change.linksCreated', { count: batch.links.length, group: groupName(batch.group_id) })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('change.linksOnce')}
          </Text>
          <Textarea readOnly autosize minRows={3} maxRows={10} dir="ltr" label={t('change.links')} value={urls.join('\n')} data-testid="survey-links" />
          <Group justify="flex-end">
            <CopyButton value={urls.join('\n')}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? t('change.copied') : t('change.copyAll')}
                </Button>
              )}
            </CopyButton>
            <Button component="a" variant="default" href={`data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`} download={`survey-${survey?.id}-links.csv`}>
              {t('change.downloadCsv')}
            </Button>
            <Button onClick={close}>{t('change.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Select
              label={t('change.group')}
              data={(choices.data?.groups ?? []).map((g) => ({ value: String(g.id), label: pick(g.name_ar, g.name_en) }))}
              required
              searchable
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('group_id')}
            />
            <NumberInput label={t('change.linkCount')} min={1} max={500} allowDecimal={false} clampBehavior="none" required {...form.getInputProps('count')} />
            <FormError error={server.formError} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('change.cancel')}
              </Button>
              <Button type="submit" loading={form.submitting}>
                {t('change.createLinks')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function MeanCell({ value, label }: { value: number | null | undefined; label: string }) {
  const { number, t } = useI18n();
  const heat = adkarHeat(value);
  const text = value === null || value === undefined ? t('change.noAnswers') : number(Math.round(value * 10) / 10);
  return (
    <Table.Td ta="center" style={{ background: heat.background, color: heat.color, fontWeight: 600 }} aria-label={`${label}: ${text}`}>
      {text}
    </Table.Td>
  );
}

function SurveyCard({ detail, survey, onLinks }: { detail: InitiativeDetail; survey: ChangeSurvey; onLinks: () => void }) {
  const { t, pick, date, number, locale } = useI18n();
  const refresh = useRefresh(detail.id);
  const title = pick(survey.title_ar, survey.title_en);
  const close = async () => {
    try {
      await unwrap(
        api.PUT('/api/v1/change/initiatives/{id}/surveys/{survey_id}', {
          params: { path: { id: String(detail.id), survey_id: String(survey.id) } },
          body: { title_ar: survey.title_ar, title_en: survey.title_en, closes_on: survey.closes_on, status: 'closed', version: survey.version },
        }),
      );
      await refresh();
      notifySuccess(t('change.surveyClosed'));
    } catch (e) {
      notifyError(e, locale);
    }
  };
  return (
    <Card withBorder padding="md" component="section" aria-label={t('change.roundTitle', { round: number(survey.round), title })}>
      <Group justify="space-between" align="start" mb="sm">
        <Stack gap={2}>
          <Title order={3} size="h4">
            {t('change.roundTitle', { round: number(survey.round), title })}
          </Title>
          <Text size="xs" c="dimmed">
            {date(survey.opens_on)} – {date(survey.closes_on)} ·{' '}
            {t('change.surveyCounts', { responses: survey.responses, used: number(survey.links_used), total: number(survey.links_total) })}
          </Text>
        </Stack>
        <Group gap="xs">
          <Badge color={survey.status === 'open' ? 'teal.9' : 'gray.7'} variant="filled" tt="none" radius="sm">
            {t(`change.surveyStatus.${survey.status}`)}
          </Badge>
          {detail.can_manage && survey.status === 'open' && (
            <>
              <Button size="xs" variant="default" leftSection={<IconLink size={14} aria-hidden />} onClick={onLinks}>
                {t('change.createLinks')}
              </Button>
              <ConfirmAction size="xs" label={t('change.closeSurvey')} title={t('change.closeSurveyTitle')} message={t('change.closeSurveyBody', { title })} onConfirm={close} />
            </>
          )}
        </Group>
      </Group>
      {survey.groups.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('change.noGroupsYet')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760} {...scrollable}>
          <Table withTableBorder withColumnBorders verticalSpacing={6} data-testid={`survey-${survey.round}`}>
            <Table.Caption>{t('change.readinessCaption', { round: number(survey.round) })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('change.group')}</Table.Th>
                <Table.Th scope="col">{t('change.responses')}</Table.Th>
                {adkar.map((e) => (
                  <Table.Th key={e} scope="col" ta="center">
                    {t(`change.adkar.${e}`)}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t('change.barrierPointCol')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {survey.groups.map((g) => {
                const name = pick(g.group_name_ar, g.group_name_en);
                return (
                  <Table.Tr key={g.group_id}>
                    <Table.Th scope="row">{name}</Table.Th>
                    <Table.Td>{t('change.responsesOf', { responses: number(g.responses), links: number(g.links) })}</Table.Td>
                    {g.results_hidden_reason ? (
                      // Hidden for anonymity: one sentence across the result columns, not grey cells that read as zero.
                      <Table.Td colSpan={adkar.length + 1} data-testid="results-hidden">
                        <Text size="sm" c="dimmed">
                          {t(`change.resultsHidden.${g.results_hidden_reason}`, { min: number(minResponses) })}
                        </Text>
                      </Table.Td>
                    ) : (
                      <>
                        {adkar.map((e) => (
                          <MeanCell key={e} value={g[e]} label={t('change.meanOf', { group: name, element: t(`change.adkar.${e}`) })} />
                        ))}
                        <Table.Td>
                          {g.barrier_point ? (
                            <Badge color="red.9" variant="filled" tt="none" radius="sm" h="auto" py={2} styles={{ label: { whiteSpace: 'normal' } }}>
                              {t('change.barrierPoint', { element: t(`change.adkar.${g.barrier_point}`) })}
                            </Badge>
                          ) : (
                            <Text size="sm">{g.responses > 0 ? t('change.noBarrier') : t('change.noAnswers')}</Text>
                          )}
                        </Table.Td>
                      </>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

/** The barrier point of every group in every round, side by side: where readiness stalls, and how it moves. */
function BarrierOverTime({ surveys }: { surveys: ChangeSurvey[] }) {
  const { t, pick, number } = useI18n();
  const groups = new Map<number, string>();
  for (const s of surveys) for (const g of s.groups) groups.set(g.group_id, pick(g.group_name_ar, g.group_name_en));
  if (surveys.length < 2 || groups.size === 0) return null;
  return (
    <section aria-labelledby="barrier-over-time">
      <Title order={3} size="h4" id="barrier-over-time" mb="xs">
        {t('change.barrierOverTime')}
      </Title>
      <Table.ScrollContainer minWidth={500} {...scrollable}>
        <Table withTableBorder withColumnBorders>
          <Table.Caption>{t('change.barrierOverTime')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('change.group')}</Table.Th>
              {surveys.map((s) => (
                <Table.Th key={s.id} scope="col">
                  {t('change.round', { round: number(s.round) })}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...groups].map(([id, name]) => (
              <Table.Tr key={id}>
                <Table.Th scope="row">{name}</Table.Th>
                {surveys.map((s) => {
                  const g = s.groups.find((x) => x.group_id === id);
                  return (
                    <Table.Td key={s.id}>
                      {!g ? (
                        '—'
                      ) : g.results_hidden_reason ? (
                        <>
                          —{' '}
                          <Text span size="xs" c="dimmed">
                            ({t(`change.resultsHiddenShort.${g.results_hidden_reason}`, { min: number(minResponses) })})
                          </Text>
                        </>
                      ) : g.responses === 0 ? (
                        '—'
                      ) : g.barrier_point ? (
                        t(`change.adkar.${g.barrier_point}`)
                      ) : (
                        t('change.noBarrier')
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}

export function ReadinessTab({ detail }: { detail: InitiativeDetail }) {
  const { t, number } = useI18n();
  const q = useQuery(surveysQuery(detail.id));
  const [creating, setCreating] = useState(false);
  const [linksFor, setLinksFor] = useState<ChangeSurvey | null>(null);
  if (q.isLoading) return <LoadingState />;
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const surveys = q.data;
  const createButton = detail.can_manage ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
      {t('change.newSurvey')}
    </Button>
  ) : undefined;
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('change.readinessIntro')}
        </Text>
        {createButton}
      </Group>
      <Text size="sm" data-testid="anonymity-note">
        {t('change.anonymityNote', { min: number(minResponses) })}
      </Text>
      {surveys.length === 0 ? (
        <EmptyState title={t('change.surveysEmpty')} action={createButton}>
          {detail.can_manage ? t('change.surveysEmptyHint') : undefined}
        </EmptyState>
      ) : (
        <>
          <BarrierOverTime surveys={surveys} />
          {surveys.map((s) => (
            <SurveyCard key={s.id} detail={detail} survey={s} onLinks={() => setLinksFor(s)} />
          ))}
        </>
      )}
      {creating && <NewSurveyModal detail={detail} opened={creating} onClose={() => setCreating(false)} />}
      <LinksModal detail={detail} survey={linksFor} onClose={() => setLinksFor(null)} />
    </Stack>
  );
}
