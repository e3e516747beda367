/**
 * The portfolio report: what a board asks first. The dashboard's charts (vector SVG, fixed size,
 * each with its figures below), then one line per dispute with who against, where, how it stands,
 * its patents in suit and what is overdue or due next, the totals by status, forum and our role,
 * the deadlines of the next quarter (overdue ones marked), and the outcomes. Which disputes,
 * sections and order are the person's choices from the print dialog.
 */
import { formatPartialDate } from '../../../../shared/domain/partial-date';
import { outcomeGroup, outcomeGroupOf } from '../../../../shared/domain/portfolio-groups';
import { disputeStatus, resolutionKind } from '../../../../shared/domain/vocabulary';
import type { PortfolioChoices } from '../../../../shared/print-options';
import { ChartFigure } from '../dashboard/ChartFigure';
import { dashboardCharts } from '../dashboard/dashboard-charts';
import type { PortfolioData, Total } from './summary-query';

/** The charts the report draws (those with figures), so the route knows how many to wait for. */
export function portfolioCharts(data: PortfolioData) {
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
            <section className="cf-print-charts">
              <h2>Dashboard</h2>
              {portfolioCharts(data).map((spec) => (
                <ChartFigure key={spec.title} spec={spec} print />
              ))}
            </section>
          )}
          {show.has('disputes') && (
            <section>
              <h2>Disputes</h2>
              <table aria-label={heading}>
                <thead>
                  <tr>
                    <th scope="col">Dispute</th>
                    <th scope="col">Counterparties</th>
                    <th scope="col">Forums</th>
                    <th scope="col">Status</th>
                    <th scope="col">Next deadline</th>
                    <th scope="col">Patents in suit</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map(
                    ({ dispute, counterparties, forums, nextDeadline, overdue, patents }) => (
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
                    ),
                  )}
                </tbody>
              </table>
              <h3>Totals</h3>
              <div className="cf-print-totals-row">
                <Totals label="Status" totals={data.totals.byStatus} />
                <Totals label="Forum" totals={data.totals.byForum} />
                <Totals label="Our role" totals={data.totals.byRole} />
              </div>
            </section>
          )}
          {show.has('deadlines') && (
            <section>
              <h2>Deadlines: overdue and the next quarter</h2>
              {data.deadlines.length === 0 ? (
                <p className="cf-print-empty">No open deadlines in this period.</p>
              ) : (
                <table aria-label="Deadlines">
                  <thead>
                    <tr>
                      <th scope="col">Date</th>
                      <th scope="col">Deadline</th>
                      <th scope="col">Dispute</th>
                      <th scope="col">State</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.deadlines.map((d) => (
                      <tr key={d.id}>
                        <td>{formatPartialDate(d.date)}</td>
                        <td>{d.title}</td>
                        <td>{d.disputeTitle}</td>
                        <td>{d.overdue ? <strong>Overdue</strong> : 'Due'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          )}
          {show.has('outcomes') && (
            <section>
              <h2>Outcomes</h2>
              {data.outcomes.length === 0 ? (
                <p className="cf-print-empty">No dispute listed has an outcome yet.</p>
              ) : (
                <table aria-label="Outcomes">
                  <thead>
                    <tr>
                      <th scope="col">Dispute</th>
                      <th scope="col">Outcome</th>
                      <th scope="col">Kind</th>
                      <th scope="col">Date</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.outcomes.map(({ dispute }) => {
                      const resolution = dispute.resolution!;
                      return (
                        <tr key={dispute.id}>
                          <td>{dispute.title}</td>
                          <td>{outcomeGroup.labels[outcomeGroupOf(resolution)!]}</td>
                          <td>{resolutionKind.labels[resolution.kind]}</td>
                          <td>
                            {resolution.date
                              ? formatPartialDate(resolution.date)
                              : 'Date not given'}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              )}
            </section>
          )}
        </>
      )}
    </article>
  );
}
