// Notifications: the program office assigns a follow-up action to the viewer; the viewer's bell counts it
// (its name says how many, in Arabic and English), the popover lists it, opening it goes to the MoU and
// marks it read. The notifications page (all, unread, digests) passes axe in both languages.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  demoEmail,
  expectCleanPage,
  expectNoSeriousA11yViolations,
  newPage,
  serverAndBrowser,
  setLocale,
  signIn,
} from './harness.mjs';

const env = serverAndBrowser();

async function api(page, method, path, body) {
  const request = page.context().request;
  const me = await (await request.get(`${env.server.url}/api/v1/me`)).json();
  const r = await request.fetch(`${env.server.url}${path}`, {
    method,
    data: body,
    headers: { 'X-CSRF-Token': me.csrf_token },
  });
  assert.ok(r.ok(), `${method} ${path}: ${r.status()} ${await r.text()}`);
  return r.json();
}

/** Waits until the bell's accessible name is `label`. */
async function bellLabel(page, label) {
  await page.waitForFunction(
    (l) => document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label') === l,
    label,
  );
}

describe('Notifications', () => {
  let office;
  let viewer;
  let mouId;
  before(async () => {
    office = await newPage(env.browser, { url: env.server.url, locale: 'ar' });
    await signIn(office, env.server.url, demoEmail('office'));
    viewer = await newPage(env.browser, { url: env.server.url, locale: 'ar' });
    await signIn(viewer, env.server.url, demoEmail('viewer'));
  });

  test('the bell counts a new notice and opening it goes to the record', async () => {
    const before = (await api(viewer, 'GET', '/api/v1/notifications/unread-count')).unread;
    const mous = await api(office, 'GET', '/api/v1/partnerships?q=Weatherford');
    mouId = mous.items[0].id;
    const viewerId = (await api(viewer, 'GET', '/api/v1/me')).user.id;
    await api(office, 'POST', `/api/v1/partnerships/${mouId}/actions`, {
      title_ar: 'مراجعة مخرجات ورشة تبادل الخبرات',
      title_en: 'Review the outcomes of the experience-exchange workshop',
      owner_id: viewerId,
      due_on: '2027-03-01',
    });
    await viewer.reload();
    const bell = viewer.getByTestId('notification-bell');
    await bell.waitFor();
    // The viewer had no notices in the demo: the bell's name says exactly one, in words.
    if (before === 0) await bellLabel(viewer, 'إشعار واحد غير مقروء');
    assert.equal((await api(viewer, 'GET', '/api/v1/notifications/unread-count')).unread, before + 1);
    await bell.click();
    const popover = viewer.getByRole('dialog', { name: 'أحدث الإشعارات' });
    await popover.waitFor();
    await expectNoSeriousA11yViolations(viewer, 'bell popover (ar)');
    await popover.getByText(/مراجعة مخرجات ورشة تبادل الخبرات/).click();
    await viewer.waitForURL(new RegExp(`/partnerships/${mouId}$`));
    await viewer.getByRole('heading', { level: 2, name: /ويذرفورد/ }).waitFor();
    if (before === 0) await bellLabel(viewer, 'الإشعارات، لا إشعارات غير مقروءة');
    assert.equal((await api(viewer, 'GET', '/api/v1/notifications/unread-count')).unread, before);
    expectCleanPage(viewer);
  });

  test('the notifications page lists, filters and marks notices, in Arabic and English', async () => {
    await office.goto(`${env.server.url}/notifications`);
    await office.getByRole('heading', { level: 2, name: 'الإشعارات' }).waitFor();
    await office.getByRole('table', { name: 'الإشعارات' }).waitFor();
    await expectNoSeriousA11yViolations(office, 'notifications page (ar)');
    await office.getByRole('tab', { name: 'غير المقروءة' }).click();
    await office.getByRole('tab', { name: 'الملخصات اليومية' }).click();
    await office.getByText('لا توجد ملخصات بعد').waitFor();
    await expectNoSeriousA11yViolations(office, 'digests tab (ar)');
    await office.getByRole('button', { name: 'تحديد الكل كمقروء' }).click();
    await bellLabel(office, 'الإشعارات، لا إشعارات غير مقروءة');

    await setLocale(office, 'en');
    await office.goto(`${env.server.url}/notifications`);
    await office.getByRole('heading', { level: 2, name: 'Notifications' }).waitFor();
    assert.equal(await office.getByTestId('notification-bell').getAttribute('aria-label'), 'Notifications, none unread');
    await expectNoSeriousA11yViolations(office, 'notifications page (en)');
    expectCleanPage(office);
  });
});
