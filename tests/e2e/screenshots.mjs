// `make screenshots`: full-page PNGs of every page, in Arabic and English, at 1280 px and 390 px, into
// screenshots/ (git-ignored). Not a test: it is for looking at the app as its users will.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  closeBrowser,
  demoEmail,
  launchBrowser,
  newPage,
  repoRoot,
  signIn,
  startServer,
} from './harness.mjs';

const out = join(repoRoot, 'screenshots');
mkdirSync(out, { recursive: true });

// Who sees which page: [file name, path, who]. The admin (platform) and the program office see them all.
const pages = [
  ['sign-in', '/sign-in', null],
  ['home', '/', 'office'],
  ['preferences', '/preferences', 'office'],
  ['admin-users', '/admin/users', 'office'],
  ['admin-organizations', '/admin/organizations', 'office'],
  ['admin-tokens', '/admin/tokens', 'office'],
  ['admin-audit', '/admin/audit', 'office'],
  ['not-found', '/no-such-page', 'office'],
  ['admin-home', '/', 'admin'],
  ['admin-users-platform', '/admin/users', 'admin'],
  ['team-coordinator', '/team', 'coordinator'],
  ['forbidden-coordinator', '/admin/users', 'coordinator'],
  ['dashboard', '/dashboard', 'office'],
  ['editions', '/editions', 'office'],
  ['edition-3', '/editions/3', 'office'],
  ['practices', '/practices', 'office'],
  ['practice-risk', '/practices/3', 'viewer'],
  ['research', '/research', 'office'],
  ['study', '/research/2', 'assessor'],
  ['adoptions', '/adoptions', 'office'],
  ['adoption-mtcit', '/adoptions/1', 'coordinator'],
  ['events', '/events', 'office'],
  ['forum-2', '/events/1', 'office'],
  ['partnerships', '/partnerships', 'office'],
  ['partnership', '/partnerships/1', 'office'],
  ['notifications', '/notifications', 'office'],
  ['entity-page', '/dashboard/entities/14', 'coordinator'],
  ['change', '/change', 'office'],
  ['change-saturation', '/change/saturation', 'change.head'],
  ['change-national', '/change/national', 'office'],
  ['change-teams', '/change/teams', 'office'],
  ['change-challenges', '/change/challenges', 'office'],
  ['change-gates', '/change/gates', 'office'],
  ['search', `/search?q=${encodeURIComponent('ادارة المخاطر')}`, 'office'],
  ['search-coordinator', `/search?q=${encodeURIComponent('التحول الرقمي')}`, 'coordinator'],
];

const server = await startServer();
const browser = await launchBrowser();
const saved = [];
try {
  for (const locale of ['ar', 'en']) {
    for (const width of [1280, 390]) {
      const sessions = new Map();
      const pageFor = async (who) => {
        const key = who ?? 'signed-out';
        if (!sessions.has(key)) {
          const page = await newPage(browser, { locale, width, height: width > 500 ? 800 : 844 });
          if (who === 'admin') await signIn(page, server.url, server.adminEmail, server.adminPassword);
          else if (who) await signIn(page, server.url, demoEmail(who));
          sessions.set(key, page);
        }
        return sessions.get(key);
      };
      for (const [name, path, who] of pages) {
        const page = await pageFor(who);
        await page.goto(`${server.url}${path}`);
        await page.getByRole('heading').first().waitFor();
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(400);
        const file = join(out, `${name}.${locale}.${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        saved.push(file);
        console.log(`screenshots/${name}.${locale}.${width}.png`);
      }
      for (const page of sessions.values()) await page.context().close();
    }
  }
} finally {
  await closeBrowser(browser);
  await server.stop();
}
console.log(`${saved.length} screenshots in screenshots/`);
