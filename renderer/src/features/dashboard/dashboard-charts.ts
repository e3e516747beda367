/**
 * The dashboard's charts as specifications: titles, series and the disputes list each bar opens.
 * Home draws them on screen and the portfolio report prints them, from the same figures.
 */
import {
  NO_YEAR,
  NO_YEAR_LABEL,
  outcomeGroup,
  type OutcomeGroup,
} from '../../../../shared/domain/portfolio-groups';
import type { OurRole } from '../../../../shared/domain/vocabulary';
import { disputesHref, type StatusFilter } from '../disputes/dispute-filters';
import type { ChartSpec } from './chart-spec';
import type { Count, Dashboard } from './dashboard-data';

/** Colours from Mantine's palette, distinct in print and for the common colour blindnesses. */
const palette = ['blue.6', 'orange.6', 'teal.6', 'grape.6', 'gray.6', 'yellow.7', 'cyan.7'];

const counts = (
  title: string,
  data: Count[],
  dataLabel: string,
  href: (row: Count) => string,
  empty: string,
): ChartSpec<Count> => ({
  title,
  data,
  dataKey: 'label',
  dataLabel,
  series: [{ name: 'count', label: 'Disputes', color: palette[0]! }],
  href: (row) => href(row),
  empty,
});

// The chart library wants plain records; the figures are typed records, widened here once.
type Rows = Record<string, unknown>[];

export function dashboardCharts(figures: Dashboard): ChartSpec<Record<string, unknown>>[] {
  const specs = [
    counts(
      'Open disputes by forum',
      figures.byForum,
      'Forum',
      (row) => disputesHref({ status: 'open', forum: row.key }),
      'No open dispute has a forum recorded.',
    ),
    counts(
      'Open disputes by country',
      figures.byCountry,
      'Country',
      (row) => disputesHref({ status: 'open', country: row.key }),
      'No open dispute has a country recorded.',
    ),
    counts(
      'Open disputes by status',
      figures.byStatus,
      'Status',
      (row) => disputesHref({ status: row.key as StatusFilter }),
      'No open disputes.',
    ),
    counts(
      'Open disputes by our role',
      figures.byRole,
      'Our role',
      (row) => disputesHref({ status: 'open', role: row.key as OurRole }),
      'No open disputes.',
    ),
    {
      title: 'Disputes opened and closed per year',
      data: figures.perYear as unknown as Rows,
      dataKey: 'year',
      dataLabel: 'Year',
      series: [
        { name: 'opened', label: 'Opened', color: palette[0]! },
        { name: 'closed', label: 'Closed', color: palette[1]! },
      ],
      href: (row: Record<string, unknown>, series: string) =>
        disputesHref(
          series === 'opened' ? { opened: String(row.year) } : { closed: String(row.year) },
        ),
      empty: 'No dispute has an opening or closing date.',
    },
    {
      title: 'Outcomes per year',
      data: figures.outcomes as unknown as Rows,
      dataKey: 'year',
      dataLabel: 'Year closed',
      series: outcomeGroup.values.map((value, i) => ({
        name: value,
        label: outcomeGroup.labels[value],
        color: palette[i]!,
      })),
      stacked: true,
      href: (row: Record<string, unknown>, series: string) =>
        disputesHref({
          closed: row.year === NO_YEAR_LABEL ? NO_YEAR : String(row.year),
          outcome: series as OutcomeGroup,
        }),
      empty: 'No dispute has an outcome yet.',
    },
    {
      title: 'Open deadlines per week, next quarter',
      data: figures.deadlinesPerWeek as unknown as Rows,
      dataKey: 'label',
      dataLabel: 'Week of',
      series: [{ name: 'count', label: 'Deadlines', color: palette[2]! }],
      empty: 'No deadlines.',
    },
    {
      title: 'Consideration recorded per year',
      data: figures.consideration as unknown as Rows,
      dataKey: 'year',
      dataLabel: 'Year',
      series: figures.currencies.map((currency, i) => ({
        name: currency,
        label: currency,
        color: palette[i % palette.length]!,
      })),
      empty: 'No settlement note records an amount yet.',
    },
  ];
  return specs as unknown as ChartSpec<Record<string, unknown>>[];
}
