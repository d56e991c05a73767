import assert from 'node:assert/strict';
import type { TestSmtpServer } from '../helpers/smtp.js';
import type { RunningApp } from '../helpers/test-app.js';

/**
 * Moves the app's clock past the sign-in rate-limit windows, so each test asks for links afresh (every
 * request of a test comes from one loopback address).
 */
export const freshRateWindow = (t: RunningApp) => t.clock.set(new Date(t.clock.now().getTime() + 16 * 60_000).toISOString());

/** A signed-in reader as a browser holds them: the session cookie, and the CSRF token their pages carry. */
export interface ReaderBrowser {
  cookie: string;
  csrf: string;
}

/** The `name=value` of a Set-Cookie header of a response, if it sets that cookie. */
export function cookieFrom(res: Response, name: string): string | undefined {
  const header = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  return header?.split(';')[0];
}

export const form = (t: RunningApp, path: string, fields: Record<string, string>, cookie?: string) =>
  fetch(t.baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });

export const get = (t: RunningApp, path: string, cookie?: string) => fetch(t.baseUrl + path, { headers: cookie ? { cookie } : {}, redirect: 'manual' });

/** Asks for a sign-in link for `email` and returns the link's path (with its token) from the mail. */
export async function requestLink(t: RunningApp, smtp: TestSmtpServer, email: string, next = '/account'): Promise<string> {
  const res = await form(t, '/signin', { email, next });
  assert.equal(res.status, 200, await res.text());
  const mail = await smtp.nextMessage(email);
  const link = /https:\/\/news\.test(\/signin\/verify\?\S+)/.exec(mail.text)?.[1];
  assert.ok(link, `no sign-in link in: ${mail.text}`);
  return link;
}

/** Opens a sign-in link and presses its button, as a browser does; returns the final response. */
export async function useLink(t: RunningApp, path: string): Promise<Response> {
  const page = await get(t, path);
  assert.equal(page.status, 200, await page.clone().text());
  const html = await page.text();
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1]?.replaceAll('&amp;', '&') ?? '';
  const nonceCookie = cookieFrom(page, 'bs_reader_verify');
  assert.ok(nonceCookie);
  return form(t, '/signin/verify', { token: field('token'), next: field('next'), nonce: field('nonce') }, nonceCookie);
}

/** The CSRF token in a page's forms. */
export const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** Signs a reader in through the mailed link, as a browser would. */
export async function signIn(t: RunningApp, smtp: TestSmtpServer, email: string): Promise<ReaderBrowser> {
  const res = await useLink(t, await requestLink(t, smtp, email));
  assert.equal(res.status, 303);
  const cookie = cookieFrom(res, 'bs_reader');
  assert.ok(cookie);
  const account = await get(t, '/account', cookie);
  assert.equal(account.status, 200);
  return { cookie, csrf: csrfIn(await account.text()) };
}
