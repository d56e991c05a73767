import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { articlePageKeys, type Article, type ContentService, type SiteSettings } from '../content/index.js';
import { AppError, notFound } from '../errors.js';
import type { ChromeLoader } from '../site/chrome-loader.js';
import { parseSlug } from '../site/params.js';
import { localizedRoute } from '../site/page-language.js';
import { renderDocument } from '../site/render.js';
import type { PageMeta } from '../site/views/chrome.js';
import { useLocalPath, useMessages, usePageLanguage } from '../site/views/page-context.js';
import { articleToNinjs } from './ninjs.js';
import { buildRepublishSnippet, offeredForRepublishing, type RepublishSnippet } from './republish-snippet.js';


const toolPath = (slug: string) => `/articles/${slug}/republish`;
const ninjsPath = (slug: string) => `/articles/${slug}.ninjs.json`;

/**
 * The outgoing side of syndication: the "Republish this article" tool and each public article as
 * IPTC ninjs. Both are cached like the article page and purged with it.
 */
export function registerRepublishRoutes(app: FastifyInstance, deps: { content: ContentService; loadChrome: ChromeLoader; siteUrl: string }) {
  const { content, loadChrome, siteUrl } = deps;

  /** Serves a published article to `handle`; a renamed one's old address redirects like the article page does. */
  const withArticle =
    (path: (slug: string) => string, handle: (article: Article, reply: FastifyReply, request: FastifyRequest) => Promise<unknown>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const slug = parseSlug(request.params);
      const article = await content.articles.publishedBySlug(slug);
      if (article) return handle(article, reply, request);
      const moved = await content.editorial.redirectFor(slug);
      if (moved) return reply.header('cache-control', 'public, max-age=3600').redirect(path(moved), 301);
      throw notFound('article');
    };

  // The tool offers the original; under a language prefix it is framed in that language.
  app.get(
    '/articles/:slug/republish',
    localizedRoute,
    withArticle(toolPath, async (article, reply, request) => {
      const { chrome } = await loadChrome(request);
      const { messages } = chrome;
      if (!offeredForRepublishing(article)) throw new AppError('not_offered', messages.t('republish.notOffered'), 404);
      const snippet = buildRepublishSnippet(article, chrome.settings, siteUrl);
      const meta: PageMeta = {
        title: messages.t('republish.title', { title: article.title }),
        description: messages.t('republish.description', { title: article.title }),
        canonical: toolPath(article.slug),
        // The whole text again: the article itself is what search engines should find.
        noindex: true,
      };
      reply.surrogateKeys = articlePageKeys(article);
      return reply
        .type('text/html; charset=utf-8')
        .send(renderDocument(chrome, meta, <RepublishPage article={article} settings={chrome.settings} snippet={snippet} />));
    }),
  );

  // find-my-way routes a parameter followed by a static suffix beside the bare `/articles/:slug`, whichever is registered first.
  app.get(
    '/articles/:slug.ninjs.json',
    { config: { jsonErrors: true } },
    withArticle(ninjsPath, async (article, reply) => {
      // Members' and paid pieces are not part of the public record: the same answer as an unknown slug.
      if (article.visibility !== 'public') throw notFound('article');
      const settings = await content.settings.get();
      reply.surrogateKeys = articlePageKeys(article);
      return reply.type('application/json; charset=utf-8').send(articleToNinjs(article, settings, siteUrl));
    }),
  );
}

function RepublishPage({ article, settings, snippet }: { article: Article; settings: SiteSettings; snippet: RepublishSnippet }) {
  const { source } = article;
  const messages = useMessages();
  const local = useLocalPath();
  // The snippet is in the article's language, which may not be the page's.
  const lang = article.language === (usePageLanguage()?.language.code ?? settings.language) ? undefined : article.language;
  return (
    <article class="article republish">
      <h1>{messages.t('republish.heading')}</h1>
      <p class="dek">
        <a href={local(`/articles/${article.slug}`)}>{article.title}</a>
      </p>
      {source ? (
        <p>{messages.t('republish.partnerPermission', { source: source.name })}</p>
      ) : (
        settings.republishingPolicy && (
          <section class="policy" aria-label={messages.t('republish.policyLabel')}>
            <h2>{messages.t('republish.policyHeading')}</h2>
            <p>{settings.republishingPolicy}</p>
          </section>
        )
      )}
      <ol class="republish-steps">
        <li>{messages.t('republish.stepCopy')}</li>
        <li>{messages.t('republish.stepHead')}</li>
        <li>{messages.t('republish.stepKeep')}</li>
      </ol>
      <label for="republish-html">{messages.t('republish.htmlLabel')}</label>
      <textarea id="republish-html" lang={lang} readOnly rows={18} spellcheck={false}>
        {snippet.html}
      </textarea>
      <label for="republish-text">{messages.t('republish.textLabel')}</label>
      <textarea id="republish-text" lang={lang} readOnly rows={14} spellcheck={false}>
        {snippet.text}
      </textarea>
      <p class="machine-readable">
        {messages.parts('republish.machineReadable', {
          ninjsLink: (
            <a href={ninjsPath(article.slug)} type="application/json">
              {messages.t('republish.ninjs')}
            </a>
          ),
        })}
      </p>
    </article>
  );
}
