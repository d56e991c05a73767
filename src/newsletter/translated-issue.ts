import { primaryTag, type Language } from '../translation/languages.js';
import type { TranslationReader } from '../translation/translation-reader.js';
import type { NewsletterIssue } from './issue-email.js';
import { emailIssueOf } from './issue-content.js';
import type { IssueWithArticles } from './issues.js';

/**
 * The issue as a subscriber of one language reads it: each article translated into their language
 * (title, kicker, dek, image text) and linked to its page in that language, where a translation is
 * stored; the others as written, linked to the original. The editor's intro stays as written.
 */
export function createIssueTranslator(deps: { reader: TranslationReader; siteUrl: string; languages: readonly Language[]; siteLanguage: () => Promise<string> }) {
  return async (issue: IssueWithArticles, language: string): Promise<NewsletterIssue> => {
    const base = emailIssueOf(issue, deps.siteUrl);
    const code = deps.languages.find((l) => l.code === primaryTag(language))?.code;
    if (!code || code === primaryTag(await deps.siteLanguage())) return base;
    const translated = await deps.reader.summaries(
      issue.articles.filter((a) => primaryTag(a.language) !== code).map((a) => a.id),
      code,
    );
    return {
      ...base,
      articles: base.articles.map((article, i) => {
        const source = issue.articles[i]!;
        const t = translated.get(source.id);
        if (!t) return article;
        return {
          ...article,
          title: t.title,
          dek: t.dek,
          url: `${deps.siteUrl}/${code}/articles/${encodeURIComponent(source.slug)}`,
          ...(t.kicker ? { kicker: t.kicker } : {}),
          ...(article.imageUrl ? { imageAlt: t.imageAlt } : {}),
        };
      }),
    };
  };
}

export type IssueTranslator = ReturnType<typeof createIssueTranslator>;
