/**
 * The printed case summary: plain semantic HTML styled by print.css, so that the same markup is
 * the on-screen preview, the page printed from a browser and the PDF the desktop app writes. Tables
 * keep rows whole and repeat their headers on each page; privileged notes appear only when chosen.
 */
import { numberExhibits } from '../../../../shared/domain/exhibits';
import type { ReactNode } from 'react';
import type { Note } from '../../../../shared/domain/schemas';
import { formatPartialDate } from '../../../../shared/domain/partial-date';
import { outcomeLabel } from '../../../../shared/domain/portfolio-groups';
import {
  assertionStatus,
  disputeStatus,
  documentKind,
  licenceType,
  noteKind,
  ourRole,
  partyRole,
  privilege as privilegeLabels,
  proceedingKind,
  proceedingStage,
} from '../../../../shared/domain/vocabulary';
import type { SummaryChoices, SummarySection } from '../../../../shared/print-options';
import { forumLabel } from '../disputes/dispute-queries';
import { renderMarkdownForPrint } from '../notes/markdown';
import { NOT_RECORDED } from '../../ui/NotRecorded';
import { buildChronology } from './chronology';
import { isPrivileged, type SummaryData } from './summary-query';

const DATE_NOT_GIVEN = 'Date not given';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="cf-print-section" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function Table({
  caption,
  headers,
  rows,
  empty,
}: {
  caption: string;
  headers: string[];
  rows: ReactNode[][];
  empty: string;
}) {
  if (rows.length === 0) return <p className="cf-print-empty">{empty}</p>;
  return (
    <table aria-label={caption}>
      <thead>
        <tr>
          {headers.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cells, i) => (
          // Rows have no identity beyond their position in a printed page.
          // oxlint-disable-next-line react/no-array-index-key
          <tr key={i}>
            {cells.map((cell, j) => (
              // oxlint-disable-next-line react/no-array-index-key
              <td key={j}>{cell === '' || cell === null ? NOT_RECORDED : cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Facts({ facts }: { facts: [string, ReactNode][] }) {
  return (
    <dl className="cf-print-facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value === '' || value === null ? NOT_RECORDED : value}</dd>
        </div>
      ))}
    </dl>
  );
}

function formatAmount(note: Note): string {
  if (note.amount === null) return '';
  return new Intl.NumberFormat('en', { style: 'currency', currency: note.currency }).format(
    note.amount,
  );
}

export function SummaryDocument({
  data,
  choices,
  printedOn,
}: {
  data: SummaryData;
  choices: SummaryChoices;
  printedOn: string;
}) {
  const { detail, documents, deadlines } = data;
  const { dispute } = detail;
  const shown = new Set<SummarySection>(choices.sections);
  const notes = data.notes.filter((n) => choices.privileged || !isPrivileged(n.privilege));
  const withheld = data.notes.length - notes.length;
  const resolution = dispute.resolution;

  return (
    <article className="cf-print-doc" aria-label={`Case summary: ${dispute.title}`}>
      <header className="cf-print-title">
        <h1>{dispute.title}</h1>
        <Facts
          facts={[
            ['Matter number', dispute.matterNumber],
            ['Status', disputeStatus.labels[dispute.status]],
            ['Our role', ourRole.labels[dispute.ourRole]],
            ['Printed', formatPartialDate(printedOn)],
          ]}
        />
      </header>

      {shown.has('overview') && (
        <Section title="Overview">
          <Facts
            facts={[
              ['Opened', formatPartialDate(dispute.openedOn)],
              ['Closed', formatPartialDate(dispute.closedOn)],
              ['Privilege', privilegeLabels.labels[dispute.privilege]],
              ['Tags', dispute.tags.join(', ')],
            ]}
          />
          {dispute.summary && <p className="cf-print-text">{dispute.summary}</p>}
        </Section>
      )}

      {shown.has('parties') && (
        <Section title="Parties and counsel">
          <Table
            caption="Parties and counsel"
            headers={['Party', 'Role', 'Side', 'Outside counsel']}
            empty="No parties recorded."
            rows={detail.parties.map((p) => [
              p.organisation?.name ?? 'Unknown organisation',
              partyRole.labels[p.role],
              p.ourSide ? 'Our side' : 'Counterparty',
              p.outsideCounsel,
            ])}
          />
        </Section>
      )}

      {shown.has('proceedings') && (
        <Section title="Proceedings">
          <Table
            caption="Proceedings"
            headers={['Proceeding', 'Forum', 'Case number', 'Filed', 'Closed', 'Stage', 'Outcome']}
            empty="No proceedings recorded."
            rows={detail.proceedings.map((p) => [
              proceedingKind.labels[p.kind],
              [forumLabel(p), p.judge].filter(Boolean).join(' — '),
              p.caseNumber,
              formatPartialDate(p.filedOn),
              formatPartialDate(p.closedOn),
              proceedingStage.labels[p.stage],
              p.outcome,
            ])}
          />
        </Section>
      )}

      {shown.has('patents') && (
        <Section title="Patents and assertions">
          <Table
            caption="Patents and assertions"
            headers={['Patent', 'Technology', 'Owner', 'Asserted in', 'Claims', 'How it fared']}
            empty="No patents asserted."
            rows={detail.assertions.map((a) => [
              [
                a.patent?.number,
                a.patent?.jurisdiction && `(${a.patent.jurisdiction})`,
                a.patent?.title,
              ]
                .filter(Boolean)
                .join(' ') + (a.patent?.sep ? ' [SEP]' : ''),
              a.patent?.technology ?? '',
              a.owner?.name ?? '',
              a.proceeding ? forumLabel(a.proceeding) : '',
              a.claims,
              assertionStatus.labels[a.status],
            ])}
          />
        </Section>
      )}

      {shown.has('resolution') && (
        <Section title="Resolution and licence terms">
          {!resolution ? (
            <p className="cf-print-empty">No outcome recorded: the dispute is not resolved.</p>
          ) : (
            <>
              <Facts
                facts={[
                  ['Outcome', outcomeLabel(resolution)],
                  ['Date', resolution.date ? formatPartialDate(resolution.date) : DATE_NOT_GIVEN],
                ]}
              />
              {resolution.licence && (
                <Table
                  caption="Licence terms"
                  headers={['Licence term', 'Agreed']}
                  empty=""
                  rows={[
                    [
                      'Licence type',
                      resolution.licence.type ? licenceType.labels[resolution.licence.type] : '',
                    ],
                    ['Scope', resolution.licence.scope],
                    ['Territory', resolution.licence.territory],
                    ['Duration', resolution.licence.term],
                    ['Consideration', resolution.licence.consideration],
                  ]}
                />
              )}
              {resolution.text && <p className="cf-print-text">{resolution.text}</p>}
            </>
          )}
        </Section>
      )}

      {shown.has('chronology') && (
        <Section title="Chronology">
          <Table
            caption="Chronology"
            headers={['Date', 'Event']}
            empty="No dated events recorded."
            rows={buildChronology({
              dispute,
              proceedings: detail.proceedings,
              documents,
              // A note the summary leaves out must not surface in the chronology either.
              notes: shown.has('notes') ? notes : [],
              deadlines,
            }).map((e) => [formatPartialDate(e.date), e.event])}
          />
        </Section>
      )}

      {shown.has('documents') && (
        <Section title="Documents index">
          <Table
            caption="Documents index"
            headers={['Title', 'Kind', 'Filed', 'Pages', 'SHA-256']}
            empty="No documents attached."
            rows={documents.map((d) => [
              d.title,
              documentKind.labels[d.kind],
              formatPartialDate(d.filedOn),
              d.pageCount === null ? '' : String(d.pageCount),
              <code key="sha">{d.sha256.slice(0, 12)}</code>,
            ])}
          />
        </Section>
      )}

      {shown.has('exhibits') && (
        <Section title="Exhibit list">
          <Table
            caption="Exhibit list"
            headers={['Exhibit', 'Title', 'Date', 'Filed by', 'Pages']}
            empty="No documents numbered as exhibits."
            rows={numberExhibits(documents, dispute.exhibitScheme).map(({ document: d, label }) => [
              label,
              d.title,
              formatPartialDate(d.filedOn),
              d.filedBy,
              d.pageCount === null ? '' : String(d.pageCount),
            ])}
          />
        </Section>
      )}

      {shown.has('notes') && (
        <Section title="Settlement notes">
          {notes.length === 0 && <p className="cf-print-empty">No notes to show.</p>}
          {notes.map((note) => (
            <div key={note.id} className="cf-print-note">
              <h3>
                {note.date ? formatPartialDate(note.date) : DATE_NOT_GIVEN} —{' '}
                {noteKind.labels[note.kind]}
                {note.title && `: ${note.title}`}
              </h3>
              {(note.participants || note.amount !== null) && (
                <p className="cf-print-meta">
                  {[note.participants && `With ${note.participants}`, formatAmount(note)]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              )}
              {note.body && (
                <div
                  className="cf-print-markdown"
                  // Sanitised by DOMPurify in renderMarkdownForPrint: no links, scripts or styles.
                  // oxlint-disable-next-line react/no-danger
                  dangerouslySetInnerHTML={{ __html: renderMarkdownForPrint(note.body) }}
                />
              )}
            </div>
          ))}
          {withheld > 0 && (
            <p className="cf-print-empty">
              {withheld === 1 ? 'One privileged note is' : `${withheld} privileged notes are`} not
              included in this summary.
            </p>
          )}
        </Section>
      )}
    </article>
  );
}
