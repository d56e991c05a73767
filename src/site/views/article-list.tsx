import type { ArticleSummary, Page } from '../../content/index.js';
import { longDate, type DateContext } from './format.js';
import { useLocalPath, useMessages, usePageLanguage } from './page-context.js';

/** One article in a list: kicker, linked headline, dek, byline and date, and a thumbnail when it has one. */
export function ArticleCard({ article, dates, image = true, level = 3 }: { article: ArticleSummary; dates: DateContext; image?: boolean; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const local = useLocalPath();
  // An article not yet translated into the page's language is listed in its own words, marked as such.
  const foreign = article.language !== (usePageLanguage()?.language.code ?? article.language);
  return (
    <article class="card" {...(foreign ? { lang: article.language } : {})}>
      {image && article.image && (
        <img
          src={article.image.url}
          {...(article.image.srcset ? { srcset: article.image.srcset, sizes: '(max-width: 40rem) 100vw, 24rem' } : {})}
          alt=""
          width={480}
          height={270}
          loading="lazy"
          decoding="async"
        />
      )}
      {article.kicker && <p class="kicker">{article.kicker}</p>}
      <Heading class="card-title">
        <a href={local(`/articles/${article.slug}`)}>{article.title}</a>
      </Heading>
      {article.dek && <p class="dek">{article.dek}</p>}
      <ArticleMeta article={article} dates={dates} />
    </article>
  );
}

/** The line under a headline in any list: bylines, date and, for cross-posted pieces, the partner. */
export function ArticleMeta({ article, dates }: { article: ArticleSummary; dates: DateContext }) {
  const messages = useMessages();
  return (
    <p class="meta">
      {messages.list(article.authors.map((a) => a.name))}
      {article.publishedAt && (
        <>
          {' · '}
          <time datetime={article.publishedAt}>{longDate(article.publishedAt, dates)}</time>
        </>
      )}
      {article.source && <> · {article.source.name}</>}
    </p>
  );
}

export function ArticleList({ articles, dates, level = 3 }: { articles: ArticleSummary[]; dates: DateContext; level?: 2 | 3 }) {
  return (
    <div class="cards">
      {articles.map((a) => (
        <ArticleCard key={a.id} article={a} dates={dates} level={level} />
      ))}
    </div>
  );
}

/** Previous/next links and the position, for any paged list. */
export function Pagination({ page, basePath }: { page: Page<unknown>; basePath: string }) {
  const local = useLocalPath();
  const messages = useMessages();
  if (page.totalPages <= 1) return null;
  const href = (n: number) => local(n === 1 ? basePath : `${basePath}?page=${n}`);
  return (
    <nav class="pagination" aria-label={messages.t('pagination.landmark')}>
      {page.page > 1 && <a rel="prev" href={href(page.page - 1)}>{messages.t('pagination.newer')}</a>}
      <span>{messages.t('pagination.position', { page: page.page, total: page.totalPages })}</span>
      {page.page < page.totalPages && <a rel="next" href={href(page.page + 1)}>{messages.t('pagination.older')}</a>}
    </nav>
  );
}
