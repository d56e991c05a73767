import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { forEachDatabase } from '../helpers/databases.js';
import { makeArticle, makeAuthor } from '../helpers/factories.js';
import type { ReceivedMail } from '../helpers/smtp.js';
import { useSmtpServer } from '../helpers/smtp.js';
import { useTestApp, type RunningApp } from '../helpers/test-app.js';
import { addSubscribers, subscriber } from './newsletter-client.js';

const READERS = Array.from({ length: 30 }, (_, i) => `reader-${i + 1}@example.org`);
const BOUNCING = 'gone@example.org';
const SLOW = 'busy@example.org';

/** The value of one header line as it arrived, unparsed. */
const headerLine = (mail: ReceivedMail, name: string) =>
  mail.parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, '').replace(/\r?\n\s+/g, ' ');

async function delivery(t: RunningApp, issueId: number, email: string) {
  const { id } = (await subscriber(t, email))!;
  return t.app.database.db.selectFrom('newsletter_deliveries').selectAll().where('issue_id', '=', issueId).where('subscriber_id', '=', id).executeTakeFirst();
}

forEachDatabase('sending the daily newsletter issue', (dialect) => {
  let slowRefused = true;
  const smtp = useSmtpServer({
    refuseRecipient: (address) =>
      address === BOUNCING ? { code: 550, message: 'No such mailbox' } : address === SLOW && slowRefused ? { code: 451, message: 'Try again later' } : undefined,
  });
  const t = useTestApp(dialect, { smtpUrl: () => smtp.url, scheduler: false });
  let issueId: number;

  before(async () => {
    await makeAuthor(t.app.content, { slug: 'desk-writer', name: 'Desk Writer' });
    await makeArticle(t.app.content, { slug: 'harbour-vote', title: 'Harbour board votes on the new ferry', authors: ['desk-writer'], publishedAt: '2026-11-20T08:00:00.000Z' });
    await addSubscribers(t, [...READERS, BOUNCING, SLOW, 'suppressed@example.org']);
    await addSubscribers(t, ['waiting@example.org'], 'pending');
    await addSubscribers(t, ['left@example.org'], 'unsubscribed');
    await t.app.database.db.insertInto('newsletter_suppressions').values({ email: 'suppressed@example.org', reason: 'complaint', at: t.clock.now().toISOString() }).execute();
    // Due at 07:00 UTC; the clock stands at noon.
    issueId = (await t.app.issues.assemble('2026-11-20')).id;
  });

  it('mails each active subscriber one copy with both parts and the List-Unsubscribe headers, and no one else', async () => {
    await t.app.delivery.sendDue();
    for (const email of READERS) {
      const copies = smtp.received.filter((m) => m.to.includes(email));
      assert.equal(copies.length, 1, email);
      const mail = copies[0]!;
      assert.match(mail.subject, /Harbour board votes on the new ferry/);
      assert.match(String(mail.parsed.html), /Harbour board votes on the new ferry/);
      assert.match(mail.text, /https:\/\/news\.test\/articles\/harbour-vote/);
      assert.match(headerLine(mail, 'List-Unsubscribe') ?? '', /^<https:\/\/news\.test\/newsletter\/unsubscribe\?token=[^>&]+&issue=\d+>$/);
      assert.equal(headerLine(mail, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
    }
    for (const email of ['waiting@example.org', 'left@example.org', 'suppressed@example.org']) {
      assert.equal(smtp.received.filter((m) => m.to.includes(email)).length, 0, email);
    }
    assert.equal(smtp.received.length, READERS.length);
  });

  it('fails and suppresses a recipient the server refuses with 550, without retrying it', async () => {
    const row = await delivery(t, issueId, BOUNCING);
    assert.equal(row?.status, 'failed');
    assert.equal(row?.attempts, 1);
    assert.match(row?.last_error ?? '', /No such mailbox/);
    const suppressed = await t.app.database.db.selectFrom('newsletter_suppressions').selectAll().where('email', '=', BOUNCING).executeTakeFirst();
    assert.equal(suppressed?.reason, 'bounce');
  });

  it('leaves a recipient refused with 451 pending, a minute later, and the issue still sending', async () => {
    const row = await delivery(t, issueId, SLOW);
    assert.equal(row?.status, 'pending');
    assert.equal(row?.attempts, 1);
    assert.equal(row?.next_attempt_at, '2026-11-20T12:01:00.000Z');
    assert.equal((await t.app.issues.get(issueId))?.status, 'sending');
    assert.deepEqual(await t.app.delivery.figures(issueId), { pending: 1, sending: 0, sent: 30, failed: 1, unsubscribed: 0 });
  });

  it('running the issue again before the retry is due sends nothing more', async () => {
    await t.app.delivery.run(issueId);
    assert.equal(smtp.received.length, READERS.length);
  });

  it('sends the deferred copy once the clock passes its retry time, and the issue becomes sent', async () => {
    slowRefused = false;
    t.clock.set('2026-11-20T12:01:30.000Z');
    const next = await t.app.delivery.sendDue();
    assert.equal(smtp.received.filter((m) => m.to.includes(SLOW)).length, 1);
    assert.equal((await delivery(t, issueId, SLOW))?.status, 'sent');
    assert.equal((await delivery(t, issueId, BOUNCING))?.attempts, 1, 'the bounced address was not tried again');
    const issue = await t.app.issues.get(issueId);
    assert.equal(issue?.status, 'sent');
    assert.equal(issue?.sentAt, '2026-11-20T12:01:30.000Z');
    assert.equal(next.nextDueAt, undefined);
    assert.equal(smtp.received.length, READERS.length + 1);
  });

  it('the one-click unsubscribe URL of a received mail unsubscribes by POST', async () => {
    const mail = smtp.received.find((m) => m.to.includes(READERS[0]!))!;
    const url = /^<(.+)>$/.exec(headerLine(mail, 'List-Unsubscribe')!)![1]!;
    const res = await fetch(url.replace('https://news.test', t.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(res.status, 200);
    assert.equal((await subscriber(t, READERS[0]!))?.status, 'unsubscribed');
    assert.equal((await t.app.delivery.figures(issueId)).unsubscribed, 1, "the issue's figures count the unsubscribe its link brought");
  });

  it('resumes a row left sending by a dead process, and leaves a freshly claimed one to its owner', async () => {
    await makeArticle(t.app.content, { slug: 'market-hours', title: 'Market hours change for winter', authors: ['desk-writer'], publishedAt: '2026-11-21T08:00:00.000Z' });
    t.clock.set('2026-11-21T12:00:00.000Z');
    const second = await t.app.issues.assemble('2026-11-21');
    await t.app.delivery.start(second.id);
    const db = t.app.database.db;
    const [stale, fresh] = [READERS[1]!, READERS[2]!];
    for (const [email, claimedAt] of [[stale, '2026-11-21T11:57:00.000Z'], [fresh, '2026-11-21T11:59:30.000Z']] as const) {
      const { id } = (await subscriber(t, email))!;
      await db.updateTable('newsletter_deliveries').set({ status: 'sending', claimed_at: claimedAt }).where('issue_id', '=', second.id).where('subscriber_id', '=', id).execute();
    }
    const before = smtp.received.length;
    await t.app.delivery.run(second.id);
    const secondIssue = smtp.received.slice(before);
    assert.equal(secondIssue.filter((m) => m.to.includes(stale)).length, 1, 'the stale claim was sent');
    assert.equal(secondIssue.filter((m) => m.to.includes(fresh)).length, 0, 'the fresh claim was left alone');
    assert.equal((await delivery(t, second.id, fresh))?.status, 'sending');
    assert.equal((await t.app.issues.get(second.id))?.status, 'sending', 'not sent while a claim is outstanding');
  });
});
