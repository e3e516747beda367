import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { currentPath } from './app/hash-location';
import { todayIso } from '../../shared/domain/partial-date';
import { startHomeReads } from './features/home/home-queries';

// A window opening on Home starts Home's first read now, while React draws the app around it,
// instead of once Home's first render has committed (see home-queries.ts).
if (currentPath() === '/home') startHomeReads(todayIso());

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
