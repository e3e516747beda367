/**
 * The quarterly portfolio report: every open dispute on one line, with what a board asks first —
 * who against, where, how it stands and what is due next.
 */
import { formatPartialDate } from '../../../../shared/domain/partial-date';
import { disputeStatus } from '../../../../shared/domain/vocabulary';
import type { PortfolioRow } from './summary-query';

export function PortfolioReport({ rows, printedOn }: { rows: PortfolioRow[]; printedOn: string }) {
  return (
    <article className="cf-print-doc" aria-label="Portfolio report">
      <header className="cf-print-title">
        <h1>Open disputes</h1>
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
        <p className="cf-print-empty">No open disputes: every dispute is settled or closed.</p>
      ) : (
        <table aria-label="Open disputes">
          <thead>
            <tr>
              <th scope="col">Dispute</th>
              <th scope="col">Counterparties</th>
              <th scope="col">Forums</th>
              <th scope="col">Status</th>
              <th scope="col">Next deadline</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ dispute, counterparties, forums, nextDeadline }) => (
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
