/**
 * The dashboard's charts of several series, drawn by Recharts through @mantine/charts. A module
 * of its own so that Recharts (a good part of the app's script) is not parsed by every start of
 * the app (ChartFigure loads it as the dashboard mounts).
 *
 * The legend is @mantine/charts' own ChartLegend, drawn above the chart rather than inside it:
 * inside, Recharts measures the legend once it is drawn and lays the whole chart out again. On a
 * cold Home with 20,000 deadlines, the window's main-thread CPU from the figures' commit to the
 * charts in view drawn fell from 455 to 151 ms (medians of five interleaved runs, traced, load
 * 9-10). Pointing at a name no longer dims the other series; names, colours and the chart's
 * overall height are as before.
 */
import '@mantine/charts/styles.css';
import { BarChart, ChartLegend } from '@mantine/charts';
import { getThemeColor, useMantineTheme } from '@mantine/core';
import { useMemo } from 'react';
import type { BarChartProps } from './chart-spec';

const noHighlight = () => undefined;

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
  const theme = useMantineTheme();
  // What Recharts would hand its legend: each series by name, in the colour its bars are filled.
  const payload = useMemo(
    () =>
      series.map((s) => ({ dataKey: s.name, value: s.name, color: getThemeColor(s.color, theme) })),
    [series, theme],
  );
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height, width }}>
      {legend && (
        <ChartLegend
          // Its own height, not the 100% of the box Recharts would have measured for it.
          h="auto"
          payload={payload}
          series={series}
          legendPosition="top"
          onHighlight={noHighlight}
        />
      )}
      <BarChart
        // The height left under the legend (the container is measured by Recharts anyway).
        style={{ flex: 1, minHeight: 0 }}
        data={data}
        dataKey={dataKey}
        series={series}
        type={stacked ? 'stacked' : 'default'}
        withLegend={false}
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
    </div>
  );
}
