import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { AppError } from '../../src/errors.js';
import type { SuppressionSource } from '../../src/newsletter/suppressions.js';
import { forEachDatabase } from '../helpers/databases.js';
import { useTestApp, type RunningApp } from '../helpers/test-app.js';
import { consents, subscriber } from './newsletter-client.js';

async function addSubscriber(t: RunningApp, email: string) {
  const at = t.clock.now().toISOString();
  await t.app.database.db.insertInto('newsletter_subscribers').values({ email, status: 'active', language: 'en', created_at: at, updated_at: at }).execute();
}

const suppressionCount = async (t: RunningApp) =>
  Number((await t.app.database.db.selectFrom('newsletter_suppressions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

const refusal = (field: string) => (error: unknown) => error instanceof AppError && error.status === 400 && error.field === field;

forEachDatabase('the suppression list', (dialect) => {
  const t = useTestApp(dialect, { scheduler: false });
  const list = () => t.app.suppressions;

  before(async () => {
    await addSubscriber(t, 'reader@example.org');
    await addSubscriber(t, 'pending@example.org');
  });

  it('stores an address as subscriber addresses are stored: trimmed, lower-cased, the domain in ASCII', async () => {
    const added = await list().add({ email: '  Reader@Bücher.Example ', reason: 'bounce', detail: '550 no such user' }, 'cli');
    assert.deepEqual(added, { email: 'reader@xn--bcher-kva.example', outcome: 'added', unsubscribed: false });
    assert.equal(await list().isSuppressed('READER@bücher.example'), true);
    assert.equal(await list().isSuppressed('reader@example.org'), false);
  });

  it('keeps the first reason, time and detail when an address is added again', async () => {
    await list().add({ email: 'twice@example.org', reason: 'manual', detail: 'asked by phone' }, 'admin');
    const first = await list().get('twice@example.org');
    t.clock.set('2026-11-20T13:00:00.000Z');
    assert.equal((await list().add({ email: 'twice@example.org', reason: 'bounce', detail: '550' }, 'cli')).outcome, 'unchanged');
    assert.deepEqual(await list().get('twice@example.org'), first);
  });

  it('lets a complaint replace another reason, and unsubscribes the subscriber with that address in the same change', async () => {
    await list().add({ email: 'reader@example.org', reason: 'bounce', detail: '550 5.1.1' }, 'webhook');
    assert.equal((await subscriber(t, 'reader@example.org'))?.status, 'active', 'a bounce only suppresses');
    const again = await list().add({ email: 'reader@example.org', reason: 'complaint' }, 'cli');
    assert.deepEqual(again, { email: 'reader@example.org', outcome: 'made_complaint', unsubscribed: true });
    const entry = await list().get('reader@example.org');
    assert.equal(entry?.reason, 'complaint');
    assert.equal(entry?.detail, '550 5.1.1');
    const reader = (await subscriber(t, 'reader@example.org'))!;
    assert.equal(reader.status, 'unsubscribed');
    const records = await consents(t, reader.id);
    assert.deepEqual(
      records.map((r) => [r.action, r.form, r.detail]),
      [['unsubscribe', 'cli', '{"reason":"complaint"}']],
    );
    // A complaint repeated finds the reader unsubscribed already: no second record.
    assert.equal((await list().add({ email: 'reader@example.org', reason: 'complaint' }, 'cli')).unsubscribed, false);
    assert.equal((await consents(t, reader.id)).length, 1);
  });

  it('refuses a bad address, reason or detail with a 400 naming the field, and stores nothing', async () => {
    const before = await suppressionCount(t);
    await assert.rejects(list().add({ email: 'not an address', reason: 'bounce' }, 'cli'), refusal('email'));
    await assert.rejects(list().add({ email: 'ok@example.org', reason: 'spam' as 'bounce' }, 'cli'), refusal('reason'));
    await assert.rejects(list().add({ email: 'ok@example.org', reason: 'manual', detail: 'x'.repeat(1001) }, 'cli'), refusal('detail'));
    assert.equal(await suppressionCount(t), before);
  });

  it('keeps a detail on one line: control characters become spaces', async () => {
    await list().add({ email: 'escape@example.org', reason: 'bounce', detail: '550\r\nX-Injected: yes\u001b[31m red' }, 'cli');
    assert.equal((await list().get('escape@example.org'))?.detail, '550 X-Injected: yes [31m red');
  });

  it('adds a batch in one transaction: one bad entry anywhere refuses it whole', async () => {
    const before = await suppressionCount(t);
    await assert.rejects(
      list().addMany([{ email: 'batch-1@example.org', reason: 'complaint' }, { email: 'batch-2@example.org', reason: 'bounce' }, { email: 'bad@', reason: 'bounce' }], 'cli'),
      refusal('2.email'),
    );
    assert.equal(await suppressionCount(t), before);
    const tally = await list().addMany(
      [{ email: 'batch-1@example.org', reason: 'bounce' }, { email: 'pending@example.org', reason: 'complaint' }, { email: 'twice@example.org', reason: 'manual' }],
      'cli',
    );
    assert.deepEqual(tally, { added: 2, madeComplaint: 0, unchanged: 1, unsubscribed: 1 });
    assert.equal((await subscriber(t, 'pending@example.org'))?.status, 'unsubscribed', 'a pending sign-up is ended by a complaint too');
  });

  it('rolls a batch back whole when the database refuses a write halfway through it', async () => {
    await addSubscriber(t, 'halfway@example.org');
    const before = await suppressionCount(t);
    // The consent record's CHECK constraint refuses this source: the complaint fails after the bounce was written.
    const refusedSource = 'nowhere' as SuppressionSource;
    await assert.rejects(list().addMany([{ email: 'first-of-two@example.org', reason: 'bounce' }, { email: 'halfway@example.org', reason: 'complaint' }], refusedSource));
    assert.equal(await suppressionCount(t), before);
    assert.equal((await subscriber(t, 'halfway@example.org'))?.status, 'active');
  });

  it('dates an entry by the event’s time, but never in the future', async () => {
    t.clock.set('2026-11-20T14:00:00.000Z');
    await list().add({ email: 'past@example.org', reason: 'bounce', at: '2026-11-20T09:30:00+02:00' }, 'webhook');
    await list().add({ email: 'future@example.org', reason: 'bounce', at: '2026-11-21T09:30:00Z' }, 'webhook');
    assert.equal((await list().get('past@example.org'))?.at, '2026-11-20T07:30:00.000Z');
    assert.equal((await list().get('future@example.org'))?.at, '2026-11-20T14:00:00.000Z');
  });

  it('removes an address, saying whether it was listed; the reader it unsubscribed stays unsubscribed', async () => {
    assert.deepEqual(await list().remove(' Reader@Example.org'), { email: 'reader@example.org', removed: true });
    assert.equal(await list().isSuppressed('reader@example.org'), false);
    assert.equal((await subscriber(t, 'reader@example.org'))?.status, 'unsubscribed');
    assert.deepEqual(await list().remove('reader@example.org'), { email: 'reader@example.org', removed: false });
    await assert.rejects(list().remove('nonsense'), (e: unknown) => e instanceof AppError && e.status === 400);
  });

  it('lists newest first, in pages of 50, narrowed by reason and by a search taken literally', async () => {
    const many = Array.from({ length: 55 }, (_, i) => ({ email: `paged_${String(i).padStart(2, '0')}@example.net`, reason: 'manual' as const }));
    t.clock.set('2026-11-20T15:00:00.000Z');
    await list().addMany(many, 'cli');
    const first = await list().list({ q: 'paged_' });
    assert.equal(first.total, 55);
    assert.equal(first.totalPages, 2);
    assert.equal(first.items.length, 50);
    const second = await list().list({ q: 'paged_', page: '2' });
    assert.deepEqual(
      second.items.map((s) => s.email),
      ['paged_50@example.net', 'paged_51@example.net', 'paged_52@example.net', 'paged_53@example.net', 'paged_54@example.net'],
    );
    // `_` is a LIKE wildcard; searched for, it matches only itself.
    assert.equal((await list().list({ q: 'd_0' })).total, 10);
    assert.equal((await list().list({ q: 'PAGED_0' })).total, 10, 'the search ignores case');
    assert.equal((await list().list({ q: '%' })).total, 0);

    const all = await list().list();
    assert.equal(all.items[0]?.at, '2026-11-20T15:00:00.000Z', 'newest first');
    const complaints = await list().list({ reason: 'complaint' });
    assert.deepEqual(complaints.items.map((s) => s.email), ['pending@example.org']);
    assert.equal((await list().list({ reason: '' })).total, all.total, 'an empty reason means any');
    await assert.rejects(list().list({ reason: 'spam' }), refusal('reason'));
    await assert.rejects(list().list({ page: 0 }), refusal('page'));
  });
});
