import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { forEachDatabase } from '../helpers/databases.js';
import { makeArticle, makeAuthor } from '../helpers/factories.js';
import { useTestApp } from '../helpers/test-app.js';

// Lisbon is on UTC+0 in winter: 07:30 there is 07:30Z, so assembly is due at 06:30Z.
forEachDatabase("the job that assembles the day's newsletter", (dialect) => {
  const t = useTestApp(dialect, { scheduler: false });

  before(async () => {
    await t.app.content.settings.update({ timeZone: 'Europe/Lisbon', newsletterSendTime: '07:30' });
    await makeAuthor(t.app.content, { slug: 'night-desk', name: 'Night Desk' });
    await makeArticle(t.app.content, { slug: 'tide-tables', title: 'New tide tables for the estuary', authors: ['night-desk'], publishedAt: '2026-11-20T05:00:00.000Z' });
    await makeArticle(t.app.content, { slug: 'ferry-fares', title: 'Ferry fares rise in January', authors: ['night-desk'], publishedAt: '2026-11-20T05:30:00.000Z' });
  });

  it('does nothing before the assembly time and says when it is', async () => {
    t.clock.set('2026-11-20T06:00:00.000Z');
    assert.deepEqual(await t.app.issues.assembleDue(), { nextDueAt: '2026-11-20T06:30:00.000Z' });
    assert.equal(await t.app.issues.byDay('2026-11-20'), undefined);
  });

  it("an hour before the send time, assembles the day's issue for that time and points at tomorrow's assembly", async () => {
    t.clock.set('2026-11-20T06:30:00.000Z');
    assert.deepEqual(await t.app.issues.assembleDue(), { nextDueAt: '2026-11-21T06:30:00.000Z' });
    const issue = await t.app.issues.byDay('2026-11-20');
    assert.equal(issue?.status, 'scheduled');
    assert.equal(issue?.sendAt, '2026-11-20T07:30:00.000Z');
    assert.equal(issue?.articleIds.length, 2);
  });

  it('leaves an issue the editors already changed as it is', async () => {
    const issue = (await t.app.issues.byDay('2026-11-20'))!;
    await t.app.issues.update(issue.id, { intro: 'Good morning from the night desk.', articleIds: issue.articleIds.slice(0, 1) });
    t.clock.set('2026-11-20T06:45:00.000Z');
    await t.app.issues.assembleDue();
    const after = (await t.app.issues.byDay('2026-11-20'))!;
    assert.equal(after.intro, 'Good morning from the night desk.');
    assert.deepEqual(after.articleIds, issue.articleIds.slice(0, 1));
  });

  it('makes no issue for a day with no article', async () => {
    t.clock.set('2026-11-21T06:31:00.000Z');
    await t.app.issues.assembleDue();
    assert.equal(await t.app.issues.byDay('2026-11-21'), undefined);
  });

  it('still assembles after a late start on the day, but not in the evening', async () => {
    await makeArticle(t.app.content, { slug: 'harbour-lights', title: 'Harbour lights restored', authors: ['night-desk'], publishedAt: '2026-11-22T05:00:00.000Z' });
    t.clock.set('2026-11-22T13:00:00.000Z');
    await t.app.issues.assembleDue();
    assert.equal((await t.app.issues.byDay('2026-11-22'))?.status, 'scheduled');

    await makeArticle(t.app.content, { slug: 'night-market', title: 'Night market returns', authors: ['night-desk'], publishedAt: '2026-11-23T05:00:00.000Z' });
    t.clock.set('2026-11-23T19:00:00.000Z');
    await t.app.issues.assembleDue();
    assert.equal(await t.app.issues.byDay('2026-11-23'), undefined);
  });
});
