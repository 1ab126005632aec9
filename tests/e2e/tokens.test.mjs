// API tokens: the program office creates a token and sees its secret once, in a dialog with a copy button
// and a warning; the list shows the new token as active with the secret's prefix; revoking it goes
// through a confirmation and the status changes to revoked.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  demoEmail,
  expectCleanPage,
  expectNoSeriousA11yViolations,
  newPage,
  serverAndBrowser,
  signIn,
} from './harness.mjs';

const env = serverAndBrowser();

const tokenName = 'تكامل نظام التقارير';
const emptyFilteredAr = 'لا نتائج تطابق البحث أو التصفية';

describe('API tokens (program office, Arabic)', () => {
  let page;
  let secret;
  before(async () => {
    page = await newPage(env.browser, { url: env.server.url, locale: 'ar' });
    await signIn(page, env.server.url, demoEmail('office'));
  });

  test('creating a token shows its secret once', async () => {
    await page.goto(`${env.server.url}/admin/tokens`);
    await page.getByRole('heading', { level: 2, name: 'مفاتيح الواجهة البرمجية' }).waitFor();
    await page.getByRole('button', { name: 'مفتاح جديد' }).first().click();
    const form = page.getByRole('dialog', { name: 'مفتاح جديد للواجهة البرمجية' });
    await form.waitFor();

    // Missing or too short values are caught before anything is sent.
    await form.getByRole('textbox', { name: /^الاسم/ }).fill('x');
    await form.getByRole('checkbox', { name: /^قراءة/ }).uncheck();
    await form.getByRole('button', { name: 'إنشاء المفتاح' }).click();
    await form.getByText('اكتب حرفين على الأقل').waitFor();
    await form.getByText('اختر صلاحية واحدة على الأقل').waitFor();

    await form.getByRole('textbox', { name: /^الاسم/ }).fill(tokenName);
    await form.getByRole('checkbox', { name: /^قراءة/ }).check();
    await form.getByRole('checkbox', { name: /^كتابة/ }).check();
    await form.getByRole('textbox', { name: /^مدة الصلاحية/ }).fill('30');
    await expectNoSeriousA11yViolations(page, 'new token dialog (ar)');
    await form.getByRole('button', { name: 'إنشاء المفتاح' }).click();

    const dialog = page.getByRole('dialog', { name: 'مفتاحك الجديد للواجهة البرمجية' });
    await dialog.waitFor();
    await dialog.getByText('هذه هي المرة الوحيدة التي يُعرض فيها المفتاح', { exact: false }).waitFor();
    secret = (await dialog.getByTestId('token-secret').textContent()).trim();
    assert.ok(secret.length > 20, `a secret is shown: ${secret}`);
    await dialog.getByRole('button', { name: 'نسخ المفتاح' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'token secret dialog (ar)');
    await dialog.getByRole('button', { name: 'حفظتُ المفتاح' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Once closed, the secret is nowhere on the page.
    assert.equal(await page.getByText(secret).count(), 0);
  });

  test('the list shows the token as active with its prefix', async () => {
    const row = page.getByRole('row', { name: new RegExp(tokenName) });
    await row.waitFor();
    await row.getByText('نشط', { exact: true }).waitFor();
    const prefix = (await row.locator('code').textContent()).replace('…', '').trim();
    assert.ok(secret.startsWith(prefix), `the prefix ${prefix} begins the secret`);
    await expectNoSeriousA11yViolations(page, '/admin/tokens (ar)');
  });

  test('revoking goes through a confirmation and changes the status', async () => {
    const row = page.getByRole('row', { name: new RegExp(tokenName) });
    await row.getByRole('button', { name: `إلغاء المفتاح «${tokenName}»` }).click();
    const confirm = page.getByRole('dialog', { name: 'هل تريد إلغاء هذا المفتاح؟' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'إلغاء المفتاح' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await row.getByText('ملغى', { exact: true }).waitFor();
    assert.equal(await row.getByRole('button', { name: /إلغاء المفتاح/ }).count(), 0);

    // The revoked filter finds it; the "not revoked" one does not.
    const filter = page.getByRole('combobox', { name: 'العرض' });
    await filter.click();
    await page.getByRole('option', { name: 'غير الملغاة' }).click();
    await page.getByText(emptyFilteredAr).waitFor();
    await filter.click();
    await page.getByRole('option', { name: 'الملغاة', exact: true }).click();
    await page.getByRole('row', { name: new RegExp(tokenName) }).getByText('ملغى', { exact: true }).waitFor();
    // The filter lives in the URL: a reload shows the same list.
    await page.reload();
    await page.getByRole('row', { name: new RegExp(tokenName) }).getByText('ملغى', { exact: true }).waitFor();
    assert.equal(await page.getByRole('combobox', { name: 'العرض' }).inputValue(), 'الملغاة');
    expectCleanPage(page);
  });
});
