/**
 * The Home dashboard: the shape of the docket at a glance. Figures are computed in one pass over
 * a few whole-table reads; the consideration chart, the only one that needs notes, follows from
 * its own read of the resolved disputes' notes so it never holds the others back.
 */
import { Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { todayIso } from '../../../../shared/domain/partial-date';
import { db } from '../../db/db';
import { ChartFigure } from './ChartFigure';
import { dashboardCharts } from './dashboard-charts';
import { computeDashboard, loadConsiderations, loadDashboardInput } from './dashboard-data';
import './dashboard.css';

export function Dashboard() {
  const today = todayIso();
  const input = useLiveQuery(() => loadDashboardInput(db, today), [today]);
  const resolvedKey = useMemo(
    () =>
      input?.disputes
        .filter((d) => d.resolution !== null)
        .map((d) => d.id)
        .join('\n') ?? '',
    [input],
  );
  const considerations = useLiveQuery(
    () => loadConsiderations(db, resolvedKey ? resolvedKey.split('\n') : []),
    [resolvedKey],
  );
  const figures = useMemo(
    () => input && computeDashboard({ ...input, considerations: considerations ?? [] }, today),
    [input, considerations, today],
  );
  return (
    <Stack gap="sm" component="section" aria-labelledby="cf-dashboard-title">
      <Title order={2} id="cf-dashboard-title">
        Dashboard
      </Title>
      {!figures ? (
        <Loader aria-label="Loading the dashboard" />
      ) : figures.total === 0 ? (
        <Text>No disputes yet: the dashboard fills in as disputes are added.</Text>
      ) : (
        <>
          <Text size="sm">
            {figures.openCount} open of {figures.total} disputes. Choose a bar to list its disputes.
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2, xl: 4 }} spacing="lg">
            {dashboardCharts(figures).map((spec) => (
              <ChartFigure key={spec.title} spec={spec} />
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
