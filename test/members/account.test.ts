import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { forEachDatabase } from '../helpers/databases.js';
import { useSmtpServer } from '../helpers/smtp.js';
import { useTestApp } from '../helpers/test-app.js';
import { form, freshRateWindow, get, signIn } from './reader-client.js';

forEachDatabase('a reader’s account', (dialect) => {
  const smtp = useSmtpServer();
  const t = useTestApp(dialect, { smtpUrl: () => smtp.url });
  beforeEach(() => freshRateWindow(t));

  const readerRow = (email: string) => t.app.database.db.selectFrom('readers').selectAll().where('email', '=', email).executeTakeFirst();

  test('the profile is saved with the CSRF token and refused without it', async () => {
    const reader = await signIn(t, smtp, 'profile@example.org');
    const refused = await form(t, '/account', { displayName: 'Mallory', replyNotifications: 'on' }, reader.cookie);
    assert.equal(refused.status, 403);
    assert.equal((await readerRow('profile@example.org'))!.display_name, '');

    const saved = await form(t, '/account', { _csrf: reader.csrf, displayName: '  Ada <b>L</b>  ', replyNotifications: 'on' }, reader.cookie);
    assert.equal(saved.status, 303);
    const row = (await readerRow('profile@example.org'))!;
    assert.equal(row.display_name, 'Ada <b>L</b>');
    assert.equal(row.reply_notifications, 1);
    const page = await (await get(t, '/account?saved=1', reader.cookie)).text();
    assert.match(page, /value="Ada &lt;b>L&lt;\/b>"/, 'the name is escaped on the page');
    assert.match(page, /Your changes are saved/);
  });

  test('a bad display name is refused and nothing changes', async () => {
    const reader = await signIn(t, smtp, 'badname@example.org');
    const res = await form(t, '/account', { _csrf: reader.csrf, displayName: 'x'.repeat(81) }, reader.cookie);
    assert.equal(res.status, 400);
    assert.match(await res.text(), /at most 80 characters/);
    assert.equal((await readerRow('badname@example.org'))!.display_name, '');
  });

  test('the export holds the reader’s data and nobody else’s', async () => {
    const mine = await signIn(t, smtp, 'mine@example.org');
    const other = await signIn(t, smtp, 'other@example.org');
    await form(t, '/account', { _csrf: other.csrf, displayName: 'Other Person' }, other.cookie);
    await form(t, '/account', { _csrf: mine.csrf, displayName: 'Me Myself' }, mine.cookie);

    const res = await get(t, '/account/export', mine.cookie);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment/);
    assert.equal(res.headers.get('cache-control'), 'no-store, private');
    const body = await res.text();
    const data = JSON.parse(body) as { profile: { email: string; displayName: string }; sessions: unknown[]; signInLinks: unknown[]; membership: unknown };
    assert.equal(data.profile.email, 'mine@example.org');
    assert.equal(data.profile.displayName, 'Me Myself');
    assert.equal(data.sessions.length, 1);
    assert.equal(data.signInLinks.length, 1);
    assert.equal(data.membership, null);
    assert.doesNotMatch(body, /other@example\.org|Other Person/);

    assert.equal((await get(t, '/account/export')).status, 303, 'signed out: sent to sign in');
  });

  test('deleting needs the address typed; then the reader, their sessions and old cookie are gone', async () => {
    const reader = await signIn(t, smtp, 'leaving@example.org');
    const id = (await readerRow('leaving@example.org'))!.id;

    const noToken = await form(t, '/account/delete', { confirmEmail: 'leaving@example.org' }, reader.cookie);
    assert.equal(noToken.status, 403);
    const wrong = await form(t, '/account/delete', { _csrf: reader.csrf, confirmEmail: 'someone@example.org' }, reader.cookie);
    assert.equal(wrong.status, 400);
    assert.ok(await readerRow('leaving@example.org'), 'nothing deleted on a mismatch');

    const res = await form(t, '/account/delete', { _csrf: reader.csrf, confirmEmail: 'Leaving@Example.org' }, reader.cookie);
    assert.equal(res.status, 200);
    assert.match(res.headers.getSetCookie().join(), /bs_reader=;/);
    assert.equal(await readerRow('leaving@example.org'), undefined);
    const sessions = await t.app.database.db.selectFrom('reader_sessions').select('token_hash').where('reader_id', '=', id).execute();
    assert.equal(sessions.length, 0);
    const links = await t.app.database.db.selectFrom('reader_sign_in_tokens').select('token_hash').where('email', '=', 'leaving@example.org').execute();
    assert.equal(links.length, 0);

    const after = await get(t, '/account', reader.cookie);
    assert.equal(after.status, 303, 'the old cookie no longer signs in');
  });

  test('deleting a member removes the membership too', async () => {
    const tier = await t.app.membershipTiers.create({ slug: 'friends', name: 'Friends', kind: 'free', currency: 'EUR' });
    const reader = await signIn(t, smtp, 'member-leaving@example.org');
    const id = (await readerRow('member-leaving@example.org'))!.id;
    assert.equal((await form(t, '/membership/join', { _csrf: reader.csrf, tier: String(tier.id), interval: 'free' }, reader.cookie)).status, 303);
    assert.equal((await t.app.memberships.accessOf(id)).level, 'member');
    await form(t, '/account/delete', { _csrf: reader.csrf, confirmEmail: 'member-leaving@example.org' }, reader.cookie);
    const left = await t.app.database.db.selectFrom('memberships').select('reader_id').where('reader_id', '=', id).execute();
    assert.equal(left.length, 0);
  });
});
