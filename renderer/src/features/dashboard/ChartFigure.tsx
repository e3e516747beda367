/**
 * One chart of the dashboard: a titled figure with a bar chart and the same figures as a table.
 * A chart of one series is plain SVG drawn with the figure (SvgBarChart); one of several is
 * Recharts through @mantine/charts (RechartsBarChart, a script of its own loaded as the dashboard
 * mounts, drawn once in view or when the window is idle). On screen the chart is an image named
 * by its title and what it shows, a bar opens the disputes list filtered to it, and the table
 * sits in a "Figures" disclosure whose counts are links to the same lists, for keyboard and
 * screen-reader users. In print the chart has a fixed size (both draw vector SVG) and the table
 * is printed below it.
 */
import { Anchor, Box, Text, Title } from '@mantine/core';
import { lazy, memo, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { formatFigure, type ChartSeries, type ChartSpec } from './chart-spec';
import type { RechartsBarChart as RechartsChart } from './RechartsBarChart';
import { SvgBarChart } from './SvgBarChart';

/** The Recharts module once loaded: a chart drawn after that renders it without suspending. */
let loaded: typeof RechartsChart | undefined;
let loading: Promise<typeof RechartsChart> | undefined;

/**
 * Starts loading Recharts (a script of its own, see there) unless it is under way. The dashboard
 * calls it as it mounts, so the script is fetched and run while its figures are read, instead of
 * once they are in (a cold Home with 20,000 deadlines waited for the one, then the other).
 */
export function preloadCharts(): Promise<typeof RechartsChart> {
  loading ??= import('./RechartsBarChart').then(
    (m) => (loaded = m.RechartsBarChart),
    (error: unknown) => {
      // Asked again by the next chart (whose error boundary reports a failure).
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

// `lazy` forgets the row type, given back here.
const LazyRechartsBarChart = lazy(() =>
  preloadCharts().then((chart) => ({ default: chart })),
) as unknown as typeof RechartsChart;

const PRINT_WIDTH = 620;
const CHART_HEIGHT = 200;
/** How long to wait for Recharts' bars, once its chart is in, before calling it drawn anyway. */
const MAX_FRAMES = 10;
/** A chart out of view is drawn at the window's next idle moment, or after this at the latest. */
const IDLE_WITHIN_MS = 2000;

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
              const value = formatFigure(Number(row[s.name] ?? 0));
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
 * Whether a Recharts chart may be drawn yet: at once in print; on screen once its figure is in
 * view, or when the window is next idle for one that is further down, so the
 * charts a person sees first are not held up by those they do not. `onDeferred` says that it
 * waits (the dashboard counts it as not in view).
 */
function useDrawWhenSeen(
  figure: React.RefObject<HTMLElement | null>,
  enabled: boolean,
  onDeferred: (() => void) | undefined,
): boolean {
  const [ready, setReady] = useState(!enabled);
  useEffect(() => {
    const element = figure.current;
    // Drawn once, a chart stays drawn when its figures change.
    if (!enabled || !element || ready) return;
    let idle: number | undefined;
    const draw = () => {
      observer.disconnect();
      if (idle !== undefined) cancelIdleCallback(idle);
      setReady(true);
    };
    let first = true;
    const observer = new IntersectionObserver(([entry]) => {
      if (entry?.isIntersecting) draw();
      else if (first) {
        onDeferred?.();
        // One chart an idle moment, with a bound so a busy window still gets them all.
        idle = requestIdleCallback(draw, { timeout: IDLE_WITHIN_MS });
      }
      first = false;
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, [figure, enabled, onDeferred, ready]);
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

/**
 * Which charts are drawn light (SvgBarChart) rather than by Recharts: those with one series,
 * where a plain bar per category is the whole picture.
 */
const drawsLight = (spec: ChartSpec<Record<string, unknown>>) => spec.series.length === 1;

function ChartFigureImpl<Row extends Record<string, unknown>>({
  spec,
  print = false,
  onDrawn,
  onDeferred,
}: {
  spec: ChartSpec<Row>;
  print?: boolean;
  /** Called once the chart (or its empty message) is in the document, with its title. */
  onDrawn?: (title: string) => void;
  /** Called when the chart waits to be scrolled into view (or for an idle moment). */
  onDeferred?: (title: string) => void;
}) {
  const titleId = useId();
  const [, navigate] = useLocation();
  const { href, title } = spec;
  const empty = spec.data.length === 0;
  const light = drawsLight(spec as unknown as ChartSpec<Record<string, unknown>>);
  const figure = useRef<HTMLElement>(null);
  const deferred = useMemo(
    () => (onDeferred ? () => onDeferred(title) : undefined),
    [onDeferred, title],
  );
  const ready = useDrawWhenSeen(figure, !print && !light && !empty, deferred);
  // Chosen when the chart is first drawn, then kept: changing it would mount the chart again.
  const RechartsBarChart = useMemo(
    () => (ready ? (loaded ?? LazyRechartsBarChart) : null),
    [ready],
  );
  // Its script is fetched and parsed while the figure waits to be seen, not after.
  useEffect(() => {
    // A failure to load shows where the chart itself asks for it (its error is reported there).
    if (!light && !empty) preloadCharts().catch(() => undefined);
  }, [light, empty]);
  const shownSeries = useMemo(() => drawnSeries(spec), [spec]);
  const picture = useRef<HTMLDivElement>(null);
  // Recharts' tooltip is a good part of a chart's drawing time; it is added when a pointer first
  // comes near the chart (the figures table says the same for keyboard and screen readers).
  const [pointed, setPointed] = useState(false);
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    if (empty || light) {
      onDrawn?.(title);
      return;
    }
    if (!ready) return;
    // Recharts draws its bars in a later render, once it has measured its container: "drawn"
    // is once they are in the document and painted. A chart whose every figure is 0 has no bars.
    let frames = 0;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      // Frames are counted from the chart's SVG on: its script may still be loading before.
      const chart = picture.current?.querySelector('svg.recharts-surface');
      if (
        picture.current?.querySelector('.recharts-bar-rectangle') ||
        (chart && ++frames > MAX_FRAMES)
      ) {
        timer = setTimeout(() => onDrawn?.(title), 0);
      } else frame = requestAnimationFrame(check);
    };
    frame = requestAnimationFrame(check);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, empty, light, onDrawn, title]);
  const onBar = useMemo(
    () =>
      (row: Row, series: string): (() => void) | null => {
        const target = !print && href?.(row, series);
        return target ? () => navigate(target) : null;
      },
    [href, print, navigate],
  );
  return (
    <figure className="cf-chart" aria-labelledby={titleId} ref={figure}>
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
            // The picture is the SVG inside, named here as one image.
            // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role
            role="img"
            ref={picture}
            onPointerEnter={light ? undefined : () => setPointed(true)}
            aria-label={describe(spec)}
            style={print ? { width: PRINT_WIDTH } : { minHeight: CHART_HEIGHT }}
          >
            {light ? (
              <SvgBarChart
                data={spec.data}
                dataKey={spec.dataKey}
                series={shownSeries}
                stacked={spec.stacked ?? false}
                height={CHART_HEIGHT}
                width={print ? PRINT_WIDTH : undefined}
                onBar={onBar}
              />
            ) : (
              RechartsBarChart && (
                <Suspense fallback={null}>
                  <RechartsBarChart
                    data={spec.data}
                    dataKey={spec.dataKey}
                    series={shownSeries}
                    stacked={spec.stacked ?? false}
                    height={CHART_HEIGHT}
                    width={print ? PRINT_WIDTH : undefined}
                    // Even when one series has figures: a bar of outcomes must still say which.
                    legend={spec.series.length > 1}
                    tooltip={!print && pointed}
                    onBar={onBar}
                  />
                </Suspense>
              )
            )}
          </Box>
          {print ? (
            <FiguresTable spec={spec} links={false} />
          ) : (
            <details
              className="cf-chart-figures"
              onToggle={(event) => {
                if (event.currentTarget.open) setOpened(true);
              }}
            >
              <summary>Figures</summary>
              {/* Built when first opened: closed, its content is neither shown nor read out, and
                  eight tables of links were a good part of the first draw (bench: main-thread
                  CPU in view 142 → 113 ms). */}
              {opened && <FiguresTable spec={spec} links />}
            </details>
          )}
        </>
      )}
    </figure>
  );
}

/** Memoised: a chart is redrawn only when its figures change (its spec is memoised upstream). */
export const ChartFigure = memo(ChartFigureImpl) as typeof ChartFigureImpl;
