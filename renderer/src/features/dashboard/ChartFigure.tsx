/**
 * One chart of the dashboard: a titled figure with a bar chart and the same figures as a table.
 * Every chart is plain SVG drawn with its figure (SvgBarChart), one series or several, side by
 * side or stacked. On screen the chart is an image named by its title and what it shows, a bar
 * opens the disputes list filtered to it, and the table sits in a "Figures" disclosure whose
 * counts are links to the same lists, for keyboard and screen-reader users. In print the chart
 * has a fixed size (vector SVG) and the table is printed below it.
 */
import { Anchor, Box, Text, Title } from '@mantine/core';
import { memo, useId, useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { formatFigure, type ChartSeries, type ChartSpec } from './chart-spec';
import { SvgBarChart } from './SvgBarChart';

const PRINT_WIDTH = 620;
const CHART_HEIGHT = 200;

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
 * The series worth drawing: those with a figure other than 0. An outcome no dispute had adds
 * nothing to the picture and, side by side, would take a slot from the others; the table keeps
 * every series, so "Judgment lost: 0" can still be read.
 */
function drawnSeries<Row extends Record<string, unknown>>(spec: ChartSpec<Row>): ChartSeries[] {
  const some = spec.series.filter((s) => spec.data.some((row) => Number(row[s.name] ?? 0) !== 0));
  return some.length > 0 ? some : spec.series;
}

function ChartFigureImpl<Row extends Record<string, unknown>>({
  spec,
  print = false,
}: {
  spec: ChartSpec<Row>;
  print?: boolean;
}) {
  const titleId = useId();
  const [, navigate] = useLocation();
  const { href } = spec;
  const shownSeries = useMemo(() => drawnSeries(spec), [spec]);
  const [opened, setOpened] = useState(false);
  const onBar = useMemo(
    () =>
      (row: Row, series: string): (() => void) | null => {
        const target = !print && href?.(row, series);
        return target ? () => navigate(target) : null;
      },
    [href, print, navigate],
  );
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
            // The picture is the SVG inside, named here as one image.
            // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role
            role="img"
            aria-label={describe(spec)}
            style={print ? { width: PRINT_WIDTH } : { minHeight: CHART_HEIGHT }}
          >
            <SvgBarChart
              data={spec.data}
              dataKey={spec.dataKey}
              series={shownSeries}
              stacked={spec.stacked ?? false}
              height={CHART_HEIGHT}
              width={print ? PRINT_WIDTH : undefined}
              // Even when one series has figures: a bar of outcomes must still say which.
              legend={spec.series.length > 1}
              onBar={onBar}
            />
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
