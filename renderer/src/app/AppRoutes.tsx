import { Redirect, Route, Switch, useLocation } from 'wouter';
import { BackupsPage } from '../features/backups/BackupsPage';
import { DisputePage } from '../features/disputes/DisputePage';
import { DisputesList } from '../features/disputes/DisputesList';
import { PrintRoutes } from '../features/printing/PrintRoutes';
import { HomeScreen } from '../features/home/HomeScreen';
import { OrganisationsPage } from '../features/organisations/OrganisationsPage';
import { PatentsPage } from '../features/patents/PatentsPage';
import { HomeGate } from '../features/welcome/HomeGate';
import { TrashPage } from '../features/trash/TrashPage';
import { AppLayout } from './AppLayout';
import { NotFound } from './NotFound';

export function AppRoutes() {
  const [location] = useLocation();
  // Print pages are paper: no header, navigation or menus, on screen or in print.
  if (location.startsWith('/print/')) return <PrintRoutes />;
  return (
    <AppLayout>
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
        <Route path="/disputes/:id/:tab?">
          {(params) => <DisputePage id={params.id} tab={params.tab ?? 'overview'} />}
        </Route>
        <Route path="/index.html">
          <Redirect to="/" />
        </Route>
        <Route component={NotFound} />
      </Switch>
    </AppLayout>
  );
}
