import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveError } from '../../../../shared/archive/archive-error';
import type { CasefileDb } from '../../db/casefile-db';
import { openTestDb } from '../../db/testing/test-db';
import { bundleTables } from './bundle-content';
import { BundleError } from './check-bundle';
import { exportBundle } from './export-bundle';
import { importBundle } from './import-bundle';
import { readBundle } from './read-bundle';
import { fillDispute } from './testing/bundle-fixture';
import {
  contents,
  pack,
  readJson,
  resign,
  unpack,
  writeJson,
  type Entries,
} from './testing/tamper';

type Mutation =
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'remove-entry'; index: number }
  | {
      kind: 'set-field';
      entry: number;
      row: number;
      field: number;
      value: unknown;
      resign: boolean;
    }
  | { kind: 'set-manifest-field'; field: number; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip'), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate'), at: fc.nat() }),
  fc.record({ kind: fc.constant('remove-entry'), index: fc.nat() }),
  fc.record({
    kind: fc.constant('set-field'),
    entry: fc.nat(),
    row: fc.nat(),
    field: fc.nat(),
    value: fc.jsonValue({ maxDepth: 2 }),
    resign: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('set-manifest-field'),
    field: fc.nat(),
    value: fc.jsonValue({ maxDepth: 2 }),
  }),
) as fc.Arbitrary<Mutation>;

const disputeTables = [
  'disputeParties',
  'proceedings',
  'assertions',
  'documents',
  'notes',
  'deadlines',
];

const pick = <T>(items: T[], n: number): T | undefined => items[n % Math.max(1, items.length)];

async function apply(valid: Blob, bytes: Uint8Array, change: Mutation): Promise<Blob> {
  if (change.kind === 'flip') {
    const copy = bytes.slice();
    copy[change.at % copy.length]! ^= change.mask;
    return new Blob([copy]);
  }
  if (change.kind === 'truncate') return valid.slice(0, change.at % valid.size);
  const entries: Entries = await unpack(valid);
  const names = Object.keys(entries);
  if (change.kind === 'remove-entry') {
    delete entries[pick(names, change.index)!];
  } else if (change.kind === 'set-manifest-field') {
    const manifest = readJson(entries, 'manifest.json');
    manifest[pick(Object.keys(manifest), change.field)!] = change.value;
    writeJson(entries, 'manifest.json', manifest);
  } else {
    const name = pick(
      names.filter((n) => n.startsWith('records/')),
      change.entry,
    )!;
    const lines = new TextDecoder().decode(entries[name]).split('\n').filter(Boolean);
    if (lines.length > 0) {
      const index = change.row % lines.length;
      const row = JSON.parse(lines[index]!) as Record<string, unknown>;
      row[pick(Object.keys(row), change.field)!] = change.value;
      lines[index] = JSON.stringify(row);
      entries[name] = new TextEncoder().encode(lines.map((l) => `${l}\n`).join(''));
    }
    // Re-signed, the change gets past the checksums and must be caught by the record checks.
    if (change.resign) resign(entries);
  }
  return pack(entries);
}

describe('importing randomly damaged case bundles', () => {
  let valid: Blob;
  let validBytes: Uint8Array;
  let expectedCounts: Record<string, number>;
  let target: CasefileDb;

  beforeAll(async () => {
    const source = openTestDb();
    const { dispute } = await fillDispute(source);
    const exported = await exportBundle(source, dispute.id, {
      includePrivileged: true,
      appVersion: 't',
    });
    valid = exported.blob;
    validBytes = new Uint8Array(await valid.arrayBuffer());
    expectedCounts = exported.manifest.counts;
    await source.delete();
    target = openTestDb();
    await fillDispute(target, 'Already here');
  });
  afterAll(async () => {
    await target.delete();
  });

  it('never crashes the importer and never imports anything partially', async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(mutation, async (change) => {
        const file = await apply(valid, validBytes, change);
        const before = await contents(target);
        const outcome = await readBundle(file)
          .then((bundle) => importBundle(target, bundle, 'copy'))
          .then(
            async (result) => {
              // What got in is the whole dispute: every table holds what the bundle counted.
              const after = await contents(target, bundleTables);
              const complete = disputeTables.every(
                (table) =>
                  (after[table] as { disputeId: string }[]).filter(
                    (row) => row.disputeId === result.disputeId,
                  ).length === expectedCounts[table],
              );
              return { imported: true, complete };
            },
            async (error: unknown) => ({
              // Only the two errors written for people: anything else is a crash.
              refusedAs:
                error instanceof ArchiveError || error instanceof BundleError ? 'a person' : error,
              saysNothingChanged: /Nothing was (changed|imported)\./.test((error as Error).message),
              unchanged: JSON.stringify(await contents(target)) === JSON.stringify(before),
            }),
          );
        if ('refusedAs' in outcome) refused += 1;
        expect([
          { imported: true, complete: true },
          { refusedAs: 'a person', saysNothingChanged: true, unchanged: true },
        ]).toContainEqual(outcome);
      }),
      { numRuns: 200 },
    );
    // The mutations do reach the checks: most damaged bundles are refused.
    expect(refused).toBeGreaterThan(100);
  }, 120_000);
});
