import { Redirect, Route, Switch } from 'wouter';
import { DisputePage } from '../features/disputes/DisputePage';
import { DisputesList } from '../features/disputes/DisputesList';
import { HomeGate } from '../features/welcome/HomeGate';
import { AppLayout } from './AppLayout';
import { NotFound } from './NotFound';

export function AppRoutes() {
  return (
    <AppLayout>
      <Switch>
        <Route path="/" component={HomeGate} />
        <Route path="/disputes" component={DisputesList} />
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
