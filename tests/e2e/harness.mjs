// End-to-end harness: the real binary on a throwaway SQLite database with the demo data, driven by Debian's
// Chromium through playwright-core. Test files import what they need from here; see tests/e2e/README.md.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before } from 'node:test';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const webRoot = join(repoRoot, 'web');

// Packages come from web/node_modules (installed by scripts/bootstrap.sh); this folder has none of its own.
const require = createRequire(join(webRoot, 'package.json'));
const { chromium } = require('playwright-core');
const { AxeBuilder } = require('@axe-core/playwright');

export const DEMO_PASSWORD = 'Manzuma-Demo-2026!';
export const demoEmail = (who) => `${who}@demo.manzuma.om`;

let lastServerUrl;

const binary = process.env.MANZUMA_BIN || join(repoRoot, 'build/src/app/manzuma');

function run(args, env) {
  return new Promise((ok, fail) => {
    const child = spawn(binary, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? ok(out) : fail(new Error(`${binary} ${args.join(' ')} exited ${code}:\n${out}`))));
  });
}

/**
 * Starts the server on a free port with its own database (demo data loaded) and data folder.
 * Returns { url, adminEmail, adminPassword, stop() }; stop() ends the server and removes the folder.
 */
export async function startServer() {
  assert.ok(existsSync(binary), `no server binary at ${binary} (build it, or set MANZUMA_BIN)`);
  assert.ok(existsSync(join(webRoot, 'dist/index.html')), 'web/dist is missing: run scripts/build-web.sh');
  const dir = mkdtempSync(join(tmpdir(), 'manzuma-e2e-'));
  const env = {
    ...process.env,
    MANZUMA_DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
    MANZUMA_DATA_DIR: dir,
    MANZUMA_PASSWORD_COST: 'minimum',
    // Some tests backdate records with sqlite3 behind the server's back; a total remembered for up to 2 s
    // (ADR 0008) would hide the change. db_test covers the remembering itself.
    MANZUMA_MEMO_MAX_AGE_MS: '0',
  };
  await run(['seed', 'demo', '--log-format', 'text', '--log-level', 'warn'], env);

  const child = spawn(
    binary,
    ['serve', '--listen', '127.0.0.1:0', '--web-root', join(webRoot, 'dist'), '--log-format', 'text', '--log-level', 'warn'],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stderr.on('data', (d) => process.stderr.write(d));
  const exited = once(child, 'exit');

  const ready = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start within 20 s:\n${out}`)), 20_000);
    const check = () => {
      const url = /Manzuma is running: (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      const password = /password:\s+(\S+)/.exec(out)?.[1];
      const email = /e-mail:\s+(\S+)/.exec(out)?.[1];
      if (url && password) {
        clearTimeout(timer);
        ok({ url, adminPassword: password, adminEmail: email ?? 'admin@manzuma.local' });
      }
    };
    child.stdout.on('data', (d) => {
      out += d;
      check();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the server exited (${code}) before it was ready:\n${out}`));
    });
  }).catch((e) => {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw e;
  });
  child.stdout.resume();

  let stopped = false;
  lastServerUrl = ready.url;
  return {
    ...ready,
    dir,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless. Playwright gives every launch a fresh, temporary profile. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const pageInfo = new WeakMap();

/**
 * A page in a fresh browser context. `locale` is the language the sign-in page opens in (stored in this
 * browser's preferences, as the app does) and the language signIn() leaves the account in.
 * Any request to another origin is aborted and recorded: `foreignRequests(page)` lists them.
 * `url` defaults to the server startServer() started last.
 */
export async function newPage(browser, { url = lastServerUrl, locale = 'ar', width = 1280, height = 800 } = {}) {
  assert.ok(url, 'newPage needs a server: call startServer() first (or pass { url })');
  const origin = new URL(url).origin;
  const context = await browser.newContext({
    viewport: { width, height },
    locale: locale === 'en' ? 'en-GB' : 'ar-OM',
    timezoneId: 'Asia/Muscat',
  });
  context.setDefaultTimeout(15_000);
  const foreign = [];
  await context.route('**/*', (route) => {
    const target = route.request().url();
    let targetOrigin;
    try {
      targetOrigin = new URL(target).origin;
    } catch {
      targetOrigin = 'invalid';
    }
    if (targetOrigin === origin) return route.continue();
    foreign.push(target);
    return route.abort('blockedbyclient');
  });
  if (locale === 'en') {
    await context.addInitScript(() => {
      if (!localStorage.getItem('manzuma.preferences')) {
        localStorage.setItem('manzuma.preferences', JSON.stringify({ locale: 'en', calendar: 'gregorian', digits: 'latn' }));
      }
    });
  }
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  pageInfo.set(page, { url, origin, locale, foreign, errors });
  return page;
}

/** Requests the page tried to send to hosts other than the app's own (each was aborted). */
export function foreignRequests(page) {
  return [...(pageInfo.get(page)?.foreign ?? [])];
}

/** Uncaught exceptions thrown in the page. */
export function pageErrors(page) {
  return [...(pageInfo.get(page)?.errors ?? [])];
}

/** Fails when the page reached for another host or threw an uncaught exception. */
export function expectCleanPage(page) {
  assert.deepEqual(foreignRequests(page), [], 'requests to other hosts');
  assert.deepEqual(pageErrors(page), [], 'uncaught page errors');
}

const labels = {
  email: /^(البريد الإلكتروني|E-mail)/,
  password: /^(كلمة المرور|Password)/,
  submit: /^(دخول|Sign in)$/,
};

/** Waits until the signed-in frame (header, navigation, main) is on screen. */
export async function waitForAppLayout(page) {
  await page.locator('main#main').waitFor({ state: 'visible' });
}

/** Waits until <html lang> is the given language. */
export async function waitForLocale(page, locale) {
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
}

/**
 * Signs in through the form, waits for the app layout, and puts the account in the page's language
 * (the account's choice wins once signed in). Opens `${url}/sign-in` unless the page is already there.
 */
export async function signIn(page, url, email, password = DEMO_PASSWORD) {
  const info = pageInfo.get(page);
  if (!new URL(page.url(), 'http://x').pathname.startsWith('/sign-in')) {
    await page.goto(`${url}/sign-in`);
  }
  await fillSignIn(page, email, password);
  await waitForAppLayout(page);
  if (info?.locale) await setLocale(page, info.locale);
}

/** Fills and submits the sign-in form already on screen (no waiting afterwards). */
export async function fillSignIn(page, email, password = DEMO_PASSWORD) {
  await page.locator('input').and(page.getByLabel(labels.email)).fill(email);
  await page.locator('input').and(page.getByLabel(labels.password)).fill(password);
  await page.getByRole('button', { name: labels.submit }).click();
}

/**
 * Puts the signed-in account in `locale` through the API (PATCH /api/v1/me, as the language switch does) and
 * reloads, so the page shows it. Tests of the switch itself click the button.
 */
export async function setLocale(page, locale) {
  const url = new URL(page.url()).origin;
  const request = page.context().request;
  const meResponse = await request.get(`${url}/api/v1/me`);
  assert.equal(meResponse.status(), 200, 'setLocale needs a signed-in page');
  const me = await meResponse.json();
  if (me.user.locale !== locale) {
    const r = await request.patch(`${url}/api/v1/me`, {
      data: { locale },
      headers: { 'X-CSRF-Token': me.csrf_token },
    });
    assert.equal(r.status(), 200, `PATCH /api/v1/me {locale: ${locale}}: ${await r.text()}`);
  }
  if ((await page.evaluate(() => document.documentElement.lang)) !== locale) {
    await page.reload();
    await waitForAppLayout(page);
  }
  await waitForLocale(page, locale);
}

/** Signs out through the user menu. */
export async function signOut(page) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: /^(تسجيل الخروج|Sign out)$/ }).click();
  await page.waitForURL(/\/sign-in/);
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA) and fails listing every serious or critical violation. */
export async function expectNoSeriousA11yViolations(page, label) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map(
      (v) =>
        `  ${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    at ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.split('\n').slice(1).join(' ').trim()}` : ''}`)
          .join('\n'),
    )
    .join('\n');
  if (bad.length) assert.fail(`${label}: ${bad.length} serious/critical accessibility violation(s):\n${report}`);
}

/** Closes every context of the browser, then the browser. */
export async function closeBrowser(browser) {
  if (!browser) return;
  await browser.close().catch(() => undefined);
}

/**
 * One server and one browser for a test file, started before its first test and stopped after its last:
 * `const env = serverAndBrowser();` then `env.server.url`, `env.browser`.
 */
export function serverAndBrowser() {
  const env = { server: undefined, browser: undefined };
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await closeBrowser(env.browser);
    await env.server?.stop();
  });
  return env;
}

/** The text of the error Mantine ties to an input through aria-describedby. */
export async function fieldError(input) {
  await input.page().waitForFunction((el) => el.getAttribute('aria-invalid') === 'true', await input.elementHandle());
  return input.evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return ids
      .map((id) => document.getElementById(id))
      .filter((n) => n && /-error$/.test(n.id))
      .map((n) => n.textContent.trim())
      .join(' ');
  });
}

/** Picks an option of a Mantine Select (optionally typing to search first). */
export async function choose(page, input, option, typed) {
  await input.click();
  if (typed) await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}
