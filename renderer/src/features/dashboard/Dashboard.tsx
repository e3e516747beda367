/**
 * The Home dashboard: the shape of the docket at a glance. Figures are folded in one pass over
 * each dispute's stored facts, a few dozen records kept exact by the write path (see
 * db/dispute-facts.ts and dashboard-data.ts), never over the disputes, proceedings and notes
 * themselves. Facts marked out of date are recomputed first; until then no figures are shown.
 */
import { Button, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { todayIso } from '../../../../shared/domain/partial-date';
import { db } from '../../db/db';
import { useSharedLiveQuery } from '../../db/shared-live-query';
import { ChartFigure } from './ChartFigure';
import { dashboardCharts } from './dashboard-charts';
import { refreshDisputeFacts, type RebuildProgress } from '../../db/dispute-facts';
import { dashboardQuery } from './dashboard-query';
import type { Dashboard as DashboardFigures } from './dashboard-data';
import './dashboard.css';

/**
 * `onSettled` is called once the figures are on screen (Home then reads its deadlines, see
 * there), or at once when they must first be prepared from every dispute. Every chart is drawn
 * with the figures (plain SVG); the marks `cf-dashboard:drawn` (the charts in view) and
 * `cf-dashboard:all-drawn`, which the benches read, are made then, at once.
 * Memoised: Home re-renders when its deadlines arrive, and redrawing the charts for that is
 * wasted work.
 */
export const Dashboard = memo(function Dashboard({ onSettled }: { onSettled?: () => void }) {
  const today = todayIso();
  // Shared: a window opening on Home starts this read with the app (see dashboard-query.ts).
  const state = useSharedLiveQuery(dashboardQuery(today));
  const [failed, setFailed] = useState(false);
  // A rebuild of every dispute's facts reports how far it is, and can be put off ("Not now"): it
  // stops between two pages, stores nothing, and starts again when asked (or on the next Home).
  const [rebuilt, setRebuilt] = useState<RebuildProgress | null>(null);
  const [putOff, setPutOff] = useState(false);
  const stopper = useRef(new AbortController());
  useEffect(() => {
    if (state?.current !== false || putOff) return;
    // The query runs again once the refresh commits (it watches the facts and their marks).
    refreshDisputeFacts(db, { onProgress: setRebuilt, signal: stopper.current.signal }).catch(
      (error: unknown) => {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        console.error(error);
        setFailed(true);
      },
    );
  }, [state, putOff]);
  const putOffRebuild = useCallback(() => {
    stopper.current.abort();
    setPutOff(true);
  }, []);
  const resumeRebuild = useCallback(() => {
    stopper.current = new AbortController();
    setRebuilt(null);
    setPutOff(false);
  }, []);
  // The figures shown: the current ones; or, while a write's figures are being brought up to
  // date, the last ones this Home showed, marked as updating (never passed off as current), so
  // the charts stay in place instead of flashing a loader before they redraw.
  const current = state?.current ? state.figures : undefined;
  const [last, setLast] = useState<DashboardFigures | undefined>(undefined);
  if (current && current !== last) setLast(current);
  const updating = !current && state?.current === false && last !== undefined;
  const figures = current ?? (updating ? last : undefined);
  const charts = useMemo(() => (figures ? dashboardCharts(figures) : []), [figures]);
  useEffect(() => {
    if (!figures) return;
    // The charts are drawn in the render that commits their figures (plain SVG, SvgBarChart).
    performance.mark('cf-dashboard:committed');
    performance.mark('cf-dashboard:drawn');
    performance.mark('cf-dashboard:all-drawn');
    onSettled?.();
  }, [figures, onSettled]);
  // Every dispute's facts to prepare (the first Home after an update) takes seconds on a large
  // case file: what waits for the figures (Home's deadlines) need not wait for that.
  const rebuilding = state?.current === false && state.rebuilding;
  useEffect(() => {
    if (rebuilding) onSettled?.();
  }, [rebuilding, onSettled]);
  return (
    <Stack
      gap="sm"
      component="section"
      aria-labelledby="cf-dashboard-title"
      aria-busy={updating || undefined}
      className={updating ? 'cf-dashboard-updating' : undefined}
    >
      <Title order={2} id="cf-dashboard-title">
        Dashboard
      </Title>
      {failed ? (
        <Text role="alert">
          The dashboard&apos;s figures could not be brought up to date. Reopen Home to try again;
          the disputes themselves are unaffected.
        </Text>
      ) : !figures && putOff ? (
        <Group gap="sm">
          <Text size="sm">The dashboard&apos;s figures are not prepared yet.</Text>
          <Button size="xs" variant="default" onClick={resumeRebuild}>
            Prepare the figures now
          </Button>
        </Group>
      ) : !figures ? (
        <Stack gap="xs" align="flex-start">
          {rebuilding ? (
            <>
              <progress
                className="cf-dashboard-progress"
                aria-label="Preparing the dashboard's figures"
                max={rebuilt?.total || 1}
                value={rebuilt?.done ?? 0}
              />
              <Group gap="sm">
                <output aria-live="polite">
                  <Text size="sm" component="span">
                    Preparing the dashboard&apos;s figures from every dispute (once, after an
                    update)
                    {rebuilt && rebuilt.total > 0
                      ? `: ${Math.floor((100 * rebuilt.done) / rebuilt.total)}%`
                      : '…'}
                  </Text>
                </output>
                <Button size="xs" variant="default" onClick={putOffRebuild}>
                  Not now
                </Button>
              </Group>
            </>
          ) : (
            <Loader aria-label="Loading the dashboard" />
          )}
        </Stack>
      ) : figures.total === 0 ? (
        <Text>No disputes yet: the dashboard fills in as disputes are added.</Text>
      ) : (
        <>
          <Text size="sm">
            {figures.openCount} open of {figures.total} disputes. Choose a bar to list its disputes.
          </Text>
          <output aria-live="polite">
            {updating && (
              <Text size="sm" component="span" fw={600}>
                Updating: these are the figures before the latest change…
              </Text>
            )}
          </output>
          <SimpleGrid cols={{ base: 1, md: 2, xl: 4 }} spacing="lg">
            {charts.map((spec) => (
              <ChartFigure key={spec.title} spec={spec} />
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
});
