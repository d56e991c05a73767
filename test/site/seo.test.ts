import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify from 'fastify';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { registerResponseCaching } from '../../src/cache/cache-plugin.js';
import { PageCache } from '../../src/cache/page-cache.js';
import { surrogateKeys } from '../../src/content/index.js';
import { newsLanguage } from '../../src/site/seo/news-sitemap-xml.js';
import { urlsetXml } from '../../src/site/seo/sitemap-xml.js';
import { registerSitemapRoutes } from '../../src/site/sitemap-routes.js';
import { DEFAULT_LANGUAGES } from '../../src/translation/languages.js';
import { createTranslationReader } from '../../src/translation/translation-reader.js';
import { forEachDatabase } from '../helpers/databases.js';
import { makeArticle, makeAuthor, makeSource, makeTerm } from '../helpers/factories.js';
import { useTestApp, type RunningApp } from '../helpers/test-app.js';

const SITE = 'https://news.test';
const HOSTILE = 'Grid </script><script>alert(1)</script> & "quotes" <b>';

// Text stays text (a title "2026" must not become a number); these elements repeat.
const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => ['url', 'sitemap', 'xhtml:link'].includes(name),
});

/** Fetches an XML document from the app, checks it is well-formed XML with our headers, and parses it. */
async function xmlAt(t: RunningApp, path: string) {
  const res = await t.get(path);
  const body = await res.text();
  assert.equal(res.status, 200, `${path}: ${body.slice(0, 200)}`);
  assert.equal(res.headers.get('content-type'), 'application/xml; charset=utf-8');
  assert.equal(XMLValidator.validate(body), true, `${path} is not well-formed XML`);
  return { body, doc: parser.parse(body), res };
}

const locs = (entries: { loc: string }[] | undefined) => (entries ?? []).map((e) => e.loc);

/** The JSON-LD blocks of a page, each parsed as JSON. */
function jsonLdOf(html: string): Record<string, any>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!));
}

const ofType = (blocks: Record<string, any>[], type: string) => blocks.filter((b) => b['@type'] === type);

forEachDatabase('sitemaps, robots.txt and structured data', (dialect) => {
  const t = useTestApp(dialect);

  before(async () => {
    const { content } = t.app;
    await content.settings.update({
      siteName: 'The Test Ledger',
      tagline: 'Power and water',
      language: 'en',
      copyrightHolder: 'Ledger Media',
      socialLinks: [{ network: 'telegram', label: 'Telegram', url: 'https://t.me/testledger' }],
    });
    await makeAuthor(content, { slug: 'ada', name: 'Ada Lind' });
    await makeTerm(content, 'region', { slug: 'europe', name: 'Europe' });
    await makeTerm(content, 'theme', { slug: 'energy', name: 'Energy' });
    await makeTerm(content, 'dossier', { slug: 'grid', name: 'The Grid' });
    await makeSource(content, { slug: 'partner', name: 'Partner Weekly', homepageUrl: 'https://partner.example', copyrightHolder: 'Partner Media' });
    // The test clock reads 2026-11-20T12:00Z: "fresh" is an hour old, "old" three days.
    await makeArticle(content, {
      slug: 'fresh',
      title: 'Batteries carry the evening peak',
      dek: 'Storage is changing the grid.',
      publishedAt: '2026-11-20T11:00:00Z',
      authors: ['ada'],
      regions: ['europe'],
      themes: ['energy'],
      dossier: 'grid',
      image: { url: '/media/battery.jpg', alt: 'A battery hall' },
    });
    await makeArticle(content, { slug: 'old', publishedAt: '2026-11-17T12:00:00Z', authors: ['ada'], themes: ['energy'] });
    await makeArticle(content, {
      slug: 'crossed',
      title: 'A partner piece',
      publishedAt: '2026-10-02T08:00:00Z',
      authors: ['ada'],
      source: 'partner',
      originalUrl: 'https://partner.example/2026/piece',
    });
    await makeArticle(content, { slug: 'hostile', title: HOSTILE, publishedAt: '2026-11-20T10:00:00Z', authors: ['ada'] });
    await makeArticle(content, { slug: 'unpublished', status: 'draft', authors: ['ada'], regions: ['europe'] });
  });

  describe('robots.txt', () => {
    it('allows everything but the newsroom, its API and previews, and names the sitemaps by absolute URL', async () => {
      const res = await t.get('/robots.txt');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/plain; charset=utf-8');
      const lines = (await res.text()).split('\n');
      for (const line of ['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /api/admin', 'Disallow: /preview']) {
        assert.ok(lines.includes(line), `missing "${line}"`);
      }
      assert.ok(lines.includes(`Sitemap: ${SITE}/sitemap.xml`));
      assert.ok(lines.includes(`Sitemap: ${SITE}/news-sitemap.xml`));
    });
  });

  describe('the sitemaps', () => {
    it('index lists the sections sitemap and the article pages, every one answering with absolute locs that answer 200', async () => {
      const { doc, res } = await xmlAt(t, '/sitemap.xml');
      assert.equal(doc.sitemapindex['@_xmlns'], 'http://www.sitemaps.org/schemas/sitemap/0.9');
      const sitemaps = locs(doc.sitemapindex.sitemap);
      // Nothing is translated yet: each other language has only its sections sitemap.
      const otherLanguages = DEFAULT_LANGUAGES.filter((l) => l.code !== 'en').map((l) => `${SITE}/sitemaps/${l.code}/sections.xml`);
      assert.deepEqual(sitemaps, [`${SITE}/sitemaps/sections.xml`, `${SITE}/sitemaps/articles-1.xml`, ...otherLanguages]);
      assert.match(res.headers.get('surrogate-key') ?? '', /\barticle-lists\b/);
      assert.match(res.headers.get('cache-control') ?? '', /^public/);
      for (const sitemap of sitemaps.slice(0, 3)) {
        assert.ok(sitemap.startsWith(`${SITE}/`), sitemap);
        const { doc: child } = await xmlAt(t, sitemap.slice(SITE.length));
        const urls = locs(child.urlset.url);
        assert.ok(urls.length > 0, `${sitemap} is empty`);
        for (const loc of urls) {
          assert.ok(loc.startsWith(`${SITE}/`), `${loc} is not absolute`);
          const page = await t.get(loc.slice(SITE.length));
          assert.equal(page.status, 200, `${loc} answered ${page.status}`);
        }
      }
    });

    it('lists every published article once with its modification time as lastmod, and no draft', async () => {
      const { doc } = await xmlAt(t, '/sitemaps/articles-1.xml');
      const urls: { loc: string; lastmod: string }[] = doc.urlset.url;
      assert.deepEqual(urls.map((u) => u.loc).sort(), ['crossed', 'fresh', 'hostile', 'old'].map((s) => `${SITE}/articles/${s}`));
      const fresh = await t.app.content.articles.publishedBySlug('fresh');
      assert.equal(urls.find((u) => u.loc.endsWith('/fresh'))?.lastmod, fresh!.updatedAt);
    });

    it('sections sitemap lists home, archive, authors, regions, themes, dossiers, sources and archive months', async () => {
      const { doc } = await xmlAt(t, '/sitemaps/sections.xml');
      const urls = locs(doc.urlset.url);
      for (const path of ['/', '/archive', '/authors/ada', '/regions/europe', '/themes/energy', '/dossiers/grid', '/sources/partner', '/archive/2026/11', '/archive/2026/10']) {
        assert.ok(urls.includes(SITE + path), `missing ${path}`);
      }
    });

    it('shows a newly published article at once: publishing purges the cached sitemap', async () => {
      await xmlAt(t, '/sitemaps/articles-1.xml');
      const again = await xmlAt(t, '/sitemaps/articles-1.xml');
      assert.ok(t.app.cache.get('/sitemaps/articles-1.xml'), 'the sitemap is kept in the page cache');
      assert.ok(!locs(again.doc.urlset.url).includes(`${SITE}/articles/breaking`));
      await makeArticle(t.app.content, { slug: 'breaking', publishedAt: '2026-11-20T11:30:00Z', authors: ['ada'] });
      const { doc } = await xmlAt(t, '/sitemaps/articles-1.xml');
      assert.ok(locs(doc.urlset.url).includes(`${SITE}/articles/breaking`));
      await t.app.content.editor.update((await t.app.content.articles.publishedBySlug('breaking'))!.id, {
        title: 'Breaking',
        bodyHtml: '<p>Gone.</p>',
        status: 'draft',
        authors: ['ada'],
      });
      const { doc: after } = await xmlAt(t, '/sitemaps/articles-1.xml');
      assert.ok(!locs(after.urlset.url).includes(`${SITE}/articles/breaking`));
    });

    it('answers 404 for an article sitemap page that does not exist or is misnamed', async () => {
      for (const path of ['/sitemaps/articles-2.xml', '/sitemaps/articles-0.xml', '/sitemaps/articles-01.xml', '/sitemaps/articles-x.xml', '/sitemaps/other.xml']) {
        assert.equal((await t.get(path)).status, 404, path);
      }
    });

    it('keeps a hostile headline intact and escaped in the XML', async () => {
      const { body, doc } = await xmlAt(t, '/news-sitemap.xml');
      assert.ok(!body.includes('<script>'));
      const titles = doc.urlset.url.map((u: any) => u['news:news']['news:title']);
      assert.ok(titles.includes(HOSTILE), `hostile title came back as ${JSON.stringify(titles)}`);
    });
  });

  describe('paging', () => {
    const server = Fastify();
    before(async () => {
      // The same routes with three articles a sitemap, so paging shows without 50,000 rows.
      registerResponseCaching(server, new PageCache(0));
      registerSitemapRoutes(server, {
        content: t.app.content,
        siteUrl: SITE,
        clock: t.clock,
        languages: DEFAULT_LANGUAGES,
        translations: createTranslationReader(t.app.database.db),
        articlesPerSitemap: 3,
      });
      await server.ready();
    });
    after(() => server.close());

    const xml = async (url: string) => {
      const res = await server.inject(url);
      assert.equal(res.statusCode, 200, url);
      assert.equal(XMLValidator.validate(res.body), true);
      return parser.parse(res.body);
    };

    it('splits the articles over numbered sitemaps of at most the page size, each article exactly once', async () => {
      const published = await t.app.content.articles.countPublished();
      const pages = Math.ceil(published / 3);
      assert.ok(pages >= 2, 'the test needs more than one page');
      const index = await xml('/sitemap.xml');
      const expected = Array.from({ length: pages }, (_, i) => `${SITE}/sitemaps/articles-${i + 1}.xml`);
      assert.deepEqual(locs(index.sitemapindex.sitemap).slice(1, pages + 1), expected);
      const seen: string[] = [];
      for (const loc of expected) {
        const urls = locs((await xml(loc.slice(SITE.length))).urlset.url);
        assert.ok(urls.length >= 1 && urls.length <= 3, `${loc} has ${urls.length} URLs`);
        seen.push(...urls);
      }
      assert.equal(seen.length, published);
      assert.equal(new Set(seen).size, published);
      assert.equal((await server.inject(`/sitemaps/articles-${pages + 1}.xml`)).statusCode, 404);
    });
  });

  describe('the news sitemap', () => {
    it('names the publication, its language, and each recent article’s date and title', async () => {
      const { doc } = await xmlAt(t, '/news-sitemap.xml');
      assert.equal(doc.urlset['@_xmlns:news'], 'http://www.google.com/schemas/sitemap-news/0.9');
      const fresh = doc.urlset.url.find((u: any) => u.loc === `${SITE}/articles/fresh`);
      assert.ok(fresh, 'the hour-old article is missing');
      assert.deepEqual(fresh['news:news'], {
        'news:publication': { 'news:name': 'The Test Ledger', 'news:language': 'en' },
        'news:publication_date': '2026-11-20T11:00:00.000Z',
        'news:title': 'Batteries carry the evening peak',
      });
    });

    it('holds only articles published in the last 48 hours', async () => {
      const listed = async () => locs((await xmlAt(t, '/news-sitemap.xml')).doc.urlset?.url);
      try {
        assert.ok(!(await listed()).includes(`${SITE}/articles/old`), 'a three-day-old article is listed');
        // The page cache keeps a response until a purge; purge so each request sees the moved clock.
        t.clock.set('2026-11-22T10:59:00.000Z');
        t.app.cache.purge([surrogateKeys.articleLists]);
        assert.ok((await listed()).includes(`${SITE}/articles/fresh`), '47h59m after publication it must still be listed');
        t.clock.set('2026-11-22T11:01:00.000Z');
        t.app.cache.purge([surrogateKeys.articleLists]);
        assert.ok(!(await listed()).includes(`${SITE}/articles/fresh`), '48h01m after publication it must be gone');
      } finally {
        t.clock.set('2026-11-20T12:00:00.000Z');
        t.app.cache.purge([surrogateKeys.articleLists]);
      }
    });
  });

  describe('structured data', () => {
    it('describes an own article as a NewsArticle with every field search engines read', async () => {
      const [article] = ofType(jsonLdOf(await t.html('/articles/fresh')), 'NewsArticle');
      const saved = await t.app.content.articles.publishedBySlug('fresh');
      assert.ok(article);
      assert.equal(article['@context'], 'https://schema.org');
      assert.equal(article.headline, 'Batteries carry the evening peak');
      assert.equal(article.description, 'Storage is changing the grid.');
      assert.equal(article.datePublished, '2026-11-20T11:00:00.000Z');
      assert.equal(article.dateModified, saved!.updatedAt);
      assert.deepEqual(article.author, [{ '@type': 'Person', name: 'Ada Lind', url: `${SITE}/authors/ada` }]);
      assert.deepEqual(article.image, [`${SITE}/media/battery.jpg`]);
      assert.equal(article.publisher['@type'], 'Organization');
      assert.equal(article.publisher.name, 'The Test Ledger');
      assert.equal(article.publisher.logo.url, `${SITE}/favicon.svg`);
      assert.deepEqual(article.mainEntityOfPage, { '@type': 'WebPage', '@id': `${SITE}/articles/fresh` });
      assert.deepEqual(article.articleSection, ['Energy', 'Europe']);
      assert.equal(article.inLanguage, 'en');
      assert.deepEqual(article.copyrightHolder, { '@type': 'Organization', name: 'Ledger Media' });
      assert.equal('isBasedOn' in article, false, 'an own article is based on nothing');
    });

    it('names the partner original as isBasedOn, and the partner as copyright holder, on a cross-posted article', async () => {
      const [article] = ofType(jsonLdOf(await t.html('/articles/crossed')), 'NewsArticle');
      assert.equal(article?.isBasedOn, 'https://partner.example/2026/piece');
      assert.deepEqual(article?.copyrightHolder, { '@type': 'Organization', name: 'Partner Media' });
    });

    it('gives an article the trail Home › its first region › the article, or its theme when it has no region', async () => {
      const [trail] = ofType(jsonLdOf(await t.html('/articles/fresh')), 'BreadcrumbList');
      assert.deepEqual(trail?.itemListElement, [
        { '@type': 'ListItem', position: 1, name: 'The Test Ledger', item: `${SITE}/` },
        { '@type': 'ListItem', position: 2, name: 'Europe', item: `${SITE}/regions/europe` },
        { '@type': 'ListItem', position: 3, name: 'Batteries carry the evening peak', item: `${SITE}/articles/fresh` },
      ]);
      const [themed] = ofType(jsonLdOf(await t.html('/articles/old')), 'BreadcrumbList');
      assert.deepEqual(themed?.itemListElement.map((i: any) => i.item), [`${SITE}/`, `${SITE}/themes/energy`, `${SITE}/articles/old`]);
    });

    it('gives every list page the trail Home › the list', async () => {
      const lists = {
        '/authors/ada': 'Ada Lind',
        '/regions/europe': 'Europe',
        '/themes/energy': 'Energy',
        '/dossiers/grid': 'The Grid',
        '/sources/partner': 'Partner Weekly',
      };
      for (const [path, name] of Object.entries(lists)) {
        const [trail] = ofType(jsonLdOf(await t.html(path)), 'BreadcrumbList');
        assert.deepEqual(
          trail?.itemListElement,
          [
            { '@type': 'ListItem', position: 1, name: 'The Test Ledger', item: `${SITE}/` },
            { '@type': 'ListItem', position: 2, name, item: SITE + path },
          ],
          path,
        );
      }
    });

    it('describes the home page as a WebSite published by an Organization with its social accounts', async () => {
      const blocks = jsonLdOf(await t.html('/'));
      const [site] = ofType(blocks, 'WebSite');
      const [org] = ofType(blocks, 'Organization');
      assert.equal(site?.name, 'The Test Ledger');
      assert.equal(site?.url, `${SITE}/`);
      assert.equal(site?.inLanguage, 'en');
      assert.deepEqual(site?.publisher, { '@id': org?.['@id'] });
      assert.equal(org?.logo.url, `${SITE}/favicon.svg`);
      assert.deepEqual(org?.sameAs, ['https://t.me/testledger']);
      assert.equal(ofType(blocks, 'NewsArticle').length, 0);
    });

    it('keeps a hostile headline inside its script element and gives it back exactly', async () => {
      const html = await t.html('/articles/hostile');
      assert.ok(!html.includes('<script>alert(1)'), 'the headline broke out into markup');
      assert.ok(!html.includes('</script><script>'), 'the headline closed a script element');
      const [article] = ofType(jsonLdOf(html), 'NewsArticle');
      assert.equal(article?.headline, HOSTILE);
      const [trail] = ofType(jsonLdOf(html), 'BreadcrumbList');
      assert.equal(trail?.itemListElement.at(-1).name, HOSTILE);
    });
  });

  describe('social meta tags', () => {
    it('gives an article Twitter title and description and Open Graph article times and author', async () => {
      const html = await t.html('/articles/fresh');
      const saved = await t.app.content.articles.publishedBySlug('fresh');
      assert.match(html, /<meta name="twitter:title" content="Batteries carry the evening peak"\/>/);
      assert.match(html, /<meta name="twitter:description" content="Storage is changing the grid."\/>/);
      assert.match(html, /<meta property="article:published_time" content="2026-11-20T11:00:00.000Z"\/>/);
      assert.ok(html.includes(`<meta property="article:modified_time" content="${saved!.updatedAt}"/>`));
      assert.ok(html.includes(`<meta property="article:author" content="${SITE}/authors/ada"/>`));
    });

    it('gives other pages Twitter tags but no article tags', async () => {
      const html = await t.html('/themes/energy');
      assert.match(html, /<meta name="twitter:title" content="Energy"\/>/);
      assert.doesNotMatch(html, /property="article:/);
    });
  });
});

describe('sitemap XML', () => {
  it('declares the xhtml namespace and writes hreflang alternates only for URLs that have them', () => {
    const plain = urlsetXml([{ loc: `${SITE}/a?x=1&y=2` }]);
    assert.equal(XMLValidator.validate(plain), true);
    assert.doesNotMatch(plain, /xhtml/);
    assert.equal(parser.parse(plain).urlset.url[0].loc, `${SITE}/a?x=1&y=2`);
    const translated = urlsetXml([{ loc: `${SITE}/a`, alternates: [{ hreflang: 'es', href: `${SITE}/es/a` }] }]);
    assert.equal(XMLValidator.validate(translated), true);
    const url = parser.parse(translated).urlset.url[0];
    assert.deepEqual(url['xhtml:link'], [{ '@_rel': 'alternate', '@_hreflang': 'es', '@_href': `${SITE}/es/a` }]);
  });

  it('reduces the site language to what Google News accepts', () => {
    assert.equal(newsLanguage('en'), 'en');
    assert.equal(newsLanguage('pt-BR'), 'pt');
    assert.equal(newsLanguage('zh-Hant-TW'), 'zh-tw');
    assert.equal(newsLanguage('zh-CN'), 'zh-cn');
  });
});
