import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { DEFAULT_LANGUAGES } from '../../src/translation/languages.js';
import { forEachDatabase } from '../helpers/databases.js';
import { makeArticle, makeAuthor, makeTerm } from '../helpers/factories.js';
import { useTestApp } from '../helpers/test-app.js';
import { countingFakeProvider } from '../translation/counting-fake-provider.js';

const SITE = 'https://news.test';
const ALL_CODES = DEFAULT_LANGUAGES.map((l) => l.code);
const RTL = ['ar', 'fa', 'he', 'ur'];

/** The `<html>` element's lang and dir. */
function htmlAttributes(html: string) {
  const tag = /<html([^>]*)>/.exec(html)![1]!;
  return { lang: /\blang="([^"]*)"/.exec(tag)?.[1], dir: /\bdir="([^"]*)"/.exec(tag)?.[1] };
}

/** The page's hreflang alternates, as hreflang → absolute URL. */
function alternatesOf(html: string): Map<string, string> {
  const head = html.slice(0, html.indexOf('</head>'));
  const links = [...head.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)];
  return new Map(links.map((m) => [m[1]!, m[2]!]));
}

const canonicalOf = (html: string) => /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
const pathOf = (url: string) => url.slice(SITE.length) || '/';

forEachDatabase("pages in the site's languages", (dialect) => {
  {
    // A fake that "translates" by upper-casing; it refuses any call carrying "refuse me".
    const provider = countingFakeProvider({ pairs: ['en-es', 'en-fr', 'en-de', 'en-ar'], failOn: (fragment) => fragment.includes('refuse me') });
    const t = useTestApp(dialect, { scheduler: false, translationProviders: [provider] });
    let slug: string;
    let otherSlug: string;
    let failingSlug: string;

    before(async () => {
      const { content } = t.app;
      await makeAuthor(content, { slug: 'ines-kovac', name: 'Ines Kovač' });
      await makeTerm(content, 'region', { slug: 'baltic', name: 'Baltic' });
      const article = await makeArticle(content, {
        title: 'Ferry timetables return',
        slug: 'ferry-timetables-return',
        bodyHtml: '<p>The <a href="https://example.org/ferries">winter timetable</a> starts <em>on Monday</em>.</p>',
        status: 'published',
        authors: ['ines-kovac'],
        regions: ['baltic'],
      });
      slug = article.slug;
      otherSlug = (await makeArticle(content, { title: 'Harbour dues unchanged', bodyHtml: '<p>No change this year.</p>', status: 'published', authors: ['ines-kovac'] })).slug;
      failingSlug = (await makeArticle(content, { title: 'Pilot boats', bodyHtml: '<p>First part.</p><p>Please refuse me.</p>', status: 'published', authors: ['ines-kovac'] })).slug;
      await t.app.translation.articles.translateArticle(article.id, 'es');
      await t.app.translation.articles.translateArticle(article.id, 'fr');
    });

    it('sets lang and dir on every page, right-to-left for Arabic, Persian, Hebrew and Urdu', async () => {
      for (const code of RTL) {
        for (const path of [`/${code}`, `/${code}/articles/${slug}`, `/${code}/archive`, `/${code}/regions/baltic`, `/${code}/search`]) {
          const res = await t.get(path);
          assert.equal(res.status, 200, path);
          assert.deepEqual(htmlAttributes(await res.text()), { lang: code, dir: 'rtl' }, path);
        }
      }
      assert.deepEqual(htmlAttributes(await (await t.get('/es/archive')).text()), { lang: 'es', dir: 'ltr' });
      assert.deepEqual(htmlAttributes(await (await t.get('/archive')).text()), { lang: 'en', dir: 'ltr' });
    });

    it('marks an original shown on a right-to-left page with its own language and direction', async () => {
      const html = await (await t.get(`/ar/articles/${otherSlug}`)).text();
      assert.match(html, /<article class="article" lang="en" dir="ltr">/);
      assert.match(html, /class="translation-notice"/);
    });

    it('says when no provider can translate into a language, and queues nothing', async () => {
      const html = await (await t.get(`/he/articles/${otherSlug}`)).text();
      assert.match(html, /This article is not available in עברית; here is the original\./);
      assert.match(html, /<meta name="robots" content="noindex"/);
      assert.ok(!(await queuedLanguages(otherSlug)).includes('he'));
    });

    it('lists every language as an hreflang alternate of a section page, and every version lists the same set', async () => {
      const root = alternatesOf(await (await t.get('/regions/baltic')).text());
      assert.deepEqual([...root.keys()].sort(), [...ALL_CODES, 'x-default'].sort());
      assert.equal(root.get('en'), `${SITE}/regions/baltic`);
      assert.equal(root.get('x-default'), `${SITE}/regions/baltic`);
      assert.equal(root.get('ar'), `${SITE}/ar/regions/baltic`);
      for (const [code, url] of root) {
        if (code === 'x-default') continue;
        const html = await (await t.get(pathOf(url))).text();
        assert.equal(htmlAttributes(html).lang, code, url);
        assert.deepEqual(alternatesOf(html), root, `${url} lists other alternates`);
        assert.equal(canonicalOf(html), url, `${url} is its own canonical`);
      }
    });

    it("gives an article's alternates as the languages it exists in, reciprocally", async () => {
      const root = alternatesOf(await (await t.get(`/articles/${slug}`)).text());
      assert.deepEqual([...root.keys()].sort(), ['en', 'es', 'fr', 'x-default']);
      assert.equal(root.get('es'), `${SITE}/es/articles/${slug}`);
      for (const code of ['es', 'fr']) {
        const html = await (await t.get(`/${code}/articles/${slug}`)).text();
        assert.deepEqual(alternatesOf(html), root);
        assert.equal(canonicalOf(html), `${SITE}/${code}/articles/${slug}`);
      }
    });

    it('shows a translation with its words, a machine-translation notice and a link to the original', async () => {
      const html = await (await t.get(`/es/articles/${slug}`)).text();
      assert.match(html, /<h1>FERRY TIMETABLES RETURN<\/h1>/);
      assert.match(html, /<a href="https:\/\/example.org\/ferries">WINTER TIMETABLE<\/a> STARTS <em>ON MONDAY<\/em>/);
      assert.match(html, /Translated by machine from English\. <a href="\/articles\/ferry-timetables-return" hreflang="en">/);
      assert.match(html, /Ines Kovač/, 'names are not translated');
      assert.match(html, /href="\/es\/regions\/baltic"/, 'links stay in the language');
    });

    it('queues a translation for a language that has none, shows the original meanwhile, and the page updates when the job is done', async () => {
      const path = `/de/articles/${otherSlug}`;
      const first = await (await t.get(path)).text();
      assert.match(first, /This article has not been translated into Deutsch yet/);
      assert.match(first, /<h1>Harbour dues unchanged<\/h1>/);
      assert.match(first, /<meta name="robots" content="noindex"/);
      assert.equal(canonicalOf(first), `${SITE}/articles/${otherSlug}`);
      assert.equal(alternatesOf(first).size, 0, 'a page waiting for its translation is not offered as an alternate');
      assert.deepEqual(await queuedLanguages(otherSlug), ['ar', 'de']);
      // Served from the page cache until the job purges it.
      assert.equal(await (await t.get(path)).text(), first);

      await t.app.translation.queue.runDue({ limit: 10 });
      assert.deepEqual(await queuedLanguages(otherSlug), []);

      const after = await (await t.get(path)).text();
      assert.match(after, /<h1>HARBOUR DUES UNCHANGED<\/h1>/);
      assert.doesNotMatch(after, /has not been translated/);
    });

    it('leaves no half-translated page when the provider fails mid-article', async () => {
      const path = `/de/articles/${failingSlug}`;
      assert.match(await (await t.get(path)).text(), /has not been translated into Deutsch yet/);
      await t.app.translation.queue.runDue({ limit: 10 });
      const id = await idOf(failingSlug);
      assert.equal(await t.app.translation.articles.get(id, 'de'), undefined);
      const html = await (await t.get(path)).text();
      assert.match(html, /<h1>Pilot boats<\/h1>/);
      assert.match(html, /<p>First part\.<\/p>/, 'the original, not a part-translated body');
      assert.doesNotMatch(html, /FIRST PART/);
    });

    it('lists translated titles in a language and the others in their own words, marked with their language', async () => {
      const html = await (await t.get('/es')).text();
      assert.match(html, /href="\/es\/articles\/ferry-timetables-return">FERRY TIMETABLES RETURN</);
      assert.match(html, /<article class="card" lang="en">(?:(?!<\/article>).)*Pilot boats/s);
    });

    it('offers a Translate menu of every language by its own name, as plain links to this page', async () => {
      const html = await (await t.get(`/articles/${slug}`)).text();
      const menu = /<details class="language-menu">(.*?)<\/details>/s.exec(html)?.[1];
      assert.ok(menu, 'a disclosure element, which opens without JavaScript');
      assert.match(menu, /<summary>Translate/);
      const links = [...menu.matchAll(/<a href="([^"]+)" hreflang="([^"]+)" lang="[^"]+" dir="(ltr|rtl)"([^>]*)>([^<]+)<\/a>/g)];
      assert.equal(links.length, DEFAULT_LANGUAGES.length);
      for (const language of DEFAULT_LANGUAGES) {
        const link = links.find((l) => l[2] === language.code);
        assert.ok(link, language.code);
        assert.equal(link[5], language.nativeName);
        assert.equal(link[1], language.code === 'en' ? `/articles/${slug}` : `/${language.code}/articles/${slug}`);
        assert.equal(link[3], language.direction);
        // Crawlers are not sent to versions that would only queue a translation.
        assert.equal(/rel="nofollow"/.test(link[4]!), !['en', 'es', 'fr', 'ar'].includes(language.code), language.code);
      }
    });

    it("redirects the site's own language to its unprefixed address, and serves no other route under a prefix", async () => {
      const own = await t.get('/en/archive');
      assert.equal(own.status, 301);
      assert.equal(own.headers.get('location'), '/archive');
      for (const path of ['/es/admin', '/es/api/v1/articles', '/es/healthz', '/xx/archive', '/es/articles/no-such-article']) {
        assert.equal((await t.get(path)).status, 404, path);
      }
      const notFound = await (await t.get('/ar/articles/no-such-article')).text();
      assert.deepEqual(htmlAttributes(notFound), { lang: 'ar', dir: 'rtl' }, 'the error page is in the language asked for');
    });

    it("offers a language's feed of the articles translated into it, linking to their pages in it", async () => {
      const res = await t.get('/es/feed.xml');
      assert.equal(res.status, 200);
      const xml = await res.text();
      assert.match(xml, /<language>es<\/language>/);
      assert.match(xml, /<link>https:\/\/news.test\/es\/articles\/ferry-timetables-return<\/link>/);
      assert.match(xml, /FERRY TIMETABLES RETURN/);
      assert.doesNotMatch(xml, /Pilot boats/, 'an article not translated into Spanish is not in the Spanish feed');
      const page = await (await t.get('/es')).text();
      assert.match(page, /<link rel="alternate" type="application\/rss\+xml" title="[^"]*" href="\/es\/feed.xml"/);
    });

    it('gives every sitemap URL the same hreflang set as its page, each language version listed as a URL of its own', async () => {
      const index = await (await t.get('/sitemap.xml')).text();
      for (const code of ['es', 'fr']) assert.match(index, new RegExp(`<loc>${SITE}/sitemaps/${code}/articles-1.xml</loc>`));
      assert.doesNotMatch(index, /sitemaps\/it\/articles-1/, 'no article sitemap for a language nothing is translated into');

      const entries = new Map<string, Map<string, string>>();
      const articleSitemaps = [...index.matchAll(/<loc>([^<]+\/articles-\d+\.xml)<\/loc>/g)].map((m) => pathOf(m[1]!));
      for (const sitemap of articleSitemaps) {
        for (const [, loc, body] of (await (await t.get(sitemap)).text()).matchAll(/<url><loc>([^<]+)<\/loc>(.*?)<\/url>/g)) {
          entries.set(loc!, new Map([...body!.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => [m[1]!, m[2]!])));
        }
      }
      const page = alternatesOf(await (await t.get(`/articles/${slug}`)).text());
      for (const [code, url] of page) {
        if (code === 'x-default') continue;
        assert.deepEqual(entries.get(url), page, `${url} in the sitemaps`);
      }
      assert.equal(entries.get(`${SITE}/articles/${failingSlug}`)?.size, 0, 'an article in one language only has no alternates');

      const sections = await (await t.get('/sitemaps/ar/sections.xml')).text();
      const baltic = /<url><loc>https:\/\/news.test\/ar\/regions\/baltic<\/loc>(.*?)<\/url>/.exec(sections)?.[1];
      assert.ok(baltic);
      assert.equal([...baltic.matchAll(/hreflang="/g)].length, ALL_CODES.length + 1);
    });

    async function queuedLanguages(articleSlug: string): Promise<string[]> {
      return (await t.app.translation.queue.pending(await idOf(articleSlug))).map((job) => job.language);
    }

    async function idOf(articleSlug: string): Promise<number> {
      return (await t.app.content.articles.publishedBySlug(articleSlug))!.id;
    }
  }
});
