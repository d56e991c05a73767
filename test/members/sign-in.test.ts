import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { forEachDatabase } from '../helpers/databases.js';
import { useSmtpServer } from '../helpers/smtp.js';
import { useTestApp } from '../helpers/test-app.js';
import { cookieFrom, csrfIn, form, freshRateWindow, get, requestLink, signIn, useLink } from './reader-client.js';

forEachDatabase('reader sign-in by mailed link', (dialect) => {
  const smtp = useSmtpServer();
  const t = useTestApp(dialect, { smtpUrl: () => smtp.url });
  beforeEach(() => freshRateWindow(t));

  test('the link arrives, signs in once and creates the reader only then', async () => {
    const link = await requestLink(t, smtp, 'New.Reader@Example.org', '/membership');
    const readersBefore = await t.app.database.db.selectFrom('readers').select('id').execute();
    assert.equal(readersBefore.length, 0, 'no reader before the link is used');
    assert.doesNotMatch(link, /New\.Reader/, 'the address is not in the link');

    const res = await useLink(t, link);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/membership');
    const reader = await t.app.database.db.selectFrom('readers').selectAll().executeTakeFirstOrThrow();
    assert.equal(reader.email, 'new.reader@example.org');

    const again = await useLink(t, link).catch((e: Error) => e);
    assert.ok(again instanceof Error, 'the used link no longer shows its button');
    const page = await get(t, link);
    assert.equal(page.status, 400);
    assert.match(await page.text(), /expired or has already been used/);
  });

  test('the session cookie is HttpOnly, SameSite=Lax, Secure on https and lasts 30 days', async () => {
    const res = await useLink(t, await requestLink(t, smtp, 'cookie@example.org'));
    const header = res.headers.getSetCookie().find((c) => c.startsWith('bs_reader='))!;
    assert.match(header, /HttpOnly/i);
    assert.match(header, /SameSite=Lax/i);
    assert.match(header, /Secure/i);
    const expires = new Date(/Expires=([^;]+)/i.exec(header)![1]!).getTime();
    assert.equal(Math.round((expires - t.clock.now().getTime()) / 86_400_000), 30);
    const stored = await t.app.database.db.selectFrom('reader_sessions').select('token_hash').execute();
    const token = cookieFrom(res, 'bs_reader')!.split('=')[1]!;
    assert.ok(stored.every((s) => s.token_hash !== token), 'only a hash of the token is stored');
  });

  test('a link expires after 15 minutes and then changes nothing', async () => {
    const link = await requestLink(t, smtp, 'late@example.org');
    const page = await get(t, link);
    const html = await page.text();
    freshRateWindow(t);
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)![1]!;
    const res = await form(t, '/signin/verify', { token: field('token'), next: '/account', nonce: field('nonce') }, cookieFrom(page, 'bs_reader_verify'));
    assert.equal(res.status, 400);
    assert.equal(cookieFrom(res, 'bs_reader'), undefined);
    const reader = await t.app.database.db.selectFrom('readers').select('id').where('email', '=', 'late@example.org').executeTakeFirst();
    assert.equal(reader, undefined);
  });

  test('a known and an unknown address get the same answer', async () => {
    await signIn(t, smtp, 'known@example.org');
    const known = await form(t, '/signin', { email: 'known@example.org', next: '/account' });
    const unknown = await form(t, '/signin', { email: 'nobody@example.org', next: '/account' });
    assert.equal(known.status, unknown.status);
    assert.equal(await known.text(), await unknown.text());
    await smtp.nextMessage('known@example.org');
    await smtp.nextMessage('nobody@example.org');
  });

  test('next cannot send the reader to another site', async () => {
    for (const [i, next] of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)'].entries()) {
      const res = await useLink(t, await requestLink(t, smtp, `next${i}@example.org`, next));
      assert.equal(res.headers.get('location'), '/account', next);
    }
    const page = await (await get(t, '/signin?next=https%3A%2F%2Fevil.example')).text();
    assert.match(page, /name="next" value="\/account"/);
  });

  test('the verify button refuses a post from a browser that did not open the link', async () => {
    const link = await requestLink(t, smtp, 'forged@example.org');
    const token = new URL(link, 'https://news.test').searchParams.get('token')!;
    const res = await form(t, '/signin/verify', { token, next: '/account', nonce: 'guess' });
    assert.equal(res.status, 403);
    assert.equal((await useLink(t, link)).status, 303, 'the link still works for its owner');
  });

  test('sign-in links are rate-limited per address', async () => {
    const email = 'flood@example.org';
    for (let i = 0; i < 3; i++) assert.equal((await form(t, '/signin', { email, next: '/' })).status, 200);
    const refused = await form(t, '/signin', { email, next: '/' });
    assert.equal(refused.status, 429);
    const count = await t.app.database.db.selectFrom('reader_sign_in_tokens').select('token_hash').where('email', '=', email).execute();
    assert.equal(count.length, 3);
    for (let i = 0; i < 3; i++) await smtp.nextMessage(email);
  });

  test('a bad address is refused on the form and nothing is sent', async () => {
    const before = smtp.received.length;
    const res = await form(t, '/signin', { email: 'not-an-address', next: '/' });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /role="alert"/);
    assert.equal(smtp.received.length, before);
  });

  test('signing out ends the session; a post without the CSRF token is refused', async () => {
    const reader = await signIn(t, smtp, 'out@example.org');
    const refused = await form(t, '/signout', {}, reader.cookie);
    assert.equal(refused.status, 403);
    assert.equal((await get(t, '/account', reader.cookie)).status, 200, 'still signed in');
    const res = await form(t, '/signout', { _csrf: reader.csrf }, reader.cookie);
    assert.equal(res.status, 303);
    const after = await get(t, '/account', reader.cookie);
    assert.equal(after.status, 303);
    assert.equal(after.headers.get('location'), '/signin?next=%2Faccount');
  });

  test('account pages are private and never cached', async () => {
    const reader = await signIn(t, smtp, 'private@example.org');
    const res = await get(t, '/account', reader.cookie);
    assert.equal(res.headers.get('cache-control'), 'no-store, private');
    assert.equal(csrfIn(await res.text()), reader.csrf);
    const french = await get(t, '/fr/account', reader.cookie);
    assert.equal(french.status, 200, 'the account page is in every language too');
    assert.match(await french.text(), /<html lang="fr"[^>]*>[\s\S]*action="\/fr\/account"/);
  });
});
