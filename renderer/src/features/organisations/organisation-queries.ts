/**
 * Read models for organisations across disputes: the Organisations page, the conflict notice when
 * an organisation becomes a party, and "Check a name". Links are found through the
 * `disputeParties.organisationId` index and names through `organisations.*matchKeys`, so each
 * reads the rows it needs, not every dispute.
 */
import { organisationMatchKey } from '../../../../shared/domain/organisation-key';
import type { Dispute, DisputeParty, Organisation } from '../../../../shared/domain/schemas';
import type { CasefileDb } from '../../db/casefile-db';
import { partyRole } from '../../../../shared/domain/vocabulary';

const plural = new Intl.PluralRules('en');

/** "1 other dispute", "3 other disputes". */
export function countOf(count: number, noun: string): string {
  return `${count} ${plural.select(count) === 'one' ? noun : `${noun}s`}`;
}

export type OrganisationLink = {
  party: DisputeParty;
  dispute: Pick<Dispute, 'id' | 'title' | 'status' | 'ourRole'>;
};

export type OrganisationRow = {
  organisation: Organisation;
  links: OrganisationLink[];
  /** Every outside counsel it has had, once each, as written. */
  counsel: string[];
};

function linksOf(parties: DisputeParty[], disputes: Map<string, Dispute>): OrganisationLink[] {
  const links: OrganisationLink[] = [];
  for (const party of parties) {
    const dispute = disputes.get(party.disputeId);
    if (!dispute) continue;
    const { id, title, status, ourRole } = dispute;
    links.push({ party, dispute: { id, title, status, ourRole } });
  }
  return links.sort((a, b) => a.dispute.title.localeCompare(b.dispute.title));
}

/** Every organisation by name: one index read, whatever the number of disputes. */
export function listOrganisations(db: CasefileDb): Promise<Organisation[]> {
  return db.organisations.orderBy('nameKey').toArray();
}

/**
 * One organisation's row on the page: every counsel it has had, how many disputes it is in, and
 * the first `limit` of them (our own company may be in every one of 10,000). Read through the
 * `organisationId` index, so a row costs what that organisation holds, not the whole docket.
 */
export async function organisationSummary(
  db: CasefileDb,
  organisation: Organisation,
  limit: number,
): Promise<OrganisationRow & { total: number }> {
  const parties = await db.disputeParties.where('organisationId').equals(organisation.id).toArray();
  const first = parties.slice(0, limit);
  const disputes = await db.disputes.bulkGet(first.map((p) => p.disputeId));
  const byId = new Map(disputes.filter((d) => d !== undefined).map((d) => [d.id, d]));
  const counsel = [...new Set(parties.map((p) => p.outsideCounsel.trim()).filter(Boolean))];
  return { organisation, links: linksOf(first, byId), counsel, total: parties.length };
}

/** One organisation's links, read through the index. */
export async function organisationLinks(
  db: CasefileDb,
  organisationId: string,
): Promise<OrganisationLink[]> {
  const parties = await db.disputeParties.where('organisationId').equals(organisationId).toArray();
  const disputes = await db.disputes.bulkGet([...new Set(parties.map((p) => p.disputeId))]);
  const byId = new Map(disputes.filter((d) => d !== undefined).map((d) => [d.id, d]));
  return linksOf(parties, byId);
}

/**
 * "Counterparty in 3 other disputes, co-defendant with us in 1": what a conflict check needs to
 * know at a glance. `exceptDisputeId` leaves out the dispute being edited. Empty when there is
 * nothing else.
 */
export function describeConflicts(links: OrganisationLink[], exceptDisputeId?: string): string {
  const others = links.filter((l) => l.dispute.id !== exceptDisputeId);
  if (others.length === 0) return '';
  const phrases: string[] = [];
  const against = others.filter((l) => !l.party.ourSide).length;
  if (against > 0) phrases.push(`Counterparty in ${countOf(against, 'other dispute')}`);
  const withUs = new Map<string, number>();
  for (const link of others.filter((l) => l.party.ourSide)) {
    const role = partyRole.labels[link.party.role].toLowerCase();
    const phrase = link.party.role === 'other' ? 'on our side' : `co-${role} with us`;
    withUs.set(phrase, (withUs.get(phrase) ?? 0) + 1);
  }
  for (const [phrase, count] of withUs) phrases.push(`${phrase} in ${count}`);
  const text = phrases.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export type NameMatch = {
  organisation: Organisation;
  matchedBy: string;
  links: OrganisationLink[];
};

/**
 * Organisations whose name or an alias loosely matches `text` (same key, or a key starting with
 * it: "Xiaomi" finds "Xiaomi Communications Co., Ltd."), each with its disputes.
 */
export async function checkName(db: CasefileDb, text: string): Promise<NameMatch[]> {
  const key = organisationMatchKey(text);
  if (key === '') return [];
  const found = await db.organisations
    .where('matchKeys')
    .startsWith(key)
    .distinct()
    .limit(50)
    .toArray();
  const exactFirst = found.sort(
    (a, b) =>
      Number(!a.matchKeys.includes(key)) - Number(!b.matchKeys.includes(key)) ||
      a.name.localeCompare(b.name),
  );
  return Promise.all(
    exactFirst.map(async (organisation) => {
      const names = [organisation.name, ...organisation.aliases];
      const matchedBy =
        names.find((n) => organisationMatchKey(n) === key) ??
        names.find((n) => organisationMatchKey(n).startsWith(key)) ??
        organisation.name;
      return { organisation, matchedBy, links: await organisationLinks(db, organisation.id) };
    }),
  );
}
