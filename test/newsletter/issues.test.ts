import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { forEachDatabase } from '../helpers/databases.js';
import { makeArticle, makeAuthor } from '../helpers/factories.js';
import { useTestApp } from '../helpers/test-app.js';

forEachDatabase('assembling and editing the daily newsletter issue', (dialect) => {
  const t = useTestApp(dialect, { scheduler: false });
  const ids = {} as Record<string, number>;

  async function article(name: string, publishedAt: string, over: { newsletterPick?: boolean; status?: 'draft' | 'published' } = {}) {
    const saved = await makeArticle(t.app.content, { slug: name, title: `Headline ${name}`, authors: ['desk-writer'], publishedAt, ...over });
    ids[name] = saved.id;
  }

  before(async () => {
    // Johannesburg keeps UTC+2 all year: 22:00 UTC is local midnight.
    await t.app.content.settings.update({ timeZone: 'Africa/Johannesburg', newsletterSendTime: '07:00' });
    t.clock.set('2026-11-26T12:00:00.000Z');
    await makeAuthor(t.app.content, { slug: 'desk-writer', name: 'Desk Writer' });
    await article('late-pick', '2026-11-19T23:30:00.000Z', { newsletterPick: true }); // 01:30 on the 20th, local
    await article('morning-pick', '2026-11-20T08:00:00.000Z', { newsletterPick: true });
    await article('unpicked', '2026-11-20T09:00:00.000Z');
    await article('eve-pick', '2026-11-19T21:30:00.000Z', { newsletterPick: true }); // 23:30 on the 19th, local
    await article('next-day-pick', '2026-11-20T22:30:00.000Z', { newsletterPick: true }); // 00:30 on the 21st, local
    await article('draft-pick', '2026-11-20T10:00:00.000Z', { newsletterPick: true, status: 'draft' });
    for (let hour = 6; hour <= 11; hour++) await article(`plain-${hour}`, `2026-11-22T${String(hour).padStart(2, '0')}:00:00.000Z`);
  });

  describe('assembly', () => {
    it('takes only the published picks of the day in the site time zone, newest first, due at the send time', async () => {
      const issue = await t.app.issues.assemble('2026-11-20');
      assert.equal(issue.day, '2026-11-20');
      assert.deepEqual(issue.articleIds, [ids['morning-pick'], ids['late-pick']]);
      assert.equal(issue.status, 'scheduled');
      assert.equal(issue.sendAt, '2026-11-20T05:00:00.000Z');
      assert.equal(issue.intro, '');
    });

    it('an article published at 23:30 UTC belongs to the next day in a UTC+2 zone', async () => {
      const issue = await t.app.issues.assemble('2026-11-19');
      assert.deepEqual(issue.articleIds, [ids['eve-pick']]);
      assert.deepEqual((await t.app.issues.assemble('2026-11-21')).articleIds, [ids['next-day-pick']]);
    });

    it('falls back to the five newest articles of a day with no picks', async () => {
      const issue = await t.app.issues.assemble('2026-11-22');
      assert.deepEqual(issue.articleIds, [11, 10, 9, 8, 7].map((h) => ids[`plain-${h}`]));
    });

    it('assembling a day again returns the same issue unchanged, even after new picks', async () => {
      const first = await t.app.issues.assemble('2026-11-20');
      await article('later-pick', '2026-11-20T11:00:00.000Z', { newsletterPick: true });
      const again = await t.app.issues.assemble('2026-11-20');
      assert.deepEqual(again, first);
      const all = await t.app.issues.list(1);
      assert.equal(all.items.filter((i) => i.day === '2026-11-20').length, 1);
      assert.deepEqual(all.items.map((i) => i.day), ['2026-11-22', '2026-11-21', '2026-11-20', '2026-11-19']);
    });

    it('refuses a day that is not on the calendar', async () => {
      await assert.rejects(t.app.issues.assemble('2026-02-30'), { code: 'invalid_input', status: 400 });
      await assert.rejects(t.app.issues.assemble('tomorrow'), { code: 'invalid_input', status: 400 });
    });
  });

  describe('editing', () => {
    it('reorders and removes articles and sets the intro', async () => {
      const issue = (await t.app.issues.byDay('2026-11-22'))!;
      const [a, b, c] = issue.articleIds as [number, number, number];
      const saved = await t.app.issues.update(issue.id, { intro: 'Good morning.\n\nA quiet day.', articleIds: [c, a] });
      assert.deepEqual(saved.articleIds, [c, a]);
      assert.equal(saved.intro, 'Good morning.\n\nA quiet day.');
      assert.ok(!saved.articleIds.includes(b));
      const shown = await t.app.issues.withArticles(saved);
      assert.deepEqual(shown.articles.map((x) => x.id), [c, a]);
    });

    it('refuses an unpublished or unknown article and changes nothing', async () => {
      const issue = (await t.app.issues.byDay('2026-11-22'))!;
      await assert.rejects(t.app.issues.update(issue.id, { articleIds: [issue.articleIds[0]!, ids['draft-pick']!] }), { code: 'article_not_published', status: 400, field: 'articleIds' });
      await assert.rejects(t.app.issues.update(issue.id, { articleIds: [999_999] }), { code: 'article_not_published' });
      await assert.rejects(t.app.issues.update(issue.id, { articleIds: [ids['unpicked']!, ids['unpicked']!] }), { code: 'invalid_input' });
      assert.deepEqual(await t.app.issues.get(issue.id), issue);
    });

    it('holds an issue as a draft without a send time, and schedules it again with one', async () => {
      const issue = (await t.app.issues.byDay('2026-11-21'))!;
      const held = await t.app.issues.update(issue.id, { sendAt: null });
      assert.equal(held.status, 'draft');
      assert.equal(held.sendAt, null);
      const again = await t.app.issues.update(issue.id, { sendAt: '2026-11-21T08:30:00+02:00' });
      assert.equal(again.status, 'scheduled');
      assert.equal(again.sendAt, '2026-11-21T06:30:00.000Z');
    });

    it('refuses every change once sending has started, with 409', async () => {
      const issue = (await t.app.issues.byDay('2026-11-19'))!;
      assert.equal(await t.app.issues.startSending(issue.id), true);
      assert.equal(await t.app.issues.startSending(issue.id), false);
      await assert.rejects(t.app.issues.update(issue.id, { intro: 'Too late' }), { code: 'issue_sending', status: 409 });
      assert.equal(await t.app.issues.markSent(issue.id), true);
      await assert.rejects(t.app.issues.update(issue.id, { intro: 'Too late' }), { status: 409 });
      assert.equal((await t.app.issues.get(issue.id))!.intro, '');
    });

    it('answers 404 for an issue that does not exist', async () => {
      await assert.rejects(t.app.issues.update(424_242, { intro: 'x' }), { status: 404 });
    });
  });
});
