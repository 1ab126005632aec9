// The national system's main journey on the same records, through the UI only (no SQL):
// the program office opens edition 3 (demo data, open) and adds and publishes a practice to it; MTCIT's
// coordinator adopts that practice, builds a plan, updates an action's progress with evidence and submits it;
// the program office approves the plan and sees it on edition 3's national dashboard (figures compared with
// their values before the journey, since other demo adoptions exist) and in the adoption matrix.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { choose, demoEmail, expectCleanPage, expectNoSeriousA11yViolations, newPage, serverAndBrowser, signIn } from './harness.mjs';

const env = serverAndBrowser();

const EDITION_AR = 'النسخة الثالثة من المنظومة الوطنية للابتكار المؤسسي وإدارة التغيير';
const MTCIT_AR = 'وزارة النقل والاتصالات وتقنية المعلومات';
const stamp = Date.now();
const practiceAr = `ممارسة رحلة ${stamp}`;
const practiceEn = `Journey practice ${stamp}`;
const actionAr = 'تدريب فرق التطبيق';

const isoDay = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The figures of the national dashboard for an edition, read from their data-count attributes. */
async function figures(page, editionId) {
  await page.goto(`${env.server.url}/dashboard?edition=${editionId}`);
  await page.getByRole('heading', { name: 'لوحة المؤشرات الوطنية', level: 2 }).waitFor();
  const read = async (id) => {
    const value = page.getByTestId(`fig-${id}-value`);
    await value.waitFor();
    return Number(await value.getAttribute('data-count'));
  };
  return {
    practices: await read('practices'),
    entities: await read('entities'),
    onTrack: await read('on-track'),
    late: await read('late'),
    stalled: await read('stalled'),
  };
}

describe('the national journey: edition → practice → adoption with plan and evidence → approval → dashboard', () => {
  let editionId;
  let before;
  let mtcitAdoptedBefore;
  let adoptionUrl;

  test('the program office opens edition 3 and adds a practice to it, then publishes it (Arabic)', async () => {
    const page = await newPage(env.browser, { url: env.server.url, locale: 'ar' });
    await signIn(page, env.server.url, demoEmail('office'));

    // Edition 3's page, from the list: it is open.
    await page.goto(`${env.server.url}/editions`);
    await page.getByRole('table', { name: 'نسخ المنظومة' }).getByRole('link', { name: EDITION_AR }).click();
    await page.waitForURL(/\/editions\/\d+$/);
    editionId = Number(/\/editions\/(\d+)$/.exec(page.url())[1]);
    await page.getByRole('heading', { level: 2, name: EDITION_AR }).waitFor();
    await page.getByText('مفتوحة', { exact: true }).first().waitFor();
    expectCleanPage(page);

    // The dashboard before the journey: other demo adoptions already count.
    before = await figures(page, editionId);
    await page.getByTestId('adoption-matrix').waitFor();
    mtcitAdoptedBefore = (await page.getByTestId('adoption-matrix').getByRole('rowheader', { name: MTCIT_AR }).count()) > 0;
    assert.equal(await page.getByTestId('adoption-matrix').getByRole('columnheader', { name: practiceAr }).count(), 0);

    // The practice, added to edition 3 through the catalogue.
    await page.goto(`${env.server.url}/practices`);
    await page.getByRole('button', { name: 'إضافة ممارسة' }).click();
    const dialog = page.getByRole('dialog', { name: 'إضافة ممارسة' });
    await dialog.waitFor();
    await choose(page, dialog.getByRole('combobox', { name: /^النسخة/ }), /^النسخة (3|٣)$/);
    await choose(page, dialog.getByRole('combobox', { name: /^الفئة/ }), 'التحسين المستمر');
    await choose(page, dialog.getByRole('combobox', { name: /^الجهة المساهمة/ }), 'مجموعة أوكيو', 'أوكيو');
    await choose(page, dialog.getByRole('combobox', { name: /^مالك الممارسة/ }), 'فاطمة بنت ناصر الرواحية');
    await dialog.getByLabel(/^العنوان بالعربية/).fill(practiceAr);
    await dialog.getByLabel(/^العنوان بالإنجليزية/).fill(practiceEn);
    await dialog.getByLabel(/^الملخص بالعربية/).fill('ممارسة تُضاف وتُتبنى وتُعتمد في رحلة واحدة.');
    await dialog.getByRole('button', { name: 'إنشاء', exact: true }).click();
    await page.waitForURL(/\/practices\/\d+$/);
    await page.getByRole('heading', { level: 2, name: practiceAr }).waitFor();
    await page.getByRole('button', { name: 'نشر', exact: true }).click();
    await page.getByText('منشورة', { exact: true }).waitFor();

    // It is in edition 3's catalogue.
    await page.goto(`${env.server.url}/practices?q=${encodeURIComponent(practiceAr)}`);
    await page.getByRole('link', { name: practiceAr, exact: true }).waitFor();
    expectCleanPage(page);
    await page.close();
  });

  test('the MTCIT coordinator adopts it, builds the plan, updates progress with evidence and submits (Arabic)', async () => {
    assert.ok(editionId, 'the first step found edition 3');
    const page = await newPage(env.browser, { url: env.server.url, locale: 'ar' });
    await signIn(page, env.server.url, demoEmail('coordinator'));
    await page.goto(`${env.server.url}/adoptions`);
    await page.getByRole('heading', { name: 'التبني والخطط التطبيقية' }).waitFor();

    await page.getByRole('button', { name: 'تبنّي ممارسة' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'تبنّي ممارسة بخطة تطبيقية' });
    await dialog.waitFor();
    await choose(page, dialog.getByRole('combobox', { name: /^النسخة/ }), EDITION_AR);
    await choose(page, dialog.getByRole('combobox', { name: /^الممارسة/ }), new RegExp(escape(practiceAr)));
    await dialog.getByLabel(/^الهدف \(بالعربية\)/).fill('تطبيق الممارسة في قطاع النقل');
    await dialog.getByLabel(/^الهدف \(بالإنجليزية\)/).fill('Apply the practice in the transport sector');
    await dialog.getByRole('button', { name: 'إنشاء مسودة الخطة' }).click();
    await page.waitForURL(/\/adoptions\/\d+$/);
    adoptionUrl = page.url();
    await page.getByRole('heading', { name: new RegExp(escape(practiceAr)) }).waitFor();

    // The plan: one action with its dates.
    await page.getByRole('button', { name: 'إضافة إجراء' }).click();
    const add = page.getByRole('dialog', { name: 'إضافة إجراء' });
    await add.getByLabel(/^الإجراء \(بالعربية\)/).fill(actionAr);
    await add.getByLabel(/^الإجراء \(بالإنجليزية\)/).fill('Train the implementation teams');
    await add.getByLabel(/^بداية الخطة/).fill(isoDay(0));
    await add.getByLabel(/^موعد الإنجاز/).fill(isoDay(60));
    await add.getByRole('button', { name: 'حفظ', exact: true }).click();
    await add.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: new RegExp(`^${actionAr}`) }).first().waitFor();

    // Progress: in progress at 35%.
    await page.getByRole('button', { name: `تحديث الإنجاز: ${actionAr}` }).click();
    const progress = page.getByRole('dialog', { name: new RegExp(`^إنجاز: ${actionAr}`) });
    await progress.waitFor();
    await choose(page, progress.getByRole('combobox', { name: /^حالة الإجراء/ }), 'جارٍ');
    await progress.getByLabel(/^نسبة الإنجاز/).fill('35');
    await progress.getByRole('button', { name: 'حفظ', exact: true }).click();
    await progress.waitFor({ state: 'hidden' });
    await page.getByText('٣٥٪').first().waitFor();

    // Evidence: a small CSV uploaded and linked to the action.
    await page.getByRole('button', { name: `تحديث الإنجاز: ${actionAr}` }).click();
    await progress.waitFor();
    const chooser = page.waitForEvent('filechooser');
    await progress.getByRole('button', { name: 'إرفاق شاهد' }).click();
    await (await chooser).setFiles({ name: 'سجل_التدريب.csv', mimeType: 'text/csv', buffer: Buffer.from('الاسم,الحضور\nسالم,نعم\n') });
    await progress.getByRole('link', { name: 'سجل_التدريب.csv' }).waitFor();
    await page.keyboard.press('Escape');
    await progress.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: 'سجل_التدريب.csv' }).waitFor();

    // Submit for approval.
    await page.getByRole('button', { name: 'تقديم للاعتماد' }).click();
    const confirm = page.getByRole('dialog', { name: 'تقديم الخطة إلى مكتب البرنامج؟' });
    await confirm.getByRole('button', { name: 'تقديم للاعتماد' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByText('بانتظار الاعتماد').first().waitFor();
    expectCleanPage(page);
    await page.close();
  });

  test('the program office approves the plan and sees it on the national dashboard (Arabic)', async () => {
    assert.ok(adoptionUrl, 'the coordinator created the adoption');
    const page = await newPage(env.browser, { url: env.server.url, locale: 'ar' });
    await signIn(page, env.server.url, demoEmail('office'));
    await page.goto(adoptionUrl);
    await page.getByRole('heading', { name: new RegExp(escape(practiceAr)) }).waitFor();
    await page.getByRole('link', { name: 'سجل_التدريب.csv' }).waitFor();
    await page.getByRole('button', { name: 'اعتماد الخطة' }).click();
    const confirm = page.getByRole('dialog', { name: 'اعتماد هذه الخطة التطبيقية؟' });
    await confirm.getByRole('button', { name: 'اعتماد الخطة' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByText(/^اعتمدها /).waitFor();
    await page.getByText('في المسار').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'approved adoption page (ar)');
    expectCleanPage(page);

    const after = await figures(page, editionId);
    assert.equal(after.practices, before.practices + 1, 'the published practice counts in edition 3');
    assert.equal(after.entities, before.entities + (mtcitAdoptedBefore ? 0 : 1), 'MTCIT counts among the adopting entities');
    assert.equal(after.onTrack, before.onTrack + 1, 'the approved plan is on track');
    assert.equal(after.late, before.late);
    assert.equal(after.stalled, before.stalled);

    // The matrix: MTCIT × the new practice, on track, 35% done, linking to the adoption.
    const matrix = page.getByTestId('adoption-matrix');
    await matrix.getByRole('columnheader', { name: practiceAr }).waitFor();
    await matrix.getByRole('rowheader', { name: MTCIT_AR }).waitFor();
    // The dashboard and the adoption page use the same words for a plan's health.
    const cell = matrix.getByRole('link', { name: new RegExp(`^${MTCIT_AR}، ${escape(practiceAr)}: في المسار، أُنجز (35|٣٥)٪`) });
    await cell.waitFor();
    await cell.click();
    await page.waitForURL(adoptionUrl);
    await page.getByRole('heading', { name: new RegExp(escape(practiceAr)) }).waitFor();
    expectCleanPage(page);
    await page.close();
  });
});
