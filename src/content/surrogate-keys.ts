import type { Article } from './types.js';

/**
 * Names for what a cached response shows. A page is tagged with the keys of everything it renders;
 * a change purges the keys of everything it touched. Kept in one place so both sides agree.
 */
export const surrogateKeys = {
  all: 'all',
  home: 'home',
  articleLists: 'article-lists',
  article: (id: number) => `article:${id}`,
  /** An article's pages in one language, which show its translation into it. */
  translation: (id: number, language: string) => `translation:${id}:${language}`,
  /** What lists the stored translations (the sitemaps): purged whenever one is made or changed. */
  translations: 'translations',
  author: (id: number) => `author:${id}`,
  term: (id: number) => `term:${id}`,
  source: (id: number) => `source:${id}`,
  archive: (publishedAt: string) => `archive:${publishedAt.slice(0, 7)}`,
  /** The public archive of sent newsletter issues. */
  newsletter: 'newsletter',
  /** The "Become a member" page, which lists the membership tiers. */
  membership: 'membership',
};

/** The keys of everything an article's own page shows: the article, its bylines, sections and source. */
export function articlePageKeys(article: Pick<Article, 'id' | 'authors' | 'regions' | 'themes' | 'dossier' | 'source'>): string[] {
  return [
    surrogateKeys.article(article.id),
    ...article.authors.map((a) => surrogateKeys.author(a.id)),
    ...[...article.regions, ...article.themes, ...(article.dossier ? [article.dossier] : [])].map((t) => surrogateKeys.term(t.id)),
    ...(article.source ? [surrogateKeys.source(article.source.id)] : []),
  ];
}

export type PurgeListener = (keys: string[]) => void;
