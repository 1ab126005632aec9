// Editions: the program office creates an edition (the server's refusal of a duplicate number shows under the
// number field), opens it from its page after confirming, and the pages pass axe-core in Arabic and English.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { demoEmail, expectCleanPage, expectNoSeriousA11yViolations, fieldError, newPage, serverAndBrowser, signIn } from './harness.mjs';

const env = serverAndBrowser();

describe('editions (program office, Arabic)', () => {
  let page;
  before(async () => {
    page = await newPage(env.browser, { url: env.server.url, locale: 'ar' });
    await signIn(page, env.server.url, demoEmail('office'));
  });

  test('the list shows the three editions of the seeds', async () => {
    await page.goto(`${env.server.url}/editions`);
    const table = page.getByRole('table', { name: 'نسخ المنظومة' });
    await table.getByRole('link', { name: 'النسخة الثالثة من المنظومة الوطنية للابتكار المؤسسي وإدارة التغيير' }).waitFor();
    await table.getByRole('link', { name: /^النسخة الأولى/ }).waitFor();
    await expectNoSeriousA11yViolations(page, '/editions (ar)');
  });

  test('creates an edition, then opens it', async () => {
    await page.goto(`${env.server.url}/editions`);
    await page.getByRole('button', { name: 'نسخة جديدة' }).click();
    const dialog = page.getByRole('dialog', { name: 'نسخة جديدة' });
    await dialog.waitFor();
    const number = dialog.getByRole('textbox', { name: /^الرقم/ });
    await number.fill('2');
    await dialog.getByRole('textbox', { name: /^السنة/ }).fill('2027');
    await dialog.getByRole('textbox', { name: /^العنوان بالعربية/ }).fill('النسخة الرابعة من المنظومة');
    await dialog.getByRole('textbox', { name: /^العنوان بالإنجليزية/ }).fill('Fourth edition of the system');
    await dialog.getByLabel(/^تاريخ البداية/).fill('2027-01-01');
    await dialog.getByLabel(/^تاريخ النهاية/).fill('2027-12-31');
    await dialog.getByRole('textbox', { name: /^الأهداف بالعربية/ }).fill('نقل الممارسات الإدارية إلى الجهات الحكومية.');
    await dialog.getByRole('button', { name: 'إنشاء النسخة' }).click();
    // Edition 2 exists: the server says so under the number.
    assert.equal(await fieldError(number), 'توجد نسخة أخرى بهذا الرقم');
    await number.fill('٤');
    await dialog.getByRole('button', { name: 'إنشاء النسخة' }).click();
    await page.waitForURL(/\/editions\/\d+$/);
    await page.getByRole('heading', { level: 2, name: 'النسخة الرابعة من المنظومة' }).waitFor();
    await page.getByText('قيد التخطيط').first().waitFor();
    await page.getByRole('heading', { level: 3, name: 'الأهداف' }).waitFor();
    await page.getByText('نقل الممارسات الإدارية إلى الجهات الحكومية.').waitFor();

    await page.getByRole('button', { name: 'فتح النسخة' }).click();
    const confirm = page.getByRole('dialog', { name: 'هل تريد فتح هذه النسخة؟' });
    await confirm.getByRole('button', { name: 'فتح النسخة' }).click();
    await page.getByText('مفتوحة', { exact: true }).first().waitFor();
    // Open moves on only to closed.
    await page.getByRole('button', { name: 'إغلاق النسخة' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'فتح النسخة' }).count(), 0);
    await expectNoSeriousA11yViolations(page, '/editions/$id (ar)');
    expectCleanPage(page);
  });
});

describe('editions (viewer, English)', () => {
  test('reads an edition with its events and people trained, and cannot change it', async () => {
    const page = await newPage(env.browser, { url: env.server.url, locale: 'en' });
    await signIn(page, env.server.url, demoEmail('viewer'));
    await page.goto(`${env.server.url}/editions?status=open`);
    await page.getByRole('link', { name: 'Third edition of the National System for Institutional Innovation and Change Management' }).click();
    await page.getByRole('heading', { level: 3, name: 'People trained' }).waitFor();
    await page.getByRole('link', { name: 'Fourth Forum for Institutional Innovation and Change Management' }).waitFor();
    // The account's digits preference decides between 95 and ٩٥.
    await page.getByText(/^(95|٩٥)$/).first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Close the edition' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Edit' }).count(), 0);
    await expectNoSeriousA11yViolations(page, '/editions/$id (en)');
    await page.goto(`${env.server.url}/editions`);
    await page.getByRole('table', { name: 'Editions' }).getByRole('link').first().waitFor();
    await expectNoSeriousA11yViolations(page, '/editions (en)');
    expectCleanPage(page);
  });
});
