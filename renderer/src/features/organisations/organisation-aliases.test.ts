import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CasefileDb } from '../../db/casefile-db';
import { createDispute } from '../../db/repos/dispute-repo';
import {
  addOrganisationAlias,
  createOrganisation,
  removeOrganisationAlias,
  updateOrganisation,
} from '../../db/repos/organisation-repo';
import { addParty } from '../../db/repos/party-repo';
import { openTestDb, snapshot } from '../../db/testing/test-db';
import { checkName } from './organisation-queries';

describe('editing an organisation’s aliases', () => {
  let db: CasefileDb;
  beforeEach(() => {
    db = openTestDb();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('adds an alias that Check a name then finds, and audits it', async () => {
    const xiaomi = await createOrganisation(db, { name: 'Xiaomi Corporation' });
    const dispute = await createDispute(db, {
      title: 'Huawei v. Xiaomi',
      ourRole: 'plaintiff',
      status: 'active',
    });
    await addParty(db, { disputeId: dispute.id, organisationId: xiaomi.id, role: 'defendant' });
    expect(await checkName(db, '小米科技')).toEqual([]);

    const after = await addOrganisationAlias(db, xiaomi.id, '  小米科技有限责任公司 ');
    expect(after.aliases).toEqual(['小米科技有限责任公司']);
    const [match] = await checkName(db, '小米科技');
    expect(match?.organisation.name).toBe('Xiaomi Corporation');
    expect(match?.matchedBy).toBe('小米科技有限责任公司');
    expect(match?.links.map((l) => l.dispute.title)).toEqual(['Huawei v. Xiaomi']);

    const audit = await db.audit
      .where('[entity+entityId]')
      .equals(['organisation', xiaomi.id])
      .last();
    expect(audit?.changes).toEqual([{ field: 'aliases', old: [], new: ['小米科技有限责任公司'] }]);
  });

  it('removes an alias: audited, and the name no longer finds the organisation', async () => {
    const xiaomi = await createOrganisation(db, { name: 'Xiaomi Corporation', aliases: ['小米'] });
    await removeOrganisationAlias(db, xiaomi.id, '小米');
    expect((await db.organisations.get(xiaomi.id))?.aliases).toEqual([]);
    expect(await checkName(db, '小米')).toEqual([]);
    const audit = await db.audit
      .where('[entity+entityId]')
      .equals(['organisation', xiaomi.id])
      .last();
    expect(audit?.changes).toEqual([{ field: 'aliases', old: ['小米'], new: [] }]);
  });

  it('refuses an empty alias, its own name, or another organisation’s name or alias, writing nothing', async () => {
    const xiaomi = await createOrganisation(db, { name: 'Xiaomi Corporation', aliases: ['Mi'] });
    await createOrganisation(db, { name: 'Huawei Technologies Co., Ltd.', aliases: ['华为'] });
    const before = await snapshot(db);
    const refused = async (alias: string) => {
      const error = await addOrganisationAlias(db, xiaomi.id, alias).catch((e: unknown) => e);
      return (error as { fieldErrors?: Record<string, string> }).fieldErrors?.aliases;
    };
    expect(await refused('  ')).toMatch(/Enter the other name/);
    expect(await refused('XIAOMI corporation')).toMatch(/own name/);
    expect(await refused('mi')).toMatch(/already an alias of Xiaomi Corporation/);
    expect(await refused('huawei technologies co., ltd.')).toMatch(
      /name of another organisation on file/,
    );
    expect(await refused('华为')).toMatch(/already an alias of Huawei Technologies/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('applies the same rule to any update of the organisation', async () => {
    const xiaomi = await createOrganisation(db, { name: 'Xiaomi Corporation' });
    await createOrganisation(db, { name: 'Huawei Technologies Co., Ltd.' });
    await expect(
      updateOrganisation(db, xiaomi.id, {
        name: 'Xiaomi Corporation',
        aliases: ['Huawei Technologies Co., Ltd.'],
      }),
    ).rejects.toThrow(/name of another organisation/);
    await expect(
      createOrganisation(db, { name: 'Xiaomi Inc', aliases: ['xiaomi corporation'] }),
    ).rejects.toThrow(/name of another organisation/);
  });
});
