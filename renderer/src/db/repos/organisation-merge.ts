/**
 * Merging two records of one company ("Xiaomi Corp" into "Xiaomi Corporation"). One transaction:
 * the kept organisation takes the other's name and aliases as its aliases, every party link and
 * patent ownership moves to it, the other record is deleted, and each step is audited. The merge
 * returns a receipt holding every record exactly as it was; `undoMerge` puts them all back in one
 * transaction, unless one of them was changed after the merge (then it refuses and says so,
 * rather than overwrite the later change).
 *
 * Two records that are both parties to one dispute are not merged: which role and counsel would
 * win is a decision for a person, so the merge refuses and names the dispute.
 */
import { organisationMatchKeys } from '../../../../shared/domain/organisation-key';
import type { DisputeParty, Organisation, Patent } from '../../../../shared/domain/schemas';
import { ValidationError } from '../../../../shared/validation';
import { appendAudit } from '../audit';
import type { CasefileDb } from '../casefile-db';
import { nowIso, touchDispute } from '../entity-store';

export type MergeReceipt = {
  at: string;
  kept: Organisation;
  keptAfter: Organisation;
  merged: Organisation;
  parties: DisputeParty[];
  patents: Patent[];
};

function tables(db: CasefileDb) {
  return [db.organisations, db.disputeParties, db.patents, db.disputes, db.audit];
}

export async function mergeOrganisations(
  db: CasefileDb,
  keepId: string,
  mergeId: string,
): Promise<MergeReceipt> {
  if (keepId === mergeId) {
    throw new ValidationError('The merge', { mergeId: 'Choose another organisation to merge.' });
  }
  return db.transaction('rw', tables(db), async () => {
    const [kept, merged] = await Promise.all([
      db.organisations.get(keepId),
      db.organisations.get(mergeId),
    ]);
    if (!kept || !merged) {
      throw new Error(
        'One of the organisations no longer exists; it may have been merged already.',
      );
    }
    const parties = await db.disputeParties.where('organisationId').equals(mergeId).toArray();
    const keptDisputes = new Set(
      (await db.disputeParties.where('organisationId').equals(keepId).toArray()).map(
        (p) => p.disputeId,
      ),
    );
    const shared = parties.find((p) => keptDisputes.has(p.disputeId));
    if (shared) {
      const dispute = await db.disputes.get(shared.disputeId);
      throw new ValidationError('The merge', {
        mergeId: `${kept.name} and ${merged.name} are both parties to “${dispute?.title ?? 'a dispute'}”. Remove one of them from that dispute first, then merge.`,
      });
    }
    const patents = await db.patents.where('ownerId').equals(mergeId).toArray();
    const at = nowIso();

    const aliases = [...new Set([...kept.aliases, merged.name, ...merged.aliases])].filter(
      (alias) => alias !== kept.name,
    );
    const keptAfter: Organisation = {
      ...kept,
      aliases,
      matchKeys: organisationMatchKeys(kept.name, aliases),
      notes: [kept.notes, merged.notes].filter(Boolean).join('\n\n'),
      country: kept.country || merged.country,
      updatedAt: at,
    };
    await db.organisations.put(keptAfter);
    await appendAudit(db, {
      entity: 'organisation',
      entityId: kept.id,
      disputeId: null,
      summary: `Merged “${merged.name}” into “${kept.name}”`,
      before: kept,
      after: keptAfter,
      at,
    });
    for (const party of parties) {
      const after = { ...party, organisationId: keepId, updatedAt: at };
      await db.disputeParties.put(after);
      await appendAudit(db, {
        entity: 'party',
        entityId: party.id,
        disputeId: party.disputeId,
        summary: `${merged.name} is now recorded as ${kept.name} (organisations merged)`,
        before: party,
        after,
        at,
      });
      await touchDispute(db, party.disputeId, at);
    }
    for (const patent of patents) {
      const after = { ...patent, ownerId: keepId, updatedAt: at };
      await db.patents.put(after);
      await appendAudit(db, {
        entity: 'patent',
        entityId: patent.id,
        disputeId: null,
        summary: `Owner ${merged.name} is now recorded as ${kept.name} (organisations merged)`,
        before: patent,
        after,
        at,
      });
    }
    await db.organisations.delete(mergeId);
    await appendAudit(db, {
      entity: 'organisation',
      entityId: mergeId,
      disputeId: null,
      summary: `Deleted “${merged.name}”: merged into “${kept.name}”`,
      before: merged,
      at,
    });
    return { at, kept, keptAfter, merged, parties, patents };
  });
}

/** Puts back every record a merge changed, exactly as it was before the merge. */
export async function undoMerge(db: CasefileDb, receipt: MergeReceipt): Promise<void> {
  const { kept, merged, parties, patents, at } = receipt;
  await db.transaction('rw', tables(db), async () => {
    const current = await db.organisations.get(kept.id);
    const changedSince =
      !current ||
      current.updatedAt !== at ||
      (await db.organisations.get(merged.id)) !== undefined ||
      (await db.disputeParties.bulkGet(parties.map((p) => p.id))).some(
        (p) => !p || p.updatedAt !== at,
      ) ||
      (await db.patents.bulkGet(patents.map((p) => p.id))).some((p) => !p || p.updatedAt !== at);
    if (changedSince) {
      throw new Error(
        `The merge of “${merged.name}” into “${kept.name}” cannot be undone: records it changed were changed again since. Nothing was undone.`,
      );
    }
    const undoneAt = nowIso();
    await db.organisations.put(merged);
    await appendAudit(db, {
      entity: 'organisation',
      entityId: merged.id,
      disputeId: null,
      summary: `Restored “${merged.name}” (merge undone)`,
      after: merged,
      at: undoneAt,
    });
    await db.organisations.put(kept);
    await appendAudit(db, {
      entity: 'organisation',
      entityId: kept.id,
      disputeId: null,
      summary: `Undid the merge of “${merged.name}” into “${kept.name}”`,
      before: current,
      after: kept,
      at: undoneAt,
    });
    for (const party of parties) {
      await db.disputeParties.put(party);
      await appendAudit(db, {
        entity: 'party',
        entityId: party.id,
        disputeId: party.disputeId,
        summary: `${kept.name} is again recorded as ${merged.name} (merge undone)`,
        before: { ...party, organisationId: kept.id },
        after: party,
        at: undoneAt,
      });
      await touchDispute(db, party.disputeId, undoneAt);
    }
    for (const patent of patents) {
      await db.patents.put(patent);
      await appendAudit(db, {
        entity: 'patent',
        entityId: patent.id,
        disputeId: null,
        summary: `Owner is again ${merged.name} (merge undone)`,
        before: { ...patent, ownerId: kept.id },
        after: patent,
        at: undoneAt,
      });
    }
  });
}
