import { Loader } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLayoutEffect } from 'react';
import { useLocation } from 'wouter';
import { currentPath } from '../../app/hash-location';
import { db } from '../../db/db';
import { Welcome } from './Welcome';
import { WELCOME_DISMISSED } from './welcome-setting';

/** First start with an empty database shows the welcome screen; afterwards, the disputes. */
export function HomeGate() {
  const [, navigate] = useLocation();
  const state = useLiveQuery(async () => ({
    disputes: await db.disputes.count(),
    dismissed: (await db.settings.get(WELCOME_DISMISSED))?.value === true,
  }));
  const welcome = state !== undefined && state.disputes === 0 && !state.dismissed;
  const toDisputes = state !== undefined && !welcome;
  useLayoutEffect(() => {
    // Only the start page itself moves on. The count can come back after the address has already
    // changed (a bookmark opened, a link followed while the app was starting) but before the
    // routes have drawn that change; sending that address to the bare list would drop its filters.
    if (toDisputes && currentPath() === '/') navigate('/disputes', { replace: true });
  }, [toDisputes, navigate]);
  if (welcome) return <Welcome />;
  return <Loader aria-label="Loading your case files" />;
}
