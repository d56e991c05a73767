import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../clock.js';
import { surrogateKeys, type ArticleFilter, type ContentService, type TermKind } from '../../content/index.js';
import { notFound } from '../../errors.js';
import type { LocalTerms } from '../../i18n/catalogs.js';
import type { Messages } from '../../i18n/messages.js';
import { withLocalTerms } from '../local-terms.js';
import type { ArticleLocalizer } from '../localized-articles.js';
import { localizedRoute, type PageLanguageOf } from '../page-language.js';
import { parseSlug } from '../params.js';
import { buildFeedModel, type FeedModel, type FeedScope } from './feed-model.js';
import { feedFormats, type FeedFile } from './feed-links.js';
import { renderJsonFeed } from './render-json.js';
import { renderAtom, renderRss } from './render-xml.js';

const FEED_SIZE = 20;

const renderers: Record<FeedFile, { render: (m: FeedModel) => string; contentType: string }> = {
  'feed.xml': { render: renderRss, contentType: `${feedFormats['feed.xml'].type}; charset=utf-8` },
  'atom.xml': { render: renderAtom, contentType: `${feedFormats['atom.xml'].type}; charset=utf-8` },
  'feed.json': { render: renderJsonFeed, contentType: `${feedFormats['feed.json'].type}; charset=utf-8` },
};

/** What one list's feed shows and which surrogate keys purge it: the same as its page. */
interface ResolvedScope {
  /** The scope, named in the feed's language. */
  scope: (messages: Messages, terms: LocalTerms) => FeedScope;
  filter: ArticleFilter;
  keys: string[];
}

const termPaths: Record<TermKind, string> = { region: 'regions', theme: 'themes', dossier: 'dossiers' };

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the newest published articles: the whole site at
 * `/feed.xml`, `/atom.xml`, `/feed.json`, and each author, region, theme, dossier and source list
 * under its own path. Cached and purged exactly like the list page each mirrors.
 */
export function registerFeedRoutes(
  app: FastifyInstance,
  deps: {
    content: ContentService;
    siteUrl: string;
    clock: Clock;
    pageLanguageOf: PageLanguageOf;
    localizer: ArticleLocalizer;
    /** The interface strings of a language (the catalogs'), for the feed's titles and labels. */
    messagesFor: (language: string) => Promise<Messages>;
    /** The regions, themes and dossiers in a language (the catalogs'), for categories and a term feed's title. */
    termsFor: (language: string) => Promise<LocalTerms>;
  },
) {
  const { content } = deps;
  const { directory } = content;

  /**
   * A language's feed (`/es/feed.xml`) carries the list's articles that can be read in it, translated;
   * it is purged when one of the others is translated.
   */
  async function send(request: FastifyRequest, reply: FastifyReply, file: FeedFile, resolved: ResolvedScope) {
    const [newest, settings, page] = await Promise.all([
      content.articles.latestWithBodies(resolved.filter, FEED_SIZE),
      content.settings.get(),
      deps.pageLanguageOf(request),
    ]);
    const [messages, terms] = await Promise.all([deps.messagesFor(page.language.code), deps.termsFor(page.language.code)]);
    const keys = [...resolved.keys];
    let articles = newest;
    let language: { code: string; prefix: string } | undefined;
    if (page.language.code !== page.site.code) {
      const readable = await deps.localizer.readable(newest, page);
      articles = readable.items;
      keys.push(...readable.untranslated.map((id) => surrogateKeys.translation(id, page.language.code)));
      language = { code: page.language.code, prefix: `/${page.language.code}` };
    }
    const scope = resolved.scope(messages, terms);
    const model = buildFeedModel({ scope, articles: articles.map((a) => withLocalTerms(a, terms)), settings, siteUrl: deps.siteUrl, fallbackUpdated: deps.clock.now(), messages, ...(language ? { language } : {}) });
    const { render, contentType } = renderers[file];
    reply.surrogateKeys = keys;
    return reply.type(contentType).send(render(model));
  }

  const listKeys = (key: string) => [key, surrogateKeys.articleLists];

  for (const file of Object.keys(renderers) as FeedFile[]) {
    app.get(`/${file}`, localizedRoute, (request, reply) =>
      send(request, reply, file, { scope: () => ({ basePath: '', label: null, description: '' }), filter: {}, keys: listKeys(surrogateKeys.home) }),
    );

    app.get(`/authors/:slug/${file}`, localizedRoute, async (request, reply) => {
      const author = await directory.authorBySlug(parseSlug(request.params));
      if (!author) throw notFound('author');
      const scope = (messages: Messages) => ({ basePath: `/authors/${author.slug}`, label: messages.t('listing.articlesBy', { name: author.name }), description: author.bio });
      return send(request, reply, file, { scope, filter: { authorId: author.id }, keys: listKeys(surrogateKeys.author(author.id)) });
    });

    for (const kind of ['region', 'theme', 'dossier'] as const) {
      app.get(`/${termPaths[kind]}/:slug/${file}`, localizedRoute, async (request, reply) => {
        const term = await directory.termBySlug(kind, parseSlug(request.params));
        if (!term) throw notFound(kind);
        const scope = (_: Messages, terms: LocalTerms) => {
          const shown = terms.of(term);
          return { basePath: `/${termPaths[kind]}/${term.slug}`, label: shown.name, description: shown.description };
        };
        return send(request, reply, file, { scope, filter: { termIds: [term.id] }, keys: listKeys(surrogateKeys.term(term.id)) });
      });
    }

    app.get(`/sources/:slug/${file}`, localizedRoute, async (request, reply) => {
      const source = await directory.sourceBySlug(parseSlug(request.params));
      if (!source) throw notFound('source');
      const scope = (messages: Messages) => ({
        basePath: `/sources/${source.slug}`,
        label: messages.t('listing.fromSource', { name: source.name }),
        description: messages.t('listing.sourceDescription', { name: source.name }),
      });
      return send(request, reply, file, { scope, filter: { sourceId: source.id }, keys: listKeys(surrogateKeys.source(source.id)) });
    });
  }
}
