// The practice catalogue: the program office adds a practice to edition 3 with a toolkit link and publishes
// it; OQ's practice owner edits their own practice's toolkit; deleting a published practice shows the
// server's refusal; the catalogue and a practice page pass axe-core in Arabic and English.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { choose, demoEmail, expectCleanPage, expectNoSeriousA11yViolations, newPage, serverAndBrowser, signIn } from './harness.mjs';

const env = serverAndBrowser();

describe('practices (program office, Arabic)', () => {
  let page;
  before(async () => {
    page = await newPage(env.browser, { url: env.server.url, locale: 'ar' });
    await signIn(page, env.server.url, demoEmail('office'));
  });

  test('the catalogue lists edition 2 and 3 practices with filters in the URL', async () => {
    await page.goto(`${env.server.url}/practices`);
    await page.getByRole('heading', { level: 2, name: 'دليل الممارسات الإدارية' }).waitFor();
    await page.getByRole('link', { name: 'إدارة المخاطر', exact: true }).waitFor();
    await choose(page, page.getByRole('combobox', { name: 'الفئة' }), 'التحسين المستمر');
    await page.waitForURL(/category=continuous_improvement/);
    await page.getByRole('link', { name: 'التحسين المستمر', exact: true }).waitFor();
    // The filtered page replaces the first one: wait for the other category's practice to leave.
    await page.getByRole('link', { name: 'إدارة المخاطر', exact: true }).waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('link', { name: 'إدارة المخاطر', exact: true }).count(), 0);
    await expectNoSeriousA11yViolations(page, '/practices (ar)');
    expectCleanPage(page);
  });

  test('adds a practice to edition 3 with a toolkit link and publishes it', async () => {
    await page.goto(`${env.server.url}/practices`);
    await page.getByRole('button', { name: 'إضافة ممارسة' }).click();
    const dialog = page.getByRole('dialog', { name: 'إضافة ممارسة' });
    await dialog.waitFor();
    await choose(page, dialog.getByRole('combobox', { name: /^النسخة/ }), /^النسخة (3|٣)$/);
    await choose(page, dialog.getByRole('combobox', { name: /^الفئة/ }), 'التحسين المستمر');
    await choose(page, dialog.getByRole('combobox', { name: /^الجهة المساهمة/ }), 'مجموعة أوكيو', 'أوكيو');
    await choose(page, dialog.getByRole('combobox', { name: /^مالك الممارسة/ }), 'فاطمة بنت ناصر الرواحية');
    await dialog.getByLabel(/^العنوان بالعربية/).fill('إدارة المعرفة المؤسسية');
    await dialog.getByLabel(/^العنوان بالإنجليزية/).fill('Institutional knowledge management');
    await dialog.getByLabel(/^الملخص بالعربية/).fill('توثيق المعرفة المؤسسية ونقلها بين الوحدات.');
    await dialog.getByRole('button', { name: 'إنشاء', exact: true }).click();
    await page.waitForURL(/\/practices\/\d+$/);
    await page.getByRole('heading', { level: 2, name: 'إدارة المعرفة المؤسسية' }).waitFor();

    await page.getByRole('button', { name: 'إضافة إلى الحقيبة' }).click();
    const form = page.getByRole('form', { name: 'إضافة إلى الحقيبة' });
    await form.getByLabel(/^العنوان بالعربية/).fill('دليل إدارة المعرفة');
    await form.getByLabel(/^العنوان بالإنجليزية/).fill('Knowledge management guide');
    await form.getByLabel(/^الرابط/).fill('http://example.om/guide');
    await form.getByRole('button', { name: 'إضافة', exact: true }).click();
    await form.getByText('يجب أن يكون الرابط آمنًا يبدأ بـ https://').waitFor();
    await form.getByLabel(/^الرابط/).fill('https://example.om/guide');
    await form.getByRole('button', { name: 'إضافة', exact: true }).click();
    const link = page.getByRole('link', { name: 'دليل إدارة المعرفة' });
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), 'https://example.om/guide');

    await page.getByRole('button', { name: 'نشر', exact: true }).click();
    await page.getByText('منشورة', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, '/practices/$id (ar)');
    expectCleanPage(page);
  });

  test('deleting a published practice shows why it was refused', async () => {
    await page.goto(`${env.server.url}/practices?q=${encodeURIComponent('تسريع التغيير')}`);
    await page.getByRole('link', { name: 'تسريع التغيير الفاعل' }).click();
    await page.getByRole('heading', { level: 2, name: 'تسريع التغيير الفاعل' }).waitFor();
    await page.getByRole('button', { name: 'حذف', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'حذف هذه الممارسة؟' });
    await confirm.getByRole('button', { name: 'حذف', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'لم تُحذف الممارسة' });
    await alert.waitFor();
    assert.match(await alert.textContent(), /أرشفها بدلًا من ذلك/);
  });
});

describe('practices (practice owner, English)', () => {
  let page;
  before(async () => {
    page = await newPage(env.browser, { url: env.server.url, locale: 'en' });
    await signIn(page, env.server.url, demoEmail('practice.owner'));
  });

  test('edits the toolkit of their own practice, and only their own', async () => {
    await page.goto(`${env.server.url}/practices?q=${encodeURIComponent('Organisational culture')}`);
    await page.getByRole('link', { name: 'Organisational culture', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Organisational culture' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Delete', exact: true }).count(), 0);
    await page.getByRole('button', { name: 'Add to the toolkit' }).click();
    const form = page.getByRole('form', { name: 'Add to the toolkit' });
    await choose(page, form.getByRole('combobox', { name: /^Kind/ }), 'Training');
    await form.getByLabel(/^Title in Arabic/).fill('ورشة قياس الثقافة');
    await form.getByLabel(/^Title in English/).fill('Culture survey workshop');
    await form.getByLabel(/^Link/).fill('https://example.om/culture-workshop');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('link', { name: 'Culture survey workshop' }).waitFor();
    await page.getByRole('button', { name: 'Remove Culture survey workshop' }).click();
    await page.getByRole('link', { name: 'Culture survey workshop' }).waitFor({ state: 'detached' });
    await expectNoSeriousA11yViolations(page, '/practices/$id (en)');

    // Another company's practice: readable, not editable.
    await page.goto(`${env.server.url}/practices?q=${encodeURIComponent('Change management')}`);
    await page.getByRole('link', { name: 'Change management', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Change management' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Edit', exact: true }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Add to the toolkit' }).count(), 0);
    await page.goto(`${env.server.url}/practices`);
    await page.getByRole('heading', { level: 2, name: 'Practice catalogue' }).waitFor();
    await page.getByRole('link', { name: 'Risk management', exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, '/practices (en)');
    expectCleanPage(page);
  });
});
