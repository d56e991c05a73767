import assert from 'node:assert/strict';
import { setTimeout as pause } from 'node:timers/promises';
import { before, describe, it } from 'node:test';
import { createDeliveryTask } from '../../src/newsletter/delivery-task.js';
import { forEachDatabase } from '../helpers/databases.js';
import { makeArticle, makeAuthor } from '../helpers/factories.js';
import { useSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { useTestApp, type RunningApp } from '../helpers/test-app.js';
import { addSubscribers } from './newsletter-client.js';

const silent = { info() {}, error() {} };

/** Holds every message at the server until released, and says when the first one is being held. */
function messageGate() {
  let open = true;
  let release = () => {};
  let released = Promise.resolve();
  let heldOne = () => {};
  let firstHeld = Promise.resolve();
  return {
    close() {
      open = false;
      released = new Promise((resolve) => (release = resolve));
      firstHeld = new Promise((resolve) => (heldOne = resolve));
    },
    open() {
      open = true;
      release();
    },
    /** The server's beforeAccept hook. */
    pass: () => {
      if (open) return undefined;
      heldOne();
      return released;
    },
    firstHeld: () => firstHeld,
  };
}

/** Waits for a condition the code under test brings about on its own timer, failing after `limitMs`. */
async function until(condition: () => Promise<boolean>, what: string, limitMs = 10_000) {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await pause(20);
  }
}

const copiesPer = (smtp: TestSmtpServer, emails: string[]) => emails.map((e) => smtp.received.filter((m) => m.to.includes(e)).length);

async function issueWithArticle(t: RunningApp, day: string) {
  await makeAuthor(t.app.content, { slug: `writer-${day}`, name: 'Desk Writer' });
  await makeArticle(t.app.content, { slug: `story-${day}`, title: `The story of ${day}`, authors: [`writer-${day}`], publishedAt: `${day}T06:00:00.000Z` });
  return (await t.app.issues.assemble(day)).id;
}

forEachDatabase('newsletter delivery runs beside the scheduler', (dialect) => {
  const gate = messageGate();
  const smtp = useSmtpServer({ beforeAccept: gate.pass });
  const t = useTestApp(dialect, { smtpUrl: () => smtp.url, scheduler: false });
  const readers = Array.from({ length: 45 }, (_, i) => `runner-${i + 1}@example.org`);
  let issueId: number;

  before(async () => {
    await addSubscribers(t, readers);
    issueId = await issueWithArticle(t, '2026-11-20');
  });

  it('the task returns while the issue is still on the wire, and stopping finishes only the batch in flight', { timeout: 30_000 }, async () => {
    gate.close();
    const task = createDeliveryTask({ delivery: t.app.delivery, log: silent, onFinished() {} });
    // Were the task to send the issue itself, this would wait on the held message for ever.
    const result = await task.run();
    await gate.firstHeld();
    assert.deepEqual(result, {}, 'no due time is reported while a send runs');
    const stopped = task.stop();
    gate.open();
    await stopped;
    const figures = await t.app.delivery.figures(issueId);
    assert.equal(figures.sending, 0, 'the batch on the wire was recorded before stop() resolved');
    assert.equal(figures.sent, 20, 'one batch went out');
    assert.equal(figures.pending, 25, 'no batch was claimed after the stop');
    assert.equal((await t.app.issues.get(issueId))?.status, 'sending');
  });

  it('a later run finishes the issue, each reader with one copy, and says so when done', { timeout: 30_000 }, async () => {
    let finished = () => {};
    const done = new Promise<void>((resolve) => (finished = resolve));
    const task = createDeliveryTask({ delivery: t.app.delivery, log: silent, onFinished: () => finished() });
    await task.run();
    await done;
    assert.deepEqual(copiesPer(smtp, readers), readers.map(() => 1));
    assert.equal((await t.app.issues.get(issueId))?.status, 'sent');
    assert.deepEqual(await task.run(), {}, 'nothing left to send and nothing scheduled');
  });
});

forEachDatabase('newsletter claims held by a live sender', (dialect) => {
  const gate = messageGate();
  const smtp = useSmtpServer({ beforeAccept: gate.pass });
  const t = useTestApp(dialect, { smtpUrl: () => smtp.url, scheduler: false, newsletterClaimSeconds: 1 });
  const readers = Array.from({ length: 20 }, (_, i) => `holder-${i + 1}@example.org`);

  it('are renewed while the relay is slow, so a second sender leaves them alone and nobody gets two copies', { timeout: 30_000 }, async () => {
    await addSubscribers(t, readers);
    const issueId = await issueWithArticle(t, '2026-11-20');
    await t.app.delivery.start(issueId);
    gate.close();
    const first = t.app.delivery.run(issueId);
    await gate.firstHeld();
    // Far past the one-second claim: only renewal keeps these rows from looking abandoned.
    t.clock.set('2026-11-20T12:00:05.000Z');
    const claimedAt = async () =>
      (await t.app.database.db.selectFrom('newsletter_deliveries').select('claimed_at').where('issue_id', '=', issueId).where('status', '=', 'sending').execute()).map((r) => r.claimed_at);
    await until(async () => {
      const claims = await claimedAt();
      return claims.length > 0 && claims.every((c) => c === '2026-11-20T12:00:05.000Z');
    }, 'the claims to be renewed');
    const second = await t.app.delivery.run(issueId);
    assert.equal(second.sent, 0, 'the second sender sent nothing');
    assert.ok(second.sending > 0, 'and left the claimed copies to their owner');
    gate.open();
    const figures = await first;
    assert.equal(figures.sent, readers.length);
    assert.deepEqual(copiesPer(smtp, readers), readers.map(() => 1));
  });
});

forEachDatabase('a newsletter issue with nothing in it', (dialect) => {
  const smtp = useSmtpServer();
  const t = useTestApp(dialect, { smtpUrl: () => smtp.url, scheduler: false });

  describe('an issue whose day had no article', () => {
    it('is refused by "send now" with a 409 and sends nothing', async () => {
      await addSubscribers(t, ['empty-reader@example.org']);
      const issue = await t.app.issues.assemble('2026-11-18');
      assert.deepEqual(issue.articleIds, []);
      await assert.rejects(t.app.delivery.sendNow(issue.id), { code: 'issue_empty', status: 409 });
      assert.equal((await t.app.issues.get(issue.id))?.status, 'scheduled');
      assert.equal(smtp.received.length, 0);
    });

    it('is held as a draft when its send time comes, not mailed', async () => {
      const issue = (await t.app.issues.byDay('2026-11-18'))!;
      await t.app.delivery.sendDue();
      assert.equal((await t.app.issues.get(issue.id))?.status, 'draft');
      assert.equal(smtp.received.length, 0);
    });
  });
});
