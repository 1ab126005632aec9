// The public ADKAR survey an employee opens from a link: no account, outside the signed-in shell, Arabic first
// with a language switch. Five statements, each 1–5, an optional comment; one answer per link, anonymous by
// design. States: the form, thank you, already answered, survey closed, unknown link.
import { Alert, Button, Center, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLanguage } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useUpdatePreferences } from '../../app/preferences';
import { api, ApiError, unwrap } from '../../api/client';
import { useServerErrors } from '../../components/forms';
import { usePageTitle } from '../../components/PageHeader';
import { ErrorState, FormError, LoadingState } from '../../components/States';
import { useI18n } from '../../i18n';
import { adkar, type AdkarElement } from './api';
import { surveyRoute } from './routes';

type Outcome = 'thanks' | 'answered' | 'closed' | null;

function Scale({ element, value, onChange, error }: { element: AdkarElement; value: string; onChange: (v: string) => void; error?: string }) {
  const { t, number } = useI18n();
  const name = `adkar-${element}`;
  return (
    <fieldset style={{ border: 0, margin: 0, padding: 0, minInlineSize: 0 }} aria-describedby={error ? `${name}-error` : undefined}>
      <legend style={{ padding: 0, marginBlockEnd: 6 }}>
        <Text fw={600} size="sm" span>
          {t(`change.question.${element}`)}
        </Text>
        <Text size="xs" c="dimmed" span display="block">
          {t(`change.adkar.${element}`)}
        </Text>
      </legend>
      <Group gap="xs" wrap="wrap">
        {[1, 2, 3, 4, 5].map((v) => {
          const id = `${name}-${v}`;
          const checked = value === String(v);
          return (
            <label
              key={v}
              htmlFor={id}
              style={{
                display: 'flex',
                alignItems: 'center',
                gap: 6,
                padding: '6px 10px',
                border: `1px solid ${checked ? 'var(--mantine-color-teal-9)' : 'var(--mantine-color-gray-4)'}`,
                borderRadius: 6,
                background: checked ? 'var(--mantine-color-teal-0)' : undefined,
                cursor: 'pointer',
              }}
            >
              <input id={id} type="radio" name={name} value={v} checked={checked} onChange={() => onChange(String(v))} required />
              <Text size="sm" span>
                {t('change.scaleOption', { value: number(v), label: t(`change.scale.${v}`) })}
              </Text>
            </label>
          );
        })}
      </Group>
      {error && (
        <Text id={`${name}-error`} c="red.9" size="xs" mt={4}>
          {error}
        </Text>
      )}
    </fieldset>
  );
}

export function SurveyPage() {
  const { t, pick, date, locale } = useI18n();
  const { token } = surveyRoute.useParams();
  const update = useUpdatePreferences();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const q = useQuery({
    queryKey: ['survey', token],
    queryFn: () => unwrap(api.GET('/api/v1/change/survey/{token}', { params: { path: { token } } })),
    retry: false,
  });
  usePageTitle(q.data ? pick(q.data.title_ar, q.data.title_en) : t('change.surveyPageTitle'));
  const form = useForm({
    initialValues: { awareness: '', desire: '', knowledge: '', ability: '', reinforcement: '', comment: '' },
    validate: Object.fromEntries(adkar.map((e) => [e, (v: string) => (v ? null : t('change.answerRequired'))])),
  });
  const server = useServerErrors(form);
  const submit = form.onSubmit(async (v) => {
    server.clear();
    try {
      await unwrap(
        api.POST('/api/v1/change/survey/{token}', {
          params: { path: { token } },
          body: {
            awareness: Number(v.awareness),
            desire: Number(v.desire),
            knowledge: Number(v.knowledge),
            ability: Number(v.ability),
            reinforcement: Number(v.reinforcement),
            comment: v.comment,
          },
        }),
      );
      setOutcome('thanks');
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const code = `${e.problem.code ?? ''} ${e.problem.type ?? ''} ${e.problem.field ?? ''}`;
        setOutcome(code.includes('closed') ? 'closed' : 'answered');
        return;
      }
      server.capture(e);
    }
  });

  const s = q.data;
  const state: Outcome = outcome ?? (s?.answered ? 'answered' : s && s.status !== 'open' ? 'closed' : null);
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Stack w="100%" maw={720} gap="md">
        <Group justify="space-between">
          <Group gap={8}>
            <img src="/favicon.svg" width={32} height={32} alt="" />
            <Text fw={600}>{t('common.appName')}</Text>
          </Group>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconLanguage size={16} aria-hidden />}
            onClick={() => void update({ locale: locale === 'ar' ? 'en' : 'ar' })}
            aria-label={t('common.switchLanguageLabel')}
            lang={locale === 'ar' ? 'en' : 'ar'}
          >
            {t('common.switchLanguage')}
          </Button>
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md" component="main">
          {q.isLoading ? (
            <LoadingState />
          ) : q.error || !s ? (
            q.error instanceof ApiError && q.error.status === 404 ? (
              <Alert color="red" variant="light" role="alert" title={t('change.surveyUnknownTitle')}>
                {t('change.surveyUnknown')}
              </Alert>
            ) : (
              <ErrorState error={q.error} onRetry={() => q.refetch()} />
            )
          ) : (
            <Stack>
              <div>
                <Title order={1} size="h3">
                  {pick(s.title_ar, s.title_en)}
                </Title>
                <Text size="sm">{pick(s.initiative_title_ar, s.initiative_title_en)}</Text>
                <Text size="sm" c="dimmed">
                  {t('change.surveyFor', { entity: pick(s.organization_name_ar, s.organization_name_en), group: pick(s.group_name_ar, s.group_name_en) })}
                </Text>
              </div>
              {state === 'thanks' ? (
                <Alert color="teal" variant="light" role="status" title={t('change.thanksTitle')}>
                  {t('change.thanks')}
                </Alert>
              ) : state === 'answered' ? (
                <Alert color="yellow" variant="light" role="status" title={t('change.alreadyAnsweredTitle')}>
                  {t('change.alreadyAnswered')}
                </Alert>
              ) : state === 'closed' ? (
                <Alert color="gray" variant="light" role="status" title={t('change.surveyClosedTitle')}>
                  {t('change.surveyClosedBody')}
                </Alert>
              ) : (
                <form onSubmit={submit} noValidate>
                  <Stack gap="lg">
                    <Text size="sm">{t('change.surveyIntro', { date: date(s.closes_on) })}</Text>
                    {adkar.map((e) => (
                      <Scale key={e} element={e} value={form.values[e]} onChange={(v) => form.setFieldValue(e, v)} error={form.errors[e] as string | undefined} />
                    ))}
                    <Textarea label={t('change.commentOptional')} autosize minRows={2} maxLength={2000} {...form.getInputProps('comment')} />
                    <FormError error={server.formError} />
                    <Group justify="flex-end">
                      <Button type="submit" loading={form.submitting}>
                        {t('change.submitAnswers')}
                      </Button>
                    </Group>
                  </Stack>
                </form>
              )}
            </Stack>
          )}
        </Paper>
        <Text size="xs" c="dimmed" ta="center">
          {t('change.anonymousNote')}
        </Text>
      </Stack>
    </Center>
  );
}
