/**
 * The dashboard's charts of several series, drawn by Recharts through @mantine/charts. A module
 * of its own so that Recharts (a good part of the app's script) is loaded when the first such
 * chart is drawn, not parsed by every start of the app (ChartFigure imports it lazily).
 */
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import type { BarChartProps } from './chart-spec';

export function RechartsBarChart<Row extends Record<string, unknown>>({
  data,
  dataKey,
  series,
  stacked,
  height,
  width,
  legend,
  tooltip,
  onBar,
}: BarChartProps<Row> & {
  legend: boolean;
  tooltip: boolean;
}) {
  return (
    <BarChart
      h={height}
      w={width}
      data={data}
      dataKey={dataKey}
      series={series}
      type={stacked ? 'stacked' : 'default'}
      withLegend={legend}
      withTooltip={tooltip}
      accessibilityLayer={false}
      tickLine="y"
      yAxisProps={{ allowDecimals: false }}
      barProps={(s) => ({
        isAnimationActive: false,
        // Only bars that open a list look like they can be chosen.
        cursor: data.some((row) => onBar(row, s.name)) ? 'pointer' : undefined,
        onClick: (bar: { payload?: Row }) => {
          const choose = bar.payload && onBar(bar.payload, s.name);
          if (choose) choose();
        },
      })}
    />
  );
}
