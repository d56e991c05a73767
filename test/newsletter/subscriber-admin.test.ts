import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { SubscriberStatus } from '../../src/db/schema.js';
import { forEachDatabase } from '../helpers/databases.js';
import { useTestApp } from '../helpers/test-app.js';
import { consents, mainOf, subscriber } from './newsletter-client.js';
import { useStaff } from './staff-client.js';

const LIST = '/admin/newsletter/subscribers';

/** Text as it was before the page escaped it. */
const unescape = (html: string) => html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The addresses a list page shows, in order. */
const listed = (html: string) => [...mainOf(html).matchAll(/<a href="\/admin\/newsletter\/subscribers\/\d+">([^<]*)<\/a>/g)].map((m) => unescape(m[1]!));

forEachDatabase('the newsroom’s subscriber screens', (dialect) => {
  const t = useTestApp(dialect, { scheduler: false });
  const staff = useStaff(t);
  const db = () => t.app.database.db;
  const ids = {} as Record<string, number>;

  async function add(email: string, status: SubscriberStatus, language: string, createdAt: string) {
    const row = await db()
      .insertInto('newsletter_subscribers')
      .values({
        email,
        status,
        language,
        created_at: createdAt,
        updated_at: createdAt,
        confirmed_at: status === 'pending' ? null : createdAt,
        unsubscribed_at: status === 'unsubscribed' ? createdAt : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[email] = row.id;
    return row.id;
  }

  async function issue(day: string) {
    const at = `${day}T05:00:00.000Z`;
    return (await db().insertInto('newsletter_issues').values({ day, status: 'sent', send_at: at, created_at: at, updated_at: at, sent_at: at }).returning('id').executeTakeFirstOrThrow()).id;
  }

  const delivered = (issueId: number, subscriberId: number, sentAt: string) =>
    db().insertInto('newsletter_deliveries').values({ issue_id: issueId, subscriber_id: subscriberId, status: 'sent', attempts: 1, next_attempt_at: sentAt, sent_at: sentAt }).execute();

  const auditRows = () => db().selectFrom('audit_log').selectAll().orderBy('id').execute();

  before(async () => {
    // 52 older readers, then the ones the tests name, a day apart: newest first is the order below, reversed.
    await db()
      .insertInto('newsletter_subscribers')
      .values(
        Array.from({ length: 52 }, (_, i) => {
          const at = `2025-06-01T00:${String(i).padStart(2, '0')}:00.000Z`;
          return { email: `reader-${String(i + 1).padStart(2, '0')}@example.org`, status: 'active' as const, language: 'en', created_at: at, updated_at: at, confirmed_at: at };
        }),
      )
      .execute();
    await add('ada.lind@example.org', 'active', 'en', '2026-01-01T09:00:00.000Z');
    await add('ben.okafor@example.org', 'pending', 'fr', '2026-01-02T09:00:00.000Z');
    await add('cyd@example.org', 'unsubscribed', 'en', '2026-01-03T09:00:00.000Z');
    await add('under_score@example.org', 'active', 'de', '2026-01-04T09:00:00.000Z');
    await add('underxscore@example.org', 'active', 'de', '2026-01-05T09:00:00.000Z');
    await add('per%cent@example.org', 'active', 'en', '2026-01-06T09:00:00.000Z');
    await add('bounced@example.org', 'active', 'en', '2026-01-07T09:00:00.000Z');
    await add('-minus@example.org', 'active', 'en', '2026-01-08T09:00:00.000Z');
    // Not an address the sign-up would take: data from before the rules, which the export must still quote.
    await add('odd,"name"@example.org', 'active', 'en', '2026-01-09T09:00:00.000Z');
    await db()
      .insertInto('newsletter_suppressions')
      .values({ email: 'bounced@example.org', reason: 'bounce', at: '2026-02-01T10:00:00.000Z', detail: '550 <b>no such mailbox</b>' })
      .execute();
  });

  describe('the list', () => {
    it('shows every subscriber newest first, 50 a page, under the counts per status', async () => {
      const first = await (await staff.get('editor', LIST)).text();
      const shown = listed(first);
      assert.equal(shown.length, 50);
      assert.deepEqual(shown.slice(0, 10), [
        'odd,"name"@example.org',
        '-minus@example.org',
        'bounced@example.org',
        'per%cent@example.org',
        'underxscore@example.org',
        'under_score@example.org',
        'cyd@example.org',
        'ben.okafor@example.org',
        'ada.lind@example.org',
        'reader-52@example.org',
      ]);
      const counts = mainOf(first);
      for (const text of ['All: 61', 'Active: 59', 'Pending: 1', 'Unsubscribed: 1', 'Suppressed: 1']) assert.ok(counts.includes(text), text);
      assert.match(first, /61 subscribers match/);
      assert.match(first, /href="\/admin\/newsletter\/subscribers\?page=2">Next/);
      const second = listed(await (await staff.get('editor', `${LIST}?page=2`)).text());
      assert.deepEqual(second, Array.from({ length: 11 }, (_, i) => `reader-${String(11 - i).padStart(2, '0')}@example.org`));
    });

    it('searches addresses for a piece of text in any case, taking % and _ literally', async () => {
      const search = async (q: string) => listed(await (await staff.get('editor', `${LIST}?q=${encodeURIComponent(q)}`)).text());
      assert.deepEqual(await search('ADA.L'), ['ada.lind@example.org']);
      assert.deepEqual(await search('under_'), ['under_score@example.org']);
      assert.deepEqual(await search('%'), ['per%cent@example.org']);
      assert.deepEqual(await search('  Okafor '), ['ben.okafor@example.org']);
      assert.deepEqual(await search('nobody-has-this'), []);
    });

    it('filters by status, language and suppression, together, keeping the filters across pages', async () => {
      const filter = async (query: string) => listed(await (await staff.get('editor', `${LIST}?${query}`)).text());
      assert.deepEqual(await filter('status=pending'), ['ben.okafor@example.org']);
      assert.deepEqual(await filter('status=unsubscribed&language=en'), ['cyd@example.org']);
      assert.deepEqual(await filter('language=de'), ['underxscore@example.org', 'under_score@example.org']);
      assert.deepEqual(await filter('suppressed=yes'), ['bounced@example.org']);
      assert.deepEqual(await filter('q=under&language=de&status=active&suppressed=no'), ['underxscore@example.org', 'under_score@example.org']);
      assert.deepEqual(await filter('status=&language=&suppressed=&q='), listed(await (await staff.get('editor', LIST)).text()), 'empty values are "any"');
      const active = await (await staff.get('editor', `${LIST}?status=active&suppressed=no`)).text();
      assert.match(active, /58 subscribers match/);
      assert.match(active, /href="\/admin\/newsletter\/subscribers\?status=active&amp;suppressed=no&amp;page=2">Next/);
      assert.equal((await filter('status=active&suppressed=no&page=2')).length, 8);
    });

    it('answers a bad query value with 400 and what is wrong, for the list and the export', async () => {
      const bad: [string, RegExp][] = [
        ['status=gone', /status: Choose pending, active or unsubscribed/],
        ['language=xx', /language: Choose one of: en, fr/],
        ['suppressed=maybe', /suppressed: Choose yes or no/],
        ['status=active&status=pending', /status: Choose pending, active or unsubscribed/],
        ['q=a&q=b', /q: Search for one piece of text/],
        [`q=${'a'.repeat(255)}`, /q: Search for at most 254 characters/],
        ['page=0', /page: Pages start at 1/],
        ['page=two', /page: A page number/],
        ['page=1.5', /page: A page number/],
      ];
      for (const [query, message] of bad) {
        const res = await staff.get('editor', `${LIST}?${query}`);
        assert.equal(res.status, 400, query);
        assert.match(await res.text(), message, query);
        if (!query.startsWith('page')) assert.equal((await staff.get('editor', `${LIST}.csv?${query}`)).status, 400, `export ${query}`);
      }
    });
  });

  describe('who may use them', () => {
    const pages = () => [LIST, `${LIST}/${ids['ada.lind@example.org']}`, `${LIST}.csv`, `${LIST}/import`];
    const forms = () => [`${LIST}/${ids['ada.lind@example.org']}/unsubscribe`, `${LIST}/${ids['ada.lind@example.org']}/delete`, `${LIST}/import`, `${LIST}/import/confirm`];
    const changeAttempt = { confirm: 'yes', mode: 'confirmed', source: 'x', text: 'email\nnew@example.org\n', rows: 'email,language\r\nnew@example.org,en\r\n' };

    it('gives owners and editors every page, and the menu link', async () => {
      for (const role of ['owner', 'editor'] as const) {
        for (const path of pages()) assert.equal((await staff.get(role, path)).status, 200, `${role} GET ${path}`);
        assert.match(await (await staff.get(role, '/admin')).text(), /<a href="\/admin\/newsletter\/subscribers">Subscribers<\/a>/);
      }
    });

    it('answers authors and contributors 403 on every page and form, changing nothing', async () => {
      const before = await db().selectFrom('newsletter_subscribers').select(['id', 'status']).orderBy('id').execute();
      for (const role of ['author', 'contributor'] as const) {
        for (const path of pages()) assert.equal((await staff.get(role, path)).status, 403, `${role} GET ${path}`);
        for (const path of forms()) assert.equal((await staff.post(role, path, changeAttempt)).status, 403, `${role} POST ${path}`);
        assert.equal((await staff.postMultipart(role, `${LIST}/import`, changeAttempt)).status, 403);
        assert.doesNotMatch(await (await staff.get(role, '/admin')).text(), /Subscribers/);
      }
      assert.deepEqual(await db().selectFrom('newsletter_subscribers').select(['id', 'status']).orderBy('id').execute(), before);
    });

    it('sends a signed-out visitor to sign in from every page, and refuses their posts with 401', async () => {
      for (const path of pages()) {
        const res = await staff.get(null, path);
        assert.equal(res.status, 303, path);
        assert.equal(res.headers.get('location'), `/admin/signin?next=${encodeURIComponent(path)}`);
      }
      for (const path of forms()) assert.equal((await staff.post(null, path, changeAttempt)).status, 401, path);
      assert.equal((await subscriber(t, 'ada.lind@example.org'))!.status, 'active');
    });

    it('refuses a form without the session’s CSRF token, changing nothing', async () => {
      const id = ids['ada.lind@example.org']!;
      for (const csrf of [null, 'not-the-token']) {
        assert.equal((await staff.post('editor', `${LIST}/${id}/unsubscribe`, {}, csrf)).status, 403);
        assert.equal((await staff.post('editor', `${LIST}/${id}/delete`, { confirm: 'yes' }, csrf)).status, 403);
        assert.equal((await staff.postMultipart('editor', `${LIST}/import`, changeAttempt, undefined, csrf)).status, 403);
        assert.equal((await staff.post('editor', `${LIST}/import/confirm`, changeAttempt, csrf)).status, 403);
      }
      assert.equal((await subscriber(t, 'ada.lind@example.org'))!.status, 'active');
      assert.equal(await subscriber(t, 'new@example.org'), undefined);
    });
  });

  describe('one subscriber', () => {
    it('shows the record, the consent history without the address hash, the latest 20 deliveries and the suppression', async () => {
      const id = await add('history@example.org', 'active', 'fr', '2026-03-01T08:00:00.000Z');
      const hash = 'f'.repeat(64);
      const issueIds: number[] = [];
      for (let day = 1; day <= 22; day++) {
        const issueDay = `2026-04-${String(day).padStart(2, '0')}`;
        issueIds.push(await issue(issueDay));
        await delivered(issueIds.at(-1)!, id, `${issueDay}T05:01:00.000Z`);
      }
      await db()
        .insertInto('newsletter_consents')
        .values([
          { subscriber_id: id, action: 'subscribe', form: 'page', ip_hash: hash, at: '2026-03-01T08:00:00.000Z', detail: '{"language":"fr"}' },
          { subscriber_id: id, action: 'confirm', form: 'page', ip_hash: hash, at: '2026-03-01T08:05:00.000Z', detail: '{}' },
          { subscriber_id: id, action: 'preferences', form: 'page', ip_hash: hash, at: '2026-04-05T08:00:00.000Z', detail: '{"language":"<i>fr</i>"}', issue_id: issueIds[3]! },
        ])
        .execute();
      await db().insertInto('newsletter_suppressions').values({ email: 'history@example.org', reason: 'complaint', at: '2026-04-23T10:00:00.000Z', detail: 'marked as <spam>' }).execute();

      const res = await staff.get('editor', `${LIST}/${id}`);
      assert.equal(res.status, 200);
      const html = mainOf(await res.text());
      assert.match(html, /<h1>history@example\.org<\/h1>/);
      assert.match(html, /Status<\/th><td>Active/);
      assert.match(html, /Language<\/th><td>fr/);
      assert.match(html, /Signed up<\/th><td><time datetime="2026-03-01T08:00:00.000Z">2026-03-01 08:00 UTC/);
      const history = [...html.matchAll(/<tr><td><time[^>]*>([^<]+)<\/time><\/td><td>([^<]+)<\/td><td>([^<]+)<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => m.slice(1));
      assert.deepEqual(history, [
        ['2026-03-01 08:00 UTC', 'Signed up', 'page', 'language: fr'],
        ['2026-03-01 08:05 UTC', 'Confirmed', 'page', ''],
        ['2026-04-05 08:00 UTC', 'Changed preferences', 'page', 'language: &lt;i>fr&lt;/i>; from the issue of 2026-04-04'],
      ]);
      assert.ok(!html.includes(hash), 'the address hash is never shown');
      const days = [...html.matchAll(/<a href="\/admin\/newsletter\/\d+">(2026-04-\d\d)<\/a>/g)].map((m) => m[1]);
      assert.deepEqual(days, Array.from({ length: 20 }, (_, i) => `2026-04-${String(22 - i).padStart(2, '0')}`));
      assert.match(html, /On the suppression list since <time[^>]*>2026-04-23 10:00 UTC<\/time> \(complaint\): marked as &lt;spam>/);
    });

    it('answers an unknown subscriber with 404 and a malformed id with 400', async () => {
      assert.equal((await staff.get('editor', `${LIST}/999999`)).status, 404);
      assert.equal((await staff.get('editor', `${LIST}/abc`)).status, 400);
      assert.equal((await staff.post('editor', `${LIST}/999999/unsubscribe`, {})).status, 404);
      assert.equal((await staff.post('editor', `${LIST}/999999/delete`, { confirm: 'yes' })).status, 404);
    });

    it('unsubscribes a reader on their behalf, in the consent record and the audit log by id only; once', async () => {
      const id = await add('leaving@example.org', 'active', 'en', '2026-03-02T08:00:00.000Z');
      const audited = (await auditRows()).length;
      const res = await staff.post('editor', `${LIST}/${id}/unsubscribe`, {});
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), `${LIST}/${id}?done=unsubscribed`);
      const row = (await subscriber(t, 'leaving@example.org'))!;
      assert.equal(row.status, 'unsubscribed');
      assert.equal(row.unsubscribed_at, t.clock.now().toISOString());
      const [consent] = await consents(t, id);
      assert.deepEqual(
        { action: consent!.action, form: consent!.form, ip: consent!.ip_hash, detail: JSON.parse(consent!.detail) },
        { action: 'unsubscribe', form: 'admin', ip: null, detail: { staffId: staff.ids.editor } },
      );
      const entries = (await auditRows()).slice(audited);
      assert.deepEqual(entries.map((e) => [e.actor_id, e.action, e.subject]), [[staff.ids.editor, 'newsletter.subscriber.unsubscribe', `subscriber:${id}`]]);
      assert.ok(!JSON.stringify(entries).includes('leaving'), 'no address in the audit log');
      assert.match(await (await staff.get('editor', res.headers.get('location')!)).text(), /Unsubscribed\. The change is in the consent record/);

      const again = await staff.post('editor', `${LIST}/${id}/unsubscribe`, {});
      assert.equal(again.headers.get('location'), `${LIST}/${id}?done=already`);
      assert.equal((await consents(t, id)).length, 1);
      assert.equal((await auditRows()).length, audited + 1);
    });

    it('erases a reader with their consent record, deliveries and suppression, only when the box is ticked', async () => {
      const id = await add('forget.me@example.org', 'active', 'en', '2026-03-03T08:00:00.000Z');
      const other = ids['ada.lind@example.org']!;
      const issueId = await issue('2026-05-01');
      await delivered(issueId, id, '2026-05-01T05:01:00.000Z');
      await delivered(issueId, other, '2026-05-01T05:01:00.000Z');
      await db().insertInto('newsletter_consents').values({ subscriber_id: id, action: 'subscribe', form: 'page', ip_hash: null, at: '2026-03-03T08:00:00.000Z', detail: '{}' }).execute();
      await db().insertInto('newsletter_suppressions').values({ email: 'forget.me@example.org', reason: 'manual', at: '2026-05-02T08:00:00.000Z', detail: null }).execute();
      const audited = (await auditRows()).length;

      const unticked = await staff.post('editor', `${LIST}/${id}/delete`, {});
      assert.equal(unticked.status, 400);
      assert.match(await unticked.text(), /Tick “Yes, erase this reader for good”/);
      assert.ok(await subscriber(t, 'forget.me@example.org'));

      const res = await staff.post('editor', `${LIST}/${id}/delete`, { confirm: 'yes' });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), `${LIST}?done=erased`);
      assert.equal(await subscriber(t, 'forget.me@example.org'), undefined);
      assert.deepEqual(await consents(t, id), []);
      const deliveries = await db().selectFrom('newsletter_deliveries').select('subscriber_id').where('issue_id', '=', issueId).execute();
      assert.deepEqual(deliveries, [{ subscriber_id: other }], 'only the erased reader’s delivery goes');
      assert.equal(await db().selectFrom('newsletter_suppressions').select('email').where('email', '=', 'forget.me@example.org').executeTakeFirst(), undefined);
      const entries = (await auditRows()).slice(audited);
      assert.deepEqual(entries.map((e) => [e.actor_id, e.action, e.subject]), [[staff.ids.editor, 'newsletter.subscriber.erase', `subscriber:${id}`]]);
      assert.ok(!JSON.stringify(entries).includes('forget'), 'no address in the audit log');
      assert.match(await (await staff.get('editor', res.headers.get('location')!)).text(), /The subscriber and all their records were erased/);
      assert.equal((await staff.get('editor', `${LIST}/${id}`)).status, 404);
    });
  });

  describe('the CSV export', () => {
    async function exported(query = '') {
      const res = await staff.get('editor', `${LIST}.csv${query}`);
      assert.equal(res.status, 200);
      return { res, lines: (await res.text()).split('\r\n') };
    }

    it('is an attachment of every subscriber, oldest first, with quoting and the formula guard', async () => {
      const audited = (await auditRows()).length;
      const { res, lines } = await exported();
      assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
      assert.equal(res.headers.get('content-disposition'), 'attachment; filename="subscribers-2026-11-20.csv"');
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.equal(lines[0], 'email,status,language,created_at,confirmed_at,unsubscribed_at');
      assert.equal(lines.at(-1), '', 'the last row ends with CRLF too');
      const rows = lines.slice(1, -1);
      const total = (await db().selectFrom('newsletter_subscribers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
      assert.equal(rows.length, Number(total));
      assert.equal(rows[0], 'reader-01@example.org,active,en,2025-06-01T00:00:00.000Z,2025-06-01T00:00:00.000Z,');
      assert.ok(rows.includes('ben.okafor@example.org,pending,fr,2026-01-02T09:00:00.000Z,,'));
      assert.ok(rows.includes('cyd@example.org,unsubscribed,en,2026-01-03T09:00:00.000Z,2026-01-03T09:00:00.000Z,2026-01-03T09:00:00.000Z'));
      assert.ok(rows.includes("'-minus@example.org,active,en,2026-01-08T09:00:00.000Z,2026-01-08T09:00:00.000Z,"), 'a leading - is guarded');
      assert.ok(rows.includes('"odd,""name""@example.org",active,en,2026-01-09T09:00:00.000Z,2026-01-09T09:00:00.000Z,'), 'commas and quotes are quoted');
      const entries = (await auditRows()).slice(audited);
      assert.deepEqual(entries.map((e) => [e.action, e.subject]), [['newsletter.export', 'subscribers']]);
    });

    it('applies the list’s filters', async () => {
      assert.deepEqual((await exported('?status=pending')).lines.slice(1, -1).map((l) => l.split(',')[0]), ['ben.okafor@example.org']);
      assert.deepEqual((await exported('?q=UNDER&language=de')).lines.slice(1, -1).map((l) => l.split(',')[0]), ['under_score@example.org', 'underxscore@example.org']);
      assert.deepEqual((await exported('?suppressed=yes')).lines.slice(1, -1).map((l) => l.split(',')[0]), ['bounced@example.org', 'history@example.org']);
      assert.deepEqual((await exported('?q=nobody-has-this')).lines, ['email,status,language,created_at,confirmed_at,unsubscribed_at', '']);
    });

    it('carries a list larger than one read batch whole, each subscriber once, in id order', async () => {
      for (let batch = 0; batch < 5; batch++) {
        await db()
          .insertInto('newsletter_subscribers')
          .values(Array.from({ length: 500 }, (_, i) => ({ email: `bulk-${batch}-${i}@example.org`, status: 'active' as const, language: 'en', created_at: '2026-06-01T00:00:00.000Z', updated_at: '2026-06-01T00:00:00.000Z' })))
          .execute();
      }
      const emails = (await exported()).lines.slice(1, -1).map((l) => l.split(',')[0]!);
      const all = await db().selectFrom('newsletter_subscribers').select('email').orderBy('id').execute();
      assert.equal(emails.length, all.length);
      assert.equal(new Set(emails).size, emails.length, 'nobody twice');
      const bulk = all.map((r) => r.email).filter((e) => e.startsWith('bulk-'));
      assert.equal(bulk.length, 2500);
      assert.deepEqual(emails.filter((e) => e.startsWith('bulk-')), bulk);
    });
  });
});
