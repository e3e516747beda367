/**
 * Where the bars of a light bar chart go (SvgBarChart.tsx), as pure figures: across, in percent
 * of the plot's width, so the SVG needs no measuring of its container (what Recharts spends a
 * render on); up, in the chart's own units, against a scale of round steps from 0.
 */

/** One bar (or one segment of a stacked bar). `from`/`to` are values; 0 ≤ from < to. */
export type BarBox = {
  row: number;
  series: string;
  value: number;
  /** Left edge and width, in percent of the plot's width. */
  left: number;
  width: number;
  from: number;
  to: number;
};

/** Gap left each side of a category, in its share of the width (Recharts' default is 10%). */
const CATEGORY_GAP = 0.1;
/** Gap between grouped bars, as a share of one bar's slot. */
const BAR_GAP = 0.08;

/** Steps aimed at; figures below it still get this many steps of 1, as Recharts' axis (0–4 for a 1). */
const MIN_STEPS = 4;

/**
 * The ticks of the value axis: 0 and about four round steps (1, 2, 2.5 or 5 × 10ⁿ, whole
 * numbers), the last one at or above `max`.
 */
export function valueTicks(max: number): number[] {
  const top = max > 0 ? max : 1;
  const rough = top / MIN_STEPS;
  const power = 10 ** Math.floor(Math.log10(rough));
  const steps = [1, 2, 2.5, 5, 10].map((m) => m * power).filter((s) => Number.isInteger(s));
  const step = Math.max(1, steps.find((s) => s >= rough) ?? 10 * power);
  const count = Math.max(Math.ceil(top / step), top < MIN_STEPS ? MIN_STEPS : 1);
  return Array.from({ length: count + 1 }, (_, i) => i * step);
}

/**
 * The bars of `rows`, one category per row: side by side per series, or stacked in series order
 * when `stacked`. Zero, negative and missing figures draw nothing (the table still shows them).
 */
export function barLayout(
  rows: ReadonlyArray<Record<string, unknown>>,
  series: readonly string[],
  stacked: boolean,
): { bars: BarBox[]; ticks: number[] } {
  const band = 100 / Math.max(rows.length, 1);
  const inner = band * (1 - 2 * CATEGORY_GAP);
  const slot = stacked ? inner : inner / Math.max(series.length, 1);
  const bars: BarBox[] = [];
  let max = 0;
  rows.forEach((row, i) => {
    let base = 0;
    series.forEach((name, j) => {
      const value = Number(row[name] ?? 0);
      if (!(value > 0)) return;
      const from = stacked ? base : 0;
      const to = from + value;
      base = to;
      max = Math.max(max, to);
      const left = band * i + band * CATEGORY_GAP + (stacked ? 0 : slot * j);
      const gap = stacked ? 0 : slot * BAR_GAP;
      bars.push({ row: i, series: name, value, left: left + gap, width: slot - 2 * gap, from, to });
    });
  });
  return { bars, ticks: valueTicks(max) };
}
