import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { articlePageKeys, type Article, type ContentService, type SiteSettings } from '../content/index.js';
import { AppError, notFound } from '../errors.js';
import type { ChromeLoader } from '../site/chrome-loader.js';
import { parseSlug } from '../site/params.js';
import { renderDocument } from '../site/render.js';
import type { PageMeta } from '../site/views/chrome.js';
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
    (path: (slug: string) => string, handle: (article: Article, reply: FastifyReply) => Promise<unknown>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const slug = parseSlug(request.params);
      const article = await content.articles.publishedBySlug(slug);
      if (article) return handle(article, reply);
      const moved = await content.editorial.redirectFor(slug);
      if (moved) return reply.header('cache-control', 'public, max-age=3600').redirect(path(moved), 301);
      throw notFound('article');
    };

  app.get(
    '/articles/:slug/republish',
    withArticle(toolPath, async (article, reply) => {
      if (!offeredForRepublishing(article)) throw new AppError('not_offered', 'This article is not offered for republishing', 404);
      const { chrome } = await loadChrome();
      const snippet = buildRepublishSnippet(article, chrome.settings, siteUrl);
      const meta: PageMeta = {
        title: `Republish: ${article.title}`,
        description: `How to republish “${article.title}” on your own site, with its credit and a link to the original.`,
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
  // The snippet is in the article's language, which may not be the site's.
  const lang = article.language === settings.language ? undefined : article.language;
  return (
    <article class="article republish">
      <h1>Republish this article</h1>
      <p class="dek">
        <a href={`/articles/${article.slug}`}>{article.title}</a>
      </p>
      {source ? (
        <p>
          This article was cross-posted from {source.name}, which allows it to be republished. Credit {source.name} as its original
          publisher and link to the original, as the text below does.
        </p>
      ) : (
        settings.republishingPolicy && (
          <section class="policy" aria-label="Republishing policy">
            <h2>Our republishing policy</h2>
            <p>{settings.republishingPolicy}</p>
          </section>
        )
      )}
      <ol class="republish-steps">
        <li>Select all the text in one of the boxes below and copy it.</li>
        <li>For the HTML, put the canonical link line inside your page’s head and the rest in its body.</li>
        <li>Keep the byline, the credit, the copyright line and every link as they are.</li>
      </ol>
      <label for="republish-html">HTML, ready to paste</label>
      <textarea id="republish-html" lang={lang} readOnly rows={18} spellcheck={false}>
        {snippet.html}
      </textarea>
      <label for="republish-text">Plain text</label>
      <textarea id="republish-text" lang={lang} readOnly rows={14} spellcheck={false}>
        {snippet.text}
      </textarea>
      <p class="machine-readable">
        For news systems: this article as <a href={ninjsPath(article.slug)} type="application/json">IPTC ninjs JSON</a>.
      </p>
    </article>
  );
}
