import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { forEachDatabase } from '../helpers/databases.js';
import { makeAuthor, makeSource } from '../helpers/factories.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { useTestApp } from '../helpers/test-app.js';

interface Entry {
  guid: string;
  title: string;
  body: string;
  /** The item's lead image, as an RSS enclosure. */
  leadImage?: string;
}

/** An RSS 2.0 feed written for these tests; every item links to a page on an invented partner site. */
function rss(entries: Entry[]): string {
  const items = entries
    .map(
      (e) => `<item>
  <title>${e.title}</title>
  <link>http://partner.test/stories/${e.guid}</link>
  <guid isPermaLink="false">${e.guid}</guid>
  <pubDate>Mon, 16 Nov 2026 07:30:00 GMT</pubDate>
  <description>Summary of ${e.title}</description>
  ${e.leadImage ? `<enclosure url="${e.leadImage}" type="image/jpeg" length="1000"/>` : ''}
  <content:encoded><![CDATA[${e.body}]]></content:encoded>
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Valley Courier</title><link>http://partner.test/</link><description>Test partner</description><language>en</language>
${items}
</channel></rss>`;
}

/** A real image of one colour, so the media library has something true to check, strip and re-encode. */
function picture(format: 'png' | 'jpeg', width: number, height: number): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 30, g: 110, b: 150 } } });
  return (format === 'png' ? image.png() : image.jpeg({ quality: 80 })).toBuffer();
}

const paragraph = (text: string) => `<p>${text}</p>`;

/** The src of every <img> in some HTML, in order. */
const imageSources = (html: string) => [...html.matchAll(/<img\b[^>]*\bsrc="([^"]*)"/g)].map((m) => m[1]!);

forEachDatabase('partner images brought into our media library', (dialect) => {
  const t = useTestApp(dialect, { scheduler: false });
  let feeds: FeedServer;
  let author: { slug: string };

  before(async () => {
    feeds = await startFeedServer();
    author = await makeAuthor(t.app.content, { name: 'Wire Desk' });
    feeds.file('/img/harbour.png', await picture('png', 1400, 900), { contentType: 'image/png' });
    feeds.file('/img/quay.jpg', await picture('jpeg', 640, 420), { contentType: 'image/jpeg' });
    feeds.file('/img/lead.jpg', await picture('jpeg', 1200, 800), { contentType: 'image/jpeg' });
    feeds.file('/img/notes.jpg', 'These are meeting notes, not a photograph.', { contentType: 'image/jpeg' });
  });
  after(() => feeds.close());

  /** A partner source whose feed lives at `path` on the feed server. */
  async function partner(path: string, mode: 'auto' | 'review', entries: Entry[]) {
    feeds.file(path, rss(entries), { contentType: 'application/rss+xml' });
    const source = await makeSource(t.app.content);
    await t.app.syndication.feeds.save({ source: source.slug, feedUrl: feeds.url + path, mode, defaultAuthor: mode === 'auto' ? author.slug : null });
    return source;
  }

  const img = (path: string, alt = '') => `<img src="${feeds.url}${path}" alt="${alt}">`;

  describe('an auto-published item', () => {
    it('shows its body images and its lead image from our media library, credited to the partner', async () => {
      const body =
        paragraph('The river authority opened the new flood gates on Sunday morning.') +
        `<figure>${img('/img/harbour.png', 'Flood gates on the lower river')}<figcaption>The gates seen from the east bank.</figcaption></figure>` +
        paragraph('Residents gathered on the footbridge to watch the first test.') +
        paragraph(img('/img/quay.jpg'));
      const source = await partner('/images-auto.xml', 'auto', [{ guid: 'img-1', title: 'Flood gates opened', body, leadImage: `${feeds.url}/img/lead.jpg` }]);

      const report = await t.app.syndication.poller.pollNow(source.slug);
      assert.equal(report.counts.imported, 1, report.error ?? report.warnings.join('; '));

      const article = await t.app.content.articles.publishedBySlug('flood-gates-opened');
      assert.ok(article, 'the article is published');
      const sources = imageSources(article.bodyHtml);
      assert.equal(sources.length, 2, 'both body images are kept');
      for (const src of sources) {
        assert.match(src, /^\/media\//);
        const served = await t.get(src);
        assert.equal(served.status, 200, `${src} is served by our server`);
        assert.match(served.headers.get('content-type') ?? '', /^image\//);
      }
      assert.match(article.bodyHtml, /<figcaption>The gates seen from the east bank\.<\/figcaption>/);

      assert.ok(article.image, 'the lead image is the featured image');
      assert.match(article.image.url, /^\/media\//);
      assert.match(article.image.srcset ?? '', /^\/media\/\S+ \d+w(, \/media\/\S+ \d+w)*$/);
      assert.equal(article.image.credit, source.copyrightHolder);
      assert.equal((await t.get(article.image.url)).status, 200);

      const page = await t.html('/articles/flood-gates-opened');
      assert.ok(!page.includes(feeds.url), 'the page asks nothing of the partner server');
      assert.match(page, /<img[^>]+src="\/media\//);
    });

    it('drops an image that cannot be had, with its figure, and imports the rest of the item', async () => {
      const body =
        paragraph('The ferry company confirmed a winter timetable for the northern crossing.') +
        `<figure>${img('/img/missing.jpg', 'A ferry at the pier')}<figcaption>Caption of a missing picture.</figcaption></figure>` +
        `<figure>${img('/img/notes.jpg', 'Timetable board')}<figcaption>Caption of a text file.</figcaption></figure>` +
        `<figure>${img('/img/quay.jpg', 'The quay at low tide')}<figcaption>The quay at low tide.</figcaption></figure>` +
        paragraph('Sailings resume at the usual times in March.');
      const source = await partner('/images-failing.xml', 'auto', [{ guid: 'img-2', title: 'Winter ferry timetable', body }]);

      const report = await t.app.syndication.poller.pollNow(source.slug);
      assert.equal(report.counts.imported, 1);
      assert.equal(report.counts.failed, 0);
      assert.equal(feeds.requests('/img/missing.jpg').length, 1, 'the missing image was asked for');

      const article = await t.app.content.articles.publishedBySlug('winter-ferry-timetable');
      assert.ok(article);
      assert.equal(imageSources(article.bodyHtml).length, 1);
      assert.match(imageSources(article.bodyHtml)[0]!, /^\/media\//);
      assert.doesNotMatch(article.bodyHtml, /missing picture|text file/, 'the figures of failed images are gone');
      assert.equal(article.bodyHtml.match(/<figure>/g)?.length, 1);
      assert.match(article.bodyHtml, /winter timetable/);
      assert.match(article.bodyHtml, /Sailings resume/);
    });
  });

  it('does not download an image again when the partner updates the item, or when another item uses it', async () => {
    const path = '/img/bridge.png';
    feeds.file(path, await picture('png', 900, 600), { contentType: 'image/png' });
    const entry = { guid: 'img-3', title: 'Footbridge repainted', body: paragraph('Painters finished the footbridge.') + paragraph(img(path, 'The footbridge')) };
    const source = await partner('/images-update.xml', 'auto', [entry]);
    await t.app.syndication.poller.pollNow(source.slug);
    const first = await t.app.content.articles.publishedBySlug('footbridge-repainted');
    assert.equal(feeds.requests(path).length, 1);

    feeds.file('/images-update.xml', rss([{ ...entry, body: paragraph('Painters finished the footbridge a week early.') + paragraph(img(path, 'The footbridge')) }]), {
      contentType: 'application/rss+xml',
    });
    const report = await t.app.syndication.poller.pollNow(source.slug);
    assert.equal(report.counts.updated, 1);
    const updated = await t.app.content.articles.publishedBySlug('footbridge-repainted');
    assert.match(updated?.bodyHtml ?? '', /a week early/);
    assert.deepEqual(imageSources(updated?.bodyHtml ?? ''), imageSources(first?.bodyHtml ?? ''), 'the same library copy');

    const other = await partner('/images-other.xml', 'auto', [{ guid: 'img-4', title: 'Bridge reopens to cyclists', body: paragraph('Cyclists may cross again.'), leadImage: `${feeds.url}${path}` }]);
    await t.app.syndication.poller.pollNow(other.slug);
    assert.ok((await t.app.content.articles.publishedBySlug('bridge-reopens-to-cyclists'))?.image);
    assert.equal(feeds.requests(path).length, 1, 'one download in all');
  });

  it('gives an accepted review-queue item its lead image as the featured image', async () => {
    const source = await partner('/images-review.xml', 'review', [
      { guid: 'img-5', title: 'Orchard harvest begins', body: paragraph('Pickers started on the upper slopes.'), leadImage: `${feeds.url}/img/lead.jpg` },
    ]);
    await t.app.syndication.poller.pollNow(source.slug);
    const { items } = await t.app.syndication.queue.page({ sourceId: source.id }, 1);
    assert.equal(items.length, 1);
    assert.match(items[0]!.image?.url ?? '', /^\/media\//, 'the queued item already holds our copy');

    const editorId = (await t.app.staff.create({ email: 'orchard@news.test', name: 'Orchard Desk', role: 'editor' })).id;
    const saved = await t.app.syndication.queue.accept(editorId, items[0]!.id, { title: 'Orchard harvest begins', authors: [author.slug], status: 'published' });
    const article = await t.app.content.articles.publishedBySlug(saved.slug);
    assert.equal(article?.image?.url, items[0]!.image?.url);
    assert.equal(article?.image?.credit, source.copyrightHolder);
  });
});
