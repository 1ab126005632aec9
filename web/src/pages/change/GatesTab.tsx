// Gate reviews: an initiative moves to the next gate only through a review. Managers request one naming
// program-office reviewers; managers and reviewers answer the checklist (evidence as attachments); a reviewer
// decides pass, pass with conditions or hold. Managers may move the initiative back, giving a reason.
import { Anchor, Badge, Button, Card, Checkbox, Group, Modal, MultiSelect, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowBack, IconGavel, IconSend } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { meQuery } from '../../auth/session';
import { FileUpload } from '../../components/FileUpload';
import { useServerErrors } from '../../components/forms';
import { notifyError, notifySuccess } from '../../components/notify';
import { EmptyState, ErrorState, FormError, LoadingState } from '../../components/States';
import { useI18n } from '../../i18n';
import { choicesQuery, decisions, gatesQuery, initiativeQuery, reviewsQuery, type GateDecision, type GateReview, type InitiativeDetail, scrollable } from './api';

function useRefresh(id: number) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: reviewsQuery(id).queryKey }),
      qc.invalidateQueries({ queryKey: initiativeQuery(id).queryKey }),
      qc.invalidateQueries({ queryKey: ['change', 'initiatives'] }),
      qc.invalidateQueries({ queryKey: ['change', 'gates'] }),
    ]);
}

/** Who may review a gate: the program-office and platform-administrator users the entity's form choices list,
 * less the requester (the server refuses a review of one's own request). */
function useReviewerCandidates(organizationId: number, enabled: boolean) {
  const choices = useQuery({ ...choicesQuery(organizationId), enabled });
  const { data: me } = useQuery(meQuery);
  const people = (choices.data?.reviewers ?? []).filter((p) => p.id !== me?.user.id);
  return { people, loading: choices.isLoading };
}

function RequestReviewModal({ detail, nextGate, opened, onClose }: { detail: InitiativeDetail; nextGate: string; opened: boolean; onClose: () => void }) {
  const { t, pick } = useI18n();
  const refresh = useRefresh(detail.id);
  const candidates = useReviewerCandidates(detail.organization_id, opened);
  const form = useForm({ initialValues: { reviewer_ids: [] as string[] } });
  const server = useServerErrors(form);
  const submit = form.onSubmit(async (v) => {
    server.clear();
    try {
      await unwrap(
        api.POST('/api/v1/change/initiatives/{id}/reviews', {
          params: { path: { id: String(detail.id) } },
          body: { reviewer_ids: v.reviewer_ids.map(Number) },
        }),
      );
      await refresh();
      notifySuccess(t('change.reviewRequested'));
      form.reset();
      onClose();
    } catch (e) {
      server.capture(e);
    }
  });
  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={opened} onClose={onClose} title={t('change.requestReviewTitle', { gate: nextGate })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('change.requestReviewBody')}</Text>
          <MultiSelect
            label={t('change.reviewers')}
            data={candidates.people.map((p) => ({ value: String(p.id), label: pick(p.name_ar, p.name_en) }))}
            searchable
            required
            nothingFoundMessage={t('change.noReviewers')}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('reviewer_ids')}
          />
          <FormError error={server.formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('change.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting} leftSection={<IconSend size={16} aria-hidden />}>
              {t('change.requestReview')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function MoveBackModal({ detail, opened, onClose }: { detail: InitiativeDetail; opened: boolean; onClose: () => void }) {
  const { t, pick, number } = useI18n();
  const refresh = useRefresh(detail.id);
  const gates = useQuery(gatesQuery);
  const form = useForm({ initialValues: { gate_id: '', reason: '' } });
  const server = useServerErrors(form);
  const submit = form.onSubmit(async (v) => {
    server.clear();
    try {
      await unwrap(
        api.POST('/api/v1/change/initiatives/{id}/gate', {
          params: { path: { id: String(detail.id) } },
          body: { gate_id: Number(v.gate_id) || 0, reason: v.reason },
        }),
      );
      await refresh();
      notifySuccess(t('change.movedBack'));
      form.reset();
      onClose();
    } catch (e) {
      server.capture(e);
    }
  });
  const earlier = (gates.data ?? []).filter((g) => g.position < detail.gate_position);
  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={opened} onClose={onClose} title={t('change.moveBackTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('change.moveBackTo')}
            data={earlier.map((g) => ({ value: String(g.id), label: t('change.gateLabel', { position: number(g.position), name: pick(g.name_ar, g.name_en) }) }))}
            required
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('gate_id')}
          />
          <Textarea label={t('change.reason')} required autosize minRows={3} {...form.getInputProps('reason')} />
          <FormError error={server.formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('change.cancel')}
            </Button>
            <Button type="submit" color="red.9" loading={form.submitting}>
              {t('change.moveBack')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function DecisionForm({ detail, review }: { detail: InitiativeDetail; review: GateReview }) {
  const { t } = useI18n();
  const refresh = useRefresh(detail.id);
  const form = useForm({ initialValues: { decision: 'pass' as string, conditions: '', comments: '' } });
  const server = useServerErrors(form);
  const submit = form.onSubmit(async (v) => {
    server.clear();
    try {
      await unwrap(
        api.POST('/api/v1/change/initiatives/{id}/reviews/{rid}/decision', {
          params: { path: { id: String(detail.id), rid: String(review.id) } },
          body: { decision: v.decision as GateDecision, conditions: v.conditions, comments: v.comments },
        }),
      );
      await refresh();
      notifySuccess(t('change.decided'));
    } catch (e) {
      server.capture(e);
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`decide-${review.id}`}>
      <Stack gap="sm">
        <Title order={4} size="h5" id={`decide-${review.id}`}>
          {t('change.decisionTitle')}
        </Title>
        <Select
          label={t('change.decision')}
          data={decisions.map((d) => ({ value: d, label: t(`change.decisionName.${d}`) }))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          maw={320}
          {...form.getInputProps('decision')}
        />
        {form.values.decision === 'pass_with_conditions' && (
          <Textarea label={t('change.conditions')} required autosize minRows={2} {...form.getInputProps('conditions')} />
        )}
        <Textarea label={t('change.comments')} required={form.values.decision === 'hold'} autosize minRows={2} {...form.getInputProps('comments')} />
        <FormError error={server.formError} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting} leftSection={<IconGavel size={16} aria-hidden />}>
            {t('change.recordDecision')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ChecksTable({ detail, review }: { detail: InitiativeDetail; review: GateReview }) {
  const { t, pick, locale } = useI18n();
  const refresh = useRefresh(detail.id);
  const editable = review.status === 'open' && (detail.can_manage || review.can_decide);
  const save = async (criterionId: number, body: { met: boolean; note: string; attachment_id?: number | null }) => {
    try {
      await unwrap(
        api.PUT('/api/v1/change/initiatives/{id}/reviews/{rid}/checks/{criterion_id}', {
          params: { path: { id: String(detail.id), rid: String(review.id), criterion_id: String(criterionId) } },
          body,
        }),
      );
      await refresh();
    } catch (e) {
      notifyError(e, locale);
    }
  };
  return (
    <Table.ScrollContainer minWidth={700} {...scrollable}>
      <Table verticalSpacing="sm" withTableBorder>
        <Table.Caption>{t('change.checklist')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('change.criterion')}</Table.Th>
            <Table.Th scope="col">{t('change.met')}</Table.Th>
            <Table.Th scope="col">{t('change.note')}</Table.Th>
            <Table.Th scope="col">{t('change.evidence')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {review.checks.map((c) => {
            const text = pick(c.text_ar, c.text_en);
            return (
              <Table.Tr key={c.criterion_id}>
                <Table.Td>
                  <Text size="sm">{text}</Text>
                  <Badge size="sm" variant="outline" color="gray.7" tt="none" radius="sm">
                    {t(`change.criterionKind.${c.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    checked={c.met}
                    disabled={!editable}
                    aria-label={t('change.metLabel', { criterion: text })}
                    onChange={(e) => save(c.criterion_id, { met: e.currentTarget.checked, note: c.note, attachment_id: c.attachment_id ?? null })}
                  />
                </Table.Td>
                <Table.Td>
                  {editable ? (
                    <TextInput
                      size="xs"
                      defaultValue={c.note}
                      aria-label={t('change.noteLabel', { criterion: text })}
                      onBlur={(e) => {
                        const note = e.currentTarget.value;
                        if (note !== c.note) void save(c.criterion_id, { met: c.met, note, attachment_id: c.attachment_id ?? null });
                      }}
                    />
                  ) : (
                    <Text size="sm">{c.note || '—'}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    {c.attachment_id ? (
                      <Anchor href={`/api/v1/attachments/${c.attachment_id}/content`} size="sm">
                        {c.attachment_name}
                      </Anchor>
                    ) : c.kind === 'evidence' ? (
                      <Text size="xs" c="dimmed">
                        {t('change.evidenceMissing')}
                      </Text>
                    ) : null}
                    {editable && c.kind === 'evidence' && (
                      <FileUpload
                        organizationId={detail.organization_id}
                        label={t('change.attachEvidenceFor', { criterion: text })}
                        onUploaded={(a) => void save(c.criterion_id, { met: c.met, note: c.note, attachment_id: a.id })}
                      />
                    )}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ReviewCard({ detail, review }: { detail: InitiativeDetail; review: GateReview }) {
  const { t, pick, number, dateTime } = useI18n();
  const gate = t('change.gateLabel', { position: number(review.gate_position), name: pick(review.gate_name_ar, review.gate_name_en) });
  return (
    <Card withBorder component="section" aria-label={t('change.reviewOf', { gate })} data-testid={`review-${review.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="start">
          <Stack gap={2}>
            <Title order={3} size="h4">
              {t('change.reviewOf', { gate })}
            </Title>
            <Text size="xs" c="dimmed">
              {t('change.requestedBy', { name: pick(review.requested_by_name_ar, review.requested_by_name_en), date: dateTime(review.requested_at) })}
            </Text>
            <Text size="xs">
              {t('change.reviewersList', { names: review.reviewers.map((r) => pick(r.name_ar, r.name_en)).join('، ') })}
            </Text>
          </Stack>
          {review.status === 'open' ? (
            <Badge color="blue.9" variant="filled" tt="none" radius="sm">
              {t('change.reviewOpen')}
            </Badge>
          ) : (
            <Badge color={review.decision === 'hold' ? 'orange.9' : 'teal.9'} variant="filled" tt="none" radius="sm">
              {review.decision ? t(`change.decisionName.${review.decision}`) : t('change.reviewDecided')}
            </Badge>
          )}
        </Group>
        <ChecksTable detail={detail} review={review} />
        {review.status === 'decided' && (
          <Stack gap={2}>
            <Text size="sm">
              {t('change.decidedBy', { name: pick(review.decided_by_name_ar, review.decided_by_name_en), date: dateTime(review.decided_at) })}
            </Text>
            {review.conditions && <Text size="sm">{t('change.conditionsAre', { text: review.conditions })}</Text>}
            {review.comments && <Text size="sm">{t('change.commentsAre', { text: review.comments })}</Text>}
          </Stack>
        )}
        {review.can_decide && <DecisionForm detail={detail} review={review} />}
      </Stack>
    </Card>
  );
}

export function GatesTab({ detail }: { detail: InitiativeDetail }) {
  const { t, pick, number } = useI18n();
  const q = useQuery(reviewsQuery(detail.id));
  const gates = useQuery(gatesQuery);
  const [requesting, setRequesting] = useState(false);
  const [movingBack, setMovingBack] = useState(false);
  if (q.isLoading) return <LoadingState />;
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const reviews = [...q.data].sort((a, b) => b.id - a.id);
  const next = (gates.data ?? []).find((g) => g.position === detail.gate_position + 1);
  const open = reviews.some((r) => r.status === 'open');
  const nextLabel = next ? t('change.gateLabel', { position: number(next.position), name: pick(next.name_ar, next.name_en) }) : '';
  const canRequest = detail.can_manage && detail.status === 'active' && !!next && !open;
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {next ? t('change.nextGateIs', { gate: nextLabel }) : t('change.atLastGate')}
        </Text>
        <Group gap="xs">
          {detail.can_manage && detail.gate_position > 1 && (
            <Button variant="outline" color="red.9" leftSection={<IconArrowBack size={16} aria-hidden />} onClick={() => setMovingBack(true)}>
              {t('change.moveBack')}
            </Button>
          )}
          {canRequest && (
            <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => setRequesting(true)}>
              {t('change.requestReview')}
            </Button>
          )}
        </Group>
      </Group>
      {reviews.length === 0 ? (
        <EmptyState title={t('change.reviewsEmpty')}>{detail.can_manage && next ? t('change.reviewsEmptyHint') : undefined}</EmptyState>
      ) : (
        reviews.map((r) => <ReviewCard key={r.id} detail={detail} review={r} />)
      )}
      {requesting && <RequestReviewModal detail={detail} nextGate={nextLabel} opened={requesting} onClose={() => setRequesting(false)} />}
      {movingBack && <MoveBackModal detail={detail} opened={movingBack} onClose={() => setMovingBack(false)} />}
    </Stack>
  );
}
