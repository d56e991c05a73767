import assert from 'node:assert/strict';
import { setTimeout as pause } from 'node:timers/promises';
import { before, it } from 'node:test';
import { forEachDatabase } from '../helpers/databases.js';
import { makeArticle, makeAuthor } from '../helpers/factories.js';
import { useSmtpServer } from '../helpers/smtp.js';
import { useTestApp } from '../helpers/test-app.js';
import { addSubscribers } from './newsletter-client.js';
import { useStaff } from './staff-client.js';

const READERS = ['ines@example.org', 'tomas@example.org', 'yara@example.org'];

forEachDatabase('sending an issue from the newsroom', (dialect) => {
  const smtp = useSmtpServer();
  const t = useTestApp(dialect, { smtpUrl: () => smtp.url, scheduler: false });
  const staff = useStaff(t);
  let issueId: number;
  let emptyId: number;

  before(async () => {
    await makeAuthor(t.app.content, { slug: 'desk', name: 'The Desk' });
    await makeArticle(t.app.content, { slug: 'bridge-reopens', title: 'The old bridge reopens to cyclists', authors: ['desk'], publishedAt: '2026-11-20T06:00:00.000Z' });
    await addSubscribers(t, READERS);
    issueId = (await t.app.issues.assemble('2026-11-20')).id;
    emptyId = (await t.app.issues.assemble('2026-11-19')).id;
  });

  it('sends a test copy to the address given, marked as a test, and records no delivery', async () => {
    const res = await staff.post('editor', `/admin/newsletter/${issueId}/test`, { to: 'Proof.Reader@News.Test' });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /A test copy was sent to proof\.reader@news\.test/);
    const mail = await smtp.nextMessage('proof.reader@news.test');
    assert.match(mail.subject, /^\[Test\] .*The old bridge reopens to cyclists/);
    assert.match(String(mail.parsed.html), /The old bridge reopens to cyclists/);
    assert.deepEqual(await t.app.delivery.figures(issueId), { pending: 0, sending: 0, sent: 0, failed: 0, unsubscribed: 0 });
    assert.equal((await t.app.issues.get(issueId))?.status, 'scheduled');
  });

  it('refuses a bad test address with 400 and sends nothing', async () => {
    const before = smtp.received.length;
    const res = await staff.post('editor', `/admin/newsletter/${issueId}/test`, { to: 'not an address' });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /role="alert"/);
    assert.equal(smtp.received.length, before);
  });

  it('refuses both actions to a role without the newsletter, and without the CSRF token', async () => {
    assert.equal((await staff.post('author', `/admin/newsletter/${issueId}/send`, {})).status, 403);
    assert.equal((await staff.post('author', `/admin/newsletter/${issueId}/test`, { to: 'a@news.test' })).status, 403);
    assert.equal((await staff.post('editor', `/admin/newsletter/${issueId}/send`, {}, null)).status, 403);
    assert.equal((await t.app.issues.get(issueId))?.status, 'scheduled');
  });

  it('refuses to send an issue with no article, with 409 and the reason', async () => {
    const res = await staff.post('editor', `/admin/newsletter/${emptyId}/send`, {});
    assert.equal(res.status, 409);
    assert.match(await res.text(), /This issue has no published article/);
    assert.equal((await t.app.issues.get(emptyId))?.status, 'scheduled');
  });

  it('"send now" starts the issue, answers at once, and the copies go out beside the request', async () => {
    const res = await staff.post('editor', `/admin/newsletter/${issueId}/send`, {});
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `/admin/newsletter/${issueId}?sending=1`);
    for (const email of READERS) await smtp.nextMessage(email);
    // The last copy arrived; its record and the issue's status follow within moments.
    for (let i = 0; i < 200 && (await t.app.issues.get(issueId))?.status !== 'sent'; i++) await pause(20);
    assert.equal((await t.app.issues.get(issueId))?.status, 'sent');
    const page = await (await staff.get('editor', `/admin/newsletter/${issueId}`)).text();
    assert.match(page, /<th scope="row">Sent<\/th><td>3<\/td>/);
    assert.doesNotMatch(page, /Send now to every subscriber/);
  });
});
