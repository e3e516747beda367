import { Loader } from '@mantine/core';
import { Suspense } from 'react';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { HomeScreen } from '../features/home/HomeScreen';
import { HomeGate } from '../features/welcome/HomeGate';
import { useHoldFirstScreen } from '../ui/first-screen';
import { AppLayout } from './AppLayout';
import { NotFound } from './NotFound';
import {
  BackupsPage,
  DisputePage,
  DisputesList,
  OrganisationsPage,
  PatentsPage,
  PrintRoutes,
  SearchPage,
  TrashPage,
} from './screens';

/** While a screen's script loads (see screens.ts); a first screen is not drawn until it is in. */
function ScreenLoading() {
  useHoldFirstScreen(false);
  return <Loader aria-label="Loading the page" />;
}

export function AppRoutes() {
  const [location] = useLocation();
  // Print pages are paper: no header, navigation or menus, on screen or in print.
  if (location.startsWith('/print/')) {
    return (
      <Suspense fallback={<ScreenLoading />}>
        <PrintRoutes />
      </Suspense>
    );
  }
  return (
    <AppLayout>
      <Suspense fallback={<ScreenLoading />}>
        <Switch>
          <Route path="/" component={HomeGate} />
          <Route path="/home" component={HomeScreen} />
          <Route path="/disputes" component={DisputesList} />
          <Route path="/backups" component={BackupsPage} />
          <Route path="/organisations" component={OrganisationsPage} />
          <Route path="/patents" component={PatentsPage} />
          <Route path="/trash/:disputeId?">
            {(params) => <TrashPage disputeId={params.disputeId} />}
          </Route>
          <Route path="/search" component={SearchPage} />
          <Route path="/disputes/:id/:tab?">
            {(params) => <DisputePage id={params.id} tab={params.tab ?? 'overview'} />}
          </Route>
          <Route path="/index.html">
            <Redirect to="/" />
          </Route>
          <Route component={NotFound} />
        </Switch>
      </Suspense>
    </AppLayout>
  );
}
