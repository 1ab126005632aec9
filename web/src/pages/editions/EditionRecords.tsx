// The edition page's sections for what other areas record in an edition: its practices, its research studies and
// the entities adopting its practices (each plan's status and health). Each shows the first rows, each row a link
// to its record, and a link to the area's list filtered by the edition. Only the areas' light modules (queries,
// colours, the health badge) are imported, so the edition page's chunk stays small.
import { Badge, Group, Table } from '@mantine/core';
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { useI18n } from '../../i18n';
import { editionAdoptionsQuery, statusColor as adoptionStatusColor } from '../adoptions/api';
import { HealthBadge } from '../adoptions/HealthBadge';
import { categoryColor, editionPracticesQuery, statusColor as practiceStatusColor } from '../practices/api';
import { editionResearchQuery, researchStatusColor } from '../research/api';
import { AnchorLink } from './AnchorLink';
import type { Edition } from './api';

/** How many rows a section shows; "see all" opens the rest. */
const ROWS = 10;

/** The link under a section to the area's whole list, filtered by the edition. */
function SeeAll({ children }: { children: ReactNode }) {
  const { dir } = useI18n();
  const Arrow = dir === 'rtl' ? IconArrowLeft : IconArrowRight;
  return (
    <Group gap={4} mt="sm" wrap="nowrap" fz="sm" fw={500}>
      {children}
      <Arrow size={14} aria-hidden />
    </Group>
  );
}

export function PracticesSection({ edition }: { edition: Edition }) {
  const { t, pick, locale } = useI18n();
  const q = useQuery(editionPracticesQuery(edition.id, locale === 'ar' ? 'title_ar' : 'title_en', ROWS));
  if (q.isLoading) return <LoadingState />;
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const { items, total } = q.data;
  if (!items.length) return <EmptyState title={t('editions.noPractices')} />;
  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" data-testid="edition-practices">
          <Table.Caption>{t('editions.practicesCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('practices.colTitle')}</Table.Th>
              <Table.Th>{t('practices.colOrganization')}</Table.Th>
              <Table.Th>{t('practices.colCategory')}</Table.Th>
              <Table.Th>{t('practices.colStatus')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <AnchorLink to="/practices/$id" params={{ id: p.id }} fz="sm" fw={600}>
                    {pick(p.title_ar, p.title_en)}
                  </AnchorLink>
                </Table.Td>
                <Table.Td fz="sm">{pick(p.organization_name_ar, p.organization_name_en)}</Table.Td>
                <Table.Td>
                  <Badge color={categoryColor[p.category]} variant="outline" tt="none" miw="max-content">
                    {t(`practices.category.${p.category}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Badge color={practiceStatusColor[p.status]} variant="outline" tt="none" miw="max-content">
                    {t(`practices.status.${p.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <SeeAll>
        <AnchorLink to="/practices" search={{ edition: edition.id }} data-testid="edition-practices-all">
          {t('editions.seeAllPractices', { count: total })}
        </AnchorLink>
      </SeeAll>
    </>
  );
}

export function ResearchSection({ edition }: { edition: Edition }) {
  const { t, pick, locale } = useI18n();
  const q = useQuery(editionResearchQuery(edition.id, locale === 'ar' ? 'title_ar' : 'title_en', ROWS));
  if (q.isLoading) return <LoadingState />;
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const { items, total } = q.data;
  if (!items.length) return <EmptyState title={t('editions.noResearch')} />;
  return (
    <>
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing="xs" data-testid="edition-research">
          <Table.Caption>{t('editions.researchCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('research.colTitle')}</Table.Th>
              <Table.Th>{t('research.colOrganization')}</Table.Th>
              <Table.Th>{t('research.colStatus')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <AnchorLink to="/research/$id" params={{ id: r.id }} fz="sm" fw={600}>
                    {pick(r.title_ar, r.title_en)}
                  </AnchorLink>
                </Table.Td>
                <Table.Td fz="sm">{pick(r.organization_name_ar, r.organization_name_en)}</Table.Td>
                <Table.Td>
                  <Badge color={researchStatusColor[r.status]} variant="outline" tt="none" miw="max-content">
                    {t(`research.status.${r.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <SeeAll>
        <AnchorLink to="/research" search={{ edition: edition.id }} data-testid="edition-research-all">
          {t('editions.seeAllResearch', { count: total })}
        </AnchorLink>
      </SeeAll>
    </>
  );
}

export function AdoptionsSection({ edition }: { edition: Edition }) {
  const { t, pick, number } = useI18n();
  const q = useQuery(editionAdoptionsQuery(edition.id, ROWS));
  if (q.isLoading) return <LoadingState />;
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const { items, total } = q.data;
  if (!items.length) return <EmptyState title={t('editions.noAdoptions')} />;
  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="xs" data-testid="edition-adoptions">
          <Table.Caption>{t('editions.adoptionsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('adoptions.colEntity')}</Table.Th>
              <Table.Th>{t('adoptions.colPractice')}</Table.Th>
              <Table.Th>{t('adoptions.colStatus')}</Table.Th>
              <Table.Th>{t('adoptions.colHealth')}</Table.Th>
              <Table.Th style={{ textAlign: 'end' }}>{t('adoptions.colProgress')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((a) => {
              const entity = pick(a.organization_name_ar, a.organization_name_en);
              const practice = pick(a.practice_title_ar, a.practice_title_en);
              return (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <AnchorLink
                      to="/adoptions/$id"
                      params={{ id: String(a.id) }}
                      aria-label={t('adoptions.openAdoption', { practice, entity })}
                      fz="sm"
                      fw={600}
                    >
                      {entity}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td fz="sm">{practice}</Table.Td>
                  <Table.Td>
                    <Badge color={adoptionStatusColor[a.status]} variant="filled" tt="none" radius="sm" miw="max-content">
                      {t(`adoptions.status.${a.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <HealthBadge adoption={a} />
                  </Table.Td>
                  <Table.Td fz="sm" style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
                    {t('adoptions.percent', { value: number(Math.round(a.overall_percent)) })}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <SeeAll>
        <AnchorLink to="/adoptions" search={{ edition: edition.id }} data-testid="edition-adoptions-all">
          {t('editions.seeAllAdoptions', { count: total })}
        </AnchorLink>
      </SeeAll>
    </>
  );
}

/** The events section's link to the events list of the edition (the section itself lives in EditionPage). */
export function SeeAllEvents({ edition, count }: { edition: Edition; count: number }) {
  const { t } = useI18n();
  return (
    <SeeAll>
      <AnchorLink to="/events" search={{ edition: edition.id }}>
        {t('editions.seeAllEvents', { count })}
      </AnchorLink>
    </SeeAll>
  );
}
