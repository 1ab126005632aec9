// The organisations page: the program office creates an organisation under a ministry and sees it in the
// tree, moves it under another ministry, and an attempt to move a ministry under its own new child shows the
// server's refusal next to the parent field. The tree is keyboard-operable and the page passes axe-core.
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
  signIn,
} from './harness.mjs';

const env = serverAndBrowser();

const interiorAr = 'وزارة الداخلية';
const labourAr = 'وزارة العمل';
const newAr = 'دائرة الابتكار المؤسسي';
const newEn = 'Department of Institutional Innovation';
const cycleAr = 'لا يمكن نقل الجهة تحت نفسها أو تحت إحدى الجهات التابعة لها';

const treeItem = (scope, name) => scope.getByRole('treeitem', { name: new RegExp(`^${name}`) });

/** Opens the edit form of the selected organisation and sets its parent. */
async function moveSelectedUnder(page, parentName) {
  await page.getByRole('button', { name: 'تعديل', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'تعديل بيانات الجهة' });
  await dialog.waitFor();
  const parent = dialog.getByRole('combobox', { name: /^الجهة الأم/ });
  await choose(page, parent, new RegExp(`^${parentName}`), parentName);
  await dialog.getByRole('button', { name: 'حفظ', exact: true }).click();
  return { dialog, parent };
}

describe('organisations (program office, Arabic)', () => {
  let page;
  before(async () => {
    page = await newPage(env.browser, { url: env.server.url, locale: 'ar' });
    await signIn(page, env.server.url, demoEmail('office'));
  });

  test('the hierarchy loads as a tree and answers the keyboard', async () => {
    await page.goto(`${env.server.url}/admin/organizations`);
    const tree = page.getByRole('tree', { name: 'الهيكل التنظيمي للجهات' });
    await treeItem(tree, labourAr).waitFor();
    const labour = treeItem(tree, labourAr);
    await labour.focus();
    // In Arabic the "forward" arrow is the left one: it opens the branch and loads its children.
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(
      (el) => el.getAttribute('aria-expanded') === 'true' && !!el.querySelector('[role="treeitem"]'),
      await labour.elementHandle(),
    );
    await page.keyboard.press('ArrowLeft'); // into the first child
    const child = labour.getByRole('treeitem').first();
    assert.equal(await child.evaluate((el) => el === document.activeElement), true);
    assert.equal(await child.getAttribute('aria-level'), '2');
    const childName = (await child.getAttribute('aria-labelledby')) ?? '';
    await page.keyboard.press('Enter'); // selects it, and its details open beside the tree
    await page.waitForURL(/[?&]org=\d+/);
    const heading = await page.locator(`#${childName} > span`).first().textContent();
    await page.getByRole('heading', { level: 3, name: heading }).waitFor();
    await page.keyboard.press('ArrowRight'); // back to the parent
    assert.equal(await labour.evaluate((el) => el === document.activeElement), true);
    await page.keyboard.press('ArrowRight'); // closes it
    assert.equal(await labour.getAttribute('aria-expanded'), 'false');
    await expectNoSeriousA11yViolations(page, '/admin/organizations (ar)');
  });

  test('creates an organisation under a ministry and shows it in the tree', async () => {
    await page.goto(`${env.server.url}/admin/organizations`);
    const tree = page.getByRole('tree');
    await treeItem(tree, interiorAr).locator(':scope > div').click();
    await page.getByRole('heading', { level: 3, name: interiorAr }).waitFor();
    await page.getByRole('button', { name: 'إضافة جهة تابعة' }).click();
    const dialog = page.getByRole('dialog', { name: 'جهة تابعة جديدة' });
    await dialog.waitFor();
    // The parent is the selected ministry, already filled in.
    assert.equal(await dialog.getByRole('combobox', { name: /^الجهة الأم/ }).inputValue(), interiorAr);
    await dialog.getByRole('textbox', { name: /^الاسم بالعربية/ }).fill(newAr);
    await dialog.getByRole('textbox', { name: /^الاسم بالإنجليزية/ }).fill(newEn);
    await dialog.getByRole('combobox', { name: /^النوع/ }).click();
    await page.getByRole('option', { name: 'هيئة' }).click();
    await expectNoSeriousA11yViolations(page, 'create organisation dialog (ar)');
    await dialog.getByRole('button', { name: 'إنشاء', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Selected, with its details, and in the tree inside the ministry's branch.
    await page.getByRole('heading', { level: 3, name: newAr }).waitFor();
    const created = treeItem(treeItem(tree, interiorAr), newAr);
    await created.waitFor();
    assert.equal(await created.getAttribute('aria-level'), '2');
    assert.equal(await created.getAttribute('aria-selected'), 'true');
    expectCleanPage(page);
  });

  test('moves the organisation under another ministry', async () => {
    const { dialog } = await moveSelectedUnder(page, labourAr);
    await dialog.waitFor({ state: 'hidden' });
    const tree = page.getByRole('tree');
    await treeItem(treeItem(tree, labourAr), newAr).waitFor();
    assert.equal(await treeItem(treeItem(tree, interiorAr), newAr).count(), 0);
    const details = page.locator('section[aria-labelledby="org-details-title"]');
    await details.getByRole('button', { name: labourAr }).waitFor(); // the parent link
  });

  test('refuses to move a ministry under its own child, next to the parent field', async () => {
    const tree = page.getByRole('tree');
    await treeItem(tree, labourAr).locator(':scope > div').click();
    await page.getByRole('heading', { level: 3, name: labourAr }).waitFor();
    const { dialog, parent } = await moveSelectedUnder(page, newAr);
    assert.equal(await fieldError(parent), cycleAr);
    await expectNoSeriousA11yViolations(page, 'organisation form with a env.server error (ar)');
    await dialog.getByRole('button', { name: 'إلغاء', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Nothing moved.
    await treeItem(treeItem(tree, labourAr), newAr).waitFor();
    expectCleanPage(page);
  });

  test('search lists matches flat and selecting one opens its branch', async () => {
    await page.goto(`${env.server.url}/admin/organizations`);
    await page.getByRole('searchbox', { name: 'البحث عن جهة' }).fill('الابتكار');
    const results = page.getByRole('list', { name: 'الجهات المطابقة' });
    await results.getByRole('button', { name: new RegExp(newAr) }).click();
    await page.getByRole('heading', { level: 3, name: newAr }).waitFor();
    await page.getByRole('searchbox', { name: 'البحث عن جهة' }).fill('');
    const tree = page.getByRole('tree');
    await treeItem(treeItem(tree, labourAr), newAr).waitFor();
    expectCleanPage(page);
  });
});
