import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { StaffRole } from '../../src/db/schema.js';
import { forEachDatabase } from '../helpers/databases.js';
import { makeArticle, makeAuthor } from '../helpers/factories.js';
import { useTestApp } from '../helpers/test-app.js';

const HOSTILE = '<script>alert("intro")</script> & <img src=x onerror=alert(1)>';

forEachDatabase('the newsletter archive and the newsroom issue pages', (dialect) => {
  const t = useTestApp(dialect, { scheduler: false });
  const sessions = {} as Record<StaffRole, { cookie: string; csrf: string }>;
  const ids = {} as Record<string, number>;

  before(async () => {
    for (const role of ['owner', 'editor', 'author', 'contributor'] as const) {
      const user = await t.app.staff.create({ email: `${role}@news.test`, name: `${role} person`, role });
      const s = await t.app.staff.startSession(user.id);
      sessions[role] = { cookie: `bs_session=${s.token}`, csrf: s.csrfToken };
    }
    await makeAuthor(t.app.content, { slug: 'mira-tan', name: 'Mira Tan' });
    const plan = [
      ['harbour-vote', '2026-11-18T08:00:00.000Z'],
      ['bridge-repairs', '2026-11-18T09:00:00.000Z'],
      ['school-meals', '2026-11-19T08:00:00.000Z'],
      ['tram-line', '2026-11-20T07:00:00.000Z'],
      ['market-hall', '2026-11-20T08:00:00.000Z'],
      ['river-survey', '2026-11-20T09:00:00.000Z'],
    ] as const;
    for (const [slug, publishedAt] of plan) {
      ids[slug] = (await makeArticle(t.app.content, { slug, title: `Headline of ${slug}`, authors: ['mira-tan'], publishedAt, newsletterPick: true })).id;
    }
    ids.draft = (await makeArticle(t.app.content, { slug: 'unfinished', authors: ['mira-tan'], status: 'draft' })).id;
  });

  const get = (role: StaffRole, path: string) => fetch(t.baseUrl + path, { headers: { cookie: sessions[role].cookie }, redirect: 'manual' });

  function post(role: StaffRole, path: string, fields: [string, string][], csrf = sessions[role].csrf) {
    return fetch(t.baseUrl + path, {
      method: 'POST',
      headers: { cookie: sessions[role].cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([['_csrf', csrf], ...fields]),
      redirect: 'manual',
    });
  }

  async function send(day: string) {
    const issue = await t.app.issues.assemble(day);
    assert.equal(await t.app.issues.startSending(issue.id), true);
    assert.equal(await t.app.issues.markSent(issue.id), true);
    return issue;
  }

  describe('the public archive', () => {
    it('lists only sent issues, with their dates and headlines linking to our articles', async () => {
      await send('2026-11-18');
      await t.app.issues.assemble('2026-11-19');
      const html = await t.html('/newsletter/archive');
      assert.match(html, /href="\/newsletter\/archive\/2026-11-18"/);
      assert.match(html, /November 18, 2026/);
      assert.match(html, /<a href="\/articles\/bridge-repairs">Headline of bridge-repairs<\/a>/);
      assert.doesNotMatch(html, /2026-11-19/);
      assert.doesNotMatch(html, /school-meals/);
    });

    it('shows a sent issue as a page, and answers 404 for one not sent or not assembled', async () => {
      const page = await t.html('/newsletter/archive/2026-11-18');
      assert.ok(page.indexOf('/articles/bridge-repairs') < page.indexOf('/articles/harbour-vote'), 'newest first');
      assert.equal((await t.get('/newsletter/archive/2026-11-19')).status, 404);
      assert.equal((await t.get('/newsletter/archive/2026-10-01')).status, 404);
      assert.equal((await t.get('/newsletter/archive/not-a-day')).status, 400);
    });

    it('is cached with the newsletter key, and sending an issue purges it', async () => {
      const first = await t.get('/newsletter/archive');
      assert.match(first.headers.get('surrogate-key') ?? '', /\bnewsletter\b/);
      await first.text();
      const issue = (await t.app.issues.byDay('2026-11-19'))!;
      await t.app.issues.update(issue.id, { intro: 'Lunch, examined.' });
      await t.app.issues.startSending(issue.id);
      await t.app.issues.markSent(issue.id);
      const after = await t.html('/newsletter/archive');
      assert.match(after, /<a href="\/articles\/school-meals">Headline of school-meals<\/a>/);
      assert.match(await t.html('/newsletter/archive/2026-11-19'), /Lunch, examined\./);
    });

    it('escapes a hostile intro on the archive page', async () => {
      const issue = await t.app.issues.assemble('2026-11-17');
      await t.app.issues.update(issue.id, { intro: HOSTILE });
      await send('2026-11-17');
      const html = await t.html('/newsletter/archive/2026-11-17');
      assert.doesNotMatch(html, /<script>alert|<img src=x/);
      assert.match(html, /&lt;script>alert\(&quot;intro&quot;\)&lt;\/script> &amp; &lt;img src=x onerror=alert\(1\)>/);
    });
  });

  describe('the newsroom pages', () => {
    it('are for editors and owners: others get 403, the signed-out the sign-in form', async () => {
      assert.equal((await get('editor', '/admin/newsletter')).status, 200);
      assert.equal((await get('owner', '/admin/newsletter')).status, 200);
      assert.equal((await get('author', '/admin/newsletter')).status, 403);
      assert.equal((await get('contributor', '/admin/newsletter')).status, 403);
      assert.equal((await post('author', '/admin/newsletter/assemble', [])).status, 403);
      const signedOut = await fetch(`${t.baseUrl}/admin/newsletter`, { redirect: 'manual' });
      assert.equal(signedOut.status, 303);
      assert.match(signedOut.headers.get('location') ?? '', /^\/admin\/signin\?next=/);
      assert.match(await (await get('editor', '/admin')).text(), /<a href="\/admin\/newsletter">Newsletter<\/a>/);
      assert.doesNotMatch(await (await get('author', '/admin')).text(), /href="\/admin\/newsletter"/);
    });

    it('assemble today’s issue (the site’s day) from the list, refusing a bad CSRF token', async () => {
      assert.equal((await post('editor', '/admin/newsletter/assemble', [], 'wrong')).status, 403);
      assert.equal(await t.app.issues.byDay('2026-11-20'), undefined);
      assert.match(await (await get('editor', '/admin/newsletter')).text(), /Assemble today’s issue \(2026-11-20\)/);
      const res = await post('editor', '/admin/newsletter/assemble', []);
      assert.equal(res.status, 303);
      const issue = (await t.app.issues.byDay('2026-11-20'))!;
      assert.equal(res.headers.get('location'), `/admin/newsletter/${issue.id}`);
      assert.deepEqual(issue.articleIds, [ids['river-survey'], ids['market-hall'], ids['tram-line']]);
    });

    it("shows the issue as a sandboxed email preview with its form, the send-now button and the test-copy form", async () => {
      const issue = (await t.app.issues.byDay('2026-11-20'))!;
      const html = await (await get('editor', `/admin/newsletter/${issue.id}`)).text();
      // Preact writes an empty sandbox as the bare attribute: the same thing, everything forbidden.
      assert.match(html, /<iframe[^>]* sandbox(="")? srcdoc="&lt;!DOCTYPE html>/);
      assert.match(html, /https:\/\/news\.test\/articles\/market-hall/);
      assert.match(html, new RegExp(`<form method="post" action="/admin/newsletter/${issue.id}/send"`));
      assert.match(html, /name="to" type="email" value="editor@[^"]+"/);
      assert.match(html, /<textarea id="intro" name="intro"/);
      assert.match(html, /name="sendAt" type="datetime-local" value="2026-11-20T07:00"/);
      assert.equal((await get('author', `/admin/newsletter/${issue.id}`)).status, 403);
    });

    it('saves the intro, a new order by position and by the up button, removals and the send time', async () => {
      const issue = (await t.app.issues.byDay('2026-11-20'))!;
      const [river, market, tram] = issue.articleIds.map(String) as [string, string, string];
      const res = await post('editor', `/admin/newsletter/${issue.id}`, [
        ['intro', 'Three stories.'],
        ['articleIds', river], ['articleIds', market], ['articleIds', tram],
        [`position-${river}`, '3'], [`position-${market}`, '1'], [`position-${tram}`, '2'],
        ['sendAt', '2026-11-20T06:45'],
      ]);
      assert.equal(res.status, 303);
      let saved = (await t.app.issues.get(issue.id))!;
      assert.deepEqual(saved.articleIds.map(String), [market, tram, river]);
      assert.equal(saved.intro, 'Three stories.');
      assert.equal(saved.sendAt, '2026-11-20T06:45:00.000Z');
      await post('editor', `/admin/newsletter/${issue.id}`, [
        ['intro', 'Two stories.'],
        ['articleIds', market], ['articleIds', tram], ['articleIds', river],
        ['move', `up:${river}`], ['remove', market], ['sendAt', ''],
      ]);
      saved = (await t.app.issues.get(issue.id))!;
      assert.deepEqual(saved.articleIds.map(String), [river, tram]);
      assert.equal(saved.status, 'draft');
    });

    it('answers 400 with the reason for a bad send time or an unpublished article, saving nothing', async () => {
      const issue = (await t.app.issues.byDay('2026-11-20'))!;
      const badTime = await post('editor', `/admin/newsletter/${issue.id}`, [['intro', 'Changed'], ['sendAt', 'soon']]);
      assert.equal(badTime.status, 400);
      assert.match(await badTime.text(), /role="alert">sendAt: A date and time such as 2026-11-29T07:00/);
      const unpublished = await post('editor', `/admin/newsletter/${issue.id}`, [['intro', 'Changed'], ['articleIds', String(ids.draft)]]);
      assert.equal(unpublished.status, 400);
      assert.match(await unpublished.text(), new RegExp(`Article ${ids.draft} is not published`));
      assert.deepEqual(await t.app.issues.get(issue.id), issue);
    });

    it('escapes a hostile intro in the preview and the form', async () => {
      const issue = (await t.app.issues.byDay('2026-11-20'))!;
      assert.equal((await post('editor', `/admin/newsletter/${issue.id}`, [['intro', HOSTILE]])).status, 303);
      const html = await (await get('editor', `/admin/newsletter/${issue.id}`)).text();
      assert.doesNotMatch(html, /<script>alert|<img src=x/);
      assert.match(html, /&amp;lt;script&amp;gt;alert/); // escaped by the email, then again inside srcdoc
    });

    it('answers 409 once sending has started, and shows the issue read-only', async () => {
      const issue = (await t.app.issues.byDay('2026-11-20'))!;
      await t.app.issues.update(issue.id, { sendAt: '2026-11-20T07:00:00+00:00' });
      await t.app.issues.startSending(issue.id);
      const res = await post('editor', `/admin/newsletter/${issue.id}`, [['intro', 'Late change']]);
      assert.equal(res.status, 409);
      assert.match(await res.text(), /has started sending and can no longer be changed/);
      const page = await (await get('editor', `/admin/newsletter/${issue.id}`)).text();
      assert.doesNotMatch(page, /name="intro"/);
      assert.notEqual((await t.app.issues.get(issue.id))!.intro, 'Late change');
    });

    it('the owner sets the newsletter send time in the site settings; a bad one is refused', async () => {
      const settings = await t.app.content.settings.get();
      const base: [string, string][] = [
        ['siteName', settings.siteName], ['tagline', ''], ['language', 'en'], ['timeZone', 'UTC'], ['copyrightHolder', 'L'],
        ['mediaInquiriesEmail', 'press@news.test'], ['socialLinks', ''],
      ];
      assert.equal((await post('owner', '/admin/settings', [...base, ['newsletterSendTime', '06:15']])).status, 303);
      assert.equal((await t.app.content.settings.get()).newsletterSendTime, '06:15');
      assert.match(await (await get('owner', '/admin/settings')).text(), /name="newsletterSendTime" type="time" value="06:15"/);
      assert.equal((await post('owner', '/admin/settings', [...base, ['newsletterSendTime', '25:00']])).status, 400);
      assert.equal((await t.app.content.settings.get()).newsletterSendTime, '06:15');
    });
  });
});
