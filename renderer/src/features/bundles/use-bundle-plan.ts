/**
 * What an export would carry and what it would leave behind, for the export dialog to show
 * before anything is written: the same collection the export itself makes, counted, and kept
 * current while the dialog is open.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import { collectBundle, type LeftOut } from './collect-bundle';

export type BundlePlan = { goes: { label: string; count: number }[]; leftOut: LeftOut };

const words: [string, string, string][] = [
  ['disputes', 'dispute', 'disputes'],
  ['disputeParties', 'party', 'parties'],
  ['organisations', 'organisation', 'organisations'],
  ['proceedings', 'proceeding', 'proceedings'],
  ['patents', 'patent', 'patents'],
  ['documents', 'document (with its file)', 'documents (with their files)'],
  ['notes', 'note', 'notes'],
  ['deadlines', 'deadline', 'deadlines'],
];

export function countLabel(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

export function useBundlePlan(
  disputeId: string,
  includePrivileged: boolean,
): BundlePlan | undefined {
  return useLiveQuery(async () => {
    const { records, leftOut } = await collectBundle(db, disputeId, { includePrivileged });
    const goes = words
      .map(([table, one, many]) => {
        const count = (records as Record<string, unknown[]>)[table]?.length ?? 0;
        return { label: countLabel(count, one, many), count };
      })
      .filter((item) => item.count > 0);
    return { goes, leftOut };
  }, [disputeId, includePrivileged]);
}
