/**
 * The Home dashboard: the shape of the docket at a glance. Figures are folded in one pass over
 * each dispute's stored facts, a few dozen records kept exact by the write path (see
 * db/dispute-facts.ts and dashboard-data.ts), never over the disputes, proceedings and notes
 * themselves. Facts marked out of date are recomputed first; until then no figures are shown.
 */
import { Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { todayIso } from '../../../../shared/domain/partial-date';
import { db } from '../../db/db';
import { ChartFigure } from './ChartFigure';
import { dashboardCharts } from './dashboard-charts';
import { refreshDisputeFacts } from '../../db/dispute-facts';
import { loadDashboard } from './dashboard-data';
import './dashboard.css';

/** Charts laid out per frame: fewer frames to wait for, each short enough to keep input answered. */
const CHARTS_PER_FRAME = 4;

/**
 * `onDrawn` is called once every chart is in the document (Home waits for it, see there).
 * Memoised: Home re-renders when its deadlines arrive, and redrawing eight charts for that is
 * what Recharts is slowest at.
 */
export const Dashboard = memo(function Dashboard({ onDrawn }: { onDrawn?: () => void }) {
  const today = todayIso();
  const state = useLiveQuery(() => loadDashboard(db, today), [today]);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (state?.current !== false) return;
    // The query runs again once the refresh commits (it watches the facts and their marks).
    refreshDisputeFacts(db).catch((error: unknown) => {
      console.error(error);
      setFailed(true);
    });
  }, [state]);
  const figures = state?.current ? state.figures : undefined;
  const charts = useMemo(() => (figures ? dashboardCharts(figures) : []), [figures]);
  // Counted per set of charts: children's effects run before this component's.
  const drawn = useRef({ charts, count: 0 });
  const chartDrawn = useCallback(() => {
    if (drawn.current.charts !== charts) drawn.current = { charts, count: 0 };
    drawn.current.count += 1;
    if (drawn.current.count === charts.length) {
      performance.mark('cf-dashboard:drawn');
      onDrawn?.();
    }
  }, [charts, onDrawn]);
  useEffect(() => {
    if (figures) performance.mark('cf-dashboard:committed');
    if (figures?.total === 0) onDrawn?.();
  }, [figures, onDrawn]);
  return (
    <Stack gap="sm" component="section" aria-labelledby="cf-dashboard-title">
      <Title order={2} id="cf-dashboard-title">
        Dashboard
      </Title>
      {failed ? (
        <Text role="alert">
          The dashboard&apos;s figures could not be brought up to date. Reopen Home to try again;
          the disputes themselves are unaffected.
        </Text>
      ) : !figures ? (
        <Stack gap="xs" align="flex-start">
          <Loader aria-label="Loading the dashboard" />
          {state?.current === false && state.rebuilding && (
            <output aria-live="polite">
              <Text size="sm" component="span">
                Preparing the dashboard&apos;s figures from every dispute (once, after an update)…
              </Text>
            </output>
          )}
        </Stack>
      ) : figures.total === 0 ? (
        <Text>No disputes yet: the dashboard fills in as disputes are added.</Text>
      ) : (
        <>
          <Text size="sm">
            {figures.openCount} open of {figures.total} disputes. Choose a bar to list its disputes.
          </Text>
          {/* A few charts a frame: each group shows as soon as it is laid out, and the window stays
              responsive in between (ChartFigure). */}
          <SimpleGrid cols={{ base: 1, md: 2, xl: 4 }} spacing="lg">
            {charts.map((spec, i) => (
              <ChartFigure
                key={spec.title}
                spec={spec}
                drawAfterFrames={Math.floor(i / CHARTS_PER_FRAME)}
                onDrawn={chartDrawn}
              />
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
});
