// The selected organisation: its names, kind, place in the tree and dates, what may be done to it, and
// the documents uploaded to it during this visit.
import { Anchor, Badge, Button, Divider, Group, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconEdit, IconFile, IconPlayerPause, IconPlayerPlay, IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { api, ApiError, unwrap, type Schemas } from '../../../api/client';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { FileUpload } from '../../../components/FileUpload';
import { notifyError, notifySuccess } from '../../../components/notify';
import { ErrorState, LoadingState } from '../../../components/States';
import { useI18n } from '../../../i18n';
import { organizationKeys, organizationQuery, type Organization } from './api';
import { StaleAlert } from './OrganizationForm';

export type Attachment = Schemas['Attachment'];

interface DetailsProps {
  id: number;
  canCreate: boolean;
  canUpdate: boolean;
  canUpload: boolean;
  uploads: Attachment[];
  onUploaded: (a: Attachment) => void;
  onSelect: (id: number) => void;
  onEdit: (o: Organization) => void;
  onCreateChild: (parent: Organization) => void;
}

export function OrganizationDetails(props: DetailsProps) {
  const { id } = props;
  const { t, pick, date, locale, number } = useI18n();
  const queryClient = useQueryClient();
  const org = useQuery(organizationQuery(id));
  const [stale, setStale] = useState(false);

  if (org.error) return <ErrorState error={org.error} onRetry={() => org.refetch()} />;
  if (!org.data) return <LoadingState />;
  const o = org.data;
  const name = pick(o.name_ar, o.name_en);

  const setActive = async (active: boolean) => {
    setStale(false);
    try {
      const saved = await unwrap(
        api.PUT('/api/v1/organizations/{id}', {
          params: { path: { id: String(o.id) } },
          body: {
            kind: o.kind,
            name_ar: o.name_ar,
            name_en: o.name_en,
            parent_id: o.parent_id ?? null,
            governorate_id: o.governorate_id ?? null,
            country: o.country,
            active,
            version: o.version,
          },
        }),
      );
      queryClient.setQueryData(organizationKeys.detail(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: organizationKeys.all });
      notifySuccess(active ? t('organizations.reactivated', { name }) : t('organizations.deactivated', { name }));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setStale(true);
      else notifyError(e, locale);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="org-details-title">
      <Stack gap="md">
        {stale && (
          <StaleAlert
            onReload={async () => {
              await queryClient.invalidateQueries({ queryKey: organizationKeys.all });
              setStale(false);
            }}
          />
        )}
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4} style={{ minWidth: 0, flex: '1 1 240px' }}>
            <Title order={3} id="org-details-title" style={{ overflowWrap: 'anywhere' }}>
              {name}
            </Title>
            <Group gap={6}>
              <Badge variant="light" tt="none">
                {t(`common.kind.${o.kind}`)}
              </Badge>
              <Badge variant={o.active ? 'filled' : 'outline'} color={o.active ? 'manzuma.7' : 'gray.7'} c={o.active ? 'white' : 'gray.7'} tt="none">
                {o.active ? t('organizations.active') : t('organizations.inactive')}
              </Badge>
            </Group>
          </Stack>
          <Group gap="xs" wrap="wrap">
            {props.canUpdate && (
              <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={() => props.onEdit(o)}>
                {t('organizations.edit')}
              </Button>
            )}
            {props.canCreate && (
              <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => props.onCreateChild(o)}>
                {t('organizations.addChild')}
              </Button>
            )}
          </Group>
        </Group>

        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm" component="dl" m={0}>
          <Field label={t('organizations.nameAr')}>
            <span lang="ar" dir="rtl">
              {o.name_ar}
            </span>
          </Field>
          <Field label={t('organizations.nameEn')}>
            <span lang="en" dir="ltr">
              {o.name_en}
            </span>
          </Field>
          <Field label={t('organizations.kind')}>{t(`common.kind.${o.kind}`)}</Field>
          <Field label={t('organizations.country')}>{t(`common.country.${o.country}`)}</Field>
          <Field label={t('organizations.governorate')}>
            {o.governorate_id ? <OrgLink id={o.governorate_id} onSelect={props.onSelect} /> : t('organizations.none')}
          </Field>
          <Field label={t('organizations.parent')}>
            {o.parent_id ? <OrgLink id={o.parent_id} onSelect={props.onSelect} /> : t('organizations.topLevel')}
          </Field>
          <Field label={t('organizations.createdAt')}>{date(o.created_at)}</Field>
          <Field label={t('organizations.updatedAt')}>{date(o.updated_at)}</Field>
          <Field label={t('organizations.id')}>
            <span className="ltr-value">{number(o.id)}</span>
          </Field>
          <Field label={t('organizations.status')}>{o.active ? t('organizations.active') : t('organizations.inactive')}</Field>
        </SimpleGrid>

        {props.canUpdate && (
          <Group>
            {o.active ? (
              <ConfirmAction
                label={t('organizations.deactivate')}
                title={t('organizations.deactivateTitle')}
                message={t('organizations.deactivateBody', { name })}
                icon={<IconPlayerPause size={16} aria-hidden />}
                onConfirm={() => setActive(false)}
              />
            ) : (
              <ConfirmAction
                label={t('organizations.reactivate')}
                title={t('organizations.reactivateTitle')}
                message={t('organizations.reactivateBody', { name })}
                color="manzuma"
                icon={<IconPlayerPlay size={16} aria-hidden />}
                onConfirm={() => setActive(true)}
              />
            )}
          </Group>
        )}

        {props.canUpload && (
          <>
            <Divider />
            <Stack gap="sm">
              <Title order={4}>{t('organizations.documents')}</Title>
              <FileUpload organizationId={o.id} label={t('organizations.uploadDocument')} onUploaded={props.onUploaded} />
              {props.uploads.length > 0 ? (
                <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('organizations.uploadedThisVisit')}>
                  {props.uploads.map((a) => (
                    <Group key={a.id} component="li" gap={8} wrap="nowrap">
                      <IconFile size={16} aria-hidden style={{ flexShrink: 0 }} />
                      <Anchor href={`/api/v1/attachments/${a.id}/content`} download={a.filename} size="sm" style={{ overflowWrap: 'anywhere' }}>
                        <bdi>{a.filename}</bdi>
                      </Anchor>
                      <Text size="xs" c="gray.7" style={{ flexShrink: 0 }}>
                        {t('organizations.fileSize', { kb: Math.max(1, Math.round(a.size / 1024)) })}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              ) : (
                <Text size="sm" c="gray.7">
                  {t('organizations.noUploads')}
                </Text>
              )}
            </Stack>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" fw={600} c="gray.7">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** Another organisation's name, as a link that selects it. */
function OrgLink({ id, onSelect }: { id: number; onSelect: (id: number) => void }) {
  const { pick, number } = useI18n();
  const org = useQuery(organizationQuery(id));
  const label = org.data ? pick(org.data.name_ar, org.data.name_en) : number(id);
  return (
    <UnstyledButton onClick={() => onSelect(id)} c="manzuma.7" td="underline" fz="sm" style={{ textAlign: 'start' }}>
      {label}
    </UnstyledButton>
  );
}
