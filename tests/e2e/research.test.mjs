// Research studies through review: a contributor proposes a study, the program office assigns the assessor,
// the assessor recommends, the office accepts it and turns it into a draft practice. The list and the study
// page pass axe-core in Arabic and English.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { choose, demoEmail, expectCleanPage, expectNoSeriousA11yViolations, newPage, serverAndBrowser, signIn } from './harness.mjs';

const env = serverAndBrowser();
const titleAr = 'أثر التدريب على تبني الممارسات الإدارية';
const titleEn = 'The effect of training on adopting management practices';
let studyUrl;

describe('research review pipeline', () => {
  let contributor, office, assessor;
  before(async () => {
    contributor = await newPage(env.browser, { url: env.server.url, locale: 'ar' });
    await signIn(contributor, env.server.url, demoEmail('contributor'));
    office = await newPage(env.browser, { url: env.server.url, locale: 'ar' });
    await signIn(office, env.server.url, demoEmail('office'));
    assessor = await newPage(env.browser, { url: env.server.url, locale: 'en' });
    await signIn(assessor, env.server.url, demoEmail('assessor'));
  });

  test('a contributor proposes a study', async () => {
    const page = contributor;
    await page.goto(`${env.server.url}/research`);
    await page.getByRole('heading', { level: 2, name: 'البحوث العلمية' }).waitFor();
    await expectNoSeriousA11yViolations(page, '/research (ar)');
    await page.getByRole('button', { name: 'اقتراح بحث' }).click();
    const dialog = page.getByRole('dialog', { name: 'اقتراح بحث علمي' });
    await choose(page, dialog.getByRole('combobox', { name: /^النسخة/ }), /^النسخة (3|٣)$/);
    await dialog.getByLabel(/^العنوان بالعربية/).fill(titleAr);
    await dialog.getByLabel(/^العنوان بالإنجليزية/).fill(titleEn);
    await dialog.getByLabel(/^المؤلفون/).fill('خالد بن سالم المعمري');
    await dialog.getByLabel(/^الملخص بالعربية/).fill('يقيس البحث أثر التدريب في سرعة تبني الممارسات.');
    await dialog.getByRole('button', { name: 'إرسال للتحكيم' }).click();
    await page.waitForURL(/\/research\/\d+$/);
    studyUrl = page.url();
    await page.getByRole('heading', { level: 2, name: titleAr }).waitFor();
    await page.getByText('مقترح', { exact: true }).first().waitFor();
    expectCleanPage(page);
  });

  test('the program office assigns the assessor', async () => {
    const page = office;
    await page.goto(studyUrl);
    await page.getByRole('heading', { level: 2, name: titleAr }).waitFor();
    await choose(page, page.getByRole('combobox', { name: /^إسناد محكّمين/ }), 'عائشة بنت محمد الشكيلية', 'عائشة');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'إسناد', exact: true }).click();
    await page.getByText('بانتظار التوصية').waitFor();
    await expectNoSeriousA11yViolations(page, '/research/$id (ar)');
    expectCleanPage(page);
  });

  test('the assessor records a recommendation', async () => {
    const page = assessor;
    await page.goto(studyUrl);
    await page.getByRole('heading', { level: 2, name: titleEn }).waitFor();
    await page.getByRole('radio', { name: 'Revise' }).check();
    await page.getByRole('button', { name: 'Record the recommendation' }).click();
    await page.getByText('Explain a recommendation to revise or reject').waitFor();
    await page.getByRole('radio', { name: 'Accept' }).check();
    await page.getByLabel(/^Comments/).fill('A sound method.');
    await page.getByRole('button', { name: 'Record the recommendation' }).click();
    await page.getByText('A sound method.').waitFor();
    await page.getByLabel(/^Add a comment/).fill('Happy to discuss the sample.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Happy to discuss the sample.').waitFor();
    await expectNoSeriousA11yViolations(page, '/research/$id (en)');
    await page.goto(`${env.server.url}/research`);
    await page.getByRole('heading', { level: 2, name: 'Research studies' }).waitFor();
    await expectNoSeriousA11yViolations(page, '/research (en)');
    expectCleanPage(page);
  });

  test('the program office accepts it and turns it into a practice', async () => {
    const page = office;
    await page.goto(studyUrl);
    await page.getByRole('heading', { level: 2, name: titleAr }).waitFor();
    await page.getByRole('radio', { name: 'قبول البحث' }).check();
    await page.getByRole('button', { name: 'تسجيل القرار' }).click();
    await page.getByRole('heading', { name: 'تحويل إلى ممارسة مطبّقة' }).waitFor();
    await choose(page, page.getByRole('combobox', { name: /^فئة الممارسة/ }), 'الأداء');
    await page.getByRole('button', { name: 'إنشاء الممارسة' }).click();
    await page.getByRole('link', { name: 'فتح الممارسة' }).click();
    await page.getByRole('heading', { level: 2, name: titleAr }).waitFor();
    await page.getByText('مسودة', { exact: true }).waitFor();
    assert.match(page.url(), /\/practices\/\d+$/);
    expectCleanPage(page);
  });
});
