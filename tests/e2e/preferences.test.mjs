// The preferences page: language, calendar and digits saved at once and kept in the account (they survive a
// reload), the live preview, the change-password form with the server's errors next to its fields, and the
// user's roles. Both languages, desktop and phone widths, no serious accessibility violations.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DEMO_PASSWORD,
  demoEmail,
  expectCleanPage,
  expectNoSeriousA11yViolations,
  newPage,
  serverAndBrowser,
  signIn,
  waitForLocale,
} from './harness.mjs';

const env = serverAndBrowser();

async function openPreferences(page) {
  await page.goto(`${env.server.url}/preferences`);
  await page.getByTestId('preferences-preview').waitFor();
}

const preview = (page) => page.getByTestId('preferences-preview');
const option = (page, name, label) => page.getByTestId(`preference-${name}`).getByText(label, { exact: true });
const checked = (page, name) => page.getByTestId(`preference-${name}`).locator('input:checked').inputValue();
const arabicIndic = /[٠-٩]/;

describe('display preferences', () => {
  test('Hijri calendar and Latin digits change the preview at once and survive a reload', async () => {
    const page = await newPage(env.browser);
    await signIn(page, env.server.url, demoEmail('viewer'));
    await openPreferences(page);

    // The demo accounts start Gregorian with Arabic-Indic digits.
    assert.equal(await checked(page, 'calendar'), 'gregorian');
    assert.equal(await checked(page, 'digits'), 'arab');
    assert.doesNotMatch(await preview(page).innerText(), /هـ/);
    assert.match(await preview(page).innerText(), /١٬٢٣٤٬٥٦٧/);

    await option(page, 'calendar', 'هجري (أم القرى)').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="preferences-preview"]')?.textContent?.includes('هـ'));
    assert.match(await preview(page).innerText(), /تاريخ اليوم: [٠-٩]+ \S+( \S+)? [٠-٩]{4} هـ/);

    await option(page, 'digits', 'لاتينية 123').click();
    await page.waitForFunction(() => /1.234.567/.test(document.querySelector('[data-testid="preferences-preview"]')?.textContent ?? ''));
    const latin = await preview(page).innerText();
    assert.doesNotMatch(latin, arabicIndic, 'no Arabic-Indic digits left in the preview');
    assert.match(latin, /هـ/);
    assert.match(latin, /\d{4} هـ/);

    await page.reload();
    await page.getByTestId('preferences-preview').waitFor();
    assert.equal(await checked(page, 'calendar'), 'hijri');
    assert.equal(await checked(page, 'digits'), 'latn');
    assert.match(await preview(page).innerText(), /1.234.567/);
    assert.match(await preview(page).innerText(), /\d{4} هـ/);
    await expectNoSeriousA11yViolations(page, 'preferences (ar, Hijri, Latin digits)');
    expectCleanPage(page);
    await page.context().close();
  });

  test('the language choice switches the page to English and is kept in the account', async () => {
    const page = await newPage(env.browser);
    await signIn(page, env.server.url, demoEmail('contributor'));
    await openPreferences(page);
    await option(page, 'locale', 'English').click();
    await waitForLocale(page, 'en');
    await page.getByRole('heading', { name: 'Preferences', level: 2 }).waitFor();
    await option(page, 'calendar', 'Hijri (Umm al-Qura)').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="preferences-preview"]')?.textContent?.includes('AH'));

    // A fresh env.browser (no local choice) opens in the account's language after signing in.
    const other = await newPage(env.browser, { locale: 'en' });
    await other.goto(`${env.server.url}/sign-in`);
    await other.getByLabel(/^E-mail/).fill(demoEmail('contributor'));
    await other.locator('input[type=password]').fill(DEMO_PASSWORD);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.locator('main#main').waitFor();
    await openPreferences(other);
    await waitForLocale(other, 'en');
    assert.equal(await checked(other, 'calendar'), 'hijri');
    await expectNoSeriousA11yViolations(other, 'preferences (en)');
    expectCleanPage(page);
    expectCleanPage(other);
    await page.context().close();
    await other.context().close();
  });

  test('the memberships are listed read-only', async () => {
    const page = await newPage(env.browser, { width: 390 });
    await signIn(page, env.server.url, demoEmail('coordinator'));
    await openPreferences(page);
    const table = page.getByTestId('memberships');
    assert.match(await table.innerText(), /منسق الجهة/);
    assert.match(await table.innerText(), /وزارة النقل والاتصالات وتقنية المعلومات/);
    assert.equal(await table.locator('input, button, select').count(), 0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is wider than a 390 px screen by ${overflow} px`);
    expectCleanPage(page);
    await page.context().close();
  });
});

describe('change password', () => {
  test('a wrong current password shows the env.server error next to that field', async () => {
    const page = await newPage(env.browser);
    await signIn(page, env.server.url, demoEmail('assessor'));
    await openPreferences(page);
    const current = page.locator('input').and(page.getByLabel(/^كلمة المرور الحالية/));
    const next = page.locator('input').and(page.getByLabel(/^كلمة المرور الجديدة/));
    await current.fill('not-the-password');
    await next.fill('Another-Strong-Pass-2026');
    await page.locator('input').and(page.getByLabel(/^تأكيد كلمة المرور الجديدة/)).fill('Another-Strong-Pass-2026');
    await page.getByRole('button', { name: 'تغيير كلمة المرور' }).click();

    await page.waitForFunction(() => document.querySelector('input[aria-invalid="true"]'));
    assert.equal(await current.getAttribute('aria-invalid'), 'true');
    assert.notEqual(await next.getAttribute('aria-invalid'), 'true');
    const describedBy = (await current.getAttribute('aria-describedby')) ?? '';
    const errorIds = describedBy.split(/\s+/).filter((id) => id.endsWith('-error'));
    assert.equal(errorIds.length, 1, `the field names its error (aria-describedby="${describedBy}")`);
    assert.equal(await page.locator(`[id="${errorIds[0]}"]`).innerText(), 'كلمة المرور الحالية غير صحيحة');
    await expectNoSeriousA11yViolations(page, 'preferences, password error');
    expectCleanPage(page);
    await page.context().close();
  });

  test('a correct change says that other sessions were ended, and the new password signs in', async () => {
    const page = await newPage(env.browser, { locale: 'en' });
    await signIn(page, env.server.url, demoEmail('practice.owner'));
    await openPreferences(page);
    await page.locator('input').and(page.getByLabel(/^Current password/)).fill(DEMO_PASSWORD);
    await page.locator('input').and(page.getByLabel(/^New password/)).fill('Another-Strong-Pass-2026');
    await page.locator('input').and(page.getByLabel(/^Confirm the new password/)).fill('Another-Strong-Pass-2026');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password was changed, and your sessions on other devices were ended.').waitFor();
    assert.equal(await page.locator('input').and(page.getByLabel(/^Current password/)).inputValue(), '');

    const other = await newPage(env.browser, { locale: 'en' });
    await signIn(other, env.server.url, demoEmail('practice.owner'), 'Another-Strong-Pass-2026');
    expectCleanPage(page);
    expectCleanPage(other);
    await page.context().close();
    await other.context().close();
  });
});
