// The entity × practice adoption matrix as a table: entities are row headers (each links to its page),
// practices column headers, and each cell the adoption's health or status and percent done, linking to it.
// A real <table> reads correctly in a screen reader and mirrors itself in RTL.
import { Anchor, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { EmptyState } from '../../components/States';
import { useI18n } from '../../i18n';
import { PathLink, ProgressBadge, type AdoptionMatrix, type AdoptionProgress } from './shared';

export function AdoptionMatrixTable({ matrix, edition }: { matrix: AdoptionMatrix; edition: number | undefined }) {
  const { t, pick, number } = useI18n();
  if (matrix.entities.length === 0) return <EmptyState title={t('dashboard.matrixEmpty')} />;
  const cells = new Map<string, AdoptionProgress>();
  for (const c of matrix.cells) cells.set(`${c.organization_id}:${c.practice_id}`, c);
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table withTableBorder withColumnBorders striped highlightOnHover data-testid="adoption-matrix">
        <caption>
          <VisuallyHidden>{t('dashboard.matrixTitle')}</VisuallyHidden>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('dashboard.entity')}</Table.Th>
            {matrix.practices.map((p) => (
              <Table.Th scope="col" key={p.id} style={{ minWidth: 140 }}>
                {pick(p.title_ar, p.title_en)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matrix.entities.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Th scope="row" fw={600} style={{ minWidth: 200 }}>
                <Anchor
                  fw={600}
                  size="sm"
                  renderRoot={(props) => <Link {...props} to="/dashboard/entities/$id" params={{ id: String(e.id) }} search={{ edition }} />}
                >
                  {pick(e.name_ar, e.name_en)}
                </Anchor>
              </Table.Th>
              {matrix.practices.map((p) => {
                const c = cells.get(`${e.id}:${p.id}`);
                if (!c)
                  return (
                    <Table.Td key={p.id}>
                      <Text c="dimmed" aria-hidden>
                        —
                      </Text>
                      <VisuallyHidden>{t('dashboard.notAdopted')}</VisuallyHidden>
                    </Table.Td>
                  );
                return (
                  <Table.Td key={p.id}>
                    <PathLink href={`/adoptions/${c.adoption_id}`} aria-label={t('dashboard.cellLabel', {
                      entity: pick(e.name_ar, e.name_en),
                      practice: pick(p.title_ar, p.title_en),
                      state: t(c.health ? `dashboard.health.${c.health}` : `dashboard.status.${c.status}`),
                      percent: number(c.percent),
                    })}>
                      <Group gap={6} wrap="nowrap" component="span">
                        <ProgressBadge cell={c} />
                        <Text span size="sm">
                          {t('dashboard.percent', { percent: number(c.percent) })}
                        </Text>
                      </Group>
                    </PathLink>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
