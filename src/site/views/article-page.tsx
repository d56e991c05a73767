import type { Article, Author } from '../../content/index.js';
import type { Messages } from '../../i18n/messages.js';
import { offeredForRepublishing } from '../../syndication/republish-snippet.js';
import type { Chrome } from './chrome.js';
import { absolute } from './chrome.js';
import { longDate, yearOf, type DateContext } from './format.js';
import { describeLanguage, pathIn, type PageLanguage } from '../page-language.js';
import type { Rendition } from '../localized-articles.js';
import { FollowLinks } from './layout.js';
import { useLocalPath, useMessages } from './page-context.js';
import { ShareLinks } from './share-links.js';
import type { CommentThread } from '../../members/comments.js';
import { CommentSection } from '../../members/views/comment-section.js';
import { JoinPrompt, type Gate } from '../../members/views/join-prompt.js';

/** The article page: everything DESIGN.md lists, each part drawn from the article or the site settings. */
export function ArticlePage({
  article,
  rendition,
  chrome,
  dates,
  comments = null,
  gate = null,
}: {
  article: Article;
  rendition: Rendition;
  chrome: Chrome;
  dates: DateContext;
  comments?: CommentThread | null;
  /** Set when the reader may see only the opening (`article.bodyHtml` is then the teaser). */
  gate?: Gate | null;
}) {
  const { settings, page } = chrome;
  const local = useLocalPath();
  const messages = useMessages();
  const origin = article.source;
  const note = article.noteToReaders ?? settings.noteToReaders;
  const year = yearOf(article.publishedAt ?? article.updatedAt, dates);
  const byline = messages.list(article.authors.map((a) => a.name)).join('');
  const url = absolute(chrome.siteUrl, `/articles/${article.slug}`);
  const offered = offeredForRepublishing(article);
  const republishing = republishingNotice(article, settings.republishingPolicy, offered, messages);
  const mediaEmail = <a href={`mailto:${settings.mediaInquiriesEmail}`}>{settings.mediaInquiriesEmail}</a>;
  // The words of a page still waiting for its translation are in the article's language, not the page's.
  const written = describeLanguage(article.language);
  const foreign = written.code !== page.language.code;
  return (
    <>
    <TranslationNotice article={article} rendition={rendition} page={page} messages={messages} />
    <article class="article" {...(foreign ? { lang: article.language, dir: written.direction } : {})}>
      <header class="article-head">
        <p class="labels">
          {article.kicker && <span class="kicker">{article.kicker}</span>}
          {article.dossier && (
            <a class="dossier-label" href={local(`/dossiers/${article.dossier.slug}`)}>
              {article.dossier.name}
            </a>
          )}
        </p>
        <h1>{article.title}</h1>
        {article.dek && <p class="dek">{article.dek}</p>}
        <p class="byline">
          {messages.parts('article.byline', { authors: <Byline authors={article.authors} /> })}
          {article.publishedAt && (
            <>
              {' · '}
              <time datetime={article.publishedAt}>{longDate(article.publishedAt, dates)}</time>
            </>
          )}
        </p>
        {origin && article.originalUrl && (
          <p class="origin">
            {messages.parts('article.originallyPublished', {
              source: <a href={origin.homepageUrl}>{origin.name}</a>,
              originalLink: <a href={article.originalUrl}>{messages.t('article.readOriginal')}</a>,
            })}
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
      {gate && <JoinPrompt gate={gate} articlePath={`/articles/${article.slug}`} />}

      {note && (
        <aside class="note" aria-label={messages.t('article.notesToReaders')}>
          <h2>{messages.t('article.notesToReaders')}</h2>
          <p>{note}</p>
        </aside>
      )}

      <section class="authors" aria-label={messages.t('article.aboutAuthors')}>
        {article.authors.map((a) => (
          <AuthorBio key={a.id} author={a} />
        ))}
      </section>

      <footer class="article-foot">
        <p class="copyright">
          {messages.parts('article.copyright', { authors: <Byline authors={article.authors} />, publisher: origin ? origin.name : settings.siteName, year })}
        </p>
        <p class="original-source">
          {messages.parts('article.originalSource', {
            source: origin ? <a href={article.originalUrl ?? origin.homepageUrl}>{origin.name}</a> : <a href={url}>{settings.siteName}</a>,
          })}
        </p>
        {origin?.attribution && <p class="attribution">{origin.attribution}</p>}
        <p class="articles-by">
          {messages.parts('article.articlesBy', { authors: messages.list(article.authors.map((a) => <a href={local(`/authors/${a.slug}`)}>{a.name}</a>)) })}
        </p>
        {(republishing || offered) && (
          <section class="policy" aria-label={messages.t('article.republishing')}>
            <h2>{messages.t('article.republishing')}</h2>
            {republishing && <p>{republishing}</p>}
            {offered && (
              <p class="republish-link">
                <a href={local(`/articles/${article.slug}/republish`)}>{messages.t('article.republishLink')}</a>
              </p>
            )}
          </section>
        )}
        {settings.disclaimer && (
          <section class="policy" aria-label={messages.t('article.disclaimer')}>
            <h2>{messages.t('article.disclaimer')}</h2>
            <p>{settings.disclaimer}</p>
          </section>
        )}
        {settings.fairUseNotice && (
          <section class="policy" aria-label={messages.t('article.fairUseLabel')}>
            <h2>{messages.t('article.fairUseNotice')}</h2>
            <p>{settings.fairUseNotice}</p>
          </section>
        )}
        <p class="media-inquiries">{messages.parts('article.mediaInquiries', { email: mediaEmail })}</p>
        <ShareLinks url={url} title={article.title} byline={byline} />
        <FollowLinks chrome={chrome} landmark={false} />
        {chrome.shareScriptUrl && <script src={chrome.shareScriptUrl} defer />}
      </footer>
    </article>
    {comments && <CommentSection slug={article.slug} thread={comments} dates={dates} />}
    </>
  );
}

/**
 * Says when the page is not the newsroom's own words: a translation (by machine, or reviewed), or the
 * original shown while a translation is made. Written in the page's language, outside the article.
 */
function TranslationNotice({ article, rendition, page, messages }: { article: Article; rendition: Rendition; page: PageLanguage; messages: Messages }) {
  if (rendition.kind === 'original') return null;
  // Languages are named in their own words, as in the language menu.
  if (rendition.kind === 'unavailable' || rendition.kind === 'pending') {
    return (
      <p class="translation-notice" role="status">
        {messages.t(rendition.kind === 'pending' ? 'translation.pending' : 'translation.unavailable', { language: page.language.nativeName })}
      </p>
    );
  }
  const from = describeLanguage(rendition.from);
  const original = (
    <a href={pathIn(page, from, `/articles/${article.slug}`)} hreflang={from.code}>
      {messages.t('translation.readOriginal', { language: from.nativeName })}
    </a>
  );
  const said = messages.t(`translation.${rendition.status}`, { language: from.nativeName });
  return (
    <p class="translation-notice">
      {said} {original}
    </p>
  );
}

/** What the Republishing section says: our policy, the partner's permission, or why the article is not offered. */
function republishingNotice(article: Article, policy: string, offered: boolean, messages: Messages): string {
  const origin = article.source;
  if (!origin) {
    // A site without a policy says nothing about its own pieces, as before the tool existed.
    if (!policy) return '';
    return offered ? policy : messages.t('article.notOffered');
  }
  return offered
    ? messages.t('article.partnerAllows', { source: origin.name })
    : messages.t('article.partnerAsk', { source: origin.name, holder: origin.copyrightHolder });
}

function Byline({ authors }: { authors: Author[] }) {
  const local = useLocalPath();
  const messages = useMessages();
  return (
    <>
      {messages.list(
        authors.map((a) => (
          <a href={local(`/authors/${a.slug}`)} rel="author">
            {a.name}
          </a>
        )),
      )}
    </>
  );
}

function TermLinks({ article }: { article: Article }) {
  const local = useLocalPath();
  const messages = useMessages();
  const terms = [
    ...article.regions.map((t) => ({ ...t, path: `/regions/${t.slug}` })),
    ...article.themes.map((t) => ({ ...t, path: `/themes/${t.slug}` })),
  ];
  if (terms.length === 0) return null;
  return (
    <ul class="terms" aria-label={messages.t('article.termsLabel')}>
      {terms.map((t) => (
        <li key={t.id}>
          <a href={local(t.path)}>{t.name}</a>
        </li>
      ))}
    </ul>
  );
}

function AuthorBio({ author }: { author: Author }) {
  const local = useLocalPath();
  return (
    <div class="bio">
      {author.avatarUrl && <img class="avatar" src={author.avatarUrl} alt="" width={64} height={64} loading="lazy" />}
      <h2>
        <a href={local(`/authors/${author.slug}`)}>{author.name}</a>
      </h2>
      {author.bio && <p>{author.bio}</p>}
    </div>
  );
}
