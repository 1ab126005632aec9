// Forums and events: a user registers themself for a planned forum from its page; the program office sees the
// registration and, once the forum is held, marks attendance. The pages pass axe-core in Arabic and English.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { DEMO_PASSWORD, demoEmail, expectCleanPage, expectNoSeriousA11yViolations, newPage, serverAndBrowser, signIn } from './harness.mjs';

const env = serverAndBrowser();

/** A planned forum with three seats, created through the API as the program office. */
async function plannedForum(url) {
  const context = await env.browser.newContext();
  try {
    const login = await context.request.post(`${url}/api/v1/auth/login`, { data: { email: demoEmail('office'), password: DEMO_PASSWORD } });
    assert.equal(login.status(), 200);
    const me = await (await context.request.get(`${url}/api/v1/me`)).json();
    const r = await context.request.post(`${url}/api/v1/events`, {
      headers: { 'X-CSRF-Token': me.csrf_token },
      data: {
        edition_id: null,
        kind: 'forum',
        title_ar: 'الملتقى الخامس للابتكار المؤسسي',
        title_en: 'Fifth Forum for Institutional Innovation',
        starts_on: '2027-05-10',
        ends_on: '2027-05-10',
        place_ar: 'مسقط',
        place_en: 'Muscat',
        agenda_ar: 'عرض ممارسات النسخة الرابعة.',
        agenda_en: 'The fourth edition’s practices.',
        capacity: 3,
      },
    });
    assert.equal(r.status(), 201, await r.text());
    return (await r.json()).id;
  } finally {
    await context.close();
  }
}

describe('events', () => {
  let forumId;
  before(async () => {
    forumId = await plannedForum(env.server.url);
  });

  test('a user registers for a forum (English)', async () => {
    const page = await newPage(env.browser, { url: env.server.url, locale: 'en' });
    await signIn(page, env.server.url, demoEmail('viewer'));
    await page.goto(`${env.server.url}/events?kind=forum`);
    await page.getByRole('table', { name: 'Forums and events' }).getByRole('link', { name: 'Fifth Forum for Institutional Innovation' }).click();
    await page.waitForURL(new RegExp(`/events/${forumId}$`));
    // The account's digits preference decides between 3 and ٣.
    await page.getByText(/^(3|٣) seats left of (3|٣)$/).waitFor();
    await expectNoSeriousA11yViolations(page, '/events/$id (en, before registering)');
    await page.getByRole('button', { name: 'Register me' }).click();
    await page.getByText('Your seat is kept for you.').waitFor();
    await page.getByText(/^(2|٢) seats left of (3|٣)$/).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Register me' }).count(), 0);
    // Names and e-mails of the others are for national roles only.
    assert.equal(await page.getByRole('heading', { name: 'Registrations and attendance' }).count(), 0);
    await page.goto(`${env.server.url}/events`);
    await page.getByRole('table', { name: 'Forums and events' }).getByRole('link').first().waitFor();
    await expectNoSeriousA11yViolations(page, '/events (en)');
    expectCleanPage(page);
  });

  test('the program office holds the forum and marks attendance (Arabic)', async () => {
    const page = await newPage(env.browser, { url: env.server.url, locale: 'ar' });
    await signIn(page, env.server.url, demoEmail('office'));
    await page.goto(`${env.server.url}/events/${forumId}`);
    const attended = page.getByRole('checkbox', { name: /^حضر / });
    await attended.first().waitFor();
    // Someone without an account, registered by name and e-mail.
    const form = page.getByRole('form', { name: 'تسجيل شخص آخر' });
    await form.getByRole('textbox', { name: /^الاسم/ }).fill('منى بنت سالم الحارثية');
    await form.getByRole('textbox', { name: /^البريد الإلكتروني/ }).fill('muna.harthi@example.om');
    await form.getByRole('button', { name: 'تسجيل', exact: true }).click();
    await page.getByRole('cell', { name: 'muna.harthi@example.om' }).waitFor();
    assert.equal(await attended.count(), 2);
    assert.equal(await attended.first().isDisabled(), true);
    await page.getByRole('button', { name: 'تسجيل الانعقاد' }).click();
    await page.getByRole('dialog', { name: 'هل انعقدت هذه الفعالية؟' }).getByRole('button', { name: 'تسجيل الانعقاد' }).click();
    await page.getByText('انعقدت الفعالية؛ التسجيل مغلق.').waitFor();
    await page.waitForFunction(() => !document.querySelector('input[type="checkbox"]')?.disabled);
    // The box is the server's answer: it turns checked once the attendance is saved.
    await attended.first().click();
    await page.waitForFunction(() => document.querySelector('input[type="checkbox"]')?.checked === true);
    await expectNoSeriousA11yViolations(page, '/events/$id (ar)');
    await page.goto(`${env.server.url}/events?kind=forum&status=held`);
    await page.getByRole('table', { name: 'الملتقيات والفعاليات' }).getByRole('link', { name: /^الملتقى الرابع/ }).waitFor();
    await expectNoSeriousA11yViolations(page, '/events (ar)');
    expectCleanPage(page);
  });
});
