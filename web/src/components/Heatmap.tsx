// A heat map as a plain CSS grid: rows × columns of coloured cells, darker for larger values, with a legend.
// The grid follows the page's direction (logical layout), so in Arabic the first column is on the right.
// It is exposed as a table: each cell is named with its row, column and value for screen readers, and its
// title shows the same on hover.
import { Box, Group, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useI18n } from '../i18n';

export interface HeatmapProps {
  /** The heat map's accessible name. */
  label: string;
  rows: string[];
  columns: string[];
  /** values[row][column]. */
  values: number[][];
  /** The name of one cell for screen readers and its tooltip, e.g. "Sunday, 09:00: 4 entries". */
  describe: (row: string, column: string, value: number, formatted: string) => string;
  /** Shows every n-th column's label (the others stay named for screen readers); 1 shows them all. */
  columnLabelEvery?: number;
  /** The legend's heading, e.g. "Entries per hour". */
  legendLabel: string;
}

// From empty to the platform's darkest green; each step is distinguishable from its neighbours.
const scale = ['#f1f3f5', '#cfeadf', '#8fcdb2', '#47ad81', '#1d8a5d', '#065c40'];

function step(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.min(scale.length - 1, Math.max(1, Math.ceil((value / max) * (scale.length - 1))));
}

export function Heatmap({ label, rows, columns, values, describe, columnLabelEvery = 1, legendLabel }: HeatmapProps) {
  const { number } = useI18n();
  const max = Math.max(0, ...values.flat());
  const template: CSSProperties = {
    display: 'grid',
    gridTemplateColumns: `minmax(4.5rem, max-content) repeat(${columns.length}, minmax(12px, 1fr))`,
    gap: 2,
    alignItems: 'center',
  };
  const minWidth = `calc(4.5rem + ${columns.length * 14}px)`;

  // The legend's buckets: the range of values each colour stands for.
  const legend = scale.map((color, i) => {
    if (i === 0) return { color, text: number(0) };
    const lo = Math.floor(((i - 1) / (scale.length - 1)) * max) + 1;
    const hi = Math.floor((i / (scale.length - 1)) * max);
    if (max <= 0 || hi < lo) return null;
    return { color, text: lo === hi ? number(lo) : `${number(lo)}–${number(hi)}` };
  });

  return (
    <figure style={{ margin: 0 }}>
      {/* Scrolls sideways on a phone; focusable so the keyboard can scroll it too. */}
      <Box style={{ overflowX: 'auto' }} pb={4} tabIndex={0} aria-label={label}>
        <div role="table" aria-label={label} style={{ minWidth }}>
          <div role="rowgroup">
            <div role="row" style={template}>
              <span role="columnheader" aria-hidden style={{ visibility: 'hidden' }}>
                {' '}
              </span>
              {columns.map((c, i) => (
                <Text
                  key={c}
                  role="columnheader"
                  aria-label={c}
                  size="xs"
                  c="dimmed"
                  ta="center"
                  style={{ whiteSpace: 'nowrap', overflow: 'visible' }}
                >
                  {i % columnLabelEvery === 0 ? c : ''}
                </Text>
              ))}
            </div>
          </div>
          <div role="rowgroup">
            {rows.map((r, ri) => (
              <div role="row" key={r} style={{ ...template, marginTop: 2 }}>
                <Text role="rowheader" size="xs" pe="xs" style={{ whiteSpace: 'nowrap' }}>
                  {r}
                </Text>
                {columns.map((c, ci) => {
                  const v = values[ri]?.[ci] ?? 0;
                  const name = describe(r, c, v, number(v));
                  return (
                    <div
                      key={c}
                      role="cell"
                      aria-label={name}
                      title={name}
                      style={{
                        height: 22,
                        borderRadius: 3,
                        background: scale[step(v, max)],
                        border: '1px solid rgba(0, 0, 0, 0.06)',
                      }}
                    />
                  );
                })}
              </div>
            ))}
          </div>
        </div>
      </Box>
      <Group component="figcaption" gap="xs" mt="xs" wrap="wrap" aria-hidden>
        <Text size="xs" c="dimmed">
          {legendLabel}
        </Text>
        {legend.map(
          (l) =>
            l && (
              <Group key={l.color} gap={4} wrap="nowrap">
                <span style={{ width: 14, height: 14, borderRadius: 3, background: l.color, border: '1px solid rgba(0, 0, 0, 0.15)', display: 'inline-block' }} />
                <Text size="xs">{l.text}</Text>
              </Group>
            ),
        )}
      </Group>
    </figure>
  );
}

export default Heatmap;
