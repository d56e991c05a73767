import assert from 'node:assert/strict';
import fs from 'node:fs';
import { before, describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { forEachDatabase } from '../helpers/databases.js';
import { makeArticle, makeAuthor, makeTerm } from '../helpers/factories.js';
import { feedparserMissing, parseFeed, type ParsedEntry } from '../helpers/feedparser.js';
import { pad, plantNewsroom, type PlannedArticle } from '../helpers/newsroom.js';
import { useTestApp } from '../helpers/test-app.js';

const SITE = 'https://news.test';
const validateJsonFeed = new Ajv({ allErrors: true }).compile(
  JSON.parse(fs.readFileSync(new URL('../fixtures/jsonfeed-1.1.schema.json', import.meta.url), 'utf8')),
);

type Planned = PlannedArticle & { title: string };

/** 22 stories in October 2026, one a day: more than a feed's 20, spread over the sections. */
const stories: Planned[] = Array.from({ length: 22 }, (_, i) => ({
  slug: `story-${pad(i)}`,
  title: `Headline of story-${pad(i)}`,
  publishedAt: `2026-10-${pad(i + 1)}T09:00:00.000Z`,
  authors: i % 3 === 2 ? ['ben-okafor'] : ['ada-lind'],
  regions: i % 2 === 0 ? ['europe'] : ['africa'],
  themes: i % 4 === 0 ? ['energy', 'water'] : ['energy'],
  ...(i % 5 === 0 ? { dossier: 'grid' } : {}),
  ...(i % 4 === 3 ? { source: 'partner' } : {}),
}));

// Every control character XML forbids, around text that needs escaping in XML and in HTML.
const HOSTILE_TITLE = 'Tom & Jerry <script>alert("x")</script> \'quoted\' \u0001\u0007\u000B\u001F\u007F end';
const HOSTILE_SHOWN = 'Tom & Jerry <script>alert("x")</script> \'quoted\'  end';
const ODD_NAME = 'Odd & <Strange> "things"';

/** Older than every story and filed under their own author, region and theme, so each test finds them in one list. */
const specials: (Planned & { extra: Record<string, unknown> })[] = [
  {
    slug: 'hostile', title: HOSTILE_TITLE, publishedAt: '2026-08-04T09:00:00.000Z', authors: ['cara-ruiz'], regions: ['asia'], themes: ['odd'],
    extra: {
      dek: 'A dek with <b>markup</b> & "quotes"',
      bodyHtml: '<p>Body words with <a href="/articles/story-00">a link</a> and <img src="/media/inline.png" alt="inline"></p>',
      image: { url: '/media/diagram.svg', alt: 'A diagram' },
    },
  },
  { slug: 'cdata', title: 'Ends ]]> twice ]]> here', publishedAt: '2026-08-03T09:00:00.000Z', authors: ['cara-ruiz'], regions: ['asia'], themes: [], extra: {} },
  {
    slug: 'crossposted', title: 'Cross-posted report', publishedAt: '2026-08-02T09:00:00.000Z', authors: ['cara-ruiz'], regions: ['asia'], themes: [], source: 'partner',
    extra: { dek: 'From our partner', originalUrl: 'https://partner.example/original-report', image: { url: '/media/photo.jpg', alt: 'A photo' } },
  },
  {
    slug: 'members-only', title: 'For members', publishedAt: '2026-08-01T09:00:00.000Z', authors: ['cara-ruiz'], regions: ['asia'], themes: [],
    extra: { dek: 'What members read', bodyHtml: '<p>Secret members text</p>', visibility: 'members' },
  },
];

const everything: Planned[] = [...stories, ...specials];
const DRAFT = { slug: 'held-back-draft', title: 'Held back until the lawyers agree' };

/** Each feed's list, with which published articles belong in it. */
const scopes: { path: string; has: (a: Planned) => boolean }[] = [
  { path: '', has: () => true },
  { path: '/authors/ada-lind', has: (a) => a.authors.includes('ada-lind') },
  { path: '/authors/ben-okafor', has: (a) => a.authors.includes('ben-okafor') },
  { path: '/authors/cara-ruiz', has: (a) => a.authors.includes('cara-ruiz') },
  { path: '/regions/europe', has: (a) => a.regions.includes('europe') },
  { path: '/regions/asia', has: (a) => a.regions.includes('asia') },
  { path: '/themes/energy', has: (a) => a.themes.includes('energy') },
  { path: '/themes/water', has: (a) => a.themes.includes('water') },
  { path: '/themes/odd', has: (a) => a.themes.includes('odd') },
  { path: '/dossiers/grid', has: (a) => a.dossier === 'grid' },
  { path: '/sources/partner', has: (a) => a.source === 'partner' },
];
const formats = ['feed.xml', 'atom.xml', 'feed.json'] as const;

/** Titles a feed should list: the newest 20 matching, newest first, with the control characters dropped. */
const expectedTitles = (has: (a: Planned) => boolean) =>
  everything
    .filter(has)
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
    .slice(0, 20)
    .map((a) => (a.title === HOSTILE_TITLE ? HOSTILE_SHOWN : a.title));

/**
 * An entry's title as a reader shows it: Atom declares ours HTML, so its entities are decoded; in RSS a
 * zero-width space keeps a literal "]]>" from closing the title's CDATA section, and shows as nothing.
 */
const shownTitle = (e: ParsedEntry) => (e.title_type === 'text/html' ? decodeHtml(e.title ?? '') : (e.title ?? '').replace(/\u200B/g, ''));
const decodeHtml = (html: string) =>
  html.replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name]!);

interface JsonFeed {
  version: string;
  feed_url: string;
  home_page_url: string;
  language: string;
  items: { id: string; url: string; title: string; content_html: string; summary?: string; image?: string; date_published: string; date_modified: string; authors: { name: string; url: string }[]; tags: string[] }[];
}

const needsFeedparser = { skip: feedparserMissing };

forEachDatabase('feeds', (dialect) => {
  const t = useTestApp(dialect);

  before(async () => {
    const { content } = t.app;
    await plantNewsroom(content, stories, { ...DRAFT, publishedAt: '2026-10-30T09:00:00.000Z' });
    await makeAuthor(content, { slug: 'cara-ruiz', name: 'Cara Ruiz' });
    await makeTerm(content, 'region', { slug: 'asia', name: 'Asia' });
    await makeTerm(content, 'theme', { slug: 'odd', name: ODD_NAME });
    for (const { extra, ...a } of specials) await makeArticle(content, { ...a, ...extra });
  });

  async function fetchFeed(path: string) {
    const res = await t.get(path);
    const body = await res.text();
    assert.equal(res.status, 200, `${path} answered ${res.status}: ${body.slice(0, 200)}`);
    return { res, body };
  }
  const json = async (path: string) => JSON.parse((await fetchFeed(path)).body) as JsonFeed;
  const entryOf = (entries: ParsedEntry[], slug: string) => entries.find((e) => e.link === `${SITE}/articles/${slug}`)!;

  describe('every list in every format', () => {
    it('RSS and Atom parse in feedparser without errors and list the newest 20 published articles of the list, newest first', needsFeedparser, async () => {
      for (const scope of scopes) {
        for (const [file, version] of [['feed.xml', 'rss20'], ['atom.xml', 'atom10']] as const) {
          const path = `${scope.path}/${file}`;
          const parsed = await parseFeed((await fetchFeed(path)).body);
          assert.equal(parsed.bozo, 0, `${path}: ${parsed.bozo_exception}`);
          assert.equal(parsed.version, version, path);
          assert.deepEqual(parsed.entries.map(shownTitle), expectedTitles(scope.has), path);
        }
      }
    });

    it('JSON Feed validates against the JSON Feed 1.1 schema and lists the same articles', async () => {
      for (const scope of scopes) {
        const path = `${scope.path}/feed.json`;
        const feed = await json(path);
        assert.ok(validateJsonFeed(feed), `${path}: ${JSON.stringify(validateJsonFeed.errors)}`);
        assert.deepEqual(feed.items.map((i) => i.title), expectedTitles(scope.has), path);
      }
    });

    it('is served with its media type and tagged with the same surrogate keys as its list page', async () => {
      const types = { 'feed.xml': 'application/rss+xml; charset=utf-8', 'atom.xml': 'application/atom+xml; charset=utf-8', 'feed.json': 'application/feed+json; charset=utf-8' };
      for (const scope of scopes) {
        const page = await t.get(scope.path || '/');
        for (const file of formats) {
          const { res } = await fetchFeed(`${scope.path}/${file}`);
          assert.equal(res.headers.get('content-type'), types[file]);
          assert.match(res.headers.get('cache-control') ?? '', /^public/);
          assert.equal(res.headers.get('surrogate-key'), page.headers.get('surrogate-key'), `${scope.path}/${file}`);
        }
      }
    });

    it('never carries a draft', async () => {
      for (const scope of scopes) {
        for (const file of formats) {
          const { body } = await fetchFeed(`${scope.path}/${file}`);
          assert.ok(!body.includes(DRAFT.slug) && !body.includes(DRAFT.title), `${scope.path}/${file} carries the draft`);
        }
      }
    });

    it('an unknown slug is a 404 and a malformed one a 400, in every format', async () => {
      for (const list of ['authors', 'regions', 'themes', 'dossiers', 'sources']) {
        for (const file of formats) {
          assert.equal((await t.get(`/${list}/no-such-thing/${file}`)).status, 404, `${list} ${file}`);
          assert.equal((await t.get(`/${list}/Not%20A%20Slug/${file}`)).status, 400, `${list} ${file}`);
        }
      }
      // A region's slug is not a theme.
      assert.equal((await t.get('/themes/europe/feed.xml')).status, 404);
    });
  });

  describe('what an entry says', () => {
    it('a hostile title reaches every reader intact, escaped, with the control characters dropped', needsFeedparser, async () => {
      for (const file of ['feed.xml', 'atom.xml']) {
        const { body } = await fetchFeed(`/authors/cara-ruiz/${file}`);
        assert.doesNotMatch(body, /[\u0001\u0007\u000B\u001F\u007F]/, file);
        const parsed = await parseFeed(body);
        assert.equal(parsed.bozo, 0, parsed.bozo_exception);
        assert.equal(shownTitle(entryOf(parsed.entries, 'hostile')), HOSTILE_SHOWN, file);
      }
      assert.equal((await json('/authors/cara-ruiz/feed.json')).items.find((i) => i.id.endsWith('/hostile'))!.title, HOSTILE_SHOWN);
    });

    it('markup in a title is never live: escaped where Atom declares titles HTML, character data in RSS', async () => {
      const atom = (await fetchFeed('/authors/cara-ruiz/atom.xml')).body;
      assert.doesNotMatch(atom, /<script/);
      assert.ok(atom.includes(`<title type="html"><![CDATA[Tom &amp; Jerry &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; 'quoted'  end]]></title>`));
      const rss = (await fetchFeed('/authors/cara-ruiz/feed.xml')).body;
      assert.deepEqual(rss.match(/.*<script>.*/g), ['            <title><![CDATA[Tom & Jerry <script>alert("x")</script> \'quoted\'  end]]></title>']);
    });

    it('a title with two "]]>" still makes well-formed XML', needsFeedparser, async () => {
      for (const file of ['feed.xml', 'atom.xml']) {
        const parsed = await parseFeed((await fetchFeed(`/authors/cara-ruiz/${file}`)).body);
        assert.equal(parsed.bozo, 0, parsed.bozo_exception);
        assert.equal(shownTitle(entryOf(parsed.entries, 'cdata')), 'Ends ]]> twice ]]> here', file);
      }
    });

    it('a section name with markup is a category in every format', needsFeedparser, async () => {
      const rss = await parseFeed((await fetchFeed('/themes/odd/feed.xml')).body);
      assert.ok(rss.entries[0]!.tags.some((tag) => tag.term === ODD_NAME));
      const atom = await parseFeed((await fetchFeed('/themes/odd/atom.xml')).body);
      assert.equal(atom.bozo, 0, atom.bozo_exception);
      assert.ok(atom.entries[0]!.tags.some((tag) => tag.term === 'odd' && tag.scheme === `${SITE}/themes/`));
      assert.ok((await json('/themes/odd/feed.json')).items[0]!.tags.includes(ODD_NAME));
    });

    it('ids and links are the article URL; dates, authors and categories are the article\'s', needsFeedparser, async () => {
      // story-04: Ada Lind, Europe, Energy and Water; published 5 October, last saved when the test clock read 20 November.
      const url = `${SITE}/articles/story-04`;
      const rss = entryOf((await parseFeed((await fetchFeed('/feed.xml')).body)).entries, 'story-04');
      assert.equal(rss.id, url);
      assert.equal(rss.published, 'Mon, 05 Oct 2026 09:00:00 GMT');
      assert.deepEqual(rss.authors, ['Ada Lind']);
      assert.deepEqual(rss.tags.map((tag) => tag.term).sort(), ['Energy', 'Europe', 'Water']);
      const atom = entryOf((await parseFeed((await fetchFeed('/atom.xml')).body)).entries, 'story-04');
      assert.equal(atom.id, url);
      assert.equal(atom.published, '2026-10-05T09:00:00.000Z');
      assert.equal(atom.updated, '2026-11-20T12:00:00.000Z');
      assert.deepEqual(atom.authors, ['Ada Lind']);
      assert.deepEqual(atom.tags.map((tag) => tag.label).sort(), ['Energy', 'Europe', 'Water']);
      const item = (await json('/feed.json')).items.find((i) => i.id === url)!;
      assert.equal(item.url, url);
      assert.equal(item.date_published, '2026-10-05T09:00:00.000Z');
      assert.equal(item.date_modified, '2026-11-20T12:00:00.000Z');
      assert.deepEqual(item.authors, [{ name: 'Ada Lind', url: `${SITE}/authors/ada-lind` }]);
    });

    it('each feed links to itself and to its list page', needsFeedparser, async () => {
      const rss = await parseFeed((await fetchFeed('/regions/europe/feed.xml')).body);
      assert.ok(rss.feed.links.some((l) => l.rel === 'self' && l.href === `${SITE}/regions/europe/feed.xml`));
      const atom = await parseFeed((await fetchFeed('/regions/europe/atom.xml')).body);
      assert.ok(atom.feed.links.some((l) => l.rel === 'self' && l.href === `${SITE}/regions/europe/atom.xml`));
      assert.ok(atom.feed.links.some((l) => l.rel === 'alternate' && l.href === `${SITE}/regions/europe`));
      const feed = await json('/regions/europe/feed.json');
      assert.equal(feed.feed_url, `${SITE}/regions/europe/feed.json`);
      assert.equal(feed.home_page_url, `${SITE}/regions/europe`);
      assert.equal(feed.language, 'en');
    });

    it('the featured image is an enclosure with an absolute URL and its real media type', needsFeedparser, async () => {
      for (const file of ['feed.xml', 'atom.xml']) {
        const { entries } = await parseFeed((await fetchFeed(`/authors/cara-ruiz/${file}`)).body);
        assert.deepEqual(entryOf(entries, 'hostile').enclosures, [{ href: `${SITE}/media/diagram.svg`, type: 'image/svg+xml' }], file);
        assert.deepEqual(entryOf(entries, 'crossposted').enclosures, [{ href: `${SITE}/media/photo.jpg`, type: 'image/jpeg' }], file);
      }
      const items = (await json('/authors/cara-ruiz/feed.json')).items;
      assert.equal(items.find((i) => i.id.endsWith('/hostile'))!.image, `${SITE}/media/diagram.svg`);
    });

    it('links and images in a body are made absolute, for reading away from the site', async () => {
      const item = (await json('/authors/cara-ruiz/feed.json')).items.find((i) => i.id.endsWith('/hostile'))!;
      assert.match(item.content_html, new RegExp(`href="${SITE}/articles/story-00"`));
      assert.match(item.content_html, new RegExp(`src="${SITE}/media/inline.png"`));
    });

    it('a cross-posted piece links to our page and names its original source', needsFeedparser, async () => {
      for (const file of ['feed.xml', 'atom.xml']) {
        const entry = entryOf((await parseFeed((await fetchFeed(`/sources/partner/${file}`)).body)).entries, 'crossposted');
        assert.equal(entry.link, `${SITE}/articles/crossposted`);
        const html = entry.content[0]!.value;
        assert.match(html, /Originally published by <a href="https:\/\/partner\.example\/?">Partner Weekly<\/a>/, file);
        assert.match(html, /href="https:\/\/partner\.example\/original-report"/, file);
      }
    });
  });

  describe('full text or summary', () => {
    const bodyOf = async (file: string, slug: string) => {
      const entry = entryOf((await parseFeed((await fetchFeed(`/authors/cara-ruiz/${file}`)).body)).entries, slug);
      return { content: entry.content.map((c) => c.value).join(''), summary: entry.summary?.value ?? '' };
    };

    it('by default an entry carries the whole body, and the dek as its summary', needsFeedparser, async () => {
      for (const file of ['feed.xml', 'atom.xml']) {
        const { content, summary } = await bodyOf(file, 'hostile');
        assert.match(content, /Body words with/, file);
        assert.equal(decodeHtml(summary), 'A dek with <b>markup</b> & "quotes"', file);
      }
    });

    it('a members-only piece never goes out whole: only its dek', needsFeedparser, async () => {
      for (const file of ['feed.xml', 'atom.xml']) {
        const { content, summary } = await bodyOf(file, 'members-only');
        assert.doesNotMatch(content + summary, /Secret members text/, file);
        assert.match(summary, /What members read/, file);
      }
      const item = (await json('/authors/cara-ruiz/feed.json')).items.find((i) => i.id.endsWith('/members-only'))!;
      assert.doesNotMatch(item.content_html, /Secret members text/);
    });

    it('with feedFullText off, every feed carries summaries only, at once', needsFeedparser, async () => {
      await fetchFeed('/authors/cara-ruiz/feed.xml');
      await t.app.content.settings.update({ feedFullText: false });
      try {
        for (const file of ['feed.xml', 'atom.xml']) {
          const { content, summary } = await bodyOf(file, 'hostile');
          assert.doesNotMatch(content + summary, /Body words with/, file);
          assert.match(summary, /A dek with/, file);
        }
        const item = (await json('/authors/cara-ruiz/feed.json')).items.find((i) => i.id.endsWith('/hostile'))!;
        assert.doesNotMatch(item.content_html, /Body words with/);
      } finally {
        await t.app.content.settings.update({ feedFullText: true });
      }
    });

    it('a setting that is not a boolean is refused and changes nothing', async () => {
      await assert.rejects(t.app.content.settings.update({ feedFullText: 'sometimes' }), { code: 'invalid_setting' });
      assert.equal((await t.app.content.settings.get()).feedFullText, true);
    });
  });

  describe('autodiscovery', () => {
    it('the front page and every list page link to their three feeds', async () => {
      for (const scope of scopes) {
        const html = await t.html(scope.path || '/');
        for (const [file, type] of [['feed.xml', 'application/rss+xml'], ['atom.xml', 'application/atom+xml'], ['feed.json', 'application/feed+json']] as const) {
          const link = new RegExp(`<link rel="alternate" type="${type.replace('+', '\\+')}" title="[^"]+" href="${scope.path}/${file}"/?>`);
          assert.match(html, link, `${scope.path || '/'} ${file}`);
        }
      }
    });
  });

  // Last: it adds an article the lists above do not expect.
  describe('caching', () => {
    it('publishing an article purges the feeds of its lists, so it shows at once', async () => {
      const path = '/themes/water/feed.json';
      await json(path);
      assert.ok(t.app.cache.get(path), 'the feed was cached');
      await makeArticle(t.app.content, { slug: 'fresh-water', title: 'Fresh water news', publishedAt: '2026-11-01T09:00:00.000Z', authors: ['ben-okafor'], themes: ['water'] });
      assert.equal(t.app.cache.get(path), undefined, 'the feed was purged');
      assert.equal((await json(path)).items[0]!.title, 'Fresh water news');
    });
  });
});
