import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.js';
import type { SubscriberStatus } from '../../src/db/schema.js';
import { forEachDatabase } from '../helpers/databases.js';
import { makeArticle, makeAuthor } from '../helpers/factories.js';
import { useSmtpServer } from '../helpers/smtp.js';
import { useTestApp, type RunningApp } from '../helpers/test-app.js';
import { consents, subscriber } from './newsletter-client.js';

const SECRET = 'whsec-0f8e2c9a41b7d35e6a0c8f19b2d4e7a3c5b9d1f0';
const PATH = '/newsletter/webhooks/mail-events';

/** The signature header a provider holding `secret` sends, computed here independently of the app's code. */
function signatureFor(body: string, unixSeconds: number, secret = SECRET) {
  return `t=${unixSeconds},v1=${createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')}`;
}

const secondsOf = (t: RunningApp) => Math.floor(t.clock.now().getTime() / 1000);

async function addSubscriber(t: RunningApp, email: string, status: SubscriberStatus = 'active') {
  const at = t.clock.now().toISOString();
  await t.app.database.db.insertInto('newsletter_subscribers').values({ email, status, language: 'en', created_at: at, updated_at: at }).execute();
}

/** Everything a delivery of events could change, to show that a refused one changed nothing. */
async function snapshot(t: RunningApp) {
  const { db } = t.app.database;
  return JSON.stringify([
    await db.selectFrom('newsletter_suppressions').selectAll().orderBy('email').execute(),
    await db.selectFrom('newsletter_subscribers').select(['email', 'status', 'unsubscribed_at']).orderBy('email').execute(),
    await db.selectFrom('newsletter_consents').selectAll().orderBy('id').execute(),
  ]);
}

function post(t: RunningApp, body: string, headers: Record<string, string>) {
  return fetch(t.baseUrl + PATH, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

/** Posts events signed now with the shared secret. */
async function deliver(t: RunningApp, payload: unknown) {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const res = await post(t, body, { 'broadsheet-signature': signatureFor(body, secondsOf(t)) });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

const hardBounce = (email: string, detail = '550 5.1.1 The email account does not exist') => ({ type: 'bounce', email, bounce: 'hard', detail, at: '2026-11-20T11:58:00Z' });
const softBounce = (email: string) => ({ type: 'bounce', email, bounce: 'soft', detail: '452 4.2.2 Mailbox full', at: '2026-11-20T11:58:30Z' });
const complaint = (email: string) => ({ type: 'complaint', email, at: '2026-11-20T11:59:00+01:00' });

forEachDatabase('the mail provider webhook for bounces and complaints', (dialect) => {
  const smtp = useSmtpServer();
  const t = useTestApp(dialect, { smtpUrl: () => smtp.url, scheduler: false, newsletterWebhookSecret: SECRET });

  before(async () => {
    for (const email of ['bounced@example.org', 'full@example.org', 'angry@example.org', 'reader@example.org', 'flaky@example.org']) await addSubscriber(t, email);
  });

  describe('a correctly signed delivery', () => {
    it('suppresses a hard bounce, ignores a soft one, and suppresses and unsubscribes a complainer with a consent record', async () => {
      const res = await deliver(t, { events: [hardBounce('Bounced@Example.org'), softBounce('full@example.org'), complaint('angry@example.org')] });
      assert.equal(res.status, 200, JSON.stringify(res.json));
      assert.deepEqual(res.json, { events: 3, suppressed: 2, alreadySuppressed: 0, unsubscribed: 1, ignored: 1 });

      const bounced = await t.app.suppressions.get('bounced@example.org');
      assert.deepEqual(bounced, { email: 'bounced@example.org', reason: 'bounce', at: '2026-11-20T11:58:00.000Z', detail: '550 5.1.1 The email account does not exist' });
      assert.equal((await subscriber(t, 'bounced@example.org'))?.status, 'active', 'a bounce suppresses only');
      assert.equal(await t.app.suppressions.isSuppressed('full@example.org'), false, 'a soft bounce is not suppressed');
      assert.equal((await subscriber(t, 'full@example.org'))?.status, 'active');

      // 11:59 at +01:00 is 10:59 UTC.
      assert.deepEqual(await t.app.suppressions.get('angry@example.org'), { email: 'angry@example.org', reason: 'complaint', at: '2026-11-20T10:59:00.000Z', detail: null });
      const angry = (await subscriber(t, 'angry@example.org'))!;
      assert.equal(angry.status, 'unsubscribed');
      assert.equal(angry.unsubscribed_at, '2026-11-20T12:00:00.000Z');
      const [record, ...more] = await consents(t, angry.id);
      assert.equal(more.length, 0);
      assert.equal(record?.action, 'unsubscribe');
      assert.equal(record?.form, 'webhook');
      assert.equal(record?.ip_hash, null);
      assert.deepEqual(JSON.parse(record!.detail), { reason: 'complaint' });
    });

    it('changes nothing when the same events arrive again', async () => {
      const before = await snapshot(t);
      const res = await deliver(t, { events: [hardBounce('bounced@example.org', 'another wording'), complaint('angry@example.org')] });
      assert.equal(res.status, 200);
      assert.deepEqual(res.json, { events: 2, suppressed: 0, alreadySuppressed: 2, unsubscribed: 0, ignored: 0 });
      assert.equal(await snapshot(t), before);
    });

    it('turns an earlier bounce into a complaint that unsubscribes, keeping the bounce’s diagnostic', async () => {
      const res = await deliver(t, { events: [complaint('bounced@example.org')] });
      assert.deepEqual(res.json, { events: 1, suppressed: 0, alreadySuppressed: 1, unsubscribed: 1, ignored: 0 });
      const entry = await t.app.suppressions.get('bounced@example.org');
      assert.equal(entry?.reason, 'complaint');
      assert.equal(entry?.detail, '550 5.1.1 The email account does not exist');
      assert.equal((await subscriber(t, 'bounced@example.org'))?.status, 'unsubscribed');
    });

    it('accepts a signature made up to five minutes before or after our clock', async () => {
      for (const [email, offset] of [['early@example.org', -299], ['late@example.org', 299]] as const) {
        const body = JSON.stringify({ events: [hardBounce(email)] });
        const res = await post(t, body, { 'broadsheet-signature': signatureFor(body, secondsOf(t) + offset) });
        assert.equal(res.status, 200, email);
        assert.equal(await t.app.suppressions.isSuppressed(email), true, email);
      }
    });
  });

  describe('a delivery that is refused changes nothing', () => {
    const body = JSON.stringify({ events: [hardBounce('reader@example.org')] });

    async function assertRefused(headers: Record<string, string>, status: number, message: RegExp, payload = body) {
      const before = await snapshot(t);
      const res = await post(t, payload, headers);
      assert.equal(res.status, status);
      assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
      const json = (await res.json()) as { error: { message: string } };
      assert.match(json.error.message, message);
      assert.equal(await snapshot(t), before);
    }

    it('401 without a signature, with a malformed one, a wrong one, or one made with another secret', async () => {
      const now = secondsOf(t);
      await assertRefused({}, 401, /header is missing/);
      await assertRefused({ 'broadsheet-signature': `v1=${'a'.repeat(64)}` }, 401, /must read t=/);
      await assertRefused({ 'broadsheet-signature': `t=${now},v1=xyz` }, 401, /must read t=/);
      await assertRefused({ 'broadsheet-signature': `t=${now},v1=${'0'.repeat(64)}` }, 401, /does not match/);
      await assertRefused({ 'broadsheet-signature': signatureFor(body, now, `${SECRET}-other`) }, 401, /does not match/);
      // Signed for other bytes: the same events, spaced differently.
      await assertRefused({ 'broadsheet-signature': signatureFor(JSON.stringify({ events: [hardBounce('reader@example.org')] }, null, 1), now) }, 401, /does not match/);
    });

    it('401 for a replay: a signature more than five minutes old, or from more than five minutes ahead', async () => {
      await assertRefused({ 'broadsheet-signature': signatureFor(body, secondsOf(t) - 301) }, 401, /more than 5 minutes/);
      await assertRefused({ 'broadsheet-signature': signatureFor(body, secondsOf(t) - 86_400) }, 401, /more than 5 minutes/);
      await assertRefused({ 'broadsheet-signature': signatureFor(body, secondsOf(t) + 301) }, 401, /more than 5 minutes/);
    });

    it('400 naming the event when one among good ones is bad, and none of them is applied', async () => {
      const good = [hardBounce('reader@example.org'), complaint('flaky@example.org')];
      const cases: [unknown[], RegExp][] = [
        [[...good, { type: 'delivered', email: 'reader@example.org', at: '2026-11-20T11:00:00Z' }], /^events\.2\.type: /],
        [[good[0], { ...complaint('x'), email: 'not an address' }, good[1]], /^events\.1\.email: /],
        [[...good, { ...hardBounce('other@example.org'), bounce: 'medium' }], /^events\.2\.bounce: /],
        [[good[0], { ...complaint('other@example.org'), at: 'yesterday' }], /^events\.1\.at: /],
        [[{ ...good[0]!, extra: 'field' }, good[1]], /^events\.0: .*extra/],
        [[good[0], { ...hardBounce('other@example.org'), detail: 'x'.repeat(1001) }], /^events\.1\.detail: /],
        [[], /^events: /],
      ];
      for (const [events, message] of cases) {
        const payload = JSON.stringify({ events });
        await assertRefused({ 'broadsheet-signature': signatureFor(payload, secondsOf(t)) }, 400, message, payload);
      }
      const unknownTop = JSON.stringify({ events: good, also: 1 });
      await assertRefused({ 'broadsheet-signature': signatureFor(unknownTop, secondsOf(t)) }, 400, /also/, unknownTop);
      const notJson = '{"events": [';
      await assertRefused({ 'broadsheet-signature': signatureFor(notJson, secondsOf(t)) }, 400, /not valid JSON/, notJson);
      assert.equal(await t.app.suppressions.isSuppressed('reader@example.org'), false);
      assert.equal((await subscriber(t, 'flaky@example.org'))?.status, 'active');
    });

    it('400 for more than 500 events, 413 for a body over 512 KiB, 415 for anything but JSON', async () => {
      const many = JSON.stringify({ events: Array.from({ length: 501 }, (_, i) => hardBounce(`many-${i}@example.org`)) });
      await assertRefused({ 'broadsheet-signature': signatureFor(many, secondsOf(t)) }, 400, /at most 500 events/, many);
      const huge = JSON.stringify({ events: [hardBounce('reader@example.org')], padding: ' '.repeat(600 * 1024) });
      await assertRefused({ 'broadsheet-signature': signatureFor(huge, secondsOf(t)) }, 413, /./, huge);
      const before = await snapshot(t);
      const res = await fetch(t.baseUrl + PATH, { method: 'POST', headers: { 'content-type': 'text/plain', 'broadsheet-signature': signatureFor(body, secondsOf(t)) }, body });
      assert.equal(res.status, 415);
      assert.equal(await snapshot(t), before);
    });
  });

  it('the next issue is not mailed to the addresses the webhook suppressed, and is mailed to the others', async () => {
    await makeAuthor(t.app.content, { slug: 'desk-writer', name: 'Desk Writer' });
    await makeArticle(t.app.content, { slug: 'harbour-vote', title: 'Harbour board votes on the new ferry', authors: ['desk-writer'], publishedAt: '2026-11-20T08:00:00.000Z' });
    await addSubscriber(t, 'later@example.org');
    assert.equal((await deliver(t, { events: [hardBounce('later@example.org')] })).status, 200);
    const issue = await t.app.issues.assemble('2026-11-20');
    await t.app.delivery.sendDue();
    const mailedTo = new Set(smtp.received.flatMap((m) => m.to));
    // Active and never suppressed: the reader, the soft bounce, the one whose complaint was refused above.
    assert.deepEqual([...mailedTo].sort(), ['flaky@example.org', 'full@example.org', 'reader@example.org']);
    assert.equal((await t.app.issues.get(issue.id))?.status, 'sent');
  });

  it('turns away a flood from one address with 429 before reading it', async () => {
    let status = 0;
    for (let i = 0; i < 130 && status !== 429; i += 1) status = (await post(t, '{}', {})).status;
    assert.equal(status, 429);
    t.clock.set(new Date(t.clock.now().getTime() + 61_000).toISOString());
    assert.equal((await post(t, '{}', {})).status, 401, 'a minute later it is heard again');
  });
});

forEachDatabase('the mail provider webhook without a shared secret', (dialect) => {
  const t = useTestApp(dialect, { scheduler: false });

  it('answers 404: the feature is off', async () => {
    const body = JSON.stringify({ events: [hardBounce('reader@example.org')] });
    const res = await post(t, body, { 'broadsheet-signature': signatureFor(body, secondsOf(t)) });
    assert.equal(res.status, 404);
    assert.equal(await t.app.suppressions.isSuppressed('reader@example.org'), false);
  });
});

describe('NEWSLETTER_WEBHOOK_SECRET', () => {
  it('is off when unset or empty, and read when long enough', () => {
    assert.equal(loadConfig({}).newsletterWebhookSecret, undefined);
    assert.equal(loadConfig({ NEWSLETTER_WEBHOOK_SECRET: ' ' }).newsletterWebhookSecret, undefined);
    assert.equal(loadConfig({ NEWSLETTER_WEBHOOK_SECRET: SECRET }).newsletterWebhookSecret, SECRET);
  });

  it('refuses a short secret or one with spaces in one line that names the variable and never the value', () => {
    for (const secret of ['short-secret', `${SECRET} with spaces`]) {
      assert.throws(
        () => loadConfig({ NEWSLETTER_WEBHOOK_SECRET: secret }),
        (error: unknown) =>
          error instanceof ConfigError && /NEWSLETTER_WEBHOOK_SECRET must be 32 to 512 characters/.test(error.message) && !error.message.includes(secret) && !error.message.includes('\n'),
      );
    }
  });
});
