import { Loader } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { Redirect } from 'wouter';
import { db } from '../../db/db';
import { Welcome } from './Welcome';
import { WELCOME_DISMISSED } from './welcome-setting';

/** First start with an empty database shows the welcome screen; afterwards, the disputes. */
export function HomeGate() {
  const state = useLiveQuery(async () => ({
    disputes: await db.disputes.count(),
    dismissed: (await db.settings.get(WELCOME_DISMISSED))?.value === true,
  }));
  if (!state) return <Loader aria-label="Loading your case files" />;
  if (state.disputes === 0 && !state.dismissed) return <Welcome />;
  return <Redirect to="/disputes" />;
}
