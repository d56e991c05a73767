import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ComponentChildren } from 'preact';
import { articlePageKeys, surrogateKeys, type ContentService, type Term, type TermKind } from '../content/index.js';
import { z } from 'zod';
import { idParams, parseInput } from '../parse-input.js';
import { AppError, notFound } from '../errors.js';
import type { ChromeLoader } from './chrome-loader.js';
import { parseArchive, parsePage, parseSlug } from './params.js';
import { renderDocument } from './render.js';
import { ArchiveIndex } from './views/archive-index.js';
import { ArticlePage } from './views/article-page.js';
import { AuthorIntro } from './views/author-intro.js';
import type { Chrome, PageMeta } from './views/chrome.js';
import { ErrorPage } from './views/error-page.js';
import { monthName, type DateContext } from './views/format.js';
import { HomePage, type SectionBlock } from './views/home-page.js';
import { ListingPage } from './views/listing-page.js';
import { feedLinks } from './feeds/feed-links.js';
import { articleSeo, homeSeo, listingSeo, withSeo, type PageMetaFor } from './seo/page-seo.js';

const PAGE_SIZE = 20;
const termPaths: Record<TermKind, string> = { region: 'regions', theme: 'themes', dossier: 'dossiers' };
const excerpt = (text: string) => (text.length > 200 ? `${text.slice(0, 197)}…` : text);

/** The public, server-rendered site: every page readable without JavaScript, every page cacheable. */
export function registerSiteRoutes(
  app: FastifyInstance,
  deps: { content: ContentService; loadChrome: ChromeLoader; verifyPreview: (id: number, expires: number, sig: string) => Promise<boolean> },
) {
  const { content, loadChrome } = deps;
  const { articles, directory } = content;

  async function sendPage(
    reply: FastifyReply,
    keys: string[],
    meta: PageMetaFor,
    body: (dates: DateContext, chrome: Chrome) => ComponentChildren,
    loaded?: Awaited<ReturnType<ChromeLoader>>,
  ) {
    const { chrome, dates } = loaded ?? (await loadChrome());
    reply.surrogateKeys = keys;
    const finished = typeof meta === 'function' ? meta(chrome) : meta;
    return reply.type('text/html; charset=utf-8').send(renderDocument(chrome, finished, body(dates, chrome)));
  }

  app.get('/', async (_request, reply) => {
    const loaded = await loadChrome();
    const { chrome } = loaded;
    const [first, regions, themes, dossiers] = await Promise.all([
      articles.latest({}, 11),
      blocks(chrome.regions, 4),
      blocks(chrome.themes, 4),
      blocks(chrome.dossiers, 3),
    ]);
    const home = { lead: first[0], latest: first.slice(1), regions, themes, dossiers };
    const { settings } = chrome;
    return sendPage(reply, [surrogateKeys.home, surrogateKeys.articleLists], withSeo({ title: settings.siteName, description: settings.tagline || settings.siteName, canonical: '/', feeds: feedLinks('', settings.siteName) }, homeSeo), (dates) => (
      <HomePage home={home} dates={dates} siteName={settings.siteName} />
    ), loaded);
  });

  async function blocks(terms: Term[], size: number): Promise<SectionBlock[]> {
    return Promise.all(
      terms.map(async (term) => ({ term, path: `/${termPaths[term.kind]}/${term.slug}`, articles: await articles.latest({ termIds: [term.id] }, size) })),
    );
  }

  app.get('/articles/:slug', async (request, reply) => {
    const slug = parseSlug(request.params);
    const article = await articles.publishedBySlug(slug);
    if (!article) {
      // Renamed articles keep their old addresses.
      const moved = await content.editorial.redirectFor(slug);
      if (moved) return reply.header('cache-control', 'public, max-age=3600').redirect(`/articles/${moved}`, 301);
      throw notFound('article');
    }
    const keys = articlePageKeys(article);
    const meta: PageMeta = {
      title: article.title,
      description: excerpt(article.dek || article.title),
      // A cross-posted piece points search engines at the partner's original.
      canonical: article.source && article.originalUrl ? article.originalUrl : `/articles/${article.slug}`,
      type: 'article',
      image: article.image?.url ?? null,
    };
    return sendPage(reply, keys, withSeo(meta, articleSeo(article)), (dates, chrome) => <ArticlePage article={article} chrome={chrome} dates={dates} />);
  });

  /** A signed, expiring link to an article that is not public yet: never cached, never indexed. */
  app.get('/preview/:id', async (request, reply) => {
    const { id } = parseInput(idParams, request.params);
    const { expires, sig } = parseInput(z.object({ expires: z.coerce.number().int().positive(), sig: z.string().max(100) }), request.query);
    if (!(await deps.verifyPreview(id, expires, sig))) throw new AppError('preview_invalid', 'This preview link is not valid or has expired', 403);
    const article = await articles.forPreview(id);
    if (!article) throw notFound('article');
    reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
    const meta: PageMeta = { title: `Preview: ${article.title}`, description: excerpt(article.dek || article.title), canonical: `/articles/${article.slug}`, noindex: true };
    const { chrome, dates } = await loadChrome();
    return reply.type('text/html; charset=utf-8').send(renderDocument(chrome, meta, <ArticlePage article={article} chrome={chrome} dates={dates} />));
  });

  app.get('/authors/:slug', async (request, reply) => {
    const author = await directory.authorBySlug(parseSlug(request.params));
    if (!author) throw notFound('author');
    const pageNo = parsePage(request.query);
    const page = await articles.page({ authorId: author.id }, pageNo, PAGE_SIZE);
    const basePath = `/authors/${author.slug}`;
    const meta = { title: `Articles by ${author.name}`, description: excerpt(author.bio || `Articles by ${author.name}`), canonical: pagePath(basePath, pageNo), feeds: feedLinks(basePath, `Articles by ${author.name}`) };
    return sendPage(reply, [surrogateKeys.author(author.id), surrogateKeys.articleLists], withSeo(meta, listingSeo(author.name, basePath)), (dates) => (
      <ListingPage heading={`Articles by ${author.name}`} intro={<AuthorIntro author={author} />} page={page} basePath={basePath} dates={dates} />
    ));
  });

  for (const kind of ['region', 'theme', 'dossier'] as const) {
    app.get(`/${termPaths[kind]}/:slug`, async (request, reply) => {
      const term = await directory.termBySlug(kind, parseSlug(request.params));
      if (!term) throw notFound(kind);
      const pageNo = parsePage(request.query);
      const page = await articles.page({ termIds: [term.id] }, pageNo, PAGE_SIZE);
      const basePath = `/${termPaths[kind]}/${term.slug}`;
      const meta = { title: term.name, description: excerpt(term.description || term.name), canonical: pagePath(basePath, pageNo), feeds: feedLinks(basePath, term.name) };
      return sendPage(reply, [surrogateKeys.term(term.id), surrogateKeys.articleLists], withSeo(meta, listingSeo(term.name, basePath)), (dates) => (
        <ListingPage heading={term.name} intro={term.description && <p class="intro">{term.description}</p>} page={page} basePath={basePath} dates={dates} />
      ));
    });
  }

  app.get('/sources/:slug', async (request, reply) => {
    const source = await directory.sourceBySlug(parseSlug(request.params));
    if (!source) throw notFound('source');
    const pageNo = parsePage(request.query);
    const page = await articles.page({ sourceId: source.id }, pageNo, PAGE_SIZE);
    const basePath = `/sources/${source.slug}`;
    const intro = (
      <p class="intro">
        Articles cross-posted from <a href={source.homepageUrl}>{source.name}</a>, © {source.copyrightHolder}.
      </p>
    );
    const meta = { title: `From ${source.name}`, description: `Articles cross-posted from ${source.name}`, canonical: pagePath(basePath, pageNo), feeds: feedLinks(basePath, `From ${source.name}`) };
    return sendPage(reply, [surrogateKeys.source(source.id), surrogateKeys.articleLists], withSeo(meta, listingSeo(source.name, basePath)), (dates) => (
      <ListingPage heading={`From ${source.name}`} intro={intro} page={page} basePath={basePath} dates={dates} />
    ));
  });

  app.get('/archive', async (_request, reply) => {
    const months = await articles.archiveMonths();
    return sendPage(reply, [surrogateKeys.articleLists], { title: 'Archive', description: 'Every article, month by month', canonical: '/archive' }, (dates) => (
      <ArchiveIndex months={months} locale={dates.locale} />
    ));
  });

  app.get('/archive/:year/:month', async (request, reply) => {
    const { year, month } = parseArchive(request.params);
    const pageNo = parsePage(request.query);
    const from = new Date(Date.UTC(Number(year), Number(month) - 1, 1));
    const to = new Date(Date.UTC(Number(year), Number(month), 1));
    const page = await articles.page({ publishedFrom: from.toISOString(), publishedBefore: to.toISOString() }, pageNo, PAGE_SIZE);
    const basePath = `/archive/${year}/${month}`;
    const settings = await content.settings.get();
    const heading = monthName(`${year}-${month}`, settings.language);
    return sendPage(reply, [surrogateKeys.articleLists], { title: heading, description: `Articles published in ${heading}`, canonical: pagePath(basePath, pageNo) }, (dates) => (
      <ListingPage heading={heading} page={page} basePath={basePath} dates={dates} />
    ));
  });

  /** The site's error page, for the one error handler in http/. */
  return async function renderErrorPage(status: number, message: string): Promise<string> {
    const { chrome } = await loadChrome();
    return renderDocument(chrome, { title: status === 404 ? 'Page not found' : 'Error', description: message, canonical: '/', noindex: true }, <ErrorPage status={status} message={message} />);
  };
}

const pagePath = (basePath: string, page: number) => (page === 1 ? basePath : `${basePath}?page=${page}`);
