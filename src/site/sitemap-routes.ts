import type { FastifyInstance } from 'fastify';
import type { Clock } from '../clock.js';
import { surrogateKeys, type ContentService } from '../content/index.js';
import { notFound } from '../errors.js';
import { newsSitemapXml } from './seo/news-sitemap-xml.js';
import { robotsTxt } from './seo/robots.js';
import { sitemapIndexXml, urlsetXml, type SitemapUrl } from './seo/sitemap-xml.js';
import type { Language } from '../translation/languages.js';
import type { TranslationReader } from '../translation/translation-reader.js';
import { articleLanguages } from './localized-articles.js';
import { describeLanguage, hreflangAlternates, pathIn } from './page-language.js';

/** The sitemap protocol's ceiling on URLs in one file. */
export const ARTICLES_PER_SITEMAP = 50_000;
/** Google News reads at most this many URLs from a news sitemap. */
const NEWS_LIMIT = 1000;
const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

const XML = 'application/xml; charset=utf-8';
// Any publish, edit or unpublish purges article lists, and a new translation the lists of translations;
// settings and term changes purge everything.
const KEYS = [surrogateKeys.articleLists, surrogateKeys.translations];
const termPaths = { region: 'regions', theme: 'themes', dossier: 'dossiers' } as const;

/** N of `articles-N.xml`, or 0 for any other name. */
function articlePageNumber(file: string): number {
  const match = /^articles-([1-9]\d{0,5})\.xml$/.exec(file);
  return match ? Number(match[1]) : 0;
}

/**
 * What crawlers read: /robots.txt, the sitemap index with paged article sitemaps and one of the
 * site's lists, and the Google News sitemap of the last 48 hours. All cached and purged like pages.
 *
 * Every URL carries its `hreflang` alternates, the same set its page shows. The site's own language
 * has the sitemaps above; each other language has its sections sitemap and, once articles are
 * translated into it, paged sitemaps of those (`/sitemaps/es/articles-1.xml`), so each language
 * version is listed as a URL of its own, as search engines ask.
 */
export function registerSitemapRoutes(
  app: FastifyInstance,
  deps: { content: ContentService; siteUrl: string; clock: Clock; languages: readonly Language[]; translations: TranslationReader; articlesPerSitemap?: number },
) {
  const { content, siteUrl, clock, translations } = deps;
  const { articles, directory } = content;
  const perSitemap = deps.articlesPerSitemap ?? ARTICLES_PER_SITEMAP;
  const pageCount = async () => Math.ceil((await articles.countPublished()) / perSitemap);
  const siteLanguage = async () => describeLanguage((await content.settings.get()).language);
  const others = async () => {
    const site = await siteLanguage();
    return { site, languages: deps.languages.filter((l) => l.code !== site.code) };
  };
  const languageOf = async (code: string) => {
    const { site, languages } = await others();
    const language = languages.find((l) => l.code === code);
    if (!language) throw notFound('sitemap');
    return { site, language };
  };

  /** Sitemap URLs of articles in one language, each with the alternates its page shows. */
  async function articleUrls(rows: { id: number; slug: string; language: string; updatedAt: string }[], site: Language, language: Language): Promise<SitemapUrl[]> {
    const translatedInto = await translations.languagesOf(rows.map((r) => r.id));
    const configured = [site, ...deps.languages];
    return rows.map((r) => {
      const path = `/articles/${r.slug}`;
      const codes = articleLanguages(r, translatedInto.get(r.id)!, configured);
      const alternates = codes.length > 1 ? hreflangAlternates(siteUrl, { site }, path, codes) : [];
      return { loc: siteUrl + pathIn({ site }, language, path), lastmod: r.updatedAt, alternates };
    });
  }

  /** The sections sitemap of one language: every list page, each with its alternates in every language. */
  async function sectionUrls(site: Language, language: Language): Promise<SitemapUrl[]> {
    const [authors, terms, sources, months] = await Promise.all([
      directory.listAuthors(),
      directory.listTerms(),
      directory.listSources(),
      articles.archiveMonths(),
    ]);
    const paths = [
      '/',
      '/archive',
      ...authors.map((a) => `/authors/${a.slug}`),
      ...terms.map((t) => `/${termPaths[t.kind]}/${t.slug}`),
      ...sources.map((s) => `/sources/${s.slug}`),
      ...months.map((m) => `/archive/${m.month.replace('-', '/')}`),
    ];
    const codes = [site.code, ...deps.languages.map((l) => l.code)];
    return paths.map((path) => ({ loc: siteUrl + pathIn({ site }, language, path), alternates: hreflangAlternates(siteUrl, { site }, path, codes) }));
  }

  app.get('/robots.txt', async (_request, reply) => {
    reply.surrogateKeys = [surrogateKeys.all];
    return reply.type('text/plain; charset=utf-8').send(robotsTxt(siteUrl));
  });

  app.get('/sitemap.xml', async (_request, reply) => {
    const { languages } = await others();
    const [pages, translated] = await Promise.all([pageCount(), Promise.all(languages.map((l) => translations.countPublishedIn(l.code)))]);
    const paged = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => ({ loc: `${siteUrl}/sitemaps/${prefix}articles-${i + 1}.xml` }));
    const sitemaps = [
      { loc: `${siteUrl}/sitemaps/sections.xml` },
      ...paged('', pages),
      ...languages.flatMap((l, i) => [{ loc: `${siteUrl}/sitemaps/${l.code}/sections.xml` }, ...paged(`${l.code}/`, Math.ceil(translated[i]! / perSitemap))]),
    ];
    reply.surrogateKeys = KEYS;
    return reply.type(XML).send(sitemapIndexXml(sitemaps));
  });

  app.get('/sitemaps/sections.xml', async (_request, reply) => {
    const site = await siteLanguage();
    reply.surrogateKeys = KEYS;
    return reply.type(XML).send(urlsetXml(await sectionUrls(site, site)));
  });

  app.get('/sitemaps/:file', async (request, reply) => {
    // Only articles-N.xml for an N that exists; anything else is simply not a sitemap of ours.
    const n = articlePageNumber((request.params as { file: string }).file);
    if (n === 0 || n > Math.max(1, await pageCount())) throw notFound('sitemap');
    const site = await siteLanguage();
    const rows = await articles.addresses(perSitemap, (n - 1) * perSitemap);
    reply.surrogateKeys = KEYS;
    return reply.type(XML).send(urlsetXml(await articleUrls(rows, site, site)));
  });

  app.get('/sitemaps/:lang/sections.xml', async (request, reply) => {
    const { site, language } = await languageOf((request.params as { lang: string }).lang);
    reply.surrogateKeys = KEYS;
    return reply.type(XML).send(urlsetXml(await sectionUrls(site, language)));
  });

  app.get('/sitemaps/:lang/:file', async (request, reply) => {
    const params = request.params as { lang: string; file: string };
    const { site, language } = await languageOf(params.lang);
    const n = articlePageNumber(params.file);
    if (n === 0 || n > Math.ceil((await translations.countPublishedIn(language.code)) / perSitemap)) throw notFound('sitemap');
    const rows = await translations.addressesIn(language.code, perSitemap, (n - 1) * perSitemap);
    reply.surrogateKeys = KEYS;
    return reply.type(XML).send(urlsetXml(await articleUrls(rows, site, language)));
  });

  app.get('/news-sitemap.xml', async (_request, reply) => {
    const since = new Date(clock.now().getTime() - NEWS_WINDOW_MS).toISOString();
    const [recent, settings] = await Promise.all([articles.latest({ publishedFrom: since }, NEWS_LIMIT), content.settings.get()]);
    const items = recent.flatMap((a) => (a.publishedAt ? [{ loc: `${siteUrl}/articles/${a.slug}`, title: a.title, publishedAt: a.publishedAt }] : []));
    // The cached copy lives until the next purge, so an article can outstay its 48 hours until
    // something else is published; crawlers tolerate that, and busy newsrooms purge often.
    reply.surrogateKeys = KEYS;
    return reply.type(XML).send(newsSitemapXml(items, { name: settings.siteName, language: settings.language }));
  });
}
