import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { formatPartialDate, todayIso } from '../../../../shared/domain/partial-date';
import { deadlineKind } from '../../../../shared/domain/vocabulary';
import { useSharedLiveQuery } from '../../db/shared-live-query';
import { reportError } from '../../ui/zod-form';
import type { DeadlinePage } from '../deadlines/deadline-queries';
import { addDays, UPCOMING_DAYS } from '../deadlines/deadline-status';
import { deadlineStateLooks } from '../deadlines/DeadlineStateBadge';
import { ExportDeadlinesButton } from '../deadlines/ExportDeadlinesButton';
import { Dashboard } from '../dashboard/Dashboard';
import { requestFocus } from '../timeline/focus-request';
import { useHoldFirstScreen } from '../../ui/first-screen';
import { ActionsHeader } from '../../ui/RowActions';
import { markDoneWithUndo } from '../trash/delete-actions';
import { deadlineListsQuery, releaseEarlyHomeReads, ROWS_AT_FIRST } from './home-queries';
import './home.css';

/*
 * A row's badge, link and button are plain elements with the classes (and, in home.css, the
 * variables) that Mantine's Badge, Anchor and Button give them: the same elements, looks and
 * roles, without three styled components' props, styles and Box a row (a hundred rows on a cold
 * Home: most of the rows' render).
 */
const badgeClass = `${Badge.classes.root} mantine-Badge-root cf-home-badge`;
const badgeLabelClass = `${Badge.classes.label} mantine-Badge-label cf-home-badge-label`;
const linkClass = `mantine-focus-auto ${Anchor.classes.root} ${Text.classes.root} mantine-Text-root mantine-Anchor-root`;
const buttonClass = `mantine-focus-auto mantine-active ${Button.classes.root} mantine-Button-root ${UnstyledButton.classes.root} mantine-UnstyledButton-root cf-home-button`;
const buttonInnerClass = `${Button.classes.inner} mantine-Button-inner`;
const buttonLabelClass = `${Button.classes.label} mantine-Button-label`;

/** DeadlineStateBadge's badge, drawn light (see above). */
function StateBadge({ state }: { state: 'overdue' | 'upcoming' }) {
  const look = deadlineStateLooks[state];
  return (
    <div className={badgeClass} data-variant="light" data-color={look.color}>
      <span className={badgeLabelClass}>{look.label}</span>
    </div>
  );
}

function DeadlineTable({
  label,
  page,
  state,
  onShowAll,
}: {
  label: string;
  page: DeadlinePage;
  state: 'overdue' | 'upcoming';
  onShowAll: () => void;
}) {
  const shown = page.rows;
  return (
    <Stack gap="xs">
      <div className="cf-table-scroll">
        <Table aria-label={label} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>State</Table.Th>
              <Table.Th>Date</Table.Th>
              <Table.Th>Title</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Dispute</Table.Th>
              <Table.Th>Responsible</Table.Th>
              <ActionsHeader />
            </Table.Tr>
          </Table.Thead>
          {/* The rows are plain elements with Table's own classes (striped, with row borders,
              as Table sets them): Mantine's Table.Tr and Table.Td are a styled component each,
              eight a row, a hundred rows on a cold Home. */}
          <tbody className={Table.classes.tbody}>
            {shown.map((d) => (
              <tr key={d.id} className={Table.classes.tr} data-striped="odd" data-with-row-border>
                <td className={Table.classes.td}>
                  <StateBadge state={state} />
                </td>
                <td className={Table.classes.td}>
                  {formatPartialDate(d.date)}
                  {d.time ? `, ${d.time}${d.timeZone ? ` (${d.timeZone})` : ''}` : ''}
                </td>
                <td className={Table.classes.td}>{d.title}</td>
                <td className={Table.classes.td}>{deadlineKind.labels[d.kind]}</td>
                <td className={Table.classes.td}>
                  <Link
                    className={linkClass}
                    data-underline="hover"
                    href={`/disputes/${d.disputeId}/deadlines`}
                    onClick={() => requestFocus(d.id)}
                  >
                    {d.disputeTitle}
                  </Link>
                </td>
                <td className={Table.classes.td}>{d.responsible}</td>
                <td className={Table.classes.td}>
                  <button
                    type="button"
                    className={buttonClass}
                    data-variant="default"
                    data-size="xs"
                    aria-label={`Mark done: ${d.title}`}
                    onClick={() =>
                      void markDoneWithUndo(d).catch((error: unknown) =>
                        reportError(error, 'The deadline was not marked done'),
                      )
                    }
                  >
                    <span className={buttonInnerClass}>
                      <span className={buttonLabelClass}>Mark done</span>
                    </span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      {shown.length < page.total && (
        <Group>
          <Text size="sm">
            Showing {shown.length} of {page.total}.
          </Text>
          <Button size="xs" variant="default" onClick={onShowAll}>
            Show all {page.total} {label.toLowerCase()}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The first thing counsel check: what is overdue and what falls due in the next 30 days. */
export function HomeScreen() {
  const today = todayIso();
  // The deadlines are read once the dashboard above them has its figures on screen: read at the
  // same time, the two compete for the one thread and both show later. Not once its charts are
  // drawn: that chained Recharts' loading and layout before the deadlines, and a cold Home took
  // about twice as long (issue 12's bench, search suite's screens).
  const [dashboardDrawn, setDashboardDrawn] = useState(false);
  const showDeadlines = useCallback(() => setDashboardDrawn(true), []);
  // Drawing hundreds of rows with their buttons is what made Home slow on a large case file; the
  // first rows are what counsel act on, so only they (and a count) are read, the rest on request.
  const [overdueLimit, setOverdueLimit] = useState(ROWS_AT_FIRST);
  const [upcomingLimit, setUpcomingLimit] = useState(ROWS_AT_FIRST);
  const lists = useSharedLiveQuery(
    dashboardDrawn ? deadlineListsQuery(today, overdueLimit, upcomingLimit) : null,
  );
  // The dashboard (a child: its effects ran first) holds the read the app started for Home.
  useEffect(releaseEarlyHomeReads, []);
  // The app's background work (the search index's catch-up, ...) waits for the deadlines too.
  useHoldFirstScreen(Boolean(lists));
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>Home</Title>
        <ExportDeadlinesButton dispute={null} label="Export all deadlines (.ics)" />
      </Group>
      <Dashboard onSettled={showDeadlines} />
      {!lists ? (
        <Loader aria-label="Loading deadlines" />
      ) : (
        <>
          <Stack gap="xs">
            <Title order={2} size="h3">
              Overdue
            </Title>
            {lists.overdue.total === 0 ? (
              <Text>Nothing is overdue.</Text>
            ) : (
              <DeadlineTable
                label="Overdue deadlines"
                page={lists.overdue}
                state="overdue"
                onShowAll={() => setOverdueLimit(Infinity)}
              />
            )}
          </Stack>
          <Stack gap="xs">
            <Title order={2} size="h3">
              Due in the next {UPCOMING_DAYS} days
            </Title>
            {lists.upcoming.total === 0 ? (
              <Text>
                Nothing falls due before {formatPartialDate(addDays(today, UPCOMING_DAYS))}.
              </Text>
            ) : (
              <DeadlineTable
                label="Upcoming deadlines"
                page={lists.upcoming}
                state="upcoming"
                onShowAll={() => setUpcomingLimit(Infinity)}
              />
            )}
          </Stack>
        </>
      )}
    </Stack>
  );
}
