import { expect, type Locator, type Page } from '@playwright/test';
import { choose, chooseJurisdiction } from './mantine';

export class DisputePage {
  constructor(readonly page: Page) {}

  async tab(name: string) {
    await this.page.getByRole('tab', { name }).click();
    await expect(this.page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
  }

  /** Runs one of the rarely used actions kept in the dispute's "More" menu. */
  async more(action: string) {
    await this.page.getByRole('button', { name: 'More actions for this dispute' }).click();
    await this.page.getByRole('menuitem', { name: action }).click();
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  async addParty(party: {
    newOrganisation: string;
    role: string;
    ourSide?: boolean;
    counsel?: string;
  }) {
    await this.tab('Parties');
    await this.page.getByRole('button', { name: 'Add party' }).click();
    const dialog = this.dialog('Add party');
    await dialog.getByRole('combobox', { name: 'Organisation' }).fill(party.newOrganisation);
    await this.page.getByRole('option', { name: `Create “${party.newOrganisation}”` }).click();
    await choose(dialog, 'Role', party.role);
    if (party.ourSide) await dialog.getByLabel('Our side (our company or our client)').check();
    if (party.counsel) await dialog.getByLabel('Outside counsel').fill(party.counsel);
    await dialog.getByRole('button', { name: 'Add party' }).click();
    await expect(dialog).toBeHidden();
  }

  async addProceeding(p: {
    forum: string;
    country: string;
    caseNumber?: string;
    judge?: string;
    filedOn?: string;
    stage?: string;
    outcome?: string;
  }) {
    await this.tab('Proceedings');
    await this.page.getByRole('button', { name: 'Add proceeding' }).click();
    const dialog = this.dialog('Add proceeding');
    await dialog.getByLabel('Forum or court').fill(p.forum);
    await dialog.getByLabel('Country').fill(p.country);
    if (p.caseNumber) await dialog.getByLabel('Case number').fill(p.caseNumber);
    if (p.judge) await dialog.getByLabel('Judge or panel').fill(p.judge);
    if (p.filedOn) await dialog.getByLabel('Filed').fill(p.filedOn);
    if (p.stage) await choose(dialog, 'Stage', p.stage);
    if (p.outcome) await dialog.getByLabel('Outcome').fill(p.outcome);
    await dialog.getByRole('button', { name: 'Add proceeding' }).click();
    await expect(dialog).toBeHidden();
  }

  async addPatent(p: {
    number: string;
    jurisdiction: string;
    title?: string;
    technology?: string;
    owner?: string;
    sep?: boolean;
    claims: string;
    status?: string;
  }) {
    await this.tab('Patents');
    await this.page.getByRole('button', { name: 'Add patent' }).click();
    const dialog = this.dialog('Add patent');
    await dialog.getByLabel('Patent number').fill(p.number);
    await chooseJurisdiction(dialog, p.jurisdiction);
    if (p.title) await dialog.getByLabel('Patent title').fill(p.title);
    if (p.technology) await dialog.getByLabel('Technology').fill(p.technology);
    if (p.owner) await choose(dialog, 'Owner', p.owner);
    if (p.sep) await dialog.getByLabel('Standard-essential patent (SEP)').check();
    await dialog.getByLabel('Claims asserted').fill(p.claims);
    if (p.status) await choose(dialog, 'How it fared', p.status);
    await dialog.getByRole('button', { name: 'Add patent' }).click();
    await expect(dialog).toBeHidden();
  }

  async recordOutcome(o: {
    kind: string;
    date?: string;
    licenceType?: string;
    territory?: string;
    term?: string;
    consideration?: string;
    scope?: string;
    text?: string;
  }) {
    await this.tab('Resolution');
    await this.page.getByRole('button', { name: 'Record outcome' }).click();
    const dialog = this.dialog('Record outcome');
    await choose(dialog, 'Outcome', o.kind);
    if (o.date) await dialog.getByLabel('Date of the outcome').fill(o.date);
    else await dialog.getByRole('checkbox', { name: 'Date not given' }).check();
    if (o.licenceType) await choose(dialog, 'Licence type', o.licenceType);
    if (o.territory) await dialog.getByLabel('Territory').fill(o.territory);
    if (o.term) await dialog.getByLabel('Term').fill(o.term);
    if (o.consideration) await dialog.getByLabel('Consideration').fill(o.consideration);
    if (o.scope) await dialog.getByLabel('Licence scope').fill(o.scope);
    if (o.text) await dialog.getByLabel('Resolution text').fill(o.text);
    await dialog.getByRole('button', { name: 'Save outcome' }).click();
    await expect(dialog).toBeHidden();
  }

  /** The value shown for a labelled fact on the overview or resolution tab. */
  fact(label: string): Locator {
    return this.page
      .locator('dt', { hasText: new RegExp(`^${label}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }
}
