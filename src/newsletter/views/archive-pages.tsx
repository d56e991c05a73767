import type { Page } from '../../content/index.js';
import { Pagination } from '../../site/views/article-list.js';
import { useMessages } from '../../site/views/page-context.js';
import type { IssueWithArticles } from '../issues.js';

/** An issue's day as its readers write it; the day is already the site's, so no zone shifts it. */
export const issueDate = (day: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

function Headlines({ issue }: { issue: IssueWithArticles }) {
  return (
    <ul class="newsletter-headlines">
      {issue.articles.map((a) => (
        <li key={a.id}>
          <a href={`/articles/${a.slug}`}>{a.title}</a>
        </li>
      ))}
    </ul>
  );
}

/** Past issues, newest first: each day with its headlines. */
export function ArchiveListPage({ siteName, page, locale }: { siteName: string; page: Page<IssueWithArticles>; locale: string }) {
  const messages = useMessages();
  return (
    <section class="newsletter-page newsletter-archive">
      <h1>{messages.t('newsletter.archiveHeading', { siteName })}</h1>
      {page.items.length === 0 && <p>{messages.t('newsletter.archiveEmpty')}</p>}
      {page.items.map((issue) => (
        <article key={issue.id} class="newsletter-issue-summary">
          <h2>
            <a href={`/newsletter/archive/${issue.day}`}>
              <time datetime={issue.day}>{issueDate(issue.day, locale)}</time>
            </a>
          </h2>
          <Headlines issue={issue} />
        </article>
      ))}
      <Pagination page={page} basePath="/newsletter/archive" />
      <p>
        <a href="/newsletter">{messages.t('newsletter.archiveSubscribe')}</a>
      </p>
    </section>
  );
}

/** One sent issue as a web page: the editors' note and the articles it carried. */
export function ArchiveIssuePage({ siteName, issue, locale }: { siteName: string; issue: IssueWithArticles; locale: string }) {
  const messages = useMessages();
  return (
    <article class="newsletter-page newsletter-issue">
      <h1>{messages.parts('newsletter.issueHeading', { siteName, date: <time datetime={issue.day}>{issueDate(issue.day, locale)}</time> })}</h1>
      {paragraphs(issue.intro).map((p, i) => (
        <p key={i} class="intro">
          {p}
        </p>
      ))}
      <ol class="newsletter-articles">
        {issue.articles.map((a) => (
          <li key={a.id}>
            {a.kicker && <p class="kicker">{a.kicker}</p>}
            <h2>
              <a href={`/articles/${a.slug}`}>{a.title}</a>
            </h2>
            {a.authors.length > 0 && <p class="byline">{messages.list(a.authors.map((author) => author.name))}</p>}
            {a.dek && <p class="dek">{a.dek}</p>}
          </li>
        ))}
      </ol>
      <p>
        <a href="/newsletter/archive">{messages.t('newsletter.allIssues')}</a> · <a href="/newsletter">{messages.t('newsletter.subscribe')}</a>
      </p>
    </article>
  );
}
