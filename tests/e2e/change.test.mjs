// Change portfolio: MTCIT's change-team head registers an initiative, assesses its impact on a new stakeholder
// group, opens an ADKAR survey and creates links; five employees answer through the links without an account
// (two on the page, where a second answer through a used link is refused; three more by the same public API),
// the head sees the results hidden while the survey is open (anonymity), closes it and sees the means and the
// barrier point. The head requests a review of the next gate naming the program office; office@ ticks the checklist,
// attaches the evidence and passes the gate; the initiative shows the new gate and the national view counts it.
// The saturation heatmap renders in Arabic (right to left) and English; every page passes axe-core.
//
// Everything the test needs is created through the UI, so it does not depend on the change area's demo data.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { choose, demoEmail, expectCleanPage, expectNoSeriousA11yViolations, newPage, serverAndBrowser, signIn } from './harness.mjs';

const env = serverAndBrowser();
const titleAr = 'منصة توثيق الإلكترونية للكتاب العدل';
const titleEn = 'Tawtheeq e-notary platform';
const groupAr = 'الكتاب العدل في المحاكم';
const groupEn = 'Court notaries';
let initiativeUrl;
let links = [];

/** Waits for the answer to a request whose method and path match, and returns it. */
function answerTo(page, method, pathPattern) {
  return page.waitForResponse((r) => r.request().method() === method && pathPattern.test(new URL(r.url()).pathname));
}

/** One employee answers the survey through a link in a fresh browser context (no account). */
async function answerSurvey(page, answers) {
  for (const [element, value] of Object.entries(answers)) {
    await page.locator(`input[name="adkar-${element}"][value="${value}"]`).check();
  }
  const sent = answerTo(page, 'POST', /^\/api\/v1\/change\/survey\//);
  await page.getByRole('button', { name: 'إرسال إجاباتي' }).click();
  return (await sent).status();
}

/** The demo office account keeps Arabic-Indic digits in English: compare numbers in Latin digits. */
const latin = (text) => text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660));

const answers = { awareness: 4, desire: 4, knowledge: 2, ability: 3, reinforcement: 3 };

describe('change portfolio (change-team head in Arabic, program office in English)', () => {
  test('the change-team head registers an initiative, assesses its impact and opens a survey with links', async () => {
    const page = await newPage(env.browser, { url: env.server.url, locale: 'ar' });
    await signIn(page, env.server.url, demoEmail('change.head'));
    await page.goto(`${env.server.url}/change`);
    await page.getByRole('heading', { name: 'مبادرات التغيير' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'initiatives list (ar)');

    await page.getByRole('button', { name: 'مبادرة جديدة' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'مبادرة جديدة' });
    await dialog.waitFor();
    await dialog.getByLabel(/^العنوان \(بالعربية\)/).fill(titleAr);
    await dialog.getByLabel(/^العنوان \(بالإنجليزية\)/).fill(titleEn);
    await dialog.getByLabel(/^الراعي \(بالعربية\)/).fill('وكيل الوزارة للاتصالات');
    await dialog.getByLabel(/^البرنامج الوطني \(بالعربية\)/).fill('برنامج التحول الرقمي الحكومي');
    const created = answerTo(page, 'POST', /^\/api\/v1\/change\/initiatives$/);
    await dialog.getByRole('button', { name: 'إنشاء', exact: true }).click();
    assert.equal((await created).status(), 201);
    await page.waitForURL(/\/change\/\d+/);
    initiativeUrl = page.url().split('?')[0];
    await page.getByRole('heading', { name: titleAr }).waitFor();
    await page.getByTestId('current-gate').getByText('١ · فكرة').waitFor();
    await expectNoSeriousA11yViolations(page, 'initiative overview (ar)');

    // Impact: a new group, assessed on the ten aspects; a score of 7 is refused next to its field.
    await page.getByRole('tab', { name: 'الأثر' }).click();
    await page.getByRole('button', { name: 'تقييم مجموعة' }).first().click();
    const impact = page.getByRole('dialog', { name: 'تقييم الأثر على مجموعة' });
    await impact.getByRole('button', { name: 'مجموعة جديدة' }).click();
    await impact.getByLabel(/^اسم المجموعة \(بالعربية\)/).fill(groupAr);
    await impact.getByLabel(/^اسم المجموعة \(بالإنجليزية\)/).fill(groupEn);
    await impact.getByLabel(/^العدد/).fill('120');
    await impact.getByLabel(/^العمليات/).fill('7');
    const refused = answerTo(page, 'PUT', /\/impacts\/\d+$/);
    await impact.getByRole('button', { name: 'حفظ', exact: true }).click();
    assert.equal((await refused).status(), 400);
    await impact.getByLabel(/^العمليات/).fill('5');
    await impact.getByLabel(/^الأنظمة/).fill('4');
    await impact.getByLabel(/^الأدوار الوظيفية/).fill('3');
    await impact.getByLabel(/^العقليات والاتجاهات/).fill('2');
    const saved = answerTo(page, 'PUT', /\/impacts\/\d+$/);
    await impact.getByRole('button', { name: 'حفظ', exact: true }).click();
    assert.equal((await saved).status(), 200);
    await impact.waitFor({ state: 'hidden' });
    const grid = page.getByTestId('impact-grid');
    await grid.getByRole('rowheader', { name: new RegExp(groupAr) }).waitFor();
    await grid.getByRole('cell', { name: `${groupAr}، العمليات: ٥` }).waitFor();
    await expectNoSeriousA11yViolations(page, 'impact grid (ar)');

    // Readiness: a survey round and six links for the group (results show from five answers, once closed).
    await page.getByRole('tab', { name: 'الجاهزية' }).click();
    await page.getByRole('button', { name: 'جولة استبيان جديدة' }).first().click();
    const survey = page.getByRole('dialog', { name: 'جولة استبيان جديدة' });
    await survey.getByLabel(/^عنوان الاستبيان \(بالعربية\)/).fill('قياس الجاهزية الأول');
    await survey.getByLabel(/^عنوان الاستبيان \(بالإنجليزية\)/).fill('First readiness check');
    const opened = answerTo(page, 'POST', /\/surveys$/);
    await survey.getByRole('button', { name: 'إنشاء', exact: true }).click();
    assert.equal((await opened).status(), 201);
    await survey.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'إنشاء روابط' }).click();
    const linksDialog = page.getByRole('dialog', { name: 'إنشاء روابط' });
    await choose(page, linksDialog.getByRole('combobox', { name: /^مجموعة أصحاب المصلحة/ }), groupAr);
    await linksDialog.getByLabel(/^عدد الروابط/).fill('6');
    const batch = answerTo(page, 'POST', /\/links$/);
    await linksDialog.getByRole('button', { name: 'إنشاء روابط' }).click();
    assert.equal((await batch).status(), 201);
    const box = linksDialog.getByTestId('survey-links');
    await box.waitFor();
    links = (await box.inputValue()).split('\n').filter(Boolean);
    assert.equal(links.length, 6);
    for (const l of links) assert.match(l, /^http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]{40,}$/);
    await expectNoSeriousA11yViolations(page, 'survey links dialog (ar)');
    await linksDialog.getByRole('button', { name: 'تم', exact: true }).click();
    expectCleanPage(page);
    await page.context().close();
  });

  test('employees answer through the links without an account; a used link is refused', async () => {
    const first = await newPage(env.browser, { url: env.server.url, locale: 'ar' });
    await first.goto(links[0]);
    await first.getByRole('heading', { name: 'قياس الجاهزية الأول' }).waitFor();
    assert.ok(!first.url().includes('/sign-in'), 'the survey page must not ask to sign in');
    await first.getByText(groupAr, { exact: false }).first().waitFor();
    await expectNoSeriousA11yViolations(first, 'public survey (ar)');
    assert.equal(await answerSurvey(first, answers), 201);
    await first.getByText('سُجّلت إجاباتك دون ذكر الهوية.').waitFor();
    expectCleanPage(first);
    await first.context().close();

    // The second link, opened twice: answered in one window, the other's answer is refused.
    const a = await newPage(env.browser, { url: env.server.url, locale: 'ar' });
    const b = await newPage(env.browser, { url: env.server.url, locale: 'en' });
    await a.goto(links[1]);
    await b.goto(links[1]);
    await a.getByRole('heading', { name: 'قياس الجاهزية الأول' }).waitFor();
    await b.getByRole('heading', { name: 'First readiness check' }).waitFor();
    assert.equal(await b.evaluate(() => document.documentElement.dir), 'ltr');
    await expectNoSeriousA11yViolations(b, 'public survey (en)');
    assert.equal(await answerSurvey(a, answers), 201);
    for (const [element, value] of Object.entries(answers)) await b.locator(`input[name="adkar-${element}"][value="${value}"]`).check();
    const second = answerTo(b, 'POST', /^\/api\/v1\/change\/survey\//);
    await b.getByRole('button', { name: 'Send my answers' }).click();
    assert.equal((await second).status(), 409);
    await b.getByText('Already answered').waitFor();
    // Reopening the used link says so straight away.
    await a.goto(links[1]);
    await a.getByText('سبقت الإجابة').waitFor();
    expectCleanPage(a);
    expectCleanPage(b);
    await a.context().close();
    await b.context().close();

    // Three more employees, through the same public endpoint from a fresh context without an account.
    const more = await newPage(env.browser, { url: env.server.url, locale: 'ar' });
    await more.goto(links[2]);
    await more.getByRole('heading', { name: 'قياس الجاهزية الأول' }).waitFor();
    const statuses = await more.evaluate(
      async ({ tokens, body }) => {
        const out = [];
        for (const token of tokens) {
          const r = await fetch(`/api/v1/change/survey/${token}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
          out.push(r.status);
        }
        return out;
      },
      { tokens: links.slice(2, 5).map((l) => l.split('/').pop()), body: { ...answers, comment: '' } },
    );
    assert.deepEqual(statuses, [201, 201, 201]);
    expectCleanPage(more);
    await more.context().close();
  });

  test('the head sees the results hidden while the survey is open, closes it, sees the means and the barrier point, and requests a review of the next gate', async () => {
    const page = await newPage(env.browser, { url: env.server.url, locale: 'ar' });
    await signIn(page, env.server.url, demoEmail('change.head'));
    const surveys = answerTo(page, 'GET', /\/surveys$/);
    await page.goto(`${initiativeUrl}?tab=readiness`);
    assert.equal((await surveys).status(), 200);
    const round = page.getByTestId('survey-1');
    // Open: five answers, but no means and no barrier point yet (anonymity), and the rule is said once.
    await round.getByText('٥ من ٦').waitFor();
    await round.getByText('تظهر النتائج عند إغلاق الاستبيان').waitFor();
    assert.equal(await page.getByTestId('anonymity-note').count(), 1);
    assert.equal(await round.getByRole('cell', { name: new RegExp(`^${groupAr}، المعرفة`) }).count(), 0, 'no means while open');
    assert.equal(await round.getByText(/نقطة العائق:/).count(), 0, 'no barrier point while open');
    await expectNoSeriousA11yViolations(page, 'readiness, results hidden (ar)');

    // The head closes the round: the means and the barrier point appear.
    await page.getByRole('button', { name: 'إغلاق الاستبيان' }).click();
    const confirm = page.getByRole('dialog', { name: 'إغلاق جولة الاستبيان هذه؟' });
    await confirm.waitFor();
    const closed = answerTo(page, 'PUT', /\/surveys\/\d+$/);
    const reloaded = answerTo(page, 'GET', /\/surveys$/);
    await confirm.getByRole('button', { name: 'إغلاق الاستبيان' }).click();
    assert.equal((await closed).status(), 200);
    assert.equal((await reloaded).status(), 200);
    await round.getByRole('cell', { name: `${groupAr}، المعرفة: ٢` }).waitFor();
    await round.getByText('نقطة العائق: المعرفة').waitFor();
    await round.getByText('٥ من ٦').waitFor();
    assert.equal(await round.getByTestId('results-hidden').count(), 0);
    await expectNoSeriousA11yViolations(page, 'readiness (ar)');

    await page.getByRole('tab', { name: 'البوابات' }).click();
    await page.getByRole('button', { name: 'طلب مراجعة البوابة' }).click();
    const request = page.getByRole('dialog', { name: /^طلب مراجعة البوابة ٢ · اعتماد الخطة/ });
    await request.waitFor();
    await choose(page, request.getByRole('combobox', { name: /^المراجعون/ }), 'سالم بن خميس الحارثي');
    await page.keyboard.press('Escape');
    const requested = answerTo(page, 'POST', /\/reviews$/);
    await request.getByRole('button', { name: 'طلب مراجعة البوابة' }).click();
    assert.equal((await requested).status(), 201);
    await request.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: 'مراجعة البوابة ٢ · اعتماد الخطة' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'تسجيل القرار' }).count(), 0, 'the head is not a reviewer');
    await expectNoSeriousA11yViolations(page, 'gate review requested (ar)');

    // The saturation heatmap of the head's own entity, right to left: the first month is the rightmost column.
    const saturation = answerTo(page, 'GET', /^\/api\/v1\/change\/saturation$/);
    await page.goto(`${env.server.url}/change/saturation`);
    assert.equal((await saturation).status(), 200);
    const heat = page.getByTestId('saturation-grid');
    await heat.waitFor();
    const headers = heat.locator('thead th');
    const [m1, m2] = [await headers.nth(1).boundingBox(), await headers.nth(2).boundingBox()];
    assert.ok(m1.x > m2.x, 'in Arabic the months run from the right');
    const cell = heat.getByRole('button', { name: new RegExp(`^${groupAr}،`) }).first();
    await cell.click();
    await page.getByTestId('saturation-cell').getByRole('link', { name: titleAr }).waitFor();
    await expectNoSeriousA11yViolations(page, 'saturation (ar)');
    expectCleanPage(page);
    await page.context().close();
  });

  test('the program office ticks the checklist, attaches evidence and passes the gate (English)', async () => {
    const page = await newPage(env.browser, { url: env.server.url, locale: 'en' });
    await signIn(page, env.server.url, demoEmail('office'));
    const reviews = answerTo(page, 'GET', /\/reviews$/);
    await page.goto(`${initiativeUrl}?tab=gates`);
    await reviews;
    await page.getByRole('heading', { name: /^Review of gate [2٢] · Plan approved$/ }).waitFor();

    // Passing before the checklist is met is refused.
    const early = answerTo(page, 'POST', /\/decision$/);
    await page.getByRole('button', { name: 'Record the decision' }).click();
    assert.equal((await early).status(), 409);
    await page.getByRole('alert').filter({ hasText: /criteri/i }).waitFor();

    for (const criterion of ['The impact assessment covers every affected group', 'Communication, sponsorship and training plans are set']) {
      // The box follows the server: it shows ticked once the answer is stored.
      const box = page.getByRole('checkbox', { name: `Met: ${criterion}` });
      const ticked = answerTo(page, 'PUT', /\/checks\/\d+$/);
      await box.click();
      assert.equal((await ticked).status(), 200);
      await page.waitForFunction((el) => el.checked, await box.elementHandle());
    }
    const evidence = answerTo(page, 'PUT', /\/checks\/\d+$/);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach evidence' }).click();
    await (await chooser).setFiles({ name: 'change-plan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    assert.equal((await evidence).status(), 200);
    await page.getByRole('link', { name: 'change-plan.pdf' }).waitFor();
    const planBox = page.getByRole('checkbox', { name: 'Met: The approved change-management plan' });
    const ticked = answerTo(page, 'PUT', /\/checks\/\d+$/);
    await planBox.click();
    assert.equal((await ticked).status(), 200);
    await page.waitForFunction((el) => el.checked, await planBox.elementHandle());
    await expectNoSeriousA11yViolations(page, 'gate review checklist (en)');

    const decided = answerTo(page, 'POST', /\/decision$/);
    await page.getByRole('button', { name: 'Record the decision' }).click();
    assert.equal((await decided).status(), 200);
    await page.getByTestId('current-gate').getByText(/At gate [2٢] · Plan approved/).waitFor();
    await page.getByTestId('gate-stepper').locator('[aria-current="step"]').getByText(/^[2٢] · Plan approved/).waitFor();

    // Not at the last gate: the edit form does not offer "Completed" (the server would refuse it).
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.getByRole('dialog', { name: 'Edit the initiative' });
    await edit.waitFor();
    await edit.getByRole('combobox', { name: /^Status/ }).click();
    await page.getByRole('option', { name: 'On hold' }).waitFor();
    assert.equal(await page.getByRole('option', { name: 'Completed' }).count(), 0, 'completed only at the last gate');
    await page.keyboard.press('Escape');
    await edit.getByRole('button', { name: 'Cancel', exact: true }).click();
    await edit.waitFor({ state: 'hidden' });

    // The national view counts it at gate 2 for the ministry.
    const national = answerTo(page, 'GET', /^\/api\/v1\/change\/national$/);
    await page.goto(`${env.server.url}/change/national`);
    assert.equal((await national).status(), 200);
    const row = page.getByTestId('national-entities').getByRole('row').filter({ has: page.getByRole('link', { name: /Transport, Communications/ }) });
    await row.waitFor();
    const gateColumn = await page.getByTestId('national-entities').locator('thead th').allTextContents();
    const at = gateColumn.findIndex((h) => latin(h).startsWith('2 · Plan approved'));
    assert.ok(at > 0, 'the table has a column for gate 2');
    assert.ok(Number(latin(await row.locator('th, td').nth(at).textContent())) >= 1, 'MTCIT has an initiative at gate 2');
    await expectNoSeriousA11yViolations(page, 'national view (en)');

    // The heatmap in English reads left to right.
    await page.goto(`${env.server.url}/change/saturation?org=${await mtcitId(page)}`);
    const heat = page.getByTestId('saturation-grid');
    await heat.waitFor();
    const headers = heat.locator('thead th');
    const [m1, m2] = [await headers.nth(1).boundingBox(), await headers.nth(2).boundingBox()];
    assert.ok(m1.x < m2.x, 'in English the months run from the left');

    // The program office lowers the ministry's capacity below the group's load: the months are flagged.
    // The dialog loads the stored settings first (the governance-project flag goes back unchanged).
    const current = answerTo(page, 'GET', /^\/api\/v1\/change\/entities$/);
    await page.getByRole('button', { name: 'Set the capacity' }).click();
    const settings = page.getByRole('dialog', { name: 'Entity capacity' });
    await settings.waitFor();
    assert.equal((await current).status(), 200);
    await settings.getByLabel(/^Capacity/).fill('10');
    const stored = answerTo(page, 'PUT', /^\/api\/v1\/change\/entities\/\d+$/);
    await settings.getByRole('button', { name: 'Save', exact: true }).click();
    assert.equal((await stored).status(), 200);
    await settings.waitFor({ state: 'hidden' });
    await page.getByText(/^Capacity: (10|١٠) per group and month$/).waitFor();
    await heat.getByRole('button', { name: new RegExp(`^${groupEn}, .*over the capacity of`) }).first().waitFor();
    await expectNoSeriousA11yViolations(page, 'saturation (en)');
    expectCleanPage(page);
    await page.context().close();
  });
});

/** MTCIT's organisation id, read from the initiative the test created. */
async function mtcitId(page) {
  const id = initiativeUrl.split('/').pop();
  const r = await page.context().request.get(`${env.server.url}/api/v1/change/initiatives/${id}`);
  return (await r.json()).organization_id;
}

describe('change teams, challenges and gates pages', () => {
  test('the head raises a challenge on the initiative; the pages pass axe-core in both languages', async () => {
    const page = await newPage(env.browser, { url: env.server.url, locale: 'ar' });
    await signIn(page, env.server.url, demoEmail('change.head'));
    await page.goto(`${env.server.url}/change/challenges`);
    await page.getByRole('heading', { name: 'تحديات التغيير' }).waitFor();
    await page.getByRole('button', { name: 'رفع تحدٍّ' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'رفع تحدٍّ' });
    await choose(page, dialog.getByRole('combobox', { name: /^المبادرة \(اختياري\)/ }), titleAr);
    await dialog.getByLabel(/^التحدي/).fill('ضعف المهارات الرقمية لدى بعض الكتاب العدل');
    const raised = answerTo(page, 'POST', /^\/api\/v1\/change\/challenges$/);
    await dialog.getByRole('button', { name: 'رفع', exact: true }).click();
    assert.equal((await raised).status(), 201);
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: /ضعف المهارات الرقمية/ }).waitFor();
    await page.getByRole('link', { name: titleAr }).waitFor();
    await expectNoSeriousA11yViolations(page, 'challenges (ar)');
    await page.goto(`${env.server.url}/change/teams`);
    await page.getByRole('heading', { name: 'فرق التغيير' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'teams (ar)');
    expectCleanPage(page);
    await page.context().close();

    const office = await newPage(env.browser, { url: env.server.url, locale: 'en' });
    await signIn(office, env.server.url, demoEmail('office'));
    for (const [path, heading] of [
      ['/change/gates', 'Governance gates'],
      ['/change/teams', 'Change teams'],
      ['/change/challenges', 'Change challenges'],
      ['/change', 'Change initiatives'],
    ]) {
      await office.goto(`${env.server.url}${path}`);
      await office.getByRole('heading', { name: heading, exact: true }).waitFor();
      await office.waitForLoadState('networkidle');
      await expectNoSeriousA11yViolations(office, `${path} (en)`);
    }
    await office.goto(`${env.server.url}/change/gates`);
    await office.getByRole('heading', { name: /^[1١] · Idea$/ }).waitFor();
    expectCleanPage(office);
    await office.context().close();
  });
});
