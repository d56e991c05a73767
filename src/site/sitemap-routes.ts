import type { FastifyInstance } from 'fastify';
import type { Clock } from '../clock.js';
import { surrogateKeys, type ContentService } from '../content/index.js';
import { notFound } from '../errors.js';
import { newsSitemapXml } from './seo/news-sitemap-xml.js';
import { robotsTxt } from './seo/robots.js';
import { sitemapIndexXml, urlsetXml, type SitemapUrl } from './seo/sitemap-xml.js';

/** The sitemap protocol's ceiling on URLs in one file. */
export const ARTICLES_PER_SITEMAP = 50_000;
/** Google News reads at most this many URLs from a news sitemap. */
const NEWS_LIMIT = 1000;
const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

const XML = 'application/xml; charset=utf-8';
// Any publish, edit or unpublish purges article lists; settings and term changes purge everything.
const KEYS = [surrogateKeys.articleLists];
const termPaths = { region: 'regions', theme: 'themes', dossier: 'dossiers' } as const;

/**
 * What crawlers read: /robots.txt, the sitemap index with paged article sitemaps and one of the
 * site's lists, and the Google News sitemap of the last 48 hours. All cached and purged like pages.
 */
export function registerSitemapRoutes(
  app: FastifyInstance,
  deps: { content: ContentService; siteUrl: string; clock: Clock; articlesPerSitemap?: number },
) {
  const { content, siteUrl, clock } = deps;
  const { articles, directory } = content;
  const perSitemap = deps.articlesPerSitemap ?? ARTICLES_PER_SITEMAP;
  const pageCount = async () => Math.ceil((await articles.countPublished()) / perSitemap);

  app.get('/robots.txt', async (_request, reply) => {
    reply.surrogateKeys = [surrogateKeys.all];
    return reply.type('text/plain; charset=utf-8').send(robotsTxt(siteUrl));
  });

  app.get('/sitemap.xml', async (_request, reply) => {
    const pages = await pageCount();
    const sitemaps = [
      { loc: `${siteUrl}/sitemaps/sections.xml` },
      ...Array.from({ length: pages }, (_, i) => ({ loc: `${siteUrl}/sitemaps/articles-${i + 1}.xml` })),
    ];
    reply.surrogateKeys = KEYS;
    return reply.type(XML).send(sitemapIndexXml(sitemaps));
  });

  app.get('/sitemaps/sections.xml', async (_request, reply) => {
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
    reply.surrogateKeys = KEYS;
    return reply.type(XML).send(urlsetXml(paths.map((path) => ({ loc: siteUrl + path }))));
  });

  app.get('/sitemaps/:file', async (request, reply) => {
    // Only articles-N.xml for an N that exists; anything else is simply not a sitemap of ours.
    const match = /^articles-([1-9]\d{0,5})\.xml$/.exec((request.params as { file: string }).file);
    const n = match ? Number(match[1]) : 0;
    if (n === 0 || n > Math.max(1, await pageCount())) throw notFound('sitemap');
    const rows = await articles.addresses(perSitemap, (n - 1) * perSitemap);
    const urls: SitemapUrl[] = rows.map((r) => ({ loc: `${siteUrl}/articles/${r.slug}`, lastmod: r.updatedAt }));
    reply.surrogateKeys = KEYS;
    return reply.type(XML).send(urlsetXml(urls));
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
