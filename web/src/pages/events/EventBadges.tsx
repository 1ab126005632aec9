// An event's kind and status as badges (a word, never the colour alone).
import { Badge } from '@mantine/core';
import { useI18n } from '../../i18n';
import type { EventKind, EventStatus } from './api';

const statusColors: Record<EventStatus, string> = { planned: 'blue', held: 'green', cancelled: 'red' };

export function EventStatusBadge({ status }: { status: EventStatus }) {
  const { t } = useI18n();
  return (
    <Badge variant="dot" color={statusColors[status]} tt="none" fw={500} w="max-content" styles={{ label: { overflow: 'visible' } }}>
      {t(`events.status.${status}`)}
    </Badge>
  );
}

export function EventKindBadge({ kind }: { kind: EventKind }) {
  const { t } = useI18n();
  return (
    <Badge variant="outline" color="dark" tt="none" fw={500} w="max-content" styles={{ label: { overflow: 'visible' } }}>
      {t(`events.kind.${kind}`)}
    </Badge>
  );
}
