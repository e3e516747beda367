/**
 * The Organisations page as a table to export: the columns it shows, one row per organisation and
 * dispute (an organisation in no dispute still gets its row). Read on click, for the organisations
 * the filter leaves, through the `organisationId` index in one query: never the whole docket.
 */
import { todayIso } from '../../../../shared/domain/partial-date';
import type { DisputeParty, Organisation } from '../../../../shared/domain/schemas';
import { disputeStatus, ourRole, partyRole } from '../../../../shared/domain/vocabulary';
import type { CasefileDb } from '../../db/casefile-db';
import type { ExportTable } from '../exports/table';
import type { OrganisationLink } from './organisation-queries';

export type OrganisationExportRow = {
  organisation: Pick<Organisation, 'name' | 'aliases'>;
  link: OrganisationLink | null;
};

export async function organisationExportRows(
  db: CasefileDb,
  organisations: ReadonlyArray<Organisation>,
): Promise<OrganisationExportRow[]> {
  const parties = await db.disputeParties
    .where('organisationId')
    .anyOf(organisations.map((o) => o.id))
    .toArray();
  const disputes = await db.disputes.bulkGet([...new Set(parties.map((p) => p.disputeId))]);
  const byId = new Map(disputes.filter((d) => d !== undefined).map((d) => [d.id, d]));
  const partiesOf = new Map<string, DisputeParty[]>();
  for (const party of parties) {
    const list = partiesOf.get(party.organisationId) ?? [];
    list.push(party);
    partiesOf.set(party.organisationId, list);
  }
  return organisations.flatMap((organisation): OrganisationExportRow[] => {
    const links: OrganisationLink[] = [];
    for (const party of partiesOf.get(organisation.id) ?? []) {
      const dispute = byId.get(party.disputeId);
      if (!dispute) continue;
      const { id, title, status, ourRole: role } = dispute;
      links.push({ party, dispute: { id, title, status, ourRole: role } });
    }
    // As the page lists them: by dispute title.
    links.sort((a, b) => a.dispute.title.localeCompare(b.dispute.title));
    return links.length === 0
      ? [{ organisation, link: null }]
      : links.map((link) => ({ organisation, link }));
  });
}

export function organisationsTable(
  rows: OrganisationExportRow[],
  filtered: boolean,
): ExportTable<OrganisationExportRow> {
  return {
    fileName: `Organisations${filtered ? ' (filtered)' : ''} ${todayIso()}`,
    sheetName: 'Organisations',
    columns: [
      { header: 'Organisation', value: (r) => r.organisation.name, width: 36 },
      { header: 'Also known as', value: (r) => r.organisation.aliases.join('; '), width: 30 },
      { header: 'Dispute', value: (r) => r.link?.dispute.title ?? '', width: 40 },
      {
        header: 'Our role',
        value: (r) => (r.link ? ourRole.labels[r.link.dispute.ourRole] : ''),
        width: 24,
      },
      {
        header: 'Its role',
        value: (r) =>
          r.link
            ? `${partyRole.labels[r.link.party.role]}${r.link.party.ourSide ? ' (our side)' : ' (counterparty)'}`
            : '',
        width: 28,
      },
      {
        header: 'Status',
        value: (r) => (r.link ? disputeStatus.labels[r.link.dispute.status] : ''),
      },
      { header: 'Outside counsel', value: (r) => r.link?.party.outsideCounsel ?? '', width: 30 },
    ],
    rows,
  };
}
