// Every page of the shell, in Arabic and in English, has no serious or critical axe-core violation (WCAG 2.1
// A and AA), and the narrowest phones (360 px) scroll no page sideways.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  demoEmail,
  expectCleanPage,
  expectNoSeriousA11yViolations,
  newPage,
  serverAndBrowser,
  signIn,
} from './harness.mjs';

const env = serverAndBrowser();

/** Waits until the page has loaded its data and nothing is still loading. */
async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
  await page.waitForTimeout(250); // transitions
}

/** Checks each path in turn and reports every failing page together. */
async function checkPages(page, locale, paths) {
  const failures = [];
  for (const path of paths) {
    await page.goto(`${env.server.url}${path}`);
    await page.getByRole('heading').first().waitFor(); // the 403 page has no app layout around it
    await settle(page);
    try {
      await expectNoSeriousA11yViolations(page, `${path} (${locale})`);
    } catch (e) {
      failures.push(e.message);
    }
  }
  if (failures.length) assert.fail(failures.join('\n'));
}

for (const locale of ['ar', 'en']) {
  describe(`accessibility in ${locale === 'ar' ? 'Arabic' : 'English'}`, () => {
    test('sign-in page', async () => {
      const page = await newPage(env.browser, { locale });
      await checkPages(page, locale, ['/sign-in']);
      expectCleanPage(page);
      await page.context().close();
    });

    test('program office: home, preferences, 404 and administration', async () => {
      const page = await newPage(env.browser, { locale });
      await signIn(page, env.server.url, demoEmail('office'));
      await checkPages(page, locale, [
        '/',
        '/preferences',
        '/no-such-page',
        '/admin/users',
        '/admin/organizations',
        '/admin/tokens',
        '/admin/audit',
      ]);
      expectCleanPage(page);
      await page.context().close();
    });

    test('coordinator: the 403 page', async () => {
      const page = await newPage(env.browser, { locale });
      await signIn(page, env.server.url, demoEmail('coordinator'));
      await checkPages(page, locale, ['/admin/users']);
      await page.getByRole('heading', { name: locale === 'ar' ? 'لا تملك صلاحية الوصول' : 'You do not have access' }).waitFor();
      expectCleanPage(page);
      await page.context().close();
    });
  });
}

describe('no sideways scrolling at 360 px', () => {
  for (const locale of ['ar', 'en']) {
    test(`sign-in and home (${locale})`, async () => {
      const page = await newPage(env.browser, { locale, width: 360, height: 740 });
      const width = () => page.evaluate(() => document.documentElement.scrollWidth);
      await page.goto(`${env.server.url}/sign-in`);
      await settle(page);
      assert.ok((await width()) <= 360, `sign-in is ${await width()} px wide at 360 px`);
      await signIn(page, env.server.url, demoEmail('office'));
      await settle(page);
      assert.ok((await width()) <= 360, `home is ${await width()} px wide at 360 px`);
      expectCleanPage(page);
      await page.context().close();
    });
  }
});
