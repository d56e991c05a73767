import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { createApp } from '../../src/app.js';
import type { StaffUser } from '../../src/admin/staff-service.js';
import { forEachDatabase } from '../helpers/databases.js';
import { makeArticle, makeAuthor } from '../helpers/factories.js';
import { useSmtpServer } from '../helpers/smtp.js';
import { useTestApp, type RunningApp } from '../helpers/test-app.js';

const PASSWORD = 'a sturdy newsroom passphrase';

/** Cookies kept by hand: what the tests send back, by name. */
type Jar = Record<string, string>;

/** A cookie a response sets; attribute names lower-cased, flags such as HttpOnly mapped to ''. */
type SetCookie = { value: string; attributes: Map<string, string> };

/** The cookies a response sets, by name. */
function setCookies(res: Response): Map<string, SetCookie> {
  return new Map(
    res.headers.getSetCookie().map((line) => {
      const [pair = '', ...rest] = line.split(';').map((part) => part.trim());
      const attributes = new Map(rest.map((part) => [part.split('=')[0]!.toLowerCase(), part.split('=')[1] ?? ''] as const));
      return [pair.slice(0, pair.indexOf('=')), { value: pair.slice(pair.indexOf('=') + 1), attributes }] as const;
    }),
  );
}

/** Takes in what a response sets, as a browser would (an emptied cookie is dropped). */
function absorb(jar: Jar, res: Response) {
  for (const [name, { value }] of setCookies(res)) {
    if (value) jar[name] = value;
    else delete jar[name];
  }
}

const cookieHeader = (jar: Jar) => Object.entries(jar).map(([k, v]) => `${k}=${v}`).join('; ');

/** The value of the hidden `_csrf` field of the form posting to `action` (a signed-in page also has the sign-out form). */
function formCsrf(html: string, action: string): string {
  const form = html.split('<form').find((f) => f.includes(`action="${action}"`));
  const token = form && /name="_csrf" value="([^"]*)"/.exec(form)?.[1];
  assert.ok(token, `the page has a form posting to ${action} with a _csrf field`);
  return token;
}

/** A GET or an urlencoded POST over real HTTP, sending the jar's cookies and never following redirects. */
async function request(baseUrl: string, path: string, jar: Jar, form?: Record<string, string>) {
  const headers: Record<string, string> = { cookie: cookieHeader(jar), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) };
  const res = await fetch(baseUrl + path, { method: form ? 'POST' : 'GET', headers, redirect: 'manual', ...(form ? { body: new URLSearchParams(form).toString() } : {}) });
  return { res, status: res.status, location: res.headers.get('location'), cookies: setCookies(res), html: await res.text() };
}

/** Opens the sign-in page (taking its login CSRF cookie into the jar) and answers the token its form carries. */
async function openSignIn(baseUrl: string, jar: Jar): Promise<string> {
  const page = await request(baseUrl, '/admin/signin', jar);
  assert.equal(page.status, 200, page.html.slice(0, 300));
  absorb(jar, page.res);
  return formCsrf(page.html, '/admin/signin');
}

async function signIn(baseUrl: string, jar: Jar, email: string, password: string, next = '/admin') {
  const csrf = await openSignIn(baseUrl, jar);
  return request(baseUrl, '/admin/signin', jar, { _csrf: csrf, email, password, next });
}

/** Whether this session cookie opens the article list (a signed-out visitor is sent to sign in). */
async function opensAdmin(t: RunningApp, sessionToken: string): Promise<boolean> {
  const { status, location } = await request(t.baseUrl, '/admin', { bs_session: sessionToken });
  if (status === 303) assert.match(location ?? '', /^\/admin\/signin\?/);
  else assert.equal(status, 200);
  return status === 200;
}

const rowCount = async (t: RunningApp, table: 'staff_sessions' | 'articles') =>
  Number((await t.app.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const sessionCount = (t: RunningApp) => rowCount(t, 'staff_sessions');

/** The session cookie a response sets, checked for the flags it must always carry: HttpOnly and SameSite=Lax. */
function sessionCookie(res: { cookies: Map<string, SetCookie> }): SetCookie {
  const cookie = res.cookies.get('bs_session');
  assert.ok(cookie?.value, 'a session cookie is set');
  assert.ok(cookie.attributes.has('httponly'));
  assert.equal(cookie.attributes.get('samesite')?.toLowerCase(), 'lax');
  return cookie;
}

/** The path of the reset link in a mailed message. */
function resetPath(text: string): string {
  const path = /https:\/\/news\.test(\/admin\/reset\/[A-Za-z0-9_-]+)/.exec(text)?.[1];
  assert.ok(path, `the message carries a reset link: ${text}`);
  return path;
}

forEachDatabase('the sign-in pages over HTTP', (dialect) => {
  const t = useTestApp(dialect);
  let editor: StaffUser;
  let other: StaffUser;
  const headline = 'Harbour cranes return to work';

  before(async () => {
    editor = await t.app.staff.create({ email: 'editor@news.test', name: 'Edie Editor', role: 'editor', password: PASSWORD });
    other = await t.app.staff.create({ email: 'other@news.test', name: 'Otto Other', role: 'author', password: PASSWORD });
    await makeArticle(t.app.content, { title: headline, authors: [(await makeAuthor(t.app.content)).slug] });
  });

  it('sends a signed-out visitor of /admin to the sign-in page with 303 and next=/admin', async () => {
    const { status, location } = await request(t.baseUrl, '/admin', {});
    assert.equal(status, 303);
    assert.equal(location, '/admin/signin?next=%2Fadmin');
  });

  it('sets a login CSRF cookie on the sign-in page and puts the same token in its form', async () => {
    const page = await request(t.baseUrl, '/admin/signin?next=%2Fadmin', {});
    const cookie = page.cookies.get('bs_login_csrf');
    assert.ok(cookie && cookie.value.length >= 32, 'a login CSRF cookie is set');
    assert.ok(cookie.attributes.has('httponly'));
    assert.equal(formCsrf(page.html, '/admin/signin'), cookie.value);
    assert.match(page.html, /name="next" value="\/admin"/);
  });

  for (const what of ['without the login CSRF token', 'with a wrong login CSRF token', "with a signed-in session's CSRF token instead"] as const) {
    it(`refuses a sign-in ${what} with 403, starting no session`, async () => {
      const jar: Jar = {};
      await openSignIn(t.baseUrl, jar);
      const form: Record<string, string> = { email: editor.email, password: PASSWORD, next: '/admin' };
      if (what === 'with a wrong login CSRF token') form._csrf = 'x'.repeat(43);
      if (what === "with a signed-in session's CSRF token instead") {
        const session = await t.app.staff.startSession(editor.id);
        jar.bs_session = session.token;
        form._csrf = session.csrfToken;
      }
      const sessions = await sessionCount(t);
      const res = await request(t.baseUrl, '/admin/signin', jar, form);
      assert.equal(res.status, 403);
      assert.equal(res.cookies.has('bs_session'), false);
      assert.equal(await sessionCount(t), sessions);
    });
  }

  it('answers a wrong password with 401, the form again and an error announced, starting no session', async () => {
    const sessions = await sessionCount(t);
    const res = await signIn(t.baseUrl, {}, editor.email, 'not the right passphrase');
    assert.equal(res.status, 401);
    assert.match(res.html, /<form method="post" action="\/admin\/signin"/);
    assert.match(res.html, /role="alert"[^>]*>[^<]*do not match/);
    assert.equal(res.cookies.has('bs_session'), false);
    assert.equal(await sessionCount(t), sessions);
  });

  it('signs in with the right password: 303 to next, an HttpOnly SameSite=Lax Secure session cookie, and the article list', async () => {
    const jar: Jar = {};
    const res = await signIn(t.baseUrl, jar, editor.email, PASSWORD, '/admin?status=published');
    assert.equal(res.status, 303);
    assert.equal(res.location, '/admin?status=published');
    assert.ok(sessionCookie(res).attributes.has('secure'), 'Secure, since SITE_URL is https');
    absorb(jar, res.res);
    const list = await request(t.baseUrl, '/admin', jar);
    assert.equal(list.status, 200);
    assert.match(list.html, /<h1>Articles<\/h1>/);
    assert.match(list.html, new RegExp(`href="/admin/articles/\\d+">${headline}</a>`));
  });

  it('leaves Secure off the session cookie when SITE_URL is plain http', async () => {
    const plain = await createApp({ ...t.config, siteUrl: 'http://news.test' }, { clock: t.clock, startScheduler: false });
    try {
      const baseUrl = await plain.server.listen({ host: '127.0.0.1', port: 0 });
      const res = await signIn(baseUrl, {}, editor.email, PASSWORD);
      assert.equal(res.status, 303);
      assert.equal(sessionCookie(res).attributes.has('secure'), false);
    } finally {
      await plain.close();
    }
  });

  for (const next of ['https://evil.example', '//evil.example', '/admin/../x']) {
    it(`lands on /admin after signing in with next=${next}`, async () => {
      const res = await signIn(t.baseUrl, {}, editor.email, PASSWORD, next);
      assert.equal(res.status, 303);
      assert.equal(res.location, '/admin');
    });
  }

  it('never keeps a session token planted before sign-in, and the planted value opens nothing', async () => {
    const planted = 'A'.repeat(43);
    const res = await signIn(t.baseUrl, { bs_session: planted }, editor.email, PASSWORD);
    assert.equal(res.status, 303);
    const fresh = sessionCookie(res).value;
    assert.notEqual(fresh, planted);
    assert.equal(await opensAdmin(t, planted), false);
    assert.equal(await opensAdmin(t, fresh), true);
  });

  it('replaces even a valid earlier session on sign-in, and the earlier token stops working', async () => {
    // The form was opened before signing in elsewhere (another tab), then submitted with that tab's cookie.
    const jar: Jar = {};
    const csrf = await openSignIn(t.baseUrl, jar);
    const earlier = await t.app.staff.startSession(editor.id);
    assert.equal(await opensAdmin(t, earlier.token), true);
    jar.bs_session = earlier.token;
    const res = await request(t.baseUrl, '/admin/signin', jar, { _csrf: csrf, email: editor.email, password: PASSWORD, next: '/admin' });
    assert.equal(res.status, 303, res.html.slice(0, 300));
    const fresh = sessionCookie(res).value;
    assert.notEqual(fresh, earlier.token);
    assert.equal(await opensAdmin(t, earlier.token), false);
    assert.equal(await opensAdmin(t, fresh), true);
  });

  it('ends the session on POST /admin/signout, so the old cookie no longer works', async () => {
    const session = await t.app.staff.startSession(editor.id);
    const res = await request(t.baseUrl, '/admin/signout', { bs_session: session.token }, { _csrf: session.csrfToken });
    assert.equal(res.status, 303);
    assert.equal(res.location, '/admin/signin');
    assert.equal(res.cookies.get('bs_session')?.value, '', 'the cookie is cleared');
    assert.equal(await opensAdmin(t, session.token), false);
  });

  it('ends every session of the user on signout-everywhere, on every device, but not another user’s', async () => {
    const laptop = await t.app.staff.startSession(editor.id);
    const phone = await t.app.staff.startSession(editor.id);
    const colleague = await t.app.staff.startSession(other.id);
    const res = await request(t.baseUrl, '/admin/signout-everywhere', { bs_session: laptop.token }, { _csrf: laptop.csrfToken });
    assert.equal(res.status, 303);
    assert.equal(res.location, '/admin/signin');
    assert.equal(await opensAdmin(t, laptop.token), false);
    assert.equal(await opensAdmin(t, phone.token), false);
    assert.equal(await opensAdmin(t, colleague.token), true);
  });

  for (const [what, csrf] of [['a missing', undefined], ['a wrong', 'y'.repeat(43)]] as const) {
    it(`refuses a page POST with a valid session but ${what} _csrf with 403, saving nothing`, async () => {
      const session = await t.app.staff.startSession(editor.id);
      const author = await makeAuthor(t.app.content);
      const before = await rowCount(t, 'articles');
      const form: Record<string, string> = { title: 'Forged from elsewhere', bodyHtml: '<p>Words.</p>', status: 'draft', authors: author.slug };
      if (csrf) form._csrf = csrf;
      const res = await request(t.baseUrl, '/admin/articles', { bs_session: session.token }, form);
      assert.equal(res.status, 403);
      assert.equal(await rowCount(t, 'articles'), before);
      assert.equal(await opensAdmin(t, session.token), true, 'the session itself is untouched');
    });
  }
});

forEachDatabase('the password reset pages over real SMTP', (dialect) => {
  const smtp = useSmtpServer();
  const t = useTestApp(dialect, { smtpUrl: () => smtp.url });
  let user: StaffUser;

  before(async () => {
    user = await t.app.staff.create({ email: 'forgetful@news.test', name: 'Fran Forgetful', role: 'author', password: PASSWORD });
  });

  it('mails a single-use link that sets a new password, refuses a short one first, and is spent afterwards', async () => {
    const jar: Jar = {};
    const form = await request(t.baseUrl, '/admin/reset', jar);
    assert.equal(form.status, 200);
    absorb(jar, form.res);
    const asked = await request(t.baseUrl, '/admin/reset', jar, { _csrf: formCsrf(form.html, '/admin/reset'), email: user.email });
    assert.equal(asked.status, 200);
    assert.match(asked.html, /role="status"[^>]*>[^<]*on its way/);

    const path = resetPath((await smtp.nextMessage(user.email)).text);

    const linkPage = await request(t.baseUrl, path, jar);
    assert.equal(linkPage.status, 200);
    absorb(jar, linkPage.res);
    const csrf = formCsrf(linkPage.html, path);

    const short = await request(t.baseUrl, path, jar, { _csrf: csrf, password: 'too short' });
    assert.equal(short.status, 400);
    assert.match(short.html, /role="alert"[^>]*>[^<]*at least 12 characters/);

    const newPassword = 'a brand new and longer passphrase';
    const set = await request(t.baseUrl, path, jar, { _csrf: csrf, password: newPassword });
    assert.equal(set.status, 303, 'the link still worked after the refusal');
    assert.equal(set.location, '/admin/signin?reset=1');

    const old = await signIn(t.baseUrl, {}, user.email, PASSWORD);
    assert.equal(old.status, 401, 'the old password is gone');
    const fresh = await signIn(t.baseUrl, {}, user.email, newPassword);
    assert.equal(fresh.status, 303);
    sessionCookie(fresh);

    const again = await request(t.baseUrl, path, jar, { _csrf: csrf, password: 'yet another long passphrase' });
    assert.equal(again.status, 400);
    assert.match(again.html, /role="alert"[^>]*>[^<]*expired or has already been used/);
    const stillNew = await signIn(t.baseUrl, {}, user.email, newPassword);
    assert.equal(stillNew.status, 303, 'the spent link changed nothing');
  });

  it('lets a signed-in staff member ask for and use a reset link in the same browser, ending that session', async () => {
    const session = await t.app.staff.startSession(user.id);
    const jar: Jar = { bs_session: session.token };
    const form = await request(t.baseUrl, '/admin/reset', jar);
    absorb(jar, form.res);
    const asked = await request(t.baseUrl, '/admin/reset', jar, { _csrf: formCsrf(form.html, '/admin/reset'), email: user.email });
    assert.equal(asked.status, 200, asked.html.slice(0, 300));
    const path = resetPath((await smtp.nextMessage(user.email)).text);
    const linkPage = await request(t.baseUrl, path, jar);
    absorb(jar, linkPage.res);
    const set = await request(t.baseUrl, path, jar, { _csrf: formCsrf(linkPage.html, path), password: 'chosen while still signed in' });
    assert.equal(set.status, 303, set.html.slice(0, 300));
    assert.equal(set.location, '/admin/signin?reset=1');
    assert.equal(await opensAdmin(t, session.token), false, 'a reset signs out every session');
  });
});

forEachDatabase('the sign-in rate limit (a fresh app: the limiter lives in its process)', (dialect) => {
  const t = useTestApp(dialect);
  let user: StaffUser;

  before(async () => {
    user = await t.app.staff.create({ email: 'steady@news.test', name: 'Stella Steady', role: 'editor', password: PASSWORD });
  });

  it('refuses the 11th sign-in from one address within 10 minutes with 429, even with the right password', async () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const res = await signIn(t.baseUrl, {}, 'guesser@news.test', `guess number ${attempt} of many`);
      assert.equal(res.status, 401, `attempt ${attempt}`);
    }
    const sessions = await sessionCount(t);
    const eleventh = await signIn(t.baseUrl, {}, user.email, PASSWORD);
    assert.equal(eleventh.status, 429);
    assert.match(eleventh.html, /role="alert"[^>]*>[^<]*Too many attempts/);
    assert.equal(eleventh.cookies.has('bs_session'), false);
    assert.equal(await sessionCount(t), sessions);
  });
});
