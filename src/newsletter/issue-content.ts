import type { NewsletterIssue } from './issue-email.js';
import type { IssueWithArticles } from './issues.js';

/** Our own addresses made absolute: a mail client has no page to resolve a relative link against. */
const absolute = (url: string, siteUrl: string) => new URL(url, `${siteUrl}/`).toString();

/** An issue and its articles as the email renderer takes them, every link absolute. */
export function emailIssueOf(issue: IssueWithArticles, siteUrl: string): NewsletterIssue {
  return {
    date: issue.day,
    intro: issue.intro,
    articles: issue.articles.map((a) => ({
      title: a.title,
      dek: a.dek,
      url: absolute(`/articles/${encodeURIComponent(a.slug)}`, siteUrl),
      authors: a.authors.map((author) => author.name),
      ...(a.kicker ? { kicker: a.kicker } : {}),
      ...(a.image ? { imageUrl: absolute(a.image.url, siteUrl), imageAlt: a.image.alt } : {}),
    })),
  };
}
