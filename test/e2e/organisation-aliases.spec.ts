import { expect, test } from './fixtures';
import { DisputePage } from './models/dispute-page';
import { DisputesList } from './models/disputes-list';
import { OrganisationsPage } from './models/organisations';
import { openSampleCaseFile } from './models/welcome';
import { seriousViolations } from './models/axe';

test.describe('editing an organisation’s aliases', () => {
  test('an alias is added by role, refused with a message by the field when it is taken, found by Check a name and by the conflict notice, and removed with Undo', async ({
    app,
  }) => {
    const page = app.page;
    await openSampleCaseFile(page);
    const organisations = new OrganisationsPage(page);
    await organisations.goto();

    const dialog = await organisations.openAliases('Xiaomi Corporation');
    await expect(dialog).toContainText('No aliases yet.');
    const field = dialog.getByLabel('New alias');
    await expect(field).toBeFocused();
    // As every spec here: serious and critical findings fail (Mantine's modal header is a second
    // "banner", a moderate finding).
    expect(await seriousViolations(page)).toEqual([]);

    await organisations.addAlias(dialog, '   ');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(/Enter the other name/);
    await organisations.addAlias(dialog, 'huawei technologies co., ltd.');
    await expect(field).toHaveAccessibleDescription(
      /is the name of another organisation on file.*merge “Huawei Technologies Co., Ltd.” into Xiaomi Corporation/,
    );
    await organisations.addAlias(dialog, 'XIAOMI  Corporation');
    await expect(field).toHaveAccessibleDescription(/this organisation’s own name/);

    await organisations.addAlias(dialog, '小米科技有限责任公司');
    const aliases = dialog.getByRole('list', { name: 'Aliases of Xiaomi Corporation' });
    await expect(aliases.getByRole('listitem')).toHaveText(['小米科技有限责任公司×']);
    await expect(field).toHaveValue('');
    await expect(field).not.toHaveAttribute('aria-invalid', 'true');
    await organisations.addAlias(dialog, '小米科技有限责任公司');
    await expect(field).toHaveAccessibleDescription(/already an alias of Xiaomi Corporation/);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(organisations.organisation('Xiaomi Corporation')).toContainText(
      'Also known as: 小米科技有限责任公司',
    );

    // Check a name matches the alias loosely (the legal form 有限公司 is ignored).
    await page.getByLabel('Company name').fill('小米科技有限公司');
    const matches = page.getByRole('list', { name: 'Matching organisations' });
    await expect(matches).toContainText('Xiaomi Corporation');
    await expect(matches).toContainText('(as “小米科技有限责任公司”)');

    // The conflict notice of a new party finds it by the alias too.
    const list = new DisputesList(page);
    await list.goto();
    await list.create({ title: 'Xiaomi licensing talks', ourRole: 'Licensor' });
    const dispute = new DisputePage(page);
    await dispute.tab('Parties');
    await page.getByRole('button', { name: 'Add party' }).click();
    const add = dispute.dialog('Add party');
    await add.getByRole('combobox', { name: 'Organisation' }).fill('小米科技');
    await page.getByRole('option', { name: 'Xiaomi Corporation' }).click();
    await expect(add.getByRole('alert')).toContainText(
      'Xiaomi Corporation: Counterparty in 1 other dispute',
    );
    await add.getByRole('button', { name: 'Cancel' }).click();

    // Removing is audited like any change and can be undone from the dialog.
    await organisations.goto();
    const again = await organisations.openAliases('Xiaomi Corporation');
    await again.getByRole('button', { name: 'Remove alias 小米科技有限责任公司' }).click();
    await expect(again).toContainText('No aliases yet.');
    await again.getByRole('button', { name: 'Undo removing 小米科技有限责任公司' }).click();
    await expect(again.getByRole('list', { name: 'Aliases of Xiaomi Corporation' })).toContainText(
      '小米科技有限责任公司',
    );
    await again.getByRole('button', { name: 'Remove alias 小米科技有限责任公司' }).click();
    await again.getByRole('button', { name: 'Done' }).click();
    await expect(organisations.organisation('Xiaomi Corporation')).not.toContainText(
      'Also known as',
    );
    await page.getByLabel('Company name').fill('小米科技有限公司');
    await expect(
      page.getByText('No organisation on file matches “小米科技有限公司”.'),
    ).toBeVisible();
  });
});
