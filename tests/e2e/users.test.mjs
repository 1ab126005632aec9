// The users pages: the program office creates a user with a role and finds them in the list; the create
// form shows the server's messages next to the e-mail field in Arabic and, after switching, in English;
// disabling goes through a confirmation and shows in the status; a coordinator's team page lists only
// their entity's people.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  choose,
  demoEmail,
  expectCleanPage,
  expectNoSeriousA11yViolations,
  fieldError,
  newPage,
  serverAndBrowser,
  signIn,
  waitForLocale,
} from './harness.mjs';

const env = serverAndBrowser();

const transportAr = 'وزارة النقل والاتصالات وتقنية المعلومات';
const newEmail = 'e2e.new.user@demo.manzuma.om';

const msg = {
  invalidEmailAr: 'عنوان البريد الإلكتروني غير صالح',
  duplicateEmailAr: 'البريد الإلكتروني مسجل لمستخدم آخر',
  duplicateEmailEn: 'Another user has this e-mail address',
};

async function openCreate(page) {
  await page.getByRole('button', { name: /^(إضافة مستخدم|Add user)$/ }).first().click();
  const dialog = page.getByRole('dialog', { name: /إضافة مستخدم جديد|Add a user/ });
  await dialog.waitFor();
  return dialog;
}

async function fillCreate(page, dialog, { email, nameAr = 'مستخدم تجريبي', nameEn = 'Test User', role = 'مساهم' }) {
  await dialog.getByRole('textbox', { name: /^(البريد الإلكتروني|E-mail)/ }).fill(email);
  await dialog.getByRole('textbox', { name: /^(الاسم بالعربية|Name in Arabic)/ }).fill(nameAr);
  await dialog.getByRole('textbox', { name: /^(الاسم بالإنجليزية|Name in English)/ }).fill(nameEn);
  await choose(page, dialog.getByRole('combobox', { name: /^(الجهة|Organisation)/ }), /وزارة النقل|Ministry of Transport/, 'النقل');
  await choose(page, dialog.getByRole('combobox', { name: /^(الدور|Role)/ }), role);
}

describe('users administration', { concurrency: false }, () => {
  test('office creates a user with a role and finds them by e-mail', async () => {
    const page = await newPage(env.browser);
    await signIn(page, env.server.url, demoEmail('office'));
    await page.goto(`${env.server.url}/admin/users`);
    await page.getByRole('heading', { name: 'المستخدمون', level: 2 }).waitFor();
    await page.getByRole('table').waitFor();
    await expectNoSeriousA11yViolations(page, 'users list (ar)');

    const dialog = await openCreate(page);
    await fillCreate(page, dialog, { email: newEmail });
    await expectNoSeriousA11yViolations(page, 'create user dialog (ar)');
    await dialog.getByRole('button', { name: 'إنشاء الحساب' }).click();

    const secret = page.getByRole('dialog', { name: 'كلمة المرور المؤقتة' });
    await secret.waitFor();
    const password = (await secret.getByTestId('temporary-password').innerText()).trim();
    assert.ok(password.length >= 12, 'a temporary password is shown');
    await secret.getByText('لن تظهر مرة أخرى', { exact: false }).waitFor();
    await secret.getByRole('button', { name: 'نسختُها، إغلاق' }).click();
    await secret.waitFor({ state: 'hidden' });

    await page.getByRole('searchbox', { name: 'بحث', exact: true }).fill(newEmail);
    await page.waitForURL(/q=/);
    const rows = page.locator('tbody tr');
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    const row = rows.first();
    await row.getByText(newEmail).waitFor();
    await row.getByText('مستخدم تجريبي').waitFor();
    await row.getByText(`مساهم – ${transportAr}`).waitFor();
    await row.getByText('نشط').waitFor();
    expectCleanPage(page);
    await page.context().close();
  });

  test("the server's e-mail errors show next to the field, in Arabic and then in English", async () => {
    const page = await newPage(env.browser);
    await signIn(page, env.server.url, demoEmail('office'));
    await page.goto(`${env.server.url}/admin/users`);
    await page.getByRole('table').waitFor();

    const dialog = await openCreate(page);
    const email = dialog.getByRole('textbox', { name: /^(البريد الإلكتروني|E-mail)/ });
    await fillCreate(page, dialog, { email: 'not-an-email@' });
    await dialog.getByRole('button', { name: 'إنشاء الحساب' }).click();
    await page.waitForFunction((m) => document.body.innerText.includes(m), msg.invalidEmailAr);
    assert.equal(await fieldError(email), msg.invalidEmailAr, 'invalid e-mail, in Arabic, on the e-mail field');

    await email.fill(demoEmail('viewer'));
    await dialog.getByRole('button', { name: 'إنشاء الحساب' }).click();
    await page.waitForFunction((m) => document.body.innerText.includes(m), msg.duplicateEmailAr);
    assert.equal(await fieldError(email), msg.duplicateEmailAr, 'used e-mail, in Arabic, on the e-mail field');
    await expectNoSeriousA11yViolations(page, 'create user dialog with errors (ar)');

    // Switch the language with the dialog still open: the same problem is shown again in English.
    await page.locator('header button[lang="en"]').dispatchEvent('click');
    await waitForLocale(page, 'en');
    await page.waitForFunction((m) => document.body.innerText.includes(m), msg.duplicateEmailEn);
    assert.equal(await fieldError(email), msg.duplicateEmailEn, 'used e-mail, in English, on the e-mail field');

    // And a fresh submission in English answers in English.
    await dialog.getByRole('button', { name: 'Create account' }).click();
    await page.waitForFunction((m) => document.body.innerText.includes(m), msg.duplicateEmailEn);
    assert.equal(await fieldError(email), msg.duplicateEmailEn);

    // Leave the account in Arabic for the next tests.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('header button[lang="ar"]').click();
    await waitForLocale(page, 'ar');
    expectCleanPage(page);
    await page.context().close();
  });

  test('disabling a user asks first and shows the new status', async () => {
    const page = await newPage(env.browser);
    await signIn(page, env.server.url, demoEmail('office'));
    await page.goto(`${env.server.url}/admin/users?q=${encodeURIComponent(newEmail)}`);
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    await page.locator('tbody tr').first().getByRole('button', { name: /مستخدم تجريبي/ }).click();
    await page.waitForURL(/user=\d+/);

    const drawer = page.getByRole('dialog', { name: 'مستخدم تجريبي' });
    await drawer.getByRole('button', { name: 'تعطيل الحساب' }).click();
    const confirm = page.getByRole('dialog', { name: 'تعطيل حساب المستخدم؟' });
    await confirm.waitFor();
    await expectNoSeriousA11yViolations(page, 'disable confirmation (ar)');
    await confirm.getByRole('button', { name: 'تعطيل الحساب' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByText('عُطّل الحساب').first().waitFor();
    await drawer.getByRole('button', { name: 'تفعيل الحساب' }).waitFor();
    await drawer.getByText('معطّل', { exact: true }).waitFor();

    await page.keyboard.press('Escape');
    await page.waitForURL((u) => !u.searchParams.has('user'));
    await page.locator('tbody tr').first().getByText('معطّل', { exact: true }).waitFor();
    expectCleanPage(page);
    await page.context().close();
  });

  test("a coordinator's team page lists only their entity's users", async () => {
    const page = await newPage(env.browser);
    await signIn(page, env.server.url, demoEmail('coordinator'));
    await page.goto(`${env.server.url}/team`);
    await page.getByRole('heading', { name: 'فريق الجهة', level: 2 }).waitFor();
    await page.getByRole('table').waitFor();
    const rows = page.locator('tbody tr');
    const count = await rows.count();
    assert.ok(count >= 2, 'the team has the coordinator and at least one colleague');
    const emails = [];
    for (let i = 0; i < count; i++) {
      const text = await rows.nth(i).innerText();
      assert.ok(text.includes(transportAr), `row ${i + 1} has a role in the coordinator's entity:\n${text}`);
      emails.push(/\S+@\S+/.exec(text)?.[0]);
    }
    assert.ok(emails.includes(demoEmail('coordinator')));
    assert.ok(emails.includes(demoEmail('change.head')));
    assert.ok(emails.includes(newEmail), 'the user created for this entity');
    for (const other of ['office', 'viewer', 'assessor', 'contributor', 'practice.owner'])
      assert.ok(!emails.includes(demoEmail(other)), `${other}@ works elsewhere and is not listed`);
    // National roles make no sense in an entity's team: the role filter does not offer them.
    await page.getByRole('combobox', { name: 'الدور' }).click();
    await page.getByRole('option', { name: 'منسق الجهة' }).waitFor();
    assert.equal(await page.getByRole('option', { name: 'مدير المنصة' }).count(), 0);
    await page.keyboard.press('Escape');
    await expectNoSeriousA11yViolations(page, 'team page (ar)');
    expectCleanPage(page);
    await page.context().close();
  });
});
