/**
 * Names for what a cached response shows. A page is tagged with the keys of everything it renders;
 * a change purges the keys of everything it touched. Kept in one place so both sides agree.
 */
export const surrogateKeys = {
  all: 'all',
  home: 'home',
  articleLists: 'article-lists',
  article: (id: number) => `article:${id}`,
  author: (id: number) => `author:${id}`,
  term: (id: number) => `term:${id}`,
  source: (id: number) => `source:${id}`,
  archive: (publishedAt: string) => `archive:${publishedAt.slice(0, 7)}`,
};

export type PurgeListener = (keys: string[]) => void;
