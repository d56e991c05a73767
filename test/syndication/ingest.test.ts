import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { makeAuthor, makeSource, makeTerm } from '../helpers/factories.js';
import { forEachDatabase } from '../helpers/databases.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { useTestApp } from '../helpers/test-app.js';

interface Entry {
  guid?: string;
  link?: string;
  title: string;
  body: string;
  date?: string;
}

/** An RSS 2.0 feed written for these tests: each entry's body goes in content:encoded. */
function rss(entries: Entry[]): string {
  const items = entries
    .map(
      (e) => `<item>
  <title>${e.title}</title>
  ${e.link ? `<link>${e.link}</link>` : ''}
  ${e.guid ? `<guid isPermaLink="false">${e.guid}</guid>` : ''}
  <pubDate>${e.date ?? 'Tue, 17 Nov 2026 08:00:00 GMT'}</pubDate>
  <description>Summary of ${e.title}</description>
  <content:encoded><![CDATA[${e.body}]]></content:encoded>
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Partner</title><link>http://partner.test/</link><description>Test partner</description><language>en</language>
${items}
</channel></rss>`;
}

const story = (n: number, extra = '') =>
  `<p>Story ${n}: the harbour authority approved a plan for new breakwaters on the eastern shore ${extra}.</p>` +
  `<p>Fishing cooperatives said the work would begin after the winter season, according to <a href="/notes/${n}">the notice</a>.</p>`;

forEachDatabase('ingesting partner feeds', (dialect) => {
  const t = useTestApp(dialect, { scheduler: false });
  let feeds: FeedServer;
  let author: { slug: string };
  let region: { slug: string; name: string };
  let editorId: number;

  before(async () => {
    feeds = await startFeedServer();
    author = await makeAuthor(t.app.content, { name: 'Desk Editor' });
    region = await makeTerm(t.app.content, 'region', { name: 'Coastlands' });
    editorId = (await t.app.staff.create({ email: 'desk@news.test', name: 'Desk', role: 'editor' })).id;
  });
  after(() => feeds.close());

  /** A partner source whose feed lives at `path` on the feed server. */
  async function partner(path: string, mode: 'auto' | 'review', body: string) {
    feeds.file(path, body, { contentType: 'application/rss+xml' });
    const source = await makeSource(t.app.content);
    await t.app.syndication.feeds.save({
      source: source.slug,
      feedUrl: feeds.url + path,
      mode,
      defaultAuthor: mode === 'auto' ? author.slug : null,
      defaultRegion: region.slug,
    });
    return source;
  }

  const itemsOf = (sourceId: number) =>
    t.app.database.db.selectFrom('syndicated_items').selectAll().where('source_id', '=', sourceId).orderBy('id').execute();

  describe('auto-publishing feeds', () => {
    it('publishes new items with the source, the original URL, the default byline and region, and absolute links', async () => {
      const source = await partner('/auto.xml', 'auto', rss([
        { guid: 'a-1', link: 'http://partner.test/a/1', title: 'Breakwater plan approved', body: story(1) },
        { guid: 'a-2', link: 'http://partner.test/a/2', title: 'Ferry timetable changes', body: story(2) },
      ]));
      const report = await t.app.syndication.poller.pollNow(source.slug);
      assert.equal(report.ok, true, report.error ?? '');
      assert.equal(report.counts.imported, 2);

      const rows = await itemsOf(source.id);
      assert.deepEqual(rows.map((r) => r.status), ['imported', 'imported']);
      const article = await t.app.content.articles.publishedBySlug('breakwater-plan-approved');
      assert.ok(article, 'the article is published');
      assert.equal(article.source?.slug, source.slug);
      assert.equal(article.originalUrl, 'http://partner.test/a/1');
      assert.deepEqual(article.authors.map((a) => a.slug), [author.slug]);
      assert.deepEqual(article.regions.map((r) => r.slug), [region.slug]);
      assert.equal(article.publishedAt, '2026-11-17T08:00:00.000Z');
      assert.match(article.bodyHtml, /href="http:\/\/partner\.test\/notes\/1"/);

      const page = await t.html('/articles/breakwater-plan-approved');
      assert.match(page, /<link rel="canonical" href="http:\/\/partner\.test\/a\/1"/);
      assert.match(page, /The original source of this article is/);

      const found = await t.app.search.search({ text: 'breakwaters eastern shore' });
      assert.ok(found.items.some((h) => h.article.slug === 'breakwater-plan-approved'), 'the poll handed its articles to search');

      const status = await t.app.syndication.feeds.get(source.id);
      assert.equal(status?.itemsImported, 2);
      assert.equal(status?.lastError, null);
      assert.equal(status?.lastFormat, 'rss2');
    });

    it('asks again with the validators it was given and does nothing when the feed has not changed', async () => {
      const source = await partner('/conditional.xml', 'auto', rss([{ guid: 'c-1', link: 'http://partner.test/c/1', title: 'Tide tables revised', body: story(3) }]));
      await t.app.syndication.poller.pollNow(source.slug);
      const second = await t.app.syndication.poller.pollNow(source.slug);
      assert.equal(second.notModified, true);
      const seen = feeds.requests('/conditional.xml');
      assert.ok(seen.at(-1)?.headers['if-none-match'], 'the second poll sent If-None-Match');
      assert.ok(seen.at(-1)?.headers['if-modified-since'], 'the second poll sent If-Modified-Since');
      assert.equal((await itemsOf(source.id)).length, 1);
    });

    it('imports an item repeated under one GUID in the same feed once', async () => {
      const entry = { guid: 'dup-1', link: 'http://partner.test/d/1', title: 'Harbour dues frozen', body: story(4) };
      const source = await partner('/dup-guid.xml', 'auto', rss([entry, entry]));
      const report = await t.app.syndication.poller.pollNow(source.slug);
      assert.equal(report.counts.imported, 1);
      assert.equal((await itemsOf(source.id)).length, 1);
    });

    it('keeps the partner update of an imported item as a new revision of our article', async () => {
      const entry = { guid: 'u-1', link: 'http://partner.test/u/1', title: 'Lighthouse keepers return', body: story(5) };
      const source = await partner('/update.xml', 'auto', rss([entry]));
      await t.app.syndication.poller.pollNow(source.slug);
      const [row] = await itemsOf(source.id);
      const revisionsBefore = (await t.app.content.editorial.revisions(row!.article_id!)).length;

      feeds.file('/update.xml', rss([{ ...entry, title: 'Lighthouse keepers return to the point', body: story(5, 'after a decade away') }]), { contentType: 'application/rss+xml' });
      const report = await t.app.syndication.poller.pollNow(source.slug);
      assert.equal(report.counts.updated, 1);
      const article = await t.app.content.articles.publishedBySlug('lighthouse-keepers-return');
      assert.equal(article?.title, 'Lighthouse keepers return to the point', 'same URL, new headline');
      assert.match(article?.bodyHtml ?? '', /after a decade away/);
      assert.equal((await t.app.content.editorial.revisions(row!.article_id!)).length, revisionsBefore + 1);
      assert.match(await t.html('/articles/lighthouse-keepers-return'), /after a decade away/, 'the cached page was purged');
    });

    it('files an item that cannot become an article as a failure, imports the rest, and writes nothing for it', async () => {
      const huge = `<p>${'word '.repeat(120_000)}</p>`;
      const source = await partner('/partial.xml', 'auto', rss([
        { guid: 'p-1', link: 'http://partner.test/p/1', title: 'An enormous dispatch', body: huge },
        { guid: 'p-2', link: 'http://partner.test/p/2', title: 'A normal dispatch', body: story(6) },
      ]));
      const report = await t.app.syndication.poller.pollNow(source.slug);
      assert.equal(report.counts.failed, 1);
      assert.equal(report.counts.imported, 1);
      assert.match(report.warnings.join('\n'), /An enormous dispatch.*too long/);
      const rows = await itemsOf(source.id);
      assert.deepEqual(rows.map((r) => r.guid), ['p-2'], 'no item row without its article');
      assert.equal(await t.app.content.editor.idBySlug('an-enormous-dispatch'), undefined);
    });

    it('strips scripts, handlers and javascript: links from a hostile item before it is stored', async () => {
      const hostile = `<p onclick="steal()">Council minutes <script>alert(1)</script><a href="javascript:alert(2)">here</a></p><img src="x" onerror="alert(3)">`;
      const source = await partner('/hostile.xml', 'auto', rss([{ guid: 'h-1', link: 'http://partner.test/h/1', title: 'Council minutes published', body: hostile }]));
      await t.app.syndication.poller.pollNow(source.slug);
      const article = await t.app.content.articles.publishedBySlug('council-minutes-published');
      assert.ok(article);
      assert.doesNotMatch(article.bodyHtml, /script|onclick|onerror|javascript:|alert/i);
      assert.match(article.bodyHtml, /Council minutes/);
    });
  });

  it('indexes at start-up the published articles a cut-short import left out of search', async () => {
    const id = await t.app.content.editor.idBySlug('breakwater-plan-approved');
    await sql`delete from search_documents where article_id = ${id}`.execute(t.app.database.db);
    const finds = async () => (await t.app.search.search({ text: 'breakwater plan approved', pageSize: 50 })).items.some((h) => h.article.id === id);
    assert.equal(await finds(), false);
    assert.equal(await t.app.search.indexMissing(), 1);
    assert.equal(await finds(), true);
  });

  describe('the same article from several places', () => {
    it('imports an article arriving from two feeds under different GUIDs once', async () => {
      const body = story(7);
      const first = await partner('/two-a.xml', 'auto', rss([{ guid: 'x-77', link: 'http://partner.test/x/77?utm_source=rss', title: 'Canal dredging starts', body }]));
      const second = await partner('/two-b.xml', 'auto', rss([{ guid: 'urn:other:77', link: 'https://partner.test/x/77', title: 'Canal dredging starts', body }]));
      assert.equal((await t.app.syndication.poller.pollNow(first.slug)).counts.imported, 1);
      const report = await t.app.syndication.poller.pollNow(second.slug);
      assert.equal(report.counts.imported, 0);
      assert.equal(report.counts.duplicate, 1);
      const [dup] = await itemsOf(second.id);
      const [original] = await itemsOf(first.id);
      assert.equal(dup?.status, 'duplicate');
      assert.equal(dup?.duplicate_of, original?.id);
    });

    it('recognises an article re-published under a new GUID and a new address by its content', async () => {
      const body = story(8);
      const source = await partner('/republished.xml', 'auto', rss([{ guid: 'r-1', link: 'http://partner.test/r/1', title: 'Market hall reopens', body }]));
      await t.app.syndication.poller.pollNow(source.slug);
      feeds.file('/republished.xml', rss([
        { guid: 'r-1', link: 'http://partner.test/r/1', title: 'Market hall reopens', body },
        { guid: 'r-1-again', link: 'http://partner.test/2026/r/market-hall', title: 'Market hall reopens', body: `<div>${body}</div>` },
      ]), { contentType: 'application/rss+xml' });
      const report = await t.app.syndication.poller.pollNow(source.slug);
      assert.equal(report.counts.duplicate, 1);
      assert.equal(report.counts.imported, 0);
      assert.equal(report.counts.unchanged, 1);
    });
  });

  describe('review-mode feeds', () => {
    it('queues new items without publishing them', async () => {
      const source = await partner('/review.xml', 'review', rss([{ guid: 'q-1', link: 'http://partner.test/q/1', title: 'Ferry strike called off', body: story(9) }]));
      const report = await t.app.syndication.poller.pollNow(source.slug);
      assert.equal(report.counts.queued, 1);
      const { items } = await t.app.syndication.queue.page({ sourceId: source.id }, 1);
      assert.deepEqual(items.map((i) => i.title), ['Ferry strike called off']);
      assert.equal((await t.get('/articles/ferry-strike-called-off')).status, 404);
    });

    it('brings a rejected item back when the partner changes it, but never a blocked one or its repeats', async () => {
      const rejected = { guid: 'q-2', link: 'http://partner.test/q/2', title: 'Rejected at first', body: story(10) };
      const blocked = { guid: 'q-3', link: 'http://partner.test/q/3', title: 'Blocked for good', body: story(11) };
      const source = await partner('/decisions.xml', 'review', rss([rejected, blocked]));
      await t.app.syndication.poller.pollNow(source.slug);
      const byGuid = new Map((await itemsOf(source.id)).map((r) => [r.guid, r.id]));
      await t.app.syndication.queue.reject(editorId, byGuid.get('q-2')!);
      await t.app.syndication.queue.block(editorId, byGuid.get('q-3')!);

      feeds.file('/decisions.xml', rss([
        { ...rejected, body: story(10, 'with a correction') },
        { ...blocked, body: story(11, 'with a correction') },
      ]), { contentType: 'application/rss+xml' });
      await t.app.syndication.poller.pollNow(source.slug);
      const statuses = new Map((await itemsOf(source.id)).map((r) => [r.guid, r.status]));
      assert.equal(statuses.get('q-2'), 'pending');
      assert.equal(statuses.get('q-3'), 'blocked');

      const elsewhere = await partner('/blocked-repeat.xml', 'review', rss([{ ...blocked, guid: 'other-3', body: story(11, 'with a correction') }]));
      const report = await t.app.syndication.poller.pollNow(elsewhere.slug);
      assert.equal(report.counts.queued, 0);
      assert.equal(report.counts.duplicate, 1);
    });

    it('accepts an item once: it becomes an article with the chosen byline, and a second decision is refused', async () => {
      const source = await partner('/accept.xml', 'review', rss([{ guid: 'q-4', link: 'http://partner.test/q/4', title: 'Tram line extended', body: story(12) }]));
      await t.app.syndication.poller.pollNow(source.slug);
      const [row] = await itemsOf(source.id);
      const saved = await t.app.syndication.queue.accept(editorId, row!.id, { title: 'Tram line extended to the port', authors: [author.slug], regions: [region.slug], status: 'published' });
      const article = await t.app.content.articles.publishedBySlug(saved.slug);
      assert.equal(article?.title, 'Tram line extended to the port');
      assert.equal(article?.source?.slug, source.slug);
      assert.equal(article?.originalUrl, 'http://partner.test/q/4');
      await assert.rejects(
        t.app.syndication.queue.accept(editorId, row!.id, { title: 'Again', authors: [author.slug], status: 'published' }),
        (e: Error & { status?: number }) => e.status === 409,
      );
      await assert.rejects(t.app.syndication.queue.reject(editorId, row!.id), (e: Error & { status?: number }) => e.status === 409);
    });
  });

  describe('failing feeds', () => {
    it('records a plain reason, backs off, and does not hold up the other feeds', async () => {
      const broken = await makeSource(t.app.content);
      await t.app.syndication.feeds.save({ source: broken.slug, feedUrl: `${feeds.url}/missing.xml`, mode: 'review', pollMinutes: 30 });
      const page = await makeSource(t.app.content);
      feeds.file('/page.html', '<!doctype html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>', { contentType: 'text/html' });
      await t.app.syndication.feeds.save({ source: page.slug, feedUrl: `${feeds.url}/page.html`, mode: 'review' });
      const healthy = await partner('/healthy.xml', 'review', rss([{ guid: 'ok-1', link: 'http://partner.test/ok/1', title: 'Healthy feed item', body: story(13) }]));

      const reports = new Map((await t.app.syndication.poller.pollAll()).map((r) => [r.source, r]));
      assert.equal(reports.get(healthy.slug)?.ok, true);
      assert.equal(reports.get(broken.slug)?.ok, false);
      assert.match(reports.get(broken.slug)?.error ?? '', /404/);
      assert.match(reports.get(page.slug)?.error ?? '', /web page/i);

      const status = await t.app.syndication.feeds.get(broken.id);
      assert.equal(status?.failures, 1);
      assert.match(status?.lastError ?? '', /404/);
      const waited = Date.parse(status!.nextPollAt) - t.clock.now().getTime();
      assert.equal(waited, 60 * 60_000, 'one failure doubles the 30-minute interval');
    });

    it('gives a billion-laughs feed, a 500 MB feed and a feed of garbage a status line each, and polls the rest', async () => {
      const laughs = await makeSource(t.app.content);
      feeds.fixture('/laughs.xml', 'hostile/billion-laughs.xml', { contentType: 'application/rss+xml' });
      await t.app.syndication.feeds.save({ source: laughs.slug, feedUrl: `${feeds.url}/laughs.xml` });
      const huge = await makeSource(t.app.content);
      feeds.huge('/huge.xml', 500 * 1024 * 1024, { contentLength: false, contentType: 'application/rss+xml' });
      await t.app.syndication.feeds.save({ source: huge.slug, feedUrl: `${feeds.url}/huge.xml` });
      const garbage = await makeSource(t.app.content);
      feeds.fixture('/garbage.xml', 'broken/not-xml.xml', { contentType: 'application/rss+xml' });
      await t.app.syndication.feeds.save({ source: garbage.slug, feedUrl: `${feeds.url}/garbage.xml` });
      const fine = await partner('/fine.xml', 'review', rss([{ guid: 'fine-1', link: 'http://partner.test/fine/1', title: 'A fine item', body: story(14) }]));

      const reports = new Map((await t.app.syndication.poller.pollAll()).map((r) => [r.source, r]));
      assert.equal(reports.get(fine.slug)?.counts.queued, 1);
      const lines = new Map((await t.app.syndication.feeds.list()).map((f) => [f.sourceSlug, f.lastError]));
      assert.match(lines.get(laughs.slug) ?? '', /declares its own XML entities/);
      assert.match(lines.get(huge.slug) ?? '', /larger than 1 MB/);
      assert.ok(lines.get(garbage.slug), 'the garbage feed has a status line');
      assert.equal(lines.get(fine.slug), null);
    });
  });

  describe('ninjs sources', () => {
    it('imports IPTC ninjs items with their headline, body and original address', async () => {
      const source = await makeSource(t.app.content);
      feeds.fixture('/ninjs.json', 'ninjs/ninjs2-array.json', { contentType: 'application/json' });
      await t.app.syndication.feeds.save({ source: source.slug, feedUrl: `${feeds.url}/ninjs.json`, mode: 'auto', defaultAuthor: author.slug });
      const report = await t.app.syndication.poller.pollNow(source.slug);
      assert.equal(report.ok, true, report.error ?? '');
      assert.equal(report.counts.imported, 2);
      const rows = await itemsOf(source.id);
      const article = await t.app.content.articles.forPreview(rows[0]!.article_id!);
      assert.equal(article?.source?.slug, source.slug);
      assert.ok(article?.title, 'a headline');
      assert.ok((article?.bodyHtml.length ?? 0) > 0, 'a body');
    });
  });
});
