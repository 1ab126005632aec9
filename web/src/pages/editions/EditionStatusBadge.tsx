// An edition's status as a badge (a dot and the word: the colour alone never carries the meaning).
import { Badge } from '@mantine/core';
import { useI18n } from '../../i18n';
import type { EditionStatus } from './api';

const colors: Record<EditionStatus, string> = { planning: 'yellow', open: 'green', closed: 'gray' };

export function EditionStatusBadge({ status }: { status: EditionStatus }) {
  const { t } = useI18n();
  return (
    <Badge variant="dot" color={colors[status]} tt="none" fw={500} w="max-content" styles={{ label: { overflow: 'visible' } }}>
      {t(`editions.status.${status}`)}
    </Badge>
  );
}
