import type { Article, Author } from '../../content/index.js';
import { offeredForRepublishing } from '../../syndication/republish-snippet.js';
import type { Chrome } from './chrome.js';
import { absolute } from './chrome.js';
import { longDate, yearOf, type DateContext } from './format.js';
import { FollowLinks } from './layout.js';
import { ShareLinks } from './share-links.js';

/** The article page: everything DESIGN.md lists, each part drawn from the article or the site settings. */
export function ArticlePage({ article, chrome, dates }: { article: Article; chrome: Chrome; dates: DateContext }) {
  const { settings } = chrome;
  const origin = article.source;
  const note = article.noteToReaders ?? settings.noteToReaders;
  const year = yearOf(article.publishedAt ?? article.updatedAt, dates);
  const byline = article.authors.map((a) => a.name).join(', ');
  const url = absolute(chrome.siteUrl, `/articles/${article.slug}`);
  const offered = offeredForRepublishing(article);
  const republishing = republishingNotice(article, settings.republishingPolicy, offered);
  return (
    <article class="article" lang={article.language === settings.language ? undefined : article.language}>
      <header class="article-head">
        <p class="labels">
          {article.kicker && <span class="kicker">{article.kicker}</span>}
          {article.dossier && (
            <a class="dossier-label" href={`/dossiers/${article.dossier.slug}`}>
              {article.dossier.name}
            </a>
          )}
        </p>
        <h1>{article.title}</h1>
        {article.dek && <p class="dek">{article.dek}</p>}
        <p class="byline">
          By <Byline authors={article.authors} />
          {article.publishedAt && (
            <>
              {' · '}
              <time datetime={article.publishedAt}>{longDate(article.publishedAt, dates)}</time>
            </>
          )}
        </p>
        {origin && article.originalUrl && (
          <p class="origin">
            Originally published by <a href={origin.homepageUrl}>{origin.name}</a>:{' '}
            <a href={article.originalUrl}>read the original</a>
          </p>
        )}
        <TermLinks article={article} />
      </header>

      {article.image && (
        <figure class="featured">
          <img
            src={article.image.url}
            {...(article.image.srcset ? { srcset: article.image.srcset, sizes: '(max-width: 44rem) 100vw, 42rem' } : {})}
            alt={article.image.alt}
            width={1200}
            height={675}
            fetchpriority="high"
            decoding="async"
          />
          {(article.image.caption || article.image.credit) && (
            <figcaption>
              {article.image.caption}
              {article.image.credit && <span class="credit"> {article.image.credit}</span>}
            </figcaption>
          )}
        </figure>
      )}

      <div class="body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />

      {note && (
        <aside class="note" aria-label="Note to readers">
          <h2>Note to readers</h2>
          <p>{note}</p>
        </aside>
      )}

      <section class="authors" aria-label="About the authors">
        {article.authors.map((a) => (
          <AuthorBio key={a.id} author={a} />
        ))}
      </section>

      <footer class="article-foot">
        <p class="copyright">
          Copyright © <Byline authors={article.authors} />, {origin ? origin.name : settings.siteName}, {year}
        </p>
        <p class="original-source">
          The original source of this article is{' '}
          {origin ? <a href={article.originalUrl ?? origin.homepageUrl}>{origin.name}</a> : <a href={url}>{settings.siteName}</a>}
        </p>
        {origin?.attribution && <p class="attribution">{origin.attribution}</p>}
        <p class="articles-by">
          Articles by:{' '}
          {article.authors.map((a, i) => (
            <>
              {i > 0 && ', '}
              <a href={`/authors/${a.slug}`}>{a.name}</a>
            </>
          ))}
        </p>
        {(republishing || offered) && (
          <section class="policy" aria-label="Republishing">
            <h2>Republishing</h2>
            {republishing && <p>{republishing}</p>}
            {offered && (
              <p class="republish-link">
                <a href={`/articles/${article.slug}/republish`}>Republish this article</a>
              </p>
            )}
          </section>
        )}
        {settings.disclaimer && (
          <section class="policy" aria-label="Disclaimer">
            <h2>Disclaimer</h2>
            <p>{settings.disclaimer}</p>
          </section>
        )}
        {settings.fairUseNotice && (
          <section class="policy" aria-label="Fair use">
            <h2>Fair use notice</h2>
            <p>{settings.fairUseNotice}</p>
          </section>
        )}
        <p class="media-inquiries">
          For media inquiries: <a href={`mailto:${settings.mediaInquiriesEmail}`}>{settings.mediaInquiriesEmail}</a>
        </p>
        <ShareLinks url={url} title={article.title} byline={byline} />
        <FollowLinks chrome={chrome} landmark={false} />
        {chrome.shareScriptUrl && <script src={chrome.shareScriptUrl} defer />}
      </footer>
    </article>
  );
}

/** What the Republishing section says: our policy, the partner's permission, or why the article is not offered. */
function republishingNotice(article: Article, policy: string, offered: boolean): string {
  const origin = article.source;
  if (!origin) {
    // A site without a policy says nothing about its own pieces, as before the tool existed.
    if (!policy) return '';
    return offered ? policy : 'This article is not offered for republishing.';
  }
  return offered
    ? `${origin.name} allows this article to be republished with its credit, copyright line and a link to the original.`
    : `This article is cross-posted from ${origin.name}; ask ${origin.copyrightHolder} before republishing it.`;
}

function Byline({ authors }: { authors: Author[] }) {
  return (
    <>
      {authors.map((a, i) => (
        <>
          {i > 0 && (i === authors.length - 1 ? ' and ' : ', ')}
          <a href={`/authors/${a.slug}`} rel="author">
            {a.name}
          </a>
        </>
      ))}
    </>
  );
}

function TermLinks({ article }: { article: Article }) {
  const terms = [
    ...article.regions.map((t) => ({ ...t, path: `/regions/${t.slug}` })),
    ...article.themes.map((t) => ({ ...t, path: `/themes/${t.slug}` })),
  ];
  if (terms.length === 0) return null;
  return (
    <ul class="terms" aria-label="Regions and themes">
      {terms.map((t) => (
        <li key={t.id}>
          <a href={t.path}>{t.name}</a>
        </li>
      ))}
    </ul>
  );
}

function AuthorBio({ author }: { author: Author }) {
  return (
    <div class="bio">
      {author.avatarUrl && <img class="avatar" src={author.avatarUrl} alt="" width={64} height={64} loading="lazy" />}
      <h2>
        <a href={`/authors/${author.slug}`}>{author.name}</a>
      </h2>
      {author.bio && <p>{author.bio}</p>}
    </div>
  );
}
