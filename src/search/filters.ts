import { sql, type RawBuilder } from 'kysely';

/** What a search may be narrowed by; the conditions combine with AND. */
export interface SearchFilter {
  termIds: number[];
  authorId?: number;
  sourceId?: number;
  /** Inclusive lower and exclusive upper bounds on the publication time, ISO strings. */
  publishedFrom?: string;
  publishedBefore?: string;
}

/** One page of a search, as the dialect's query is asked for it. */
export interface IndexQuery {
  words: string[];
  filter: SearchFilter;
  limit: number;
  offset: number;
}

/** Ids of the matching articles on the asked page, best first, with their raw (unescaped, marked) snippets. */
export interface IndexAnswer {
  total: number;
  hits: { articleId: number; snippet: string }[];
}

/** The filter as SQL conditions on `search_documents d`: plain SQL, the same on both databases. */
export function filterConditions(f: SearchFilter): RawBuilder<unknown>[] {
  const facet = (kind: string, id: number) => sql`d.article_id in (select article_id from search_facets where kind = ${kind} and ref_id = ${id})`;
  return [
    ...f.termIds.map((id) => facet('term', id)),
    ...(f.authorId !== undefined ? [facet('author', f.authorId)] : []),
    ...(f.sourceId !== undefined ? [sql`d.source_id = ${f.sourceId}`] : []),
    ...(f.publishedFrom ? [sql`d.published_at >= ${f.publishedFrom}`] : []),
    ...(f.publishedBefore ? [sql`d.published_at < ${f.publishedBefore}`] : []),
  ];
}
