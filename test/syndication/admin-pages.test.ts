import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { StaffRole } from '../../src/db/schema.js';
import { forEachDatabase } from '../helpers/databases.js';
import { makeAuthor, makeSource, makeTerm } from '../helpers/factories.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { useTestApp } from '../helpers/test-app.js';

/** An RSS 2.0 feed of a partner outlet; `tag` keeps each feed's stories distinct, so none dedupes against another. */
function partnerRss(tag: string, titles: string[]): string {
  const items = titles.map(
    (title, i) => `<item>
  <title>${title}</title>
  <link>https://partner.test/${tag}/${i + 1}</link>
  <guid isPermaLink="false">${tag}-${i + 1}</guid>
  <dc:creator>Mira Castell</dc:creator>
  <pubDate>Tue, 17 Nov 2026 0${i}:30:00 GMT</pubDate>
  <content:encoded><![CDATA[<p>${title}: the ${tag} desk reports that the council of Port Avel met on Monday to discuss the matter, and a decision is due in the spring.</p><p>Residents of the ${tag} quarter gave evidence for most of the afternoon session.</p>]]></content:encoded>
</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour Gazette</title><link>https://partner.test/</link><description>News from the coast</description>
${items.join('\n')}
</channel></rss>`;
}

forEachDatabase('the syndication pages', (dialect) => {
  const t = useTestApp(dialect, { scheduler: false });
  const sessions = {} as Record<StaffRole, { cookie: string; csrf: string }>;
  let feeds: FeedServer;
  let author: { slug: string; name: string };
  let theme: { slug: string; name: string };

  before(async () => {
    for (const role of ['owner', 'editor', 'author', 'contributor'] as const) {
      const user = await t.app.staff.create({ email: `${role}@news.test`, name: `${role} person`, role });
      const s = await t.app.staff.startSession(user.id);
      sessions[role] = { cookie: `bs_session=${s.token}`, csrf: s.csrfToken };
    }
    feeds = await startFeedServer();
    author = await makeAuthor(t.app.content, { slug: 'lena-varga', name: 'Lena Varga' });
    theme = await makeTerm(t.app.content, 'theme', { slug: 'coasts', name: 'Coasts' });
  });
  after(() => feeds.close());

  const get = (role: StaffRole, path: string) => fetch(t.baseUrl + path, { headers: { cookie: sessions[role].cookie }, redirect: 'manual' });

  /** A form post as the browser sends it; `csrf: null` leaves the token out. */
  function post(role: StaffRole, path: string, fields: Record<string, string | string[]> = {}, csrf: string | null = sessions[role].csrf) {
    const body = new URLSearchParams(csrf === null ? {} : { _csrf: csrf });
    for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
    return fetch(t.baseUrl + path, {
      method: 'POST',
      headers: { cookie: sessions[role].cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body,
      redirect: 'manual',
    });
  }

  /** A partner source with a review-mode feed served at `path` (or pointing at `path` when `body` is undefined). */
  async function partner(path: string, body?: string, contentType = 'application/rss+xml') {
    if (body !== undefined) feeds.file(path, body, { contentType });
    const source = await makeSource(t.app.content, { name: `Outlet ${path.slice(1).replace(/\W+/g, ' ')}` });
    await t.app.syndication.feeds.save({ source: source.slug, feedUrl: feeds.url + path });
    return source;
  }

  const pending = async (sourceId: number) => (await t.app.syndication.queue.page({ sourceId }, 1)).items;

  describe('who may use them', () => {
    let slug: string;
    let itemId: number;

    before(async () => {
      slug = (await partner('/matrix.xml', partnerRss('matrix', ['Tide gauge installed']))).slug;
      await t.app.syndication.poller.pollNow(slug);
      const source = await t.app.content.directory.sourceBySlug(slug);
      itemId = (await pending(source!.id))[0]!.id;
    });

    const pages = () => ['/admin/feeds', `/admin/feeds/${slug}`, '/admin/feeds.opml', '/admin/queue', `/admin/queue/${itemId}`];
    const forms = () => ['/admin/feeds', `/admin/feeds/${slug}`, `/admin/feeds/${slug}/poll`, '/admin/feeds.opml', `/admin/queue/${itemId}/accept`, `/admin/queue/${itemId}/reject`, `/admin/queue/${itemId}/block`];

    it('gives editors and owners every page, with the two menu links', async () => {
      for (const role of ['editor', 'owner'] as const) {
        for (const path of pages()) assert.equal((await get(role, path)).status, 200, `${role} GET ${path}`);
        const menu = await (await get(role, '/admin/queue')).text();
        assert.match(menu, /<a href="\/admin\/feeds">Partner feeds<\/a>/);
        assert.match(menu, /<a href="\/admin\/queue">Review queue<\/a>/);
      }
    });

    it('answers authors and contributors 403 on every page and every form, changing nothing', async () => {
      for (const role of ['author', 'contributor'] as const) {
        for (const path of pages()) assert.equal((await get(role, path)).status, 403, `${role} GET ${path}`);
        for (const path of forms()) assert.equal((await post(role, path, { feedUrl: 'https://elsewhere.test/feed' })).status, 403, `${role} POST ${path}`);
        assert.doesNotMatch(await (await get(role, '/admin')).text(), /Partner feeds|Review queue/);
      }
      assert.equal((await t.app.syndication.queue.item(itemId)).status, 'pending');
      assert.equal((await t.app.syndication.feeds.bySourceSlug(slug)).feedUrl, `${feeds.url}/matrix.xml`);
    });

    it('sends a signed-out visitor to sign in from every page', async () => {
      for (const path of pages()) {
        const res = await fetch(t.baseUrl + path, { redirect: 'manual' });
        assert.equal(res.status, 303, path);
        assert.equal(res.headers.get('location'), `/admin/signin?next=${encodeURIComponent(path)}`);
      }
    });
  });

  describe('partner feeds', () => {
    it('an editor adds a feed to a source from the list page, and it is listed with a link to its page', async () => {
      const source = await makeSource(t.app.content, { slug: 'tern-weekly', name: 'Tern Weekly' });
      const form = await (await get('editor', '/admin/feeds')).text();
      assert.match(form, /<option value="tern-weekly">Tern Weekly<\/option>/, 'the source without a feed is offered');
      const res = await post('editor', '/admin/feeds', { source: source.slug, feedUrl: 'https://tern.test/feed.xml', pollMinutes: '30', mode: 'review', defaultTheme: theme.slug, active: '1' });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/admin/feeds/tern-weekly?saved=1');
      const feed = await t.app.syndication.feeds.bySourceSlug('tern-weekly');
      assert.deepEqual([feed.feedUrl, feed.pollMinutes, feed.mode, feed.defaultTheme, feed.active, feed.fetchFullText], ['https://tern.test/feed.xml', 30, 'review', 'coasts', true, false]);
      const list = await (await get('editor', '/admin/feeds')).text();
      assert.match(list, /<a href="\/admin\/feeds\/tern-weekly">Tern Weekly<\/a>/);
      assert.doesNotMatch(list, /<option value="tern-weekly">/, 'a source with a feed is no longer offered');
    });

    it('refuses a feed address that is not http(s), and auto-publishing without a default author, with the reason beside the field and nothing saved', async () => {
      const source = await makeSource(t.app.content, { slug: 'gull-daily', name: 'Gull Daily' });
      const badUrl = await post('editor', '/admin/feeds', { source: source.slug, feedUrl: 'ftp://gull.test/feed', pollMinutes: '60', mode: 'review', active: '1' });
      assert.equal(badUrl.status, 400);
      const badUrlPage = await badUrl.text();
      assert.match(badUrlPage, /name="feedUrl"[^>]*value="ftp:\/\/gull.test\/feed"[^>]*aria-invalid="true" aria-describedby="feedUrl-error"/);
      assert.match(badUrlPage, /<p id="feedUrl-error" class="field-error" role="alert">feedUrl: Must be an absolute http\(s\) URL<\/p>/);

      const noAuthor = await post('editor', '/admin/feeds', { source: source.slug, feedUrl: 'https://gull.test/feed', pollMinutes: '60', mode: 'auto', active: '1' });
      assert.equal(noAuthor.status, 400);
      assert.match(await noAuthor.text(), /<p id="defaultAuthor-error" class="field-error" role="alert">defaultAuthor: auto-publishing needs a default author/);
      assert.equal((await t.app.syndication.feeds.list()).some((f) => f.sourceSlug === 'gull-daily'), false);
    });

    it('saves a feed’s settings from its page, and refuses a bad change there without saving it', async () => {
      const source = await partner('/settings.xml', partnerRss('settings', ['Jetty repaired']));
      const fields = { feedUrl: `${feeds.url}/settings.xml`, pollMinutes: '90', mode: 'auto', defaultAuthor: author.slug, active: '1', fetchFullText: '1' };
      const res = await post('editor', `/admin/feeds/${source.slug}`, fields);
      assert.equal(res.status, 303);
      assert.match(await (await get('editor', `/admin/feeds/${source.slug}?saved=1`)).text(), /Saved\./);
      const feed = await t.app.syndication.feeds.bySourceSlug(source.slug);
      assert.deepEqual([feed.pollMinutes, feed.mode, feed.defaultAuthor, feed.fetchFullText], [90, 'auto', author.slug, true]);
      const audit = await t.app.audit.page(1);
      assert.ok(audit.some((e) => e.action === 'feed.update' && e.subject === source.slug));

      const refused = await post('editor', `/admin/feeds/${source.slug}`, { ...fields, pollMinutes: '1' });
      assert.equal(refused.status, 400);
      assert.match(await refused.text(), /<p id="pollMinutes-error" class="field-error" role="alert">pollMinutes: At least 5 minutes<\/p>/);
      assert.equal((await t.app.syndication.feeds.bySourceSlug(source.slug)).pollMinutes, 90);
    });

    it('"Poll now" shows the counts and the items wait in the queue; a second poll is not modified', async () => {
      const source = await partner('/pollnow.xml', partnerRss('pollnow', ['Lighthouse keeper retires', 'Ferry fares frozen']));
      const first = await post('editor', `/admin/feeds/${source.slug}/poll`);
      assert.equal(first.status, 200);
      assert.match(await first.text(), /Polled: 2 new items in the review queue, 0 published/);
      const queue = await (await get('editor', `/admin/queue?source=${source.slug}`)).text();
      assert.match(queue, /Lighthouse keeper retires<\/a>/);
      assert.match(queue, /Ferry fares frozen<\/a>/);
      assert.match(queue, /<td>Mira Castell<\/td>/);

      const second = await post('editor', `/admin/feeds/${source.slug}/poll`);
      assert.equal(second.status, 200);
      assert.match(await second.text(), /Polled: not modified/);
      assert.equal(feeds.requests('/pollnow.xml').length, 2);
      assert.equal((await t.app.audit.page(1)).filter((e) => e.action === 'feed.poll' && e.subject === source.slug).length, 2);
    });

    it('the status page says in plain words why a feed failed: an address that answers 404, and one that is a web page', async () => {
      const gone = await partner('/gone.xml');
      const page = await partner('/home.html', '<!doctype html><html><head><title>Harbour Gazette</title></head><body><p>Welcome to our site.</p></body></html>', 'text/html; charset=utf-8');
      for (const [source, words] of [
        [gone, 'The server answered 404 Not Found'],
        [page, 'The address returned a web page, not a feed'],
      ] as const) {
        const polled = await post('editor', `/admin/feeds/${source.slug}/poll`);
        assert.match(await polled.text(), new RegExp(`The poll failed: ${words}`));
        const status = await (await get('editor', `/admin/feeds/${source.slug}`)).text();
        assert.match(status, new RegExp(`<p class="alert alert-error feed-error" role="alert">The last poll failed \\(<time[^>]*>[^<]*</time>\\): ${words}</p>`));
        assert.match(status, /<dt>Failures in a row<\/dt><dd>1<\/dd>/);
        assert.match(await (await get('editor', '/admin/feeds')).text(), new RegExp(`<strong class="feed-error">${words}</strong>`));
      }
    });

    it('refuses a form without its CSRF token, changing nothing', async () => {
      const source = await partner('/csrf.xml', partnerRss('csrf', ['Breakwater inspected']));
      const res = await post('editor', `/admin/feeds/${source.slug}`, { feedUrl: 'https://elsewhere.test/feed.xml', pollMinutes: '60', mode: 'review', active: '1' }, null);
      assert.equal(res.status, 403);
      assert.equal((await t.app.syndication.feeds.bySourceSlug(source.slug)).feedUrl, `${feeds.url}/csrf.xml`);
      assert.equal((await post('editor', `/admin/feeds/${source.slug}/poll`, {}, 'not-the-token')).status, 403);
      assert.equal(feeds.requests('/csrf.xml').length, 0, 'no poll ran');
    });
  });

  describe('the review queue', () => {
    it('accepting an item with an author and a theme publishes it attributed to the partner and canonical to the original; it leaves the queue and a second decision is refused', async () => {
      const source = await partner('/accept.xml', partnerRss('accept', ['Harbour dredging to start in March']));
      await t.app.syndication.poller.pollNow(source.slug);
      const [item] = await pending(source.id);
      assert.ok(item);
      const itemPage = await (await get('editor', `/admin/queue/${item.id}`)).text();
      assert.match(itemPage, /<article class="preview"><p>Harbour dredging to start in March: the accept desk reports/);
      assert.match(itemPage, /Never import this item or repeats of it/);

      const choice = { title: item.title, dek: '', kicker: 'Coast', authors: [author.slug], themes: [theme.slug], status: 'published', publishedAt: '' };
      const res = await post('editor', `/admin/queue/${item.id}/accept`, choice);
      assert.equal(res.status, 303);
      const articleId = Number(/^\/admin\/articles\/(\d+)$/.exec(res.headers.get('location') ?? '')?.[1]);
      assert.ok(articleId > 0, `redirected to the editor, not ${res.headers.get('location')}`);
      assert.equal((await get('editor', `/admin/articles/${articleId}`)).status, 200);

      const article = (await t.app.content.editorial.editable(articleId))!;
      assert.deepEqual([article.status, article.snapshot.source, article.snapshot.authors, article.snapshot.themes], ['published', source.slug, [author.slug], [theme.slug]]);
      const publicPage = await t.html(`/articles/${article.snapshot.slug}`);
      assert.match(publicPage, new RegExp(`The original source of this article is\\s*<a href="https://partner.test/accept/1">${source.name}</a>`));
      assert.match(publicPage, /<link rel="canonical" href="https:\/\/partner.test\/accept\/1"/);

      assert.deepEqual(await pending(source.id), []);
      assert.doesNotMatch(await (await get('editor', '/admin/queue')).text(), /Harbour dredging to start in March/);
      const again = await post('editor', `/admin/queue/${item.id}/accept`, choice);
      assert.equal(again.status, 409);
      assert.match(await again.text(), /This item has already been decided on/);
      assert.ok((await t.app.audit.page(1)).some((e) => e.action === 'syndication.accept' && e.detail.article === articleId));
    });

    it('refuses to accept an item without an author, showing why beside the field and keeping it pending', async () => {
      const source = await partner('/noauthor.xml', partnerRss('noauthor', ['Sea wall survey published']));
      await t.app.syndication.poller.pollNow(source.slug);
      const [item] = await pending(source.id);
      const res = await post('editor', `/admin/queue/${item!.id}/accept`, { title: 'Sea wall survey, edited', themes: [theme.slug], status: 'published' });
      assert.equal(res.status, 400);
      const html = await res.text();
      assert.match(html, /<p id="authors-error" class="field-error" role="alert">authors: At least one author<\/p>/);
      assert.match(html, /value="Sea wall survey, edited"/, 'what was typed is kept');
      assert.equal((await t.app.syndication.queue.item(item!.id)).status, 'pending');
    });

    it('schedules an accepted item for the UTC time typed in the form', async () => {
      const source = await partner('/scheduled.xml', partnerRss('scheduled', ['Regatta route announced']));
      await t.app.syndication.poller.pollNow(source.slug);
      const [item] = await pending(source.id);
      const res = await post('editor', `/admin/queue/${item!.id}/accept`, { title: item!.title, authors: [author.slug], status: 'scheduled', publishedAt: '2026-12-01T09:30' });
      assert.equal(res.status, 303);
      const article = (await t.app.content.editorial.editable(Number(res.headers.get('location')?.split('/').pop())))!;
      assert.equal(article.status, 'scheduled');
      assert.equal(new Date(article.snapshot.publishedAt!).toISOString(), '2026-12-01T09:30:00.000Z');
    });

    it('reject and block take items off the pending list and show them under their status', async () => {
      const source = await partner('/decide.xml', partnerRss('decide', ['Buoy relocated', 'Pier closed for storm']));
      await t.app.syndication.poller.pollNow(source.slug);
      const items = await pending(source.id);
      const byTitle = (title: string) => items.find((i) => i.title === title)!;

      const rejected = await post('editor', `/admin/queue/${byTitle('Buoy relocated').id}/reject`);
      assert.equal(rejected.status, 303);
      assert.equal(rejected.headers.get('location'), '/admin/queue?decided=rejected');
      const blocked = await post('owner', `/admin/queue/${byTitle('Pier closed for storm').id}/block`);
      assert.equal(blocked.status, 303);
      assert.match(await (await get('owner', '/admin/queue?decided=blocked')).text(), /The item was blocked/);

      const listOf = async (status: string) => (await get('editor', `/admin/queue?source=${source.slug}&status=${status}`)).text();
      const stillPending = await listOf('pending');
      assert.doesNotMatch(stillPending, /Buoy relocated|Pier closed for storm/);
      assert.match(await listOf('rejected'), /Buoy relocated<\/a>/);
      assert.doesNotMatch(await listOf('rejected'), /Pier closed for storm/);
      assert.match(await listOf('blocked'), /Pier closed for storm<\/a>/);
      assert.equal((await post('editor', `/admin/queue/${byTitle('Buoy relocated').id}/block`)).status, 409);
    });
  });
});
