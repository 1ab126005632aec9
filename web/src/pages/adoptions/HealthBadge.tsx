// A plan's health as a badge, with its reasons readable right under it (not only on hover, so keyboard and
// screen-reader users get them too).
import { Badge, List, Stack, Text } from '@mantine/core';
import { useI18n } from '../../i18n';
import { healthColor, type Adoption } from './api';

export function HealthBadge({ adoption, full = false }: { adoption: Adoption; full?: boolean }) {
  const { t, pick } = useI18n();
  if (!adoption.health) return <Text size="sm" c="dimmed" aria-label={t('adoptions.colHealth')}>{t('adoptions.healthNone')}</Text>;
  const reasons = adoption.health_reasons.map((r) => pick(r.text_ar, r.text_en));
  return (
    <Stack gap={2} maw={full ? undefined : 340}>
      <Badge color={healthColor[adoption.health]} variant="filled" tt="none" radius="sm" w="fit-content">
        {t(`adoptions.health.${adoption.health}`)}
      </Badge>
      {full ? (
        <List size="xs" spacing={2}>
          {reasons.map((r) => (
            <List.Item key={r}>{r}</List.Item>
          ))}
        </List>
      ) : (
        reasons.length > 0 && (
          <Text size="xs" c="dimmed" lineClamp={2} title={reasons.join(' — ')}>
            {reasons.join(' — ')}
          </Text>
        )
      )}
    </Stack>
  );
}
