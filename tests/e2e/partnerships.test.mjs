// Partnerships (MoUs): the program office sees the demo memoranda from the fourth forum, one with its renewal
// due; creates a memorandum with two parties, activates it and adds a follow-up action whose status it then
// changes inline. Arabic first, then the page in English; axe in both.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  choose,
  demoEmail,
  expectCleanPage,
  expectNoSeriousA11yViolations,
  fieldError,
  newPage,
  serverAndBrowser,
  setLocale,
  signIn,
} from './harness.mjs';

const env = serverAndBrowser();

describe('Partnerships (program office)', () => {
  let page;
  let created;
  before(async () => {
    page = await newPage(env.browser, { url: env.server.url, locale: 'ar' });
    await signIn(page, env.server.url, demoEmail('office'));
  });

  test('the list shows the demo memoranda, one due for renewal', async () => {
    await page.goto(`${env.server.url}/partnerships`);
    await page.getByRole('heading', { level: 2, name: 'الشراكات (مذكرات التعاون)' }).waitFor();
    const table = page.getByRole('table', { name: 'مذكرات التعاون' });
    await table.getByRole('link', { name: /الشوامخ/ }).waitFor();
    await table.getByRole('link', { name: /ويذرفورد/ }).waitFor();
    await table.getByRole('link', { name: /للسينما/ }).waitFor();
    assert.ok((await table.getByTestId('renewal-badge').count()) >= 1, 'a renewal badge shows');
    await expectNoSeriousA11yViolations(page, 'partnerships list (ar)');
    expectCleanPage(page);
  });

  test('the program office creates an MoU, activates it and follows it up', async () => {
    await page.getByRole('button', { name: 'مذكرة جديدة' }).click();
    const form = page.getByRole('dialog', { name: 'مذكرة تعاون جديدة' });
    await form.waitFor();
    // One party is not enough.
    await form.getByRole('textbox', { name: /^العنوان \(بالعربية\)/ }).fill('مذكرة تعاون مع الجمعية العُمانية لإدارة الموارد البشرية');
    await form.getByRole('textbox', { name: /^العنوان \(بالإنجليزية\)/ }).fill('MoU with OSHRM on change-management training');
    await form.getByLabel(/^تاريخ التوقيع/).fill('2026-10-01');
    await form.getByRole('textbox', { name: /^المدة/ }).fill('24');
    await form.getByRole('textbox', { name: /^المجال 1 \(بالعربية\)/ }).fill('التدريب على إدارة التغيير');
    await form.getByRole('textbox', { name: /^المجال 1 \(بالإنجليزية\)/ }).fill('Change-management training');
    const parties = form.getByRole('combobox', { name: /^الأطراف/ });
    await choose(page, parties, 'وزارة العمل', 'وزارة العمل');
    await form.getByRole('button', { name: 'مذكرة جديدة' }).click();
    assert.match(await page.getByText('اختر طرفين على الأقل').textContent(), /طرفين/);
    await choose(page, parties, /أوشرم/, 'أوشرم');
    // Close the options list (axe checks the dialog, not an open dropdown).
    await form.getByRole('textbox', { name: /^العنوان \(بالعربية\)/ }).click();
    await page.getByRole('listbox').waitFor({ state: 'hidden' });
    await expectNoSeriousA11yViolations(page, 'new MoU dialog (ar)');
    await form.getByRole('button', { name: 'مذكرة جديدة' }).click();
    await page.waitForURL(/\/partnerships\/\d+$/);
    created = page.url();
    await page.getByRole('heading', { level: 2, name: /الموارد البشرية/ }).waitFor();
    assert.equal((await page.getByTestId('partnership-status').textContent()).trim(), 'مسودة');

    await page.getByRole('button', { name: 'تفعيل' }).click();
    await page.getByRole('dialog', { name: 'تفعيل هذه المذكرة؟' }).getByRole('button', { name: 'تفعيل' }).click();
    await page.getByTestId('partnership-status').getByText('سارية').waitFor();

    await page.getByRole('button', { name: 'إضافة إجراء' }).click();
    const action = page.getByRole('dialog', { name: 'إجراء متابعة جديد' });
    await action.getByRole('textbox', { name: /^الإجراء \(بالعربية\)/ }).fill('تنظيم ورشة تدريبية مشتركة');
    await action.getByRole('textbox', { name: /^الإجراء \(بالإنجليزية\)/ }).fill('Hold a joint training workshop');
    await action.getByLabel(/^الاستحقاق/).fill('2025-01-01');
    await choose(page, action.getByRole('combobox', { name: /^المسؤول/ }), /coordinator@demo/, 'coordinator');
    await action.getByRole('button', { name: 'إضافة إجراء' }).click();
    // The server refuses a due date before the signing day, on the field.
    assert.match(await fieldError(action.getByLabel(/^الاستحقاق/)), /تاريخ توقيع/);
    await action.getByLabel(/^الاستحقاق/).fill('2027-02-15');
    await action.getByRole('button', { name: 'إضافة إجراء' }).click();
    await action.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: /تنظيم ورشة تدريبية مشتركة/ });
    await row.waitFor();
    await choose(page, row.getByRole('combobox', { name: /^حالة/ }), 'منجز');
    await row.getByText(/أُنجز في/).waitFor();
    await expectNoSeriousA11yViolations(page, 'MoU page (ar)');
    expectCleanPage(page);
  });

  test('the same pages read in English', async () => {
    await setLocale(page, 'en');
    await page.goto(created);
    await page.getByRole('heading', { level: 2, name: 'MoU with OSHRM on change-management training' }).waitFor();
    await page.getByRole('row', { name: /Hold a joint training workshop/ }).waitFor();
    await expectNoSeriousA11yViolations(page, 'MoU page (en)');
    await page.goto(`${env.server.url}/partnerships`);
    await page.getByRole('table', { name: 'Memoranda of cooperation' }).getByRole('link', { name: /Oman Film Society/ }).waitFor();
    await expectNoSeriousA11yViolations(page, 'partnerships list (en)');
    expectCleanPage(page);
  });
});
