/**
 * The print pages (`#/print/…`), rendered without the app's chrome. On screen they look like paper
 * on a desk, with a small toolbar to go back or print; in print only the paper remains. The route
 * carries every choice in its query, so the desktop's hidden window renders exactly what the person
 * previewed.
 */
import { Anchor, Button, Group, Loader, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { type ReactNode } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { todayIso } from '../../../../shared/domain/partial-date';
import {
  PAGE_MARGINS_MM,
  parsePrintRoute,
  pdfFileName,
  type PageChoices,
  type PortfolioChoices,
  type SummaryChoices,
} from '../../../../shared/print-options';
import { db } from '../../db/db';
import { PortfolioReport } from './PortfolioReport';
import { printPages, savePdf } from './print-actions';
import { SummaryDocument } from './SummaryDocument';
import { loadPortfolio, loadSummary } from './summary-query';
import { usePrintReady, type PrintState } from './use-print-ready';
import './print.css';

function PageSetup({ choices }: { choices: PageChoices }) {
  const m = PAGE_MARGINS_MM;
  // The browser's own print dialog reads paper and margins from here; PDF writers get the same
  // values from shared/print-options.ts.
  return (
    <style>{`@page { size: ${choices.paper}; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }`}</style>
  );
}

function Paper({
  route,
  choices,
  fileName,
  back,
  children,
}: {
  route: string;
  choices: PageChoices;
  fileName: string;
  back: { href: string; label: string };
  children: ReactNode;
}) {
  return (
    <div className="cf-print-desk">
      <PageSetup choices={choices} />
      <Group className="cf-print-toolbar" justify="space-between" role="toolbar" aria-label="Print">
        <Anchor component={Link} href={back.href}>
          {back.label}
        </Anchor>
        <Group gap="xs">
          <Button variant="default" onClick={() => void printPages(route, choices)}>
            Print…
          </Button>
          <Button onClick={() => void savePdf(route, choices, fileName)}>Save as PDF…</Button>
        </Group>
      </Group>
      <main className="cf-print-sheet" data-paper={choices.paper}>
        {choices.line && (
          <p className="cf-print-screen-line" aria-label="Confidentiality line">
            {choices.line}
          </p>
        )}
        {children}
      </main>
    </div>
  );
}

function Message({ loading, children }: { loading: boolean; children: ReactNode }) {
  return (
    <main className="cf-print-desk cf-print-message">
      {loading ? <Loader aria-label="Preparing the pages" /> : children}
    </main>
  );
}

function InvalidRoute({ message }: { message: string }) {
  usePrintReady({ state: 'error', message }, 'Casefile');
  return (
    <Message loading={false}>
      <Text>{message}</Text>
      <Anchor component={Link} href="/disputes">
        Back to the disputes
      </Anchor>
    </Message>
  );
}

function SummaryRoute({
  route,
  disputeId,
  choices,
}: {
  route: string;
  disputeId: string;
  choices: SummaryChoices;
}) {
  const data = useLiveQuery(() => loadSummary(db, disputeId), [disputeId]);
  const title = data ? pdfFileName(data.detail.dispute.title).replace(/\.pdf$/, '') : 'Casefile';
  const status: PrintState =
    data === undefined
      ? { state: 'loading' }
      : data === null
        ? { state: 'error', message: 'This dispute no longer exists; it may have been deleted.' }
        : { state: 'ready' };
  usePrintReady(status, title);
  if (!data) {
    return (
      <Message loading={data === undefined}>
        <Text>This dispute no longer exists; it may have been deleted.</Text>
        <Anchor component={Link} href="/disputes">
          Back to the disputes
        </Anchor>
      </Message>
    );
  }
  return (
    <Paper
      route={route}
      choices={choices}
      fileName={pdfFileName(data.detail.dispute.title)}
      back={{ href: `/disputes/${disputeId}`, label: `Back to ${data.detail.dispute.title}` }}
    >
      <SummaryDocument data={data} choices={choices} printedOn={todayIso()} />
    </Paper>
  );
}

function PortfolioRoute({ route, choices }: { route: string; choices: PortfolioChoices }) {
  const data = useLiveQuery(() => loadPortfolio(db, choices), [choices.statuses, choices.sort]);
  // The charts are plain SVG drawn with the report (dashboard/SvgBarChart.tsx): in the document
  // once the data is.
  const status: PrintState = data === undefined ? { state: 'loading' } : { state: 'ready' };
  usePrintReady(status, 'Portfolio report');
  if (!data) return <Message loading>{null}</Message>;
  return (
    <Paper
      route={route}
      choices={choices}
      fileName="Portfolio report.pdf"
      back={{ href: '/disputes', label: 'Back to the disputes' }}
    >
      <PortfolioReport data={data} choices={choices} printedOn={todayIso()} />
    </Paper>
  );
}

export function PrintRoutes() {
  const [path] = useLocation();
  const search = useSearch();
  // The route with its query, as the print actions hand it to the host.
  const location = search ? `${path}?${search}` : path;
  const parsed = parsePrintRoute(location);
  switch (parsed.kind) {
    case 'summary':
      return (
        <SummaryRoute
          key={location}
          route={location}
          disputeId={parsed.disputeId}
          choices={parsed.choices}
        />
      );
    case 'portfolio':
      return <PortfolioRoute key={location} route={location} choices={parsed.choices} />;
    default:
      return <InvalidRoute message={parsed.message} />;
  }
}
