// The app's frame as each role meets it: navigation per role, language and direction, the 403 and 404 pages,
// sign-in redirects, session expiry and sign-out.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  demoEmail,
  expectCleanPage,
  fillSignIn,
  newPage,
  serverAndBrowser,
  signIn,
  signOut,
  waitForAppLayout,
  waitForLocale,
} from './harness.mjs';

const env = serverAndBrowser();

const nav = {
  home: 'الرئيسية',
  search: 'البحث',
  users: 'المستخدمون',
  organizations: 'الجهات',
  tokens: 'مفاتيح الواجهة البرمجية',
  audit: 'سجل التدقيق',
  team: 'فريق الجهة',
  dashboard: 'لوحة المؤشرات الوطنية',
  editions: 'النسخ',
  practices: 'الممارسات الإدارية',
  research: 'البحوث',
  adoptions: 'الخطط التطبيقية',
  events: 'الملتقيات والفعاليات',
  partnerships: 'مذكرات التعاون',
  changeInitiatives: 'مبادرات التغيير',
  changeSaturation: 'تشبّع التغيير',
  changeTeams: 'فرق التغيير',
  changeChallenges: 'تحديات التغيير',
  changeNational: 'المشهد الوطني للتغيير',
  changeGates: 'بوابات الحوكمة',
};
const administration = 'الإدارة';
// The national system, which every signed-in user browses (each page scoped by the server).
// The change portfolio: every role reads it (scoped by entity); the national view and the gates are national.
const change = ['changeInitiatives', 'changeSaturation', 'changeTeams', 'changeChallenges'];
const catalogue = ['editions', 'practices', 'research', 'adoptions', 'events', 'partnerships', ...change];
const national = ['home', 'search', 'dashboard', ...catalogue, 'changeNational', 'changeGates', 'users', 'organizations', 'tokens', 'audit'];

const roles = [
  { who: 'admin', role: 'platform_admin', sees: national },
  { who: 'office', role: 'program_office', sees: national },
  { who: 'coordinator', role: 'entity_coordinator', sees: ['home', 'search', 'team', ...catalogue] },
  { who: 'change.head', role: 'change_team_head', sees: ['home', 'search', ...catalogue] },
  { who: 'practice.owner', role: 'practice_owner', sees: ['home', 'search', ...catalogue] },
  { who: 'contributor', role: 'contributor', sees: ['home', 'search', ...catalogue] },
  { who: 'assessor', role: 'assessor', sees: ['home', 'search', ...catalogue] },
  // Leaders: the national dashboard as well.
  { who: 'viewer', role: 'viewer', sees: ['home', 'search', 'dashboard', ...catalogue] },
];

async function signInAs(page, who) {
  if (who === 'admin') return signIn(page, env.server.url, env.server.adminEmail, env.server.adminPassword);
  return signIn(page, env.server.url, demoEmail(who));
}

const navigation = (page) => page.locator('nav').last();

describe('navigation shows what each role may use', () => {
  for (const { who, role, sees } of roles) {
    test(`${who} (${role})`, async () => {
      const page = await newPage(env.browser);
      await signInAs(page, who);
      const links = navigation(page).getByRole('link');
      await links.first().waitFor();
      const names = (await links.allInnerTexts()).map((s) => s.trim()).sort();
      assert.deepEqual(names, sees.map((k) => nav[k]).sort(), `${who}'s navigation`);
      for (const [key, name] of Object.entries(nav)) {
        const link = page.getByRole('link', { name, exact: true });
        if (sees.includes(key)) await link.waitFor({ state: 'visible' });
        else assert.equal(await link.count(), 0, `${who} must not see "${name}"`);
      }
      const heading = page.getByRole('heading', { name: administration, exact: true });
      assert.equal(await heading.count(), sees.includes('users') ? 1 : 0, `${who}: the Administration section`);
      expectCleanPage(page);
      await page.context().close();
    });
  }
});

test('Arabic first, right to left; the language switch flips it and the account keeps the choice', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.url}/sign-in`);
  await waitForLocale(page, 'ar');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');

  await signIn(page, env.server.url, demoEmail('viewer'));
  assert.deepEqual(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang]), ['rtl', 'ar']);

  await page.getByRole('button', { name: 'التبديل إلى الإنجليزية' }).click();
  await waitForLocale(page, 'en');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
  await page.getByRole('link', { name: 'Home', exact: true }).waitFor();

  await page.reload();
  await waitForAppLayout(page);
  await waitForLocale(page, 'en');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
  await page.getByRole('button', { name: 'Switch to Arabic' }).waitFor();

  await page.getByRole('button', { name: 'Switch to Arabic' }).click();
  await waitForLocale(page, 'ar');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  expectCleanPage(page);
  await page.context().close();
});

test('the account language applies in a env.browser that never chose it', async () => {
  const first = await newPage(env.browser, { locale: 'en' });
  await signIn(first, env.server.url, demoEmail('assessor')); // leaves the account in English
  await first.context().close();

  const page = await newPage(env.browser); // Arabic on this browser's sign-in page
  await page.goto(`${env.server.url}/sign-in`);
  await waitForLocale(page, 'ar');
  await fillSignIn(page, demoEmail('assessor'));
  await waitForAppLayout(page);
  await waitForLocale(page, 'en');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
  await page.getByRole('button', { name: 'Switch to Arabic' }).click();
  await waitForLocale(page, 'ar');
  expectCleanPage(page);
  await page.context().close();
});

test('a coordinator gets the 403 page for administration; an unknown address gets the 404 page', async () => {
  const page = await newPage(env.browser);
  await signInAs(page, 'coordinator');
  for (const path of ['/admin/users', '/admin/audit', '/admin/organizations', '/admin/tokens']) {
    await page.goto(`${env.server.url}${path}`);
    await page.getByRole('heading', { name: 'لا تملك صلاحية الوصول' }).waitFor();
    assert.equal(new URL(page.url()).pathname, path, 'the 403 page shows at the same address');
  }
  await page.goto(`${env.server.url}/no-such-page/here`);
  await page.getByRole('heading', { name: 'الصفحة غير موجودة' }).waitFor();
  await page.getByRole('link', { name: 'العودة إلى الرئيسية' }).click();
  await page.waitForURL(`${env.server.url}/`);
  expectCleanPage(page);
  await page.context().close();
});

test('a signed-out visit goes to sign-in and comes back after it', async () => {
  const page = await newPage(env.browser);
  await page.goto(`${env.server.url}/admin/users`);
  await page.waitForURL((u) => u.pathname === '/sign-in');
  assert.equal(new URL(page.url()).searchParams.get('next'), '/admin/users');
  await fillSignIn(page, demoEmail('office'));
  await page.waitForURL((u) => u.pathname === '/admin/users');
  await waitForAppLayout(page);
  expectCleanPage(page);
  await page.context().close();
});

test('when the session ends, the user signs in again and returns to the page they were on', async () => {
  const page = await newPage(env.browser);
  await signInAs(page, 'office');
  // The home page's own requests must be answered first: on a loaded machine one of them could otherwise be
  // the 401 that ends the session, before the users list is opened.
  await page.waitForLoadState('networkidle');
  await page.context().clearCookies();

  // The users list fetches data: its 401 ends the session in the app.
  await page.getByRole('link', { name: nav.users, exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/sign-in');
  await page.getByRole('status').filter({ hasText: 'انتهت جلستك' }).first().waitFor();
  assert.match(new URL(page.url()).searchParams.get('next') ?? '', /^\/admin\/users/);

  await fillSignIn(page, demoEmail('office'));
  await page.waitForURL((u) => u.pathname === '/admin/users');
  await waitForAppLayout(page);
  expectCleanPage(page);
  await page.context().close();
});

test('signing out returns to sign-in, and the app then asks to sign in again', async () => {
  const page = await newPage(env.browser);
  await signInAs(page, 'contributor');
  await signOut(page);
  await page.getByRole('button', { name: 'دخول', exact: true }).waitFor();
  await page.goto(`${env.server.url}/`);
  await page.waitForURL((u) => u.pathname === '/sign-in');
  expectCleanPage(page);
  await page.context().close();
});
