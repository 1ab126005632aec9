// The audit log and the home page, as the program office sees them: the sign-in is in the log, the action filter
// narrows it, the chain verifies intact, and the home page's organisation count is the API's total.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  demoEmail,
  expectCleanPage,
  expectNoSeriousA11yViolations,
  newPage,
  serverAndBrowser,
  signIn,
} from './harness.mjs';

const env = serverAndBrowser();

/** The text of every cell in one column of the audit table (by its header). */
async function columnTexts(page, header) {
  return page.evaluate((h) => {
    const table = document.querySelector('main table');
    if (!table) return [];
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
    const i = heads.indexOf(h);
    if (i < 0) return [];
    return [...table.querySelectorAll('tbody tr')].map((tr) => tr.children[i]?.textContent.trim() ?? '');
  }, header);
}

async function waitForColumn(page, header, check, message) {
  const deadline = Date.now() + 10_000;
  let last = [];
  while (Date.now() < deadline) {
    last = await columnTexts(page, header);
    if (last.length > 0 && check(last)) return last;
    await page.waitForTimeout(100);
  }
  assert.fail(`${message}; the ${header} column reads: ${JSON.stringify(last)}`);
}

test('the audit log lists the sign-in, filters by action and verifies the chain', async () => {
  const page = await newPage(env.browser, { locale: 'en' });
  await signIn(page, env.server.url, demoEmail('office'));

  await page.goto(`${env.server.url}/admin/audit`);
  await page.getByRole('heading', { name: 'Audit log', level: 2 }).waitFor();

  // This very sign-in is among the newest entries, by office@, under its readable name.
  const actors = await waitForColumn(page, 'By', (c) => c.some((t) => t.includes('office@demo.manzuma.om')), 'no row by office@');
  const actions = await columnTexts(page, 'Action');
  assert.ok(
    actors.some((a, i) => a.includes('office@demo.manzuma.om') && actions[i] === 'Signed in'),
    `no "Signed in" row by office@: ${JSON.stringify(actors.map((a, i) => [a, actions[i]]))}`,
  );

  // Its details open in a drawer with the entry's hash.
  await page.getByRole('button', { name: /^Show the details of entry / }).first().click();
  const drawer = page.getByRole('dialog');
  await drawer.getByText('Entry hash').waitFor();
  assert.match(await drawer.textContent(), /[0-9a-f]{64}/);
  await expectNoSeriousA11yViolations(page, 'audit entry drawer (en)');
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });

  // Filter by action: only users created remain, and the filter is in the address.
  await page.locator('input').and(page.getByLabel('Action', { exact: true })).click();
  await page.getByRole('option', { name: 'User created' }).click();
  await page.waitForURL(/[?&]action=user\.create/);
  await waitForColumn(page, 'Action', (c) => c.every((t) => t === 'User created'), 'the action filter left other actions');

  // The verify panel reports the chain intact with the number of rows the env.server checked.
  const verify = await (await page.request.get(`${env.server.url}/api/v1/audit/verify`)).json();
  assert.equal(verify.intact, true);
  await page.getByRole('button', { name: 'Verify the chain' }).click();
  const result = page.getByTestId('audit-verify-result');
  await result.waitFor();
  const text = await result.textContent();
  assert.match(text, /The chain is intact/);
  const digits = /([0-9٠-٩,٬]+) entries checked/.exec(text)?.[1] ?? '';
  const checked = Number(digits.replace(/[,٬]/g, '').replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)));
  // Verifying again after our own sign-in may have counted a row or two more; never fewer.
  assert.ok(checked >= verify.checked, `checked ${checked}, the API said ${verify.checked}`);

  await expectNoSeriousA11yViolations(page, 'audit page (en)');
  expectCleanPage(page);
  await page.context().close();
});

test('the audit page in Arabic names actions in Arabic and reports the chain in Arabic', async () => {
  const page = await newPage(env.browser, { locale: 'ar' });
  await signIn(page, env.server.url, demoEmail('office'));
  await page.goto(`${env.server.url}/admin/audit`);
  await page.getByRole('heading', { name: 'سجل التدقيق', level: 2 }).waitFor();
  await waitForColumn(page, 'الإجراء', (c) => c.includes('تسجيل الدخول'), 'no Arabic sign-in label');
  await page.getByRole('button', { name: 'تحقّق من السلسلة' }).click();
  const text = await page.getByTestId('audit-verify-result').textContent();
  assert.match(text, /السلسلة سليمة/);
  await expectNoSeriousA11yViolations(page, 'audit page (ar)');
  expectCleanPage(page);
  await page.context().close();
});

test('the home page shows the organisation count the API reports', async () => {
  const page = await newPage(env.browser, { locale: 'en' });
  await signIn(page, env.server.url, demoEmail('office'));
  await page.goto(`${env.server.url}/`);
  const api = await (await page.request.get(`${env.server.url}/api/v1/organizations?page%5Bsize%5D=1`)).json();
  assert.ok(api.total > 0);

  const value = page.getByTestId('home-count-organizations-value');
  await value.waitFor();
  assert.equal(Number(await value.getAttribute('data-count')), api.total);
  // The account's digits may be Arabic-Indic in English too: read them back as numbers.
  const shown = (await value.textContent()).trim().replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));
  assert.equal(shown, `${api.total} organisations`);

  // National roles also get the users-by-role chart (drawn, with its data table for screen readers) and the heat map.
  await page.getByRole('img', { name: 'Users by role' }).waitFor();
  await page.locator('canvas').first().waitFor();
  await page.getByRole('table', { name: 'Audit activity by day and hour' }).waitFor();
  await expectNoSeriousA11yViolations(page, 'home page (en)');
  expectCleanPage(page);
  await page.context().close();
});

test('a viewer sees the organisation count and what is coming, no administration counts', async () => {
  const page = await newPage(env.browser, { locale: 'ar' });
  await signIn(page, env.server.url, demoEmail('viewer'));
  await page.goto(`${env.server.url}/`);
  await page.getByTestId('home-count-organizations-value').waitFor();
  await page.getByTestId('home-coming').waitFor();
  assert.equal(await page.getByTestId('home-count-audit').count(), 0);
  assert.equal(await page.getByTestId('home-count-users').count(), 0);
  await expectNoSeriousA11yViolations(page, 'home page, viewer (ar)');
  expectCleanPage(page);
  await page.context().close();
});
