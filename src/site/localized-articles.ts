import type { Article, ArticleSummary } from '../content/index.js';
import type { TranslationStatus } from '../db/schema.js';
import type { TranslatedArticle, TranslatedSummary, TranslationReader } from '../translation/translation-reader.js';
import { primaryTag, type Language } from '../translation/languages.js';
import { describeLanguage, type PageLanguage } from './page-language.js';

/** How an article page shows an article in the page's language. */
export type Rendition =
  /** The article is written in the page's language. */
  | { kind: 'original' }
  | { kind: 'translated'; status: TranslationStatus; from: string }
  /** No translation yet: one is queued and the original is shown meanwhile. */
  | { kind: 'pending' }
  /** No translation, and no provider that could make one: the original is shown. */
  | { kind: 'unavailable' };

export interface LocalizedArticle {
  article: Article;
  rendition: Rendition;
  /** The languages the article's page exists in (its own, the site's and every stored translation), for hreflang. */
  languages: string[];
}


/**
 * The languages an article's page can be read in, for its hreflang alternates on the page and in the
 * sitemaps alike: its own, and each configured one it is translated into. The site's language is
 * among them only when the unprefixed page shows the article in it.
 */
export function articleLanguages(article: Pick<ArticleSummary, 'language'>, translatedInto: readonly string[], configured: readonly Pick<Language, 'code'>[]): string[] {
  const codes = new Set(configured.map((l) => l.code));
  return [...new Set([describeLanguage(article.language).code, ...translatedInto.filter((code) => codes.has(code))])];
}
const writtenIn = (article: Pick<ArticleSummary, 'language'>, page: PageLanguage) => primaryTag(article.language) === primaryTag(page.language.code);

function withSummary<T extends ArticleSummary>(article: T, t: TranslatedSummary, language: string): T {
  return { ...article, language, kicker: t.kicker, title: t.title, dek: t.dek, image: article.image && { ...article.image, alt: t.imageAlt } };
}

function withTranslation(article: Article, t: TranslatedArticle, language: string): Article {
  const translated = withSummary(article, t, language);
  return { ...translated, bodyHtml: t.bodyHtml, image: translated.image && { ...translated.image, caption: t.imageCaption } };
}

/** Puts stored translations in place of the original's words, for pages in other languages. */
export function createArticleLocalizer(deps: {
  reader: TranslationReader;
  /** Queues a translation, when some provider can make it; says which. */
  requestTranslation(article: Pick<Article, 'id' | 'language'>, language: string): Promise<'queued' | 'unavailable'>;
}) {
  const { reader } = deps;
  return {
    /** An article page: its translation, else the original, with a translation requested where one can be made. */
    async article(article: Article, page: PageLanguage): Promise<LocalizedArticle> {
      const translatedInto = (await reader.languagesOf([article.id])).get(article.id)!;
      const languages = articleLanguages(article, translatedInto, [page.site, ...page.languages]);
      if (writtenIn(article, page)) return { article, rendition: { kind: 'original' }, languages };
      const found = (await reader.forPages([article.id], page.language.code)).get(article.id);
      if (!found) return { article, rendition: { kind: (await deps.requestTranslation(article, page.language.code)) === 'queued' ? 'pending' : 'unavailable' }, languages };
      return { article: withTranslation(article, found, page.language.code), rendition: { kind: 'translated', status: found.status, from: article.language }, languages };
    },

    /**
     * A list's articles with their translated titles where there are some. The others keep their own
     * words (and language); `untranslated` names them, so the page can be purged when they are translated.
     */
    async summaries<T extends ArticleSummary>(items: T[], page: PageLanguage): Promise<{ items: T[]; untranslated: number[] }> {
      const foreign = items.filter((a) => !writtenIn(a, page)).map((a) => a.id);
      if (foreign.length === 0) return { items, untranslated: [] };
      const found = await reader.summaries(foreign, page.language.code);
      return {
        items: items.map((a) => (found.has(a.id) ? withSummary(a, found.get(a.id)!, page.language.code) : a)),
        untranslated: foreign.filter((id) => !found.has(id)),
      };
    },

    /** Only the articles readable in the page's language (written in it, or translated), for its feeds. */
    async readable(items: Article[], page: PageLanguage): Promise<{ items: Article[]; untranslated: number[] }> {
      const foreign = items.filter((a) => !writtenIn(a, page)).map((a) => a.id);
      const found = await reader.forPages(foreign, page.language.code);
      return {
        items: items.flatMap((a) => (writtenIn(a, page) ? [a] : found.has(a.id) ? [withTranslation(a, found.get(a.id)!, page.language.code)] : [])),
        untranslated: foreign.filter((id) => !found.has(id)),
      };
    },
  };
}

export type ArticleLocalizer = ReturnType<typeof createArticleLocalizer>;
