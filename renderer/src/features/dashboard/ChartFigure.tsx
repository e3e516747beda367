/**
 * One chart of the dashboard: a titled figure with a bar chart (Recharts, through
 * @mantine/charts) and the same figures as a table. On screen the chart is an image named by its
 * title and what it shows, a bar opens the disputes list filtered to it, and the table sits in a
 * "Figures" disclosure whose counts are links to the same lists, for keyboard and screen-reader
 * users. In print the chart has a fixed size (Recharts draws vector SVG) and the table is printed
 * below it.
 */
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Anchor, Box, Text, Title } from '@mantine/core';
import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';

export type ChartSeries = { name: string; label: string; color: string };

export type ChartSpec<Row extends Record<string, unknown>> = {
  title: string;
  data: Row[];
  /** The field naming each bar group (a year, a forum…). */
  dataKey: keyof Row & string;
  /** The header of that field's column in the table. */
  dataLabel: string;
  series: ChartSeries[];
  stacked?: boolean;
  /** The disputes list a bar (and its table cell) opens; none when the figure is not disputes. */
  href?: (row: Row, series: string) => string | null;
  /** Said when there is nothing to draw. */
  empty: string;
};

const PRINT_WIDTH = 620;
const CHART_HEIGHT = 200;
/** How long to wait for Recharts' bars before calling a chart drawn anyway. */
const MAX_FRAMES = 10;

function describe<Row extends Record<string, unknown>>(spec: ChartSpec<Row>): string {
  const parts = spec.data.map((row) => {
    const values = spec.series.map((s) => `${s.label} ${Number(row[s.name] ?? 0)}`).join(', ');
    return `${String(row[spec.dataKey])}: ${values}`;
  });
  return `${spec.title}. ${parts.join('; ')}.`;
}

function FiguresTable<Row extends Record<string, unknown>>({
  spec,
  links,
}: {
  spec: ChartSpec<Row>;
  links: boolean;
}) {
  return (
    <table className="cf-chart-table" aria-label={`${spec.title}: figures`}>
      <thead>
        <tr>
          <th scope="col">{spec.dataLabel}</th>
          {spec.series.map((s) => (
            <th scope="col" key={s.name}>
              {s.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {spec.data.map((row) => (
          <tr key={String(row[spec.dataKey])}>
            <th scope="row">{String(row[spec.dataKey])}</th>
            {spec.series.map((s) => {
              const value = Number(row[s.name] ?? 0).toLocaleString('en');
              const href = links && value !== '0' ? spec.href?.(row, s.name) : null;
              return (
                <td key={s.name}>
                  {href ? (
                    <Anchor component={Link} href={href}>
                      {value}
                    </Anchor>
                  ) : (
                    value
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * True once `frames` frames have been painted after mounting. Recharts lays a chart out over
 * several renders (it measures its container and its tick labels), so eight charts drawn in one
 * task block the window for as long as all of them take; drawn one per frame, the titles and
 * tables show at once and each chart appears as soon as it is ready.
 */
function useAfterFrames(frames: number | undefined): boolean {
  const [ready, setReady] = useState(frames === undefined);
  useEffect(() => {
    if (frames === undefined) return;
    let left = frames + 1;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A timeout after the animation frame runs once that frame has been painted.
    const next = () => {
      frame = requestAnimationFrame(() => {
        timer = setTimeout(() => {
          left -= 1;
          if (left === 0) setReady(true);
          else next();
        }, 0);
      });
    };
    next();
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [frames]);
  return ready;
}

/**
 * The series worth drawing: those with a figure other than 0. Each series costs Recharts about as
 * much as a chart of its own, and an outcome no dispute had adds nothing to the picture; the
 * table keeps every series, so "Judgment lost: 0" can still be read.
 */
function drawnSeries<Row extends Record<string, unknown>>(spec: ChartSpec<Row>): ChartSeries[] {
  const some = spec.series.filter((s) => spec.data.some((row) => Number(row[s.name] ?? 0) !== 0));
  return some.length > 0 ? some : spec.series;
}

function ChartFigureImpl<Row extends Record<string, unknown>>({
  spec,
  print = false,
  drawAfterFrames,
  onDrawn,
}: {
  spec: ChartSpec<Row>;
  print?: boolean;
  /** On screen: draw the chart only after this many painted frames (print draws at once). */
  drawAfterFrames?: number;
  /** Called once the chart (or its empty message) is in the document. */
  onDrawn?: () => void;
}) {
  const titleId = useId();
  const [, navigate] = useLocation();
  const { href } = spec;
  const ready = useAfterFrames(print ? undefined : drawAfterFrames);
  const empty = spec.data.length === 0;
  const shownSeries = useMemo(() => drawnSeries(spec), [spec]);
  const picture = useRef<HTMLDivElement>(null);
  // Recharts' tooltip is a good part of a chart's drawing time; it is added when a pointer first
  // comes near the chart (the figures table says the same for keyboard and screen readers).
  const [pointed, setPointed] = useState(false);
  useEffect(() => {
    if (empty) onDrawn?.();
    if (empty || !ready) return;
    // Recharts draws its bars in a later render, once it has measured its container: "drawn"
    // is once they are in the document and painted, so what Home does next (its deadlines)
    // does not hold up the frame that shows them. A chart whose every figure is 0 has no bars.
    let frames = 0;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      if (picture.current?.querySelector('.recharts-bar-rectangle') || ++frames > MAX_FRAMES) {
        timer = setTimeout(() => onDrawn?.(), 0);
      } else frame = requestAnimationFrame(check);
    };
    frame = requestAnimationFrame(check);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, empty, onDrawn]);
  return (
    <figure className="cf-chart" aria-labelledby={titleId}>
      <Title order={3} size="h5" id={titleId}>
        {spec.title}
      </Title>
      {spec.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {spec.empty}
        </Text>
      ) : (
        <>
          <Box
            // The picture is Recharts' SVG inside, named here as one image.
            // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role
            role="img"
            ref={picture}
            onPointerEnter={() => setPointed(true)}
            aria-label={describe(spec)}
            style={print ? { width: PRINT_WIDTH } : { minHeight: CHART_HEIGHT }}
          >
            {ready && (
              <BarChart
                h={CHART_HEIGHT}
                w={print ? PRINT_WIDTH : undefined}
                data={spec.data}
                dataKey={spec.dataKey}
                series={shownSeries}
                type={spec.stacked ? 'stacked' : 'default'}
                withLegend={shownSeries.length > 1}
                withTooltip={!print && pointed}
                accessibilityLayer={false}
                tickLine="y"
                yAxisProps={{ allowDecimals: false }}
                barProps={(series) => ({
                  isAnimationActive: false,
                  cursor: href && !print ? 'pointer' : undefined,
                  onClick: (bar: { payload?: Row }) => {
                    const target = bar.payload && href?.(bar.payload, series.name);
                    if (target && !print) navigate(target);
                  },
                })}
              />
            )}
          </Box>
          {print ? (
            <FiguresTable spec={spec} links={false} />
          ) : (
            <details className="cf-chart-figures">
              <summary>Figures</summary>
              <FiguresTable spec={spec} links />
            </details>
          )}
        </>
      )}
    </figure>
  );
}

/** Memoised: a chart is redrawn only when its figures change (its spec is memoised upstream). */
export const ChartFigure = memo(ChartFigureImpl) as typeof ChartFigureImpl;
