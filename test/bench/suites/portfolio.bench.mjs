/**
 * Issue 14: the Organisations and Patents pages at 10,000 disputes, through the built renderer in
 * Chromium with real IndexedDB. The database is filled with raw IndexedDB writes shaped as the
 * repositories store them (keys included); each figure is then the app's own page, printed beside
 * the raw `getAll` of the same tables (the floor any page that shows them all must stand on).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';

export const name = 'portfolio';

const DISPUTES = 10_000;
const ORGANISATIONS = 3_000;
const PATENTS = 15_000;
const TARGET_MS = 1_000;

/** Runs in the page: writes the records in a few large transactions. */
async function seed({ disputes, organisations, patents }) {
  const open = () =>
    new Promise((resolve, reject) => {
      const request = indexedDB.open('casefile');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const db = await open();
  const at = new Date().toISOString();
  const put = (store, rows) =>
    new Promise((resolve, reject) => {
      const tx = db.transaction(store, 'readwrite');
      const table = tx.objectStore(store);
      for (const row of rows) table.put(row);
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
  const statuses = ['active', 'stayed', 'settled', 'closed', 'appeal'];
  await put(
    'disputes',
    Array.from({ length: disputes }, (_, i) => ({
      id: `bd${i}`,
      title: `Bench dispute ${i}`,
      matterNumber: '',
      ourRole: i % 3 === 0 ? 'defendant' : 'plaintiff',
      status: statuses[i % statuses.length],
      summary: '',
      tags: [],
      privilege: 'attorney-client-work-product',
      openedOn: '2020',
      closedOn: '',
      resolution: null,
      createdAt: at,
      updatedAt: at,
    })),
  );
  await put(
    'organisations',
    Array.from({ length: organisations }, (_, i) => ({
      id: `bo${i}`,
      name: `Bench Company ${i} Co., Ltd.`,
      nameKey: `bench company ${i} co., ltd.`,
      matchKeys: [`benchcompany${i}`],
      aliases: [],
      country: '',
      notes: '',
      createdAt: at,
      updatedAt: at,
    })),
  );
  const parties = [];
  const proceedings = [];
  for (let i = 0; i < disputes; i += 1) {
    parties.push({
      id: `bp${i}a`,
      disputeId: `bd${i}`,
      organisationId: 'bo0',
      role: 'plaintiff',
      ourSide: true,
      outsideCounsel: '',
      notes: '',
      createdAt: at,
      updatedAt: at,
    });
    parties.push({
      id: `bp${i}b`,
      disputeId: `bd${i}`,
      organisationId: `bo${1 + (i % (organisations - 1))}`,
      role: 'defendant',
      ourSide: false,
      outsideCounsel: `Counsel ${i % 40} LLP`,
      notes: '',
      createdAt: at,
      updatedAt: at,
    });
    proceedings.push({
      id: `bq${i}`,
      disputeId: `bd${i}`,
      kind: 'infringement',
      forum: i % 2 ? 'Munich Regional Court' : 'UPC Local Division Düsseldorf',
      country: 'Germany',
      caseNumber: `${i} O 1/24`,
      judge: '',
      filedOn: '2024-03',
      stage: 'pleadings',
      closedOn: '',
      outcome: '',
      createdAt: at,
      updatedAt: at,
    });
  }
  await put('disputeParties', parties);
  await put('proceedings', proceedings);
  const patentRows = Array.from({ length: patents }, (_, i) => {
    const digits = String(3_000_000 + i);
    return {
      id: `bt${i}`,
      number: `EP ${digits[0]} ${digits.slice(1, 4)} ${digits.slice(4)}`,
      numberKey: `EP${digits}`,
      jurisdiction: i % 4 === 0 ? 'DE' : 'EP',
      title: `Bench invention ${i}`,
      ownerId: i % 2 ? 'bo0' : `bo${1 + (i % (organisations - 1))}`,
      technology: ['5G', 'Video coding', 'Wi-Fi', 'Camera'][i % 4],
      family: i % 5 === 0 ? `FAM-${Math.floor(i / 10)}` : '',
      expiresOn: '2035',
      sep: i % 3 === 0,
      createdAt: at,
      updatedAt: at,
    };
  });
  await put('patents', patentRows);
  // Two assertions per patent, in two different disputes.
  await put(
    'assertions',
    patentRows.flatMap((p, i) =>
      [i % disputes, (i * 7 + 1) % disputes].map((d, k) => ({
        id: `ba${i}-${k}`,
        disputeId: `bd${d}`,
        proceedingId: `bq${d}`,
        patentId: p.id,
        claims: '1-5',
        status: k ? 'asserted' : 'invalid',
        notes: '',
        createdAt: at,
        updatedAt: at,
      })),
    ),
  );
  db.close();
}

/** The raw floor: every table the page shows, read with getAll. */
async function rawRead(stores) {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('casefile');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const started = performance.now();
  const tx = db.transaction(stores, 'readonly');
  await Promise.all(
    stores.map(
      (store) =>
        new Promise((resolve, reject) => {
          const request = tx.objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result.length);
          request.onerror = () => reject(request.error);
        }),
    ),
  );
  const ms = performance.now() - started;
  db.close();
  return ms;
}

async function timed(action) {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

export async function run({ workDir, launchChromium }) {
  const profile = join(workDir, 'portfolio-profile');
  rmSync(profile, { recursive: true, force: true });
  let context = await launchChromium(profile);
  let page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/index.html');
  await page.getByRole('button', { name: 'Start empty' }).click();
  await page.getByRole('heading', { name: 'Disputes', level: 1 }).waitFor();
  await page.evaluate(seed, { disputes: DISPUTES, organisations: ORGANISATIONS, patents: PATENTS });
  await context.close();
  context = await launchChromium(profile);
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/index.html#/home');
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();

  const rawOrganisations = await page.evaluate(rawRead, ['organisations']);
  const rawDocket = await page.evaluate(rawRead, ['organisations', 'disputeParties', 'disputes']);
  const organisationsMs = await timed(async () => {
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Organisations' })
      .click();
    await page.getByRole('article').first().waitFor();
  });
  const filterMs = await timed(async () => {
    await page.getByLabel('Filter organisations').fill('Bench Company 2999');
    await page.getByRole('article', { name: 'Bench Company 2999 Co., Ltd.' }).waitFor();
  });
  const checkMs = await timed(async () => {
    await page.getByLabel('Company name').fill('bench company 17 ltd');
    await page.getByRole('list', { name: 'Matching organisations' }).waitFor();
  });

  const rawPatentsAlone = await page.evaluate(rawRead, ['patents']);
  const rawPatents = await page.evaluate(rawRead, [
    'patents',
    'assertions',
    'proceedings',
    'disputes',
    'disputeParties',
  ]);
  const patentsMs = await timed(async () => {
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Patents' })
      .click();
    // Drawn means a first row with its assertions joined, not only its number.
    await page
      .getByRole('table', { name: /^Assertions of / })
      .first()
      .waitFor();
  });
  const searchMs = await timed(async () => {
    await page.getByLabel('Search patents').fill('EP3014999');
    await page.getByRole('article', { name: 'EP 3 014 999' }).waitFor();
  });
  await context.close();

  const row = (metric, value, target = TARGET_MS) => ({
    metric,
    value,
    unit: 'ms',
    ...(target === null ? {} : { target: `< ${target} ms`, pass: value < target }),
  });
  return [
    row(`raw getAll: organisations (${ORGANISATIONS})`, rawOrganisations, null),
    row(`raw getAll: organisations, parties, disputes (${DISPUTES} disputes)`, rawDocket, null),
    row(
      `Organisations page drawn, ${ORGANISATIONS} organisations in ${DISPUTES} disputes`,
      organisationsMs,
    ),
    row('Organisations: filter by name', filterMs),
    row('Check a name (index on loose keys)', checkMs),
    row(`raw getAll: patents (${PATENTS})`, rawPatentsAlone, null),
    row(`raw getAll: patents, assertions, proceedings, disputes, parties`, rawPatents, null),
    row(`Patents page drawn, ${PATENTS} patents, ${PATENTS * 2} assertions`, patentsMs),
    row('Patents: search by number however typed', searchMs),
  ];
}
