// Editions: the program office creates an edition (the server's refusal of a duplicate number shows under the
// number field), opens it from its page after confirming; an edition's page gathers its practices, research and
// adopting entities, each linking to its record and to the list filtered by the edition; the pages pass axe-core
// in Arabic and English.
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

describe('an edition page gathers its records (program office)', () => {
  test('edition 2 (Arabic): its practices and research, each row a link, and "see all" opens the filtered catalogue', async () => {
    const page = await newPage(env.browser, { url: env.server.url, locale: 'ar' });
    await signIn(page, env.server.url, demoEmail('office'));
    await page.goto(`${env.server.url}/editions`);
    await page.getByRole('table', { name: 'نسخ المنظومة' }).getByRole('link', { name: /^النسخة الثانية/ }).click();
    await page.waitForURL(/\/editions\/\d+$/);
    const editionId = new URL(page.url()).pathname.split('/').pop();

    const practices = page.getByRole('table', { name: 'ممارسات النسخة' });
    await practices.getByRole('link', { name: 'إدارة المخاطر' }).waitFor();
    await practices.getByRole('link', { name: 'برنامج إعداد الموظفين الجدد' }).waitFor();
    // Edition 3's practices are not in edition 2's section.
    assert.equal(await practices.getByRole('link', { name: 'التحسين المستمر' }).count(), 0);
    const research = page.getByRole('table', { name: 'بحوث النسخة ودراساتها' });
    await research.getByRole('link', { name: 'استكشاف أدوار الذكاء الاصطناعي في البيئات الحكومية' }).waitFor();
    assert.equal(await research.getByRole('row').count(), 5); // a header and the demo's four studies
    // No entity adopts an edition 2 practice in the demo: the section says so rather than showing nothing.
    const adoptions = page.getByRole('region', { name: 'الجهات المتبنية' });
    await adoptions.getByText('لم تتبنَّ أي جهة ممارسة من ممارسات هذه النسخة بعد').waitFor();
    await expectNoSeriousA11yViolations(page, '/editions/$id with practices and research (ar)');

    // A row opens its record.
    await research.getByRole('link', { name: 'استكشاف أدوار الذكاء الاصطناعي في البيئات الحكومية' }).click();
    await page.waitForURL(/\/research\/\d+$/);
    await page.goBack();

    // "See all" lands on the catalogue filtered by this edition.
    await page.getByRole('link', { name: /^عرض جميع الممارسات/ }).click();
    await page.waitForURL((u) => u.pathname === '/practices' && u.searchParams.get('edition') === editionId);
    const catalogue = page.getByRole('table', { name: 'دليل الممارسات الإدارية' });
    await catalogue.getByRole('link', { name: 'إدارة المخاطر' }).waitFor();
    assert.equal(await catalogue.getByRole('link', { name: 'التحسين المستمر' }).count(), 0);
    expectCleanPage(page);
  });

  test('edition 3 (English): the adopting entities with each plan\'s status and health, linking to the adoptions', async () => {
    const page = await newPage(env.browser, { url: env.server.url, locale: 'en' });
    await signIn(page, env.server.url, demoEmail('office'));
    await page.goto(`${env.server.url}/editions`);
    await page.getByRole('table', { name: 'Editions' }).getByRole('link', { name: /^Third edition/ }).click();
    await page.waitForURL(/\/editions\/\d+$/);
    const editionId = new URL(page.url()).pathname.split('/').pop();

    const practices = page.getByRole('table', { name: "The edition's practices" });
    await practices.getByRole('link', { name: 'Continuous improvement' }).waitFor();
    const adoptions = page.getByRole('table', { name: /^The entities adopting the edition's practices/ });
    const mtcit = adoptions.getByRole('row').filter({
      has: page.getByRole('link', { name: /^Open the adoption of Change management by Ministry of Transport/ }),
    });
    await mtcit.getByText('Approved', { exact: true }).waitFor();
    await mtcit.getByText('On track', { exact: true }).waitFor();
    const moi = adoptions.getByRole('row').filter({ has: page.getByRole('link', { name: /by Ministry of Interior$/ }) });
    await moi.getByText('Late', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, '/editions/$id with adoptions (en)');

    await page.getByRole('link', { name: /^See all \S+ adoptions in the adoptions list$/ }).click();
    await page.waitForURL((u) => u.pathname === '/adoptions' && u.searchParams.get('edition') === editionId);
    await page.getByRole('table', { name: 'Adoptions and implementation plans' }).getByRole('link', { name: /^Open the adoption of Change management/ }).waitFor();
    expectCleanPage(page);
  });

  test('edition 3 in Arabic passes axe with its adoptions', async () => {
    const page = await newPage(env.browser, { url: env.server.url, locale: 'ar' });
    await signIn(page, env.server.url, demoEmail('office'));
    await page.goto(`${env.server.url}/editions`);
    await page.getByRole('table', { name: 'نسخ المنظومة' }).getByRole('link', { name: /^النسخة الثالثة/ }).click();
    await page.getByRole('table', { name: /^الجهات المتبنية لممارسات النسخة/ }).getByRole('link', { name: /وزارة الداخلية/ }).waitFor();
    await expectNoSeriousA11yViolations(page, '/editions/$id with adoptions (ar)');
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
