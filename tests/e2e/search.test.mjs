// Search across the platform, through the UI: an MOI viewer searches in Arabic with spelling variants (ه for ة,
// no hamza), sees the matched words highlighted, narrows by a facet, follows "did you mean" and a suggestion to
// the record; an MTCIT coordinator does the same in English. Each sees their own entity's adoption plan and not
// the other's, in the results and in the facet counts. A practice whose summary carries markup is searchable at
// once and shows the markup as text. The page passes axe-core in both languages.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { demoEmail, expectCleanPage, expectNoSeriousA11yViolations, newPage, serverAndBrowser, signIn } from './harness.mjs';

const env = serverAndBrowser();

// The demo adoption plans of two entities, each visible to its own entity's staff (and national roles) only.
const moiPlan = { ar: 'إدارة المخاطر — وزارة الداخلية', en: 'Risk management — Ministry of Interior' };
const mtcitPlan = {
  ar: 'إدارة التغيير — وزارة النقل والاتصالات وتقنية المعلومات',
  en: 'Change management — Ministry of Transport, Communications and Information Technology',
};

const results = (page) => page.getByTestId('search-result');
const resultLink = (page, name) => results(page).getByRole('link', { name, exact: true });

/** Waits until the results on screen are the server's answer to `q` (not the previous search's, kept while loading). */
async function resultsFor(page, q) {
  await page.locator(`[data-testid="search-results"][data-q="${q}"][aria-busy="false"]`).waitFor();
}

/** Searches through the page's own box (typing, then Enter). */
async function searchFor(page, words, label) {
  const box = page.getByRole('combobox', { name: label });
  await box.fill(words);
  await box.press('Enter');
  await resultsFor(page, words);
}

/** Waits until every result's type badge reads `label` (a type facet took effect). */
async function onlyType(page, label) {
  await page.waitForFunction(
    (l) => {
      const badges = [...document.querySelectorAll('[data-testid="search-result"] .mantine-Badge-root')];
      return badges.length > 0 && badges.every((b) => b.textContent === l);
    },
    label,
  );
}

/** The text of every <mark> inside the results. */
const marks = (page) => results(page).locator('mark').allTextContents();

describe('search (MOI viewer, Arabic)', () => {
  let page;
  before(async () => {
    page = await newPage(env.browser, { url: env.server.url, locale: 'ar' });
    await signIn(page, env.server.url, demoEmail('viewer'));
  });

  test('the header box finds a practice written with ه for ة, and highlights the words', async () => {
    await page.goto(`${env.server.url}/practices`);
    const header = page.getByRole('search', { name: 'البحث في المنظومة' }).getByRole('searchbox');
    await header.fill('الثقافه المؤسسيه');
    await header.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    await page.getByRole('heading', { level: 2, name: 'البحث' }).waitFor();
    await resultsFor(page, 'الثقافه المؤسسيه');
    await resultLink(page, 'الثقافة المؤسسية').waitFor();
    // The header box gives way to the page's own on the search page.
    assert.equal(await page.getByRole('search', { name: 'البحث في المنظومة' }).count(), 0);
    const first = results(page).first();
    assert.equal(await first.getByRole('link').first().textContent(), 'الثقافة المؤسسية');
    const highlighted = await first.locator('mark').allTextContents();
    assert.ok(highlighted.includes('الثقافة') && highlighted.includes('المؤسسية'), `marks: ${highlighted}`);
    await expectNoSeriousA11yViolations(page, '/search (ar)');
    expectCleanPage(page);
  });

  test('a facet narrows the results, and the viewer sees their own entity\'s plan only', async () => {
    await page.goto(`${env.server.url}/search`);
    await page.getByText('ما الذي تبحث عنه؟').waitFor();
    await searchFor(page, 'ادارة المخاطر', 'كلمات البحث');
    await resultLink(page, 'إدارة المخاطر').waitFor();
    await resultLink(page, moiPlan.ar).waitFor();
    assert.ok((await marks(page)).includes('إدارة'), 'the word written with hamza is highlighted');
    const total = await results(page).count();

    // MOI's plan is the only one MOI's viewer may open, and the facet counts just that one.
    const plans = page.getByRole('checkbox', { name: /^الخطط التطبيقية \((١|1)\)$/ });
    await plans.check();
    await page.waitForURL(/type=/);
    await onlyType(page, 'خطة تطبيقية');
    assert.equal(await results(page).count(), 1);
    assert.ok(total > 1);
    await resultLink(page, moiPlan.ar).waitFor();
    await page.getByRole('status').filter({ hasText: 'نتيجة واحدة' }).waitFor();
    await plans.uncheck();
    await resultLink(page, 'إدارة المخاطر').waitFor();

    // Another entity's plan (MTCIT's digital transformation) is neither listed nor counted.
    await searchFor(page, 'التحول الرقمي', 'كلمات البحث');
    assert.ok((await results(page).count()) > 0);
    assert.equal(await resultLink(page, mtcitPlan.ar).count(), 0);
    assert.equal(await page.getByRole('checkbox', { name: /^الخطط التطبيقية/ }).count(), 0);
    expectCleanPage(page);
  });

  test('"did you mean" re-runs a misspelt search, and a result opens its record', async () => {
    await page.goto(`${env.server.url}/search?q=${encodeURIComponent('التحسين المستمز')}`);
    const didYouMean = page.getByTestId('did-you-mean');
    await didYouMean.waitFor();
    assert.match(await didYouMean.textContent(), /^هل تقصد:/);
    await didYouMean.getByRole('link', { name: 'التحسين المستمر' }).click();
    await resultsFor(page, 'التحسين المستمر');
    assert.equal(await page.getByTestId('did-you-mean').count(), 0);
    assert.equal(await page.getByRole('combobox', { name: 'كلمات البحث' }).inputValue(), 'التحسين المستمر');
    await resultLink(page, 'التحسين المستمر').click();
    await page.waitForURL(/\/practices\/\d+$/);
    await page.getByRole('heading', { level: 2, name: 'التحسين المستمر' }).waitFor();
  });

  test('a suggestion picked with the keyboard opens the record', async () => {
    await page.goto(`${env.server.url}/search`);
    const box = page.getByRole('combobox', { name: 'كلمات البحث' });
    await box.pressSequentially('الثقاف', { delay: 30 });
    await page.getByRole('option', { name: /الثقافة المؤسسية/ }).waitFor();
    assert.equal(await box.getAttribute('aria-expanded'), 'true');
    await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForURL(/\/practices\/\d+$/);
    await page.getByRole('heading', { level: 2, name: 'الثقافة المؤسسية' }).waitFor();
  });

  test('only stopwords, and words that match nothing, each say so', async () => {
    await page.goto(`${env.server.url}/search?q=${encodeURIComponent('في من')}`);
    await page.getByText('لا توجد كلمات يمكن البحث بها').waitFor();
    await page.goto(`${env.server.url}/search?q=${encodeURIComponent('زرافة')}`);
    await page.getByText('لا نتائج لـ «زرافة»').waitFor();
    await expectNoSeriousA11yViolations(page, '/search, no results (ar)');
    expectCleanPage(page);
  });
});

describe('search (MTCIT coordinator, English)', () => {
  let page;
  before(async () => {
    page = await newPage(env.browser, { url: env.server.url, locale: 'en' });
    await signIn(page, env.server.url, demoEmail('coordinator'));
  });

  test('a misspelt word offers the correction, and the corrected search finds and opens the practice', async () => {
    await page.goto(`${env.server.url}/practices`);
    await page.getByRole('heading', { level: 2, name: 'Practice catalogue' }).waitFor();
    const header = page.getByRole('search', { name: 'Search the platform' }).getByRole('searchbox');
    // "/" puts the cursor in the search box, as on many sites.
    await page.keyboard.press('/');
    assert.ok(await header.evaluate((el) => el === document.activeElement), '"/" focuses the header search box');
    assert.equal(await header.inputValue(), '');
    await header.fill('leadershp');
    await header.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    await page.getByText('No results for “leadershp”').waitFor();
    await page.getByTestId('did-you-mean').getByRole('link', { name: 'leadership' }).click();
    await resultsFor(page, 'leadership');
    await resultLink(page, 'Exceptional leadership').waitFor();
    assert.ok((await marks(page)).some((m) => /^leadership$/i.test(m)));
    await expectNoSeriousA11yViolations(page, '/search (en)');

    await page.getByRole('checkbox', { name: /^Practices/ }).check();
    await page.waitForURL(/type=/);
    await onlyType(page, 'Practice');
    await page.getByRole('radiogroup', { name: 'Order:' }).getByText('Newest', { exact: true }).click();
    await page.waitForURL(/sort=/);
    await resultLink(page, 'Exceptional leadership').click();
    await page.waitForURL(/\/practices\/\d+$/);
    await page.getByRole('heading', { level: 2, name: 'Exceptional leadership' }).waitFor();
    expectCleanPage(page);
  });

  test('the coordinator sees their own entity\'s plan and not another entity\'s', async () => {
    await page.goto(`${env.server.url}/search?q=${encodeURIComponent('digital transformation')}`);
    await resultLink(page, mtcitPlan.en).waitFor();
    await page.goto(`${env.server.url}/search?q=${encodeURIComponent('risk management')}`);
    await resultsFor(page, 'risk management');
    await resultLink(page, 'Risk management').waitFor();
    assert.equal(await resultLink(page, moiPlan.en).count(), 0);
    // The plans the facet counts are MTCIT's own (its change-management plan): never MOI's risk register.
    await page.getByRole('checkbox', { name: /^Adoption plans/ }).check();
    await onlyType(page, 'Adoption plan');
    assert.deepEqual(await results(page).getByRole('link').allTextContents(), [mtcitPlan.en]);
    expectCleanPage(page);
  });
});

describe('search (program office)', () => {
  test('a new practice is searchable at once, and markup in it shows as text', async () => {
    const page = await newPage(env.browser, { url: env.server.url, locale: 'ar' });
    await signIn(page, env.server.url, demoEmail('office'));
    const request = page.context().request;
    const me = await (await request.get(`${env.server.url}/api/v1/me`)).json();
    // An edition-3 practice (edition 3 is open for new practices) gives the edition and an organisation.
    const culture = await (await request.get(`${env.server.url}/api/v1/practices/7`)).json();
    const created = await request.post(`${env.server.url}/api/v1/practices`, {
      headers: { 'X-CSRF-Token': me.csrf_token },
      data: {
        edition_id: culture.practice.edition_id,
        organization_id: culture.practice.organization_id,
        category: 'other',
        title_ar: 'مختبر الزعفران الرقمي',
        title_en: 'Saffron digital lab',
        summary_ar: 'تجربة <img src=x onerror="window.__injected=1"> و<mark>مزيف</mark> في مختبر الزعفران & غيره',
      },
    });
    assert.equal(created.status(), 201, await created.text());

    await page.goto(`${env.server.url}/search?q=${encodeURIComponent('الزعفران')}`);
    await resultLink(page, 'مختبر الزعفران الرقمي').waitFor();
    const result = results(page).filter({ hasText: 'مختبر الزعفران الرقمي' });
    const snippet = await result.locator('p').last().textContent();
    assert.match(snippet, /<img src=x onerror="window.__injected=1">/);
    assert.match(snippet, /<mark>مزيف<\/mark>/);
    assert.match(snippet, /& غيره/);
    assert.equal(await result.locator('img').count(), 0);
    // Only the matched word is highlighted; the record's own <mark> is text.
    assert.deepEqual(await result.locator('mark').allTextContents(), ['الزعفران']);
    assert.equal(await page.evaluate(() => window.__injected), undefined);
    expectCleanPage(page);
  });
});
