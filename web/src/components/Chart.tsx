// A bar or line chart drawn by Chart.js. chart.js is loaded with a dynamic import, so only pages that draw a
// chart pay for it. In Arabic the chart reads right to left: the category axis runs from the right, the value
// axis sits on the right, and the legend and tooltips are laid out RTL. Numbers go through the user's locale
// tag (Arabic-Indic digits when chosen). Screen readers get the chart's name and a hidden table of its data.
import { Box, Center, Loader, VisuallyHidden } from '@mantine/core';
import type { Chart as ChartJs, ChartConfiguration } from 'chart.js';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';

export interface ChartDataset {
  label: string;
  data: number[];
  /** A CSS colour; the palette's next colour when left out. */
  color?: string;
}

export interface ChartProps {
  type: 'bar' | 'line';
  /** The chart's accessible name (and the caption of its data table). */
  label: string;
  labels: string[];
  datasets: ChartDataset[];
  /** Height in pixels; the width follows the container. */
  height?: number;
  /** Bars lie along the value axis horizontally (long category names read better this way). */
  horizontal?: boolean;
  /** Header of the category column in the screen-reader table (e.g. "Role"). */
  categoryLabel: string;
}

// Colours that pass 3:1 against white, starting with the platform's green.
export const chartPalette = ['#0b6e4f', '#1c7ed6', '#e8590c', '#7048e8', '#c2255c', '#2b8a3e', '#5f3dc4', '#a61e4d'];

const fontFamily = "'IBM Plex Sans Arabic', system-ui, 'Segoe UI', Tahoma, sans-serif";

type ChartModule = typeof import('chart.js/auto');
let chartModule: Promise<ChartModule> | null = null;

function loadChartJs(): Promise<ChartModule> {
  chartModule ??= import('chart.js/auto').then((m) => {
    m.Chart.defaults.font.family = fontFamily;
    m.Chart.defaults.color = '#495057';
    return m;
  });
  return chartModule;
}

export function Chart({ type, label, labels, datasets, height = 280, horizontal = false, categoryLabel }: ChartProps) {
  const { dir, tag, number } = useI18n();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const rtl = dir === 'rtl';
  // Redraw only when what is drawn changes, not on every render of the parent.
  const key = JSON.stringify([type, labels, datasets, horizontal, rtl, tag]);

  useEffect(() => {
    let chart: ChartJs | null = null;
    let cancelled = false;
    loadChartJs()
      .then(({ Chart: ChartClass }) => {
        if (cancelled || !canvasRef.current) return;
        const categoryAxis = horizontal ? 'y' : 'x';
        const valueAxis = horizontal ? 'x' : 'y';
        const numberTicks = { callback: (v: number | string) => (typeof v === 'number' ? number(v) : v), precision: 0 };
        const config: ChartConfiguration<'bar' | 'line', number[], string> = {
          type,
          data: {
            labels,
            datasets: datasets.map((d, i) => {
              const color = d.color ?? chartPalette[i % chartPalette.length];
              return {
                label: d.label,
                data: d.data,
                backgroundColor: type === 'line' ? `${color}33` : color,
                borderColor: color,
                borderWidth: type === 'line' ? 2 : 0,
                borderRadius: type === 'bar' ? 4 : 0,
                tension: 0.25,
                fill: false,
              };
            }),
          },
          options: {
            locale: tag,
            responsive: true,
            maintainAspectRatio: false,
            animation: window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? false : undefined,
            indexAxis: horizontal ? 'y' : 'x',
            scales: {
              // Categories start from the right in Arabic (horizontal bars keep top-to-bottom order).
              [categoryAxis]: {
                reverse: !horizontal && rtl,
                position: horizontal ? (rtl ? 'right' : 'left') : 'bottom',
                grid: { display: false },
                ticks: { autoSkip: false, maxRotation: 0, font: { family: fontFamily } },
              },
              // Values grow leftwards in Arabic when they run horizontally; the vertical value axis sits on the right.
              [valueAxis]: {
                beginAtZero: true,
                reverse: horizontal && rtl,
                position: horizontal ? 'bottom' : rtl ? 'right' : 'left',
                ticks: { ...numberTicks, font: { family: fontFamily } },
              },
            },
            plugins: {
              legend: {
                display: datasets.length > 1,
                rtl,
                textDirection: dir,
                align: 'start',
                labels: { font: { family: fontFamily } },
              },
              tooltip: {
                rtl,
                textDirection: dir,
                titleFont: { family: fontFamily },
                bodyFont: { family: fontFamily },
                callbacks: {
                  label: (item) => `${item.dataset.label ?? ''}: ${number(Number(item.raw))}`,
                },
              },
            },
          },
        };
        chart = new ChartClass(canvasRef.current, config as ChartConfiguration);
        setReady(true);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      chart?.destroy();
      chart = null;
    };
    // `key` stands for everything the chart draws.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return (
    <figure style={{ margin: 0 }}>
      <Box pos="relative" h={height} role="img" aria-label={label}>
        {!ready && !failed && (
          <Center pos="absolute" inset={0} aria-hidden>
            <Loader size="sm" />
          </Center>
        )}
        <canvas ref={canvasRef} aria-hidden />
      </Box>
      {/* The data itself, for screen readers and for anyone the canvas fails. */}
      <VisuallyHidden>
        <table>
          <caption>{label}</caption>
          <thead>
            <tr>
              <th scope="col">{categoryLabel}</th>
              {datasets.map((d) => (
                <th scope="col" key={d.label}>
                  {d.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((l, i) => (
              <tr key={`${l}-${i}`}>
                <th scope="row">{l}</th>
                {datasets.map((d) => (
                  <td key={d.label}>{number(d.data[i] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </figure>
  );
}

export default Chart;
