import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { articlePageKeys, surrogateKeys, type ArticleSummary, type ContentService, type Page, type Term, type TermKind } from '../content/index.js';
import { z } from 'zod';
import { idParams, parseInput } from '../parse-input.js';
import { AppError, notFound } from '../errors.js';
import type { ChromeLoader } from './chrome-loader.js';
import type { ArticleLocalizer } from './localized-articles.js';
import { withLocalTerms } from './local-terms.js';
import { teaserHtml } from '../content/teaser.js';
import type { CommentThread } from '../members/comments.js';
import { canRead, type AccessLevel } from '../members/membership.js';
import type { Gate } from '../members/views/join-prompt.js';
import { inRequestLanguage, localizedRoute } from './page-language.js';
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
  deps: {
    content: ContentService;
    loadChrome: ChromeLoader;
    localizer: ArticleLocalizer;
    verifyPreview: (id: number, expires: number, sig: string) => Promise<boolean>;
    /** Whether the request comes from a signed-in reader, and what their membership lets them read. */
    readerAccess: (request: FastifyRequest) => Promise<{ signedIn: boolean; level: AccessLevel }>;
    /** An article's approved comments, threaded, for its page. */
    commentsOf: (articleId: number) => Promise<CommentThread>;
  },
) {
  const { content, loadChrome, localizer } = deps;
  const { articles, directory } = content;

  /** Renders a page in the site's frame; with `keys` it is cacheable, tagged with them. */
  async function sendPage(
    reply: FastifyReply,
    keys: string[] | null,
    meta: PageMetaFor,
    body: (dates: DateContext, chrome: Chrome) => ComponentChildren,
    loaded: Awaited<ReturnType<ChromeLoader>>,
  ) {
    const { chrome, dates } = loaded;
    if (keys) reply.surrogateKeys = keys;
    const finished = typeof meta === 'function' ? meta(chrome) : meta;
    return reply.type('text/html; charset=utf-8').send(renderDocument(chrome, finished, body(dates, chrome)));
  }

  /**
   * A list's articles in the page's language, where translated; the page is tagged with each
   * untranslated one's translation key so it is purged when that translation arrives.
   */
  async function listed<T extends ArticleSummary>(items: T[], loaded: Awaited<ReturnType<ChromeLoader>>, keys: string[]): Promise<T[]> {
    const { page } = loaded.chrome;
    const shown = await localizer.summaries(items, page);
    keys.push(...shown.untranslated.map((id) => surrogateKeys.translation(id, page.language.code)));
    return shown.items;
  }

  async function listedPage(found: Page<ArticleSummary>, loaded: Awaited<ReturnType<ChromeLoader>>, keys: string[]): Promise<Page<ArticleSummary>> {
    return { ...found, items: await listed(found.items, loaded, keys) };
  }

  app.get('/', localizedRoute, async (request, reply) => {
    const loaded = await loadChrome(request);
    const { chrome } = loaded;
    const keys = [surrogateKeys.home, surrogateKeys.articleLists];
    const [first, regions, themes, dossiers] = await Promise.all([
      articles.latest({}, 11).then((list) => listed(list, loaded, keys)),
      blocks(chrome.regions, 4, loaded, keys),
      blocks(chrome.themes, 4, loaded, keys),
      blocks(chrome.dossiers, 3, loaded, keys),
    ]);
    const home = { lead: first[0], latest: first.slice(1), regions, themes, dossiers };
    const { settings, messages } = chrome;
    const meta = { title: settings.siteName, description: settings.tagline || settings.siteName, canonical: '/', feeds: feedLinks('', settings.siteName, messages) };
    return sendPage(reply, keys, withSeo(meta, homeSeo), (dates) => (
      <HomePage home={home} dates={dates} siteName={settings.siteName} />
    ), loaded);
  });

  async function blocks(terms: Term[], size: number, loaded: Awaited<ReturnType<ChromeLoader>>, keys: string[]): Promise<SectionBlock[]> {
    return Promise.all(
      terms.map(async (term) => ({
        term,
        path: `/${termPaths[term.kind]}/${term.slug}`,
        articles: await listed(await articles.latest({ termIds: [term.id] }, size), loaded, keys),
      })),
    );
  }

  app.get('/articles/:slug', localizedRoute, async (request, reply) => {
    const slug = parseSlug(request.params);
    const article = await articles.publishedBySlug(slug);
    if (!article) {
      // Renamed articles keep their old addresses.
      const moved = await content.editorial.redirectFor(slug);
      if (moved) return reply.header('cache-control', 'public, max-age=3600').redirect(inRequestLanguage(request, `/articles/${moved}`), 301);
      throw notFound('article');
    }
    const loaded = await loadChrome(request);
    const { page } = loaded.chrome;
    const shown = await localizer.article(article, page);
    // A members-only or paid article: the reader's access decides what they see, and who the page may be cached for.
    const access = article.visibility === 'public' ? null : await deps.readerAccess(request);
    const gate = access && !canRead(article.visibility, access.level) ? { visibility: article.visibility as Gate['visibility'], signedIn: access.signedIn } : null;
    const inLanguage = withLocalTerms(shown.article, loaded.terms);
    const readable = gate ? { ...inLanguage, bodyHtml: teaserHtml(inLanguage.bodyHtml) } : inLanguage;
    const comments = article.commentsEnabled && !gate ? await deps.commentsOf(article.id) : null;
    const keys = articlePageKeys(article);
    if (shown.rendition.kind !== 'original') keys.push(surrogateKeys.translation(article.id, page.language.code));
    const path = `/articles/${article.slug}`;
    const untranslated = shown.rendition.kind === 'pending' || shown.rendition.kind === 'unavailable';
    const meta: PageMeta = {
      title: shown.article.title,
      description: excerpt(shown.article.dek || shown.article.title),
      // A cross-posted piece points search engines at the partner's original; a page still waiting
      // for its translation shows the original, so it points at that and stays out of the index.
      canonical: untranslated ? `${loaded.chrome.siteUrl}${path}` : shown.rendition.kind === 'original' && article.source && article.originalUrl ? article.originalUrl : path,
      path,
      languages: shown.languages,
      noindex: untranslated,
      type: 'article',
      image: article.image?.url ?? null,
    };
    const body = (dates: DateContext, chrome: Chrome) => (
      <ArticlePage article={readable} rendition={shown.rendition} chrome={chrome} dates={dates} comments={comments} gate={gate} />
    );
    // What a signed-in reader sees of a gated article is theirs alone: never kept, by us or anyone.
    // Signed out, it is the teaser: kept for signed-out readers only.
    if (access?.signedIn) reply.header('cache-control', 'private, no-store');
    else if (access) reply.anonymousOnly = true;
    return sendPage(reply, access?.signedIn ? null : keys, withSeo(meta, articleSeo(readable)), body, loaded);
  });

  /** A signed, expiring link to an article that is not public yet: never cached, never indexed. */
  app.get('/preview/:id', async (request, reply) => {
    const { id } = parseInput(idParams, request.params);
    const { expires, sig } = parseInput(z.object({ expires: z.coerce.number().int().positive(), sig: z.string().max(100) }), request.query);
    if (!(await deps.verifyPreview(id, expires, sig))) throw new AppError('preview_invalid', 'This preview link is not valid or has expired', 403);
    const article = await articles.forPreview(id);
    if (!article) throw notFound('article');
    reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
    const { chrome, dates } = await loadChrome();
    const meta: PageMeta = { title: chrome.messages.t('page.previewTitle', { title: article.title }), description: excerpt(article.dek || article.title), canonical: `/articles/${article.slug}`, noindex: true };
    return reply.type('text/html; charset=utf-8').send(renderDocument(chrome, meta, <ArticlePage article={article} rendition={{ kind: 'original' }} chrome={chrome} dates={dates} />));
  });

  app.get('/authors/:slug', localizedRoute, async (request, reply) => {
    const author = await directory.authorBySlug(parseSlug(request.params));
    if (!author) throw notFound('author');
    const pageNo = parsePage(request.query);
    const loaded = await loadChrome(request);
    const keys = [surrogateKeys.author(author.id), surrogateKeys.articleLists];
    const page = await listedPage(await articles.page({ authorId: author.id }, pageNo, PAGE_SIZE), loaded, keys);
    const basePath = `/authors/${author.slug}`;
    const { messages } = loaded.chrome;
    const heading = messages.t('listing.articlesBy', { name: author.name });
    const meta = { title: heading, description: excerpt(author.bio || heading), canonical: pagePath(basePath, pageNo), feeds: feedLinks(basePath, heading, messages) };
    return sendPage(reply, keys, withSeo(meta, listingSeo(author.name, basePath)), (dates) => (
      <ListingPage heading={heading} intro={<AuthorIntro author={author} />} page={page} basePath={basePath} dates={dates} />
    ), loaded);
  });

  for (const kind of ['region', 'theme', 'dossier'] as const) {
    app.get(`/${termPaths[kind]}/:slug`, localizedRoute, async (request, reply) => {
      const found = await directory.termBySlug(kind, parseSlug(request.params));
      if (!found) throw notFound(kind);
      const pageNo = parsePage(request.query);
      const loaded = await loadChrome(request);
      const term = loaded.terms.of(found);
      const keys = [surrogateKeys.term(term.id), surrogateKeys.articleLists];
      const page = await listedPage(await articles.page({ termIds: [term.id] }, pageNo, PAGE_SIZE), loaded, keys);
      const basePath = `/${termPaths[kind]}/${term.slug}`;
      const meta = { title: term.name, description: excerpt(term.description || term.name), canonical: pagePath(basePath, pageNo), feeds: feedLinks(basePath, term.name, loaded.chrome.messages) };
      return sendPage(reply, keys, withSeo(meta, listingSeo(term.name, basePath)), (dates) => (
        <ListingPage heading={term.name} intro={term.description && <p class="intro">{term.description}</p>} page={page} basePath={basePath} dates={dates} />
      ), loaded);
    });
  }

  app.get('/sources/:slug', localizedRoute, async (request, reply) => {
    const source = await directory.sourceBySlug(parseSlug(request.params));
    if (!source) throw notFound('source');
    const pageNo = parsePage(request.query);
    const loaded = await loadChrome(request);
    const keys = [surrogateKeys.source(source.id), surrogateKeys.articleLists];
    const page = await listedPage(await articles.page({ sourceId: source.id }, pageNo, PAGE_SIZE), loaded, keys);
    const basePath = `/sources/${source.slug}`;
    const { messages } = loaded.chrome;
    const intro = (
      <p class="intro">
        {messages.parts('listing.sourceIntro', { source: <a href={source.homepageUrl}>{source.name}</a>, holder: source.copyrightHolder })}
      </p>
    );
    const heading = messages.t('listing.fromSource', { name: source.name });
    const meta = { title: heading, description: messages.t('listing.sourceDescription', { name: source.name }), canonical: pagePath(basePath, pageNo), feeds: feedLinks(basePath, heading, messages) };
    return sendPage(reply, keys, withSeo(meta, listingSeo(source.name, basePath)), (dates) => (
      <ListingPage heading={heading} intro={intro} page={page} basePath={basePath} dates={dates} />
    ), loaded);
  });

  app.get('/archive', localizedRoute, async (request, reply) => {
    const [months, loaded] = await Promise.all([articles.archiveMonths(), loadChrome(request)]);
    const { messages } = loaded.chrome;
    const meta = { title: messages.t('archive.heading'), description: messages.t('archive.description'), canonical: '/archive' };
    return sendPage(reply, [surrogateKeys.articleLists], meta, (dates) => (
      <ArchiveIndex months={months} locale={dates.locale} />
    ), loaded);
  });

  app.get('/archive/:year/:month', localizedRoute, async (request, reply) => {
    const { year, month } = parseArchive(request.params);
    const pageNo = parsePage(request.query);
    const from = new Date(Date.UTC(Number(year), Number(month) - 1, 1));
    const to = new Date(Date.UTC(Number(year), Number(month), 1));
    const loaded = await loadChrome(request);
    const keys = [surrogateKeys.articleLists];
    const page = await listedPage(await articles.page({ publishedFrom: from.toISOString(), publishedBefore: to.toISOString() }, pageNo, PAGE_SIZE), loaded, keys);
    const basePath = `/archive/${year}/${month}`;
    const heading = monthName(`${year}-${month}`, loaded.dates.locale);
    const { messages } = loaded.chrome;
    const meta = { title: heading, description: messages.t('archive.monthDescription', { month: heading }), canonical: pagePath(basePath, pageNo) };
    const intro = <p class="intro">{messages.t('archive.monthCount', { count: page.total })}</p>;
    return sendPage(reply, keys, meta, (dates) => (
      <ListingPage heading={heading} intro={intro} page={page} basePath={basePath} dates={dates} />
    ), loaded);
  });

  /**
   * The site's error page, for the one error handler in http/, in the language of the address asked
   * for. A missing page says so from the catalog; any other error's message is its own reason.
   */
  return async function renderErrorPage(status: number, message: string, request?: FastifyRequest, code?: string): Promise<string> {
    const { chrome } = await loadChrome(request);
    const { messages } = chrome;
    const title = messages.t(status === 404 ? 'error.notFound' : 'error.title');
    const reason = code === 'not_found' ? messages.t('error.notFoundText') : `${message}.`;
    return renderDocument(chrome, { title, description: reason, canonical: '/', noindex: true }, <ErrorPage status={status} reason={reason} />);
  };
}

const pagePath = (basePath: string, page: number) => (page === 1 ? basePath : `${basePath}?page=${page}`);
