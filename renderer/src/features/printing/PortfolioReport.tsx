/**
 * The portfolio report: what a board asks first. The dashboard's charts (vector SVG, fixed size,
 * each with its figures below), then one line per dispute with who against, where, how it stands,
 * its patents in suit and what is overdue or due next, the totals by status, forum and our role,
 * the deadlines of the next quarter (overdue ones marked), and the outcomes. Which disputes,
 * sections and order are the person's choices from the print dialog.
 */
import type { ReactNode } from 'react';
import { formatPartialDate } from '../../../../shared/domain/partial-date';
import { outcomeGroup, outcomeGroupOf } from '../../../../shared/domain/portfolio-groups';
import { disputeStatus, resolutionKind } from '../../../../shared/domain/vocabulary';
import type { PortfolioChoices } from '../../../../shared/print-options';
import { ChartFigure } from '../dashboard/ChartFigure';
import { dashboardCharts } from '../dashboard/dashboard-charts';
import type { PortfolioData, Total } from './summary-query';

/** The charts the report draws (those with figures), so the route knows how many to wait for. */
function portfolioCharts(data: PortfolioData) {
  // Consideration needs the notes, which the report does not read: its figures are in Outcomes.
  return dashboardCharts(data.figures).filter(
    (spec) => spec.data.length > 0 && spec.title !== 'Consideration recorded per year',
  );
}

function Totals({ label, totals }: { label: string; totals: Total[] }) {
  return (
    <table aria-label={`Totals by ${label.toLowerCase()}`} className="cf-print-totals">
      <thead>
        <tr>
          <th scope="col">{label}</th>
          <th scope="col">Disputes</th>
        </tr>
      </thead>
      <tbody>
        {totals.map((t) => (
          <tr key={t.label}>
            <td>{t.label}</td>
            <td>{t.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One section of the report; `empty` says, in place of its contents, why there is nothing. */
function ReportSection({
  title,
  empty,
  className,
  children,
}: {
  title: string;
  empty?: string | false;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section className={className}>
      <h2>{title}</h2>
      {empty ? <p className="cf-print-empty">{empty}</p> : children}
    </section>
  );
}

function ReportTable({
  label,
  columns,
  children,
}: {
  label: string;
  columns: string[];
  children: ReactNode;
}) {
  return (
    <table aria-label={label}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

export function PortfolioReport({
  data,
  choices,
  printedOn,
}: {
  data: PortfolioData;
  choices: PortfolioChoices;
  printedOn: string;
}) {
  const { rows } = data;
  const heading = choices.statuses === 'open' ? 'Open disputes' : 'All disputes';
  const show = new Set(choices.sections);
  return (
    <article className="cf-print-doc" aria-label="Portfolio report">
      <header className="cf-print-title">
        <h1>{heading}</h1>
        <dl className="cf-print-facts">
          <div>
            <dt>Disputes listed</dt>
            <dd>{rows.length}</dd>
          </div>
          <div>
            <dt>Printed</dt>
            <dd>{formatPartialDate(printedOn)}</dd>
          </div>
        </dl>
      </header>
      {rows.length === 0 ? (
        <p className="cf-print-empty">
          {choices.statuses === 'open'
            ? 'No open disputes: every dispute is settled or closed.'
            : 'No disputes yet.'}
        </p>
      ) : (
        <>
          {show.has('charts') && (
            <ReportSection title="Dashboard" className="cf-print-charts">
              {portfolioCharts(data).map((spec) => (
                <ChartFigure key={spec.title} spec={spec} print />
              ))}
            </ReportSection>
          )}
          {show.has('disputes') && (
            <ReportSection title="Disputes">
              <ReportTable
                label={heading}
                columns={[
                  'Dispute',
                  'Counterparties',
                  'Forums',
                  'Status',
                  'Next deadline',
                  'Patents in suit',
                ]}
              >
                {rows.map(({ dispute, counterparties, forums, nextDeadline, overdue, patents }) => (
                  <tr key={dispute.id}>
                    <td>
                      {dispute.title}
                      {dispute.matterNumber && (
                        <span className="cf-print-meta"> ({dispute.matterNumber})</span>
                      )}
                    </td>
                    <td>{counterparties.join('; ') || '—'}</td>
                    <td>{forums.join('; ') || '—'}</td>
                    <td>{disputeStatus.labels[dispute.status]}</td>
                    <td>
                      {nextDeadline
                        ? `${formatPartialDate(nextDeadline.date)}: ${nextDeadline.title}`
                        : 'None recorded'}
                      {overdue.map((d) => (
                        <div key={d.id} className="cf-print-overdue">
                          <strong>Overdue</strong> {formatPartialDate(d.date)}: {d.title}
                        </div>
                      ))}
                    </td>
                    <td>{patents.join('; ') || '—'}</td>
                  </tr>
                ))}
              </ReportTable>
              <h3>Totals</h3>
              <div className="cf-print-totals-row">
                <Totals label="Status" totals={data.totals.byStatus} />
                <Totals label="Forum" totals={data.totals.byForum} />
                <Totals label="Our role" totals={data.totals.byRole} />
              </div>
            </ReportSection>
          )}
          {show.has('deadlines') && (
            <ReportSection
              title="Deadlines: overdue and the next quarter"
              empty={data.deadlines.length === 0 && 'No open deadlines in this period.'}
            >
              <ReportTable label="Deadlines" columns={['Date', 'Deadline', 'Dispute', 'State']}>
                {data.deadlines.map((d) => (
                  <tr key={d.id}>
                    <td>{formatPartialDate(d.date)}</td>
                    <td>{d.title}</td>
                    <td>{d.disputeTitle}</td>
                    <td>{d.overdue ? <strong>Overdue</strong> : 'Due'}</td>
                  </tr>
                ))}
              </ReportTable>
            </ReportSection>
          )}
          {show.has('outcomes') && (
            <ReportSection
              title="Outcomes"
              empty={data.outcomes.length === 0 && 'No dispute listed has an outcome yet.'}
            >
              <ReportTable label="Outcomes" columns={['Dispute', 'Outcome', 'Kind', 'Date']}>
                {data.outcomes.map(({ dispute }) => {
                  const resolution = dispute.resolution!;
                  return (
                    <tr key={dispute.id}>
                      <td>{dispute.title}</td>
                      <td>{outcomeGroup.labels[outcomeGroupOf(resolution)!]}</td>
                      <td>{resolutionKind.labels[resolution.kind]}</td>
                      <td>
                        {resolution.date ? formatPartialDate(resolution.date) : 'Date not given'}
                      </td>
                    </tr>
                  );
                })}
              </ReportTable>
            </ReportSection>
          )}
        </>
      )}
    </article>
  );
}
