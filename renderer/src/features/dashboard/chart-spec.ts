/** What one chart of the dashboard shows: Home draws it and the portfolio report prints it. */
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

/** What the dashboard's bar chart takes (SvgBarChart). */
export type BarChartProps<Row extends Record<string, unknown>> = {
  data: Row[];
  dataKey: keyof Row & string;
  series: ChartSeries[];
  stacked: boolean;
  height: number;
  /** A fixed width (print); the container's width otherwise. */
  width?: number;
  /** Whether the series are named above the plot, with their colours. */
  legend: boolean;
  /** What choosing a bar does; null where that bar opens nothing. */
  onBar: (row: Row, series: string) => (() => void) | null;
};

const figures = new Intl.NumberFormat('en');

/**
 * A figure as the charts and their tables write it ('1,234'). One formatter for all: each
 * `toLocaleString('en')` builds a new one, and a cold Home writes a few hundred figures.
 */
export const formatFigure = (value: number): string => figures.format(value);
