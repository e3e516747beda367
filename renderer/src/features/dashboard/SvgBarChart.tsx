/**
 * The dashboard's bar chart: plain SVG drawn in the one render that mounts it, one series or
 * several (side by side, or stacked), with a legend above the plot when asked. Recharts (through
 * @mantine/charts), which drew them before, measures its container, lays out its ticks over
 * several renders and keeps a store per chart: about 20–40 ms of the window's time a chart, and a
 * script of 468 KB, and Home draws eight charts. This one places bars across in percent of the
 * width (bar-layout.ts), so nothing is measured, and says what a bar is in a native tooltip (its
 * SVG `title`), so nothing waits for the pointer. Styled as Mantine's BarChart (dashed grid,
 * dimmed ticks, the theme's colours), vector in print as on screen.
 */
import { memo, useMemo } from 'react';
import { barLayout } from './bar-layout';
import { formatFigure, type BarChartProps } from './chart-spec';

const TOP = 8;
/** A legend's line (12 px text and its margin), taken from the plot's height when there is one. */
const LEGEND_HEIGHT = 22;
const THIN_LABELS_ABOVE = 8;
/** Roughly the width of one tick digit at 12 px, for the value axis' width. */
const DIGIT = 7.2;

/** A Mantine colour name ('blue.6') as its CSS variable. */
const cssColour = (colour: string) => `var(--mantine-color-${colour.replace('.', '-')})`;

function SvgBarChartImpl<Row extends Record<string, unknown>>({
  data,
  dataKey,
  series,
  stacked,
  height: outer,
  width,
  legend,
  onBar,
}: BarChartProps<Row>) {
  // The chart keeps its height with a legend, so the plots of a row of charts line up.
  const height = legend ? outer - LEGEND_HEIGHT : outer;
  const { bars, ticks } = useMemo(
    () =>
      barLayout(
        data,
        series.map((s) => s.name),
        stacked,
      ),
    [data, series, stacked],
  );
  const top = ticks[ticks.length - 1]!;
  const plot = height - TOP;
  const y = (value: number) => TOP + plot - (value / top) * plot;
  const labels = ticks.map(formatFigure);
  const axis = Math.ceil(Math.max(...labels.map((l) => l.length)) * DIGIT) + 12;
  const bySeries = new Map(series.map((s) => [s.name, s]));
  const thin = data.length > THIN_LABELS_ABOVE;
  return (
    <div className="cf-bars" style={width ? { width } : undefined}>
      {legend && (
        <div className="cf-bars-legend">
          {series.map((s) => (
            <span key={s.name}>
              <span className="cf-bars-swatch" style={{ background: cssColour(s.color) }} />
              {s.label}
            </span>
          ))}
        </div>
      )}
      <div className="cf-bars-body" style={{ gridTemplateColumns: `${axis}px minmax(0, 1fr)` }}>
        <svg className="cf-bars-axis" width={axis} height={height + 6} aria-hidden>
          {ticks.map((t, i) => (
            <text key={t} x={axis - 8} y={y(t)} dy="0.32em" textAnchor="end">
              {labels[i]}
            </text>
          ))}
        </svg>
        <svg
          className="cf-bars-plot"
          width={width ? width - axis : '100%'}
          height={height + 6}
          aria-hidden
        >
          {ticks.map((t) => (
            <line key={t} className="cf-bars-grid" x1="0" x2="100%" y1={y(t)} y2={y(t)} />
          ))}
          {bars.map((bar) => {
            const row = data[bar.row]!;
            const s = bySeries.get(bar.series)!;
            const choose = onBar(row, bar.series);
            return (
              <rect
                key={`${bar.row}:${bar.series}`}
                className="cf-bar"
                x={`${bar.left}%`}
                width={`${bar.width}%`}
                y={y(bar.to)}
                height={y(bar.from) - y(bar.to)}
                fill={cssColour(s.color)}
                onClick={choose ?? undefined}
                style={choose ? { cursor: 'pointer' } : undefined}
              >
                <title>{`${String(row[dataKey])}: ${s.label} ${formatFigure(bar.value)}`}</title>
              </rect>
            );
          })}
        </svg>
        <span />
        <div
          className={thin ? 'cf-bars-labels cf-bars-labels-thin' : 'cf-bars-labels'}
          style={{ gridTemplateColumns: `repeat(${data.length}, minmax(0, 1fr))` }}
        >
          {data.map((row, i) => (
            <span
              key={String(row[dataKey])}
              className="cf-bars-label"
              title={String(row[dataKey])}
              // Many narrow categories (a quarter's weeks): every other label, as Recharts thins
              // its ticks; each bar still says what it is when pointed at.
              style={thin && i % 2 === 1 ? { visibility: 'hidden' } : undefined}
            >
              {String(row[dataKey])}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}

export const SvgBarChart = memo(SvgBarChartImpl) as typeof SvgBarChartImpl;
