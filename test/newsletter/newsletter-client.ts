import assert from 'node:assert/strict';
import type { SubscriberStatus } from '../../src/db/schema.js';
import type { TestSmtpServer } from '../helpers/smtp.js';
import type { RunningApp } from '../helpers/test-app.js';

/** Small helpers the newsletter suites share: real HTTP requests and the mail that really arrived. */

export async function postForm(t: RunningApp, path: string, fields: Record<string, string>) {
  const res = await fetch(t.baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
  return { res, status: res.status, html: await res.text() };
}

export async function postJson(t: RunningApp, path: string, body: unknown) {
  const res = await fetch(t.baseUrl + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { res, status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** The path and query of the confirmation link in the next message to `email`. */
export async function confirmationLink(smtp: TestSmtpServer, email: string): Promise<string> {
  const mail = await smtp.nextMessage(email);
  const link = /https:\/\/news\.test(\/newsletter\/confirm\?token=[A-Za-z0-9._-]+)/.exec(mail.text)?.[1];
  assert.ok(link, `the message carries a confirmation link:\n${mail.text}`);
  return link;
}

/** Signs `email` up through the newsletter page and opens the link that arrives: an active subscriber. */
export async function subscribeAndConfirm(t: RunningApp, smtp: TestSmtpServer, email: string): Promise<number> {
  assert.equal((await postForm(t, '/newsletter', { email, form: 'page' })).status, 200);
  assert.equal((await t.get(await confirmationLink(smtp, email))).status, 200);
  return (await subscriber(t, email))!.id;
}

export const subscriber = (t: RunningApp, email: string) =>
  t.app.database.db.selectFrom('newsletter_subscribers').selectAll().where('email', '=', email).executeTakeFirst();

export const consents = (t: RunningApp, subscriberId: number) =>
  t.app.database.db.selectFrom('newsletter_consents').selectAll().where('subscriber_id', '=', subscriberId).orderBy('id').execute();

export async function rowCount(t: RunningApp, table: 'newsletter_subscribers' | 'newsletter_consents'): Promise<number> {
  const row = await t.app.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Moves the clock past the sign-up rate limit's window (and the pause between two confirmation mails). */
export const nextWindow = (t: RunningApp) => t.clock.set(new Date(t.clock.now().getTime() + 11 * 60_000).toISOString());

/** The main content of a page, without the site frame (whose footer has its own sign-up form). */
export const mainOf = (html: string) => /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';

/** Adds subscribers straight to the database, in one statement, as a sign-up long ago would have left them. */
export async function addSubscribers(t: RunningApp, emails: string[], status: SubscriberStatus = 'active', language = 'en') {
  const at = t.clock.now().toISOString();
  await t.app.database.db
    .insertInto('newsletter_subscribers')
    .values(emails.map((email) => ({ email, status, language, created_at: at, updated_at: at })))
    .execute();
}
