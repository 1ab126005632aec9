// Adoptions: an MTCIT coordinator adopts a practice, builds a plan, updates progress (the done-at-40% rule
// shows next to the percent field) with evidence, and submits; the program office approves. The list and
// the adoption page pass axe-core in Arabic and English.
//
// The editions and practices areas live in other branches, so the edition and the published practice are
// inserted straight into the server's SQLite file first.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import {
  choose,
  demoEmail,
  expectCleanPage,
  expectNoSeriousA11yViolations,
  fieldError,
  newPage,
  serverAndBrowser,
  signIn,
} from './harness.mjs';

const env = serverAndBrowser();
const practiceAr = 'ممارسة إدارة التغيير التجريبية';
const practiceEn = 'Pilot change-management practice';
let adoptionUrl;

function sql(statement) {
  execFileSync('sqlite3', [join(env.server.dir, 'db.sqlite'), statement]);
}

describe('adoptions (coordinator in Arabic, program office in English)', () => {
  before(() => {
    sql(
      "INSERT INTO editions (id, number, year, title_ar, title_en, starts_on, ends_on, status, created_at, updated_at) VALUES " +
        "(9001, 9001, 2026, 'النسخة التجريبية', 'Pilot edition', '2026-01-01', '2026-12-31', 'open', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
    );
    sql(
      'INSERT INTO practices (id, edition_id, organization_id, category, title_ar, title_en, status, created_at, updated_at) VALUES ' +
        `(9001, 9001, (SELECT id FROM organizations WHERE name_en = 'OQ Group'), 'change_management', '${practiceAr}', '${practiceEn}', 'published', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    );
  });

  test('a coordinator adopts a practice, builds the plan, updates progress with evidence and submits', async () => {
    const page = await newPage(env.browser, { url: env.server.url, locale: 'ar' });
    await signIn(page, env.server.url, demoEmail('coordinator'));
    await page.goto(`${env.server.url}/adoptions`);
    await page.getByRole('heading', { name: 'التبني والخطط التطبيقية' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'adoptions list (ar)');

    await page.getByRole('button', { name: 'تبنّي ممارسة' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'تبنّي ممارسة بخطة تطبيقية' });
    await dialog.waitFor();
    await choose(page, dialog.getByRole('combobox', { name: /^النسخة/ }), 'النسخة التجريبية');
    await choose(page, dialog.getByRole('combobox', { name: /^الممارسة/ }), new RegExp(practiceAr));
    await dialog.getByLabel(/^الهدف \(بالعربية\)/).fill('رفع جاهزية الموظفين للتحول الرقمي');
    await dialog.getByLabel(/^الهدف \(بالإنجليزية\)/).fill('Raise staff readiness for the digital transformation');
    await dialog.getByRole('button', { name: 'إنشاء مسودة الخطة' }).click();
    await page.waitForURL(/\/adoptions\/\d+/);
    adoptionUrl = page.url();
    await page.getByRole('heading', { name: new RegExp(practiceAr) }).waitFor();

    // The objective can be refined while the plan is a draft.
    await page.getByRole('button', { name: 'تعديل', exact: true }).click();
    const edit = page.getByRole('dialog', { name: 'تعديل التبني' });
    await edit.getByLabel(/^الهدف \(بالعربية\)/).fill('رفع جاهزية موظفي الوزارة للتحول الرقمي');
    await edit.getByRole('button', { name: 'حفظ', exact: true }).click();
    await edit.waitFor({ state: 'hidden' });
    await page.getByText('رفع جاهزية موظفي الوزارة للتحول الرقمي').waitFor();

    // The plan: one action.
    await page.getByRole('button', { name: 'إضافة إجراء' }).click();
    const add = page.getByRole('dialog', { name: 'إضافة إجراء' });
    await add.getByLabel(/^الإجراء \(بالعربية\)/).fill('تدريب قادة التغيير');
    await add.getByLabel(/^الإجراء \(بالإنجليزية\)/).fill('Train the change leaders');
    await add.getByRole('button', { name: 'حفظ', exact: true }).click();
    await add.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: /^تدريب قادة التغيير/ }).first().waitFor();

    // Progress: "done" at 40% is refused next to the percent field; in progress at 40% is fine.
    await page.getByRole('button', { name: 'تحديث الإنجاز: تدريب قادة التغيير' }).click();
    const progress = page.getByRole('dialog', { name: /^إنجاز: تدريب قادة التغيير/ });
    await progress.waitFor();
    await choose(page, progress.getByRole('combobox', { name: /^حالة الإجراء/ }), 'منجز');
    const percent = progress.getByLabel(/^نسبة الإنجاز/);
    await percent.fill('40');
    await progress.getByRole('button', { name: 'حفظ', exact: true }).click();
    assert.match(await fieldError(percent), /لا يمكن أن يكون الإجراء منجزاً بنسبة 40%/);
    await choose(page, progress.getByRole('combobox', { name: /^حالة الإجراء/ }), 'جارٍ');
    await progress.getByRole('button', { name: 'حفظ', exact: true }).click();
    await progress.waitFor({ state: 'hidden' });
    await page.getByText('٤٠٪').first().waitFor();

    // Evidence, uploaded under the ministry and linked to the action.
    await page.getByRole('button', { name: 'تحديث الإنجاز: تدريب قادة التغيير' }).click();
    await progress.waitFor();
    const chooser = page.waitForEvent('filechooser');
    await progress.getByRole('button', { name: 'إرفاق شاهد' }).click();
    await (await chooser).setFiles({ name: 'حضور_التدريب.csv', mimeType: 'text/csv', buffer: Buffer.from('الاسم,الحضور\nمريم,نعم\n') });
    await progress.getByRole('link', { name: 'حضور_التدريب.csv' }).waitFor();
    await page.keyboard.press('Escape');
    await progress.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: 'حضور_التدريب.csv' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'adoption page (ar)');

    // Submit for approval.
    await page.getByRole('button', { name: 'تقديم للاعتماد' }).click();
    const confirm = page.getByRole('dialog', { name: 'تقديم الخطة إلى مكتب البرنامج؟' });
    await confirm.getByRole('button', { name: 'تقديم للاعتماد' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByText('بانتظار الاعتماد').first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'إضافة إجراء' }).count(), 0, 'the plan is locked while reviewed');
    await page.screenshot({ path: '/tmp/adoption-ar.png', fullPage: true });
    expectCleanPage(page);
    await page.close();
  });

  test('the program office approves the plan (English)', async () => {
    const page = await newPage(env.browser, { url: env.server.url, locale: 'en' });
    await signIn(page, env.server.url, demoEmail('office'));
    await page.goto(`${env.server.url}/adoptions?status=submitted`);
    await page.getByRole('link', { name: new RegExp(`Open the adoption of ${practiceEn}`) }).click();
    await page.waitForURL(adoptionUrl);
    await page.getByRole('button', { name: 'Approve the plan' }).click();
    const confirm = page.getByRole('dialog', { name: 'Approve this implementation plan?' });
    await confirm.getByRole('button', { name: 'Approve the plan' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByText(/^Approved by Salim Khamis Al Harthi/).waitFor();
    await page.getByText('On track').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'adoption page (en)');
    await page.getByRole('tab', { name: 'Indicators' }).click();
    await expectNoSeriousA11yViolations(page, 'indicators tab (en)');
    await page.goto(`${env.server.url}/adoptions`);
    await page.getByRole('heading', { name: 'Adoptions and implementation plans' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'adoptions list (en)');
    await page.screenshot({ path: '/tmp/adoptions-en.png', fullPage: true });
    expectCleanPage(page);
    await page.close();
  });
});
