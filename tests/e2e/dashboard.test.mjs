// The national dashboard as the program office sees it: the figures of an edition (records this test writes
// straight into the database, so the counts are known), a figure's link landing on the filtered list, the
// adoption matrix and an entity's page; a coordinator reaches their own entity's page only; axe in both
// languages.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  demoEmail,
  expectCleanPage,
  expectNoSeriousA11yViolations,
  newPage,
  serverAndBrowser,
  setLocale,
  signIn,
} from './harness.mjs';

const env = serverAndBrowser();

function sql(statement) {
  return execFileSync('sqlite3', [join(env.server.dir, 'db.sqlite'), statement], { encoding: 'utf8' }).trim();
}

const EDITION = 91001;
let ids;

/** One edition with two practices: MTCIT's plan is late, the Ministry of Interior's on track. */
function story() {
  if (ids) return ids;
  const org = (name) => Number(sql(`SELECT id FROM organizations WHERE name_en = '${name}'`));
  ids = { mtcit: org('Ministry of Transport, Communications and Information Technology'), moi: org('Ministry of Interior'), oq: org('OQ Group') };
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  sql(`INSERT INTO editions (id, number, year, title_ar, title_en, starts_on, ends_on, status, created_at, updated_at)
       VALUES (${EDITION}, 911, 2031, 'نسخة العرض', 'Showcase edition', '2031-01-01', '2031-12-31', 'open', '${now}', '${now}')`);
  for (const [id, ar, en] of [[91011, 'إدارة المخاطر', 'Risk management'], [91012, 'التهيئة الوظيفية', 'Onboarding']])
    sql(`INSERT INTO practices (id, edition_id, organization_id, category, title_ar, title_en, status, created_at, updated_at)
         VALUES (${id}, ${EDITION}, ${ids.oq}, 'risk_management', '${ar}', '${en}', 'published', '${now}', '${now}')`);
  const adoption = (id, practice, org) =>
    `(${id}, ${EDITION}, ${practice}, ${EDITION}, ${org}, 'هدف', 'Objective', '2000-01-01', '2999-12-31', 'approved',
      '2000-01-01T00:00:00Z', '${now}', (SELECT MIN(id) FROM users), '${now}', '${now}')`;
  sql(`INSERT INTO adoptions (id, edition_id, practice_id, practice_edition_id, organization_id, objective_ar, objective_en,
         starts_on, ends_on, status, approved_at, last_progress_at, created_by, created_at, updated_at)
       VALUES ${adoption(91101, 91011, ids.mtcit)}, ${adoption(91102, 91012, ids.moi)}`);
  sql(`INSERT INTO plan_actions (adoption_id, title_ar, title_en, starts_on, due_on, status, percent_done, created_at, updated_at)
       VALUES (91101, 'ورشة', 'Workshop', '2000-01-01', '2000-03-01', 'in_progress', 40, '${now}', '${now}'),
              (91102, 'دليل', 'Guide', '2000-01-01', '2999-01-01', 'in_progress', 60, '${now}', '${now}')`);
  return ids;
}

test('the program office reads an edition, follows a figure to its list, and opens the matrix and an entity', async () => {
  story();
  const page = await newPage(env.browser, { locale: 'en' });
  await signIn(page, env.server.url, demoEmail('office'));
  await page.goto(`${env.server.url}/dashboard?edition=${EDITION}`);
  await page.getByRole('heading', { name: 'National dashboard', level: 2 }).waitFor();

  const late = page.getByTestId('fig-late-value');
  await late.waitFor();
  assert.equal(await late.getAttribute('data-count'), '1');
  assert.equal(await page.getByTestId('fig-on-track-value').getAttribute('data-count'), '1');
  assert.equal(await page.getByTestId('fig-entities-value').getAttribute('data-count'), '2');
  assert.equal(await page.getByTestId('fig-practices-value').getAttribute('data-count'), '2');

  // The matrix: entities as row headers, practices as column headers, each cell named for screen readers.
  const matrix = page.getByTestId('adoption-matrix');
  await matrix.getByRole('columnheader', { name: 'Risk management' }).waitFor();
  await matrix.getByRole('rowheader', { name: 'Ministry of Interior' }).waitFor();
  await matrix.getByRole('link', { name: /Ministry of Transport.*Risk management: Late, (40|٤٠)% done/ }).waitFor();
  await expectNoSeriousA11yViolations(page, 'dashboard (en)');

  // The late figure links to the adoptions of this edition that are late, with the filters the list reads
  // (`edition`, `health`): the list shows MTCIT's late plan and not the Ministry of Interior's on-track one.
  await page.getByTestId('fig-late').getByRole('link').click();
  await page.waitForURL((u) => u.pathname === '/adoptions');
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('edition'), String(EDITION));
  assert.equal(url.searchParams.get('health'), 'late');
  const list = page.getByRole('table', { name: 'Adoptions and implementation plans' });
  await list.getByRole('link', { name: /^Open the adoption of Risk management by Ministry of Transport/ }).waitFor();
  assert.equal(await list.getByRole('link', { name: /^Open the adoption of / }).count(), 1);
  assert.equal(await list.locator('tbody tr').count(), 1);
  await list.locator('tbody tr').getByText('Late', { exact: true }).waitFor();
  // The list's own filters show what it is filtered by.
  assert.equal(await page.locator('input').and(page.getByLabel('Health', { exact: true })).inputValue(), 'Late');

  // An entity's page from the matrix's row header.
  await page.goto(`${env.server.url}/dashboard?edition=${EDITION}`);
  await page.getByTestId('adoption-matrix').getByRole('link', { name: 'Ministry of Interior', exact: true }).click();
  await page.waitForURL((u) => u.pathname === `/dashboard/entities/${ids.moi}`);
  await page.getByRole('heading', { name: 'Ministry of Interior', level: 2 }).waitFor();
  await page.getByTestId('entity-adoptions').getByRole('rowheader', { name: 'Onboarding' }).waitFor();
  assert.equal(await page.getByTestId('entity-on-track-value').getAttribute('data-count'), '1');
  await expectNoSeriousA11yViolations(page, 'entity dashboard (en)');
  expectCleanPage(page);
});

test('in Arabic the dashboard reads right to left and passes axe', async () => {
  story();
  const page = await newPage(env.browser, { locale: 'ar' });
  await signIn(page, env.server.url, demoEmail('office'));
  await setLocale(page, 'ar');
  await page.goto(`${env.server.url}/dashboard?edition=${EDITION}`);
  await page.getByRole('heading', { name: 'لوحة المؤشرات الوطنية', level: 2 }).waitFor();
  await page.getByTestId('adoption-matrix').getByRole('columnheader', { name: 'إدارة المخاطر' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  await expectNoSeriousA11yViolations(page, 'dashboard (ar)');
  if (process.env.MANZUMA_SCREENSHOTS) await page.screenshot({ path: '/tmp/dashboard-ar.png', fullPage: true });
  await page.goto(`${env.server.url}/dashboard/entities/${ids.mtcit}?edition=${EDITION}`);
  await page.getByTestId('entity-adoptions').waitFor();
  await expectNoSeriousA11yViolations(page, 'entity dashboard (ar)');
  expectCleanPage(page);
});

test('a coordinator opens their own entity page, not the national dashboard nor another entity', async () => {
  story();
  const page = await newPage(env.browser, { locale: 'en' });
  await signIn(page, env.server.url, demoEmail('coordinator'));
  await page.goto(`${env.server.url}/dashboard/entities/${ids.mtcit}?edition=${EDITION}`);
  await page.getByTestId('entity-adoptions').getByRole('rowheader', { name: 'Risk management' }).waitFor();
  assert.equal(await page.getByTestId('entity-late-value').getAttribute('data-count'), '1');

  await page.goto(`${env.server.url}/dashboard/entities/${ids.moi}`);
  await page.getByRole('alert').waitFor();
  assert.equal(await page.getByTestId('entity-adoptions').count(), 0);

  await page.goto(`${env.server.url}/dashboard`);
  await page.getByRole('heading', { level: 2 }).first().waitFor();
  assert.equal(await page.getByTestId('dashboard-figures').count(), 0);
});

test('the users page exports what its table shows: the Excel link carries the search and the file downloads', async () => {
  const page = await newPage(env.browser, { locale: 'en' });
  await signIn(page, env.server.url, demoEmail('office'));
  await page.goto(`${env.server.url}/admin/users?q=coordinator`);
  await page.getByRole('button', { name: 'Export' }).click();
  const excel = page.getByRole('menuitem', { name: 'Excel workbook' });
  const href = await excel.getAttribute('href');
  const url = new URL(href, env.server.url);
  assert.equal(url.pathname, '/api/v1/users/export');
  assert.equal(url.searchParams.get('format'), 'xlsx');
  assert.equal(url.searchParams.get('q'), 'coordinator');
  assert.equal(url.searchParams.get('page[size]'), null);
  const file = await page.context().request.get(url.toString());
  assert.equal(file.status(), 200);
  assert.equal(file.headers()['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.equal(file.headers()['x-export-rows'], '1');
  // axe on the page with the menu closed: Mantine's open Menu holds a focus sentinel (role=presentation) that
  // axe flags inside role=menu, as it does for the user menu in the header.
  await page.keyboard.press('Escape');
  await page.getByRole('menu').waitFor({ state: 'hidden' });
  await expectNoSeriousA11yViolations(page, 'users page with export (en)');
});
