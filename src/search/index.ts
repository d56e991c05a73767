import { sql, type Kysely } from 'kysely';
import type { ArticleSummary, ContentService, Page } from '../content/index.js';
import type { Dialect } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import { documentOf, removeDocument, storeDocument } from './documents.js';
import type { IndexQuery, SearchFilter } from './filters.js';
import { queryPostgres } from './postgres-index.js';
import { queryWords } from './query-words.js';
import { snippetHtml } from './snippet.js';
import { querySqlite } from './sqlite-index.js';

export type { SearchFilter } from './filters.js';
export { MAX_QUERY_CHARS, MAX_QUERY_WORDS, queryWords } from './query-words.js';

/** One result: the article as lists show it, and an escaped HTML excerpt with <mark> around the hits. */
export interface SearchHit {
  article: ArticleSummary;
  snippetHtml: string;
}

export interface SearchRequest {
  /** What the reader typed, as typed: it is cut, split into words and quoted here. */
  text: string;
  filter?: Partial<SearchFilter>;
  page?: number;
  pageSize?: number;
}

export interface SearchResults extends Page<SearchHit> {
  /** The words searched for, after cutting and dropping stop words; empty means nothing was searched. */
  words: string[];
}

/**
 * Full-text search over published articles: title, dek, body, bylines and section names. One interface
 * over SQLite FTS5 and PostgreSQL full-text; the dialect's SQL lives in this folder only.
 */
export function createSearchService(deps: { db: Kysely<Database>; dialect: Dialect; articles: Pick<ContentService['articles'], 'forPreview' | 'publishedByIds'> }) {
  const { db, dialect, articles } = deps;
  const run = dialect === 'postgres' ? queryPostgres : querySqlite;

  return {
    /**
     * Brings the index up to date for these articles after any change: a published article is
     * (re)indexed, anything else (a draft, an unpublished or deleted article) leaves the index.
     */
    async reindex(ids: number[]): Promise<void> {
      const unique = [...new Set(ids)];
      const found: Awaited<ReturnType<typeof articles.forPreview>>[] = [];
      for (const id of unique) found.push(await articles.forPreview(id));
      // One transaction for the lot: FTS5 writes a segment per transaction, so a batch is far cheaper.
      await db.transaction().execute(async (trx) => {
        for (const [i, id] of unique.entries()) {
          const article = found[i];
          if (article?.status === 'published') await storeDocument(trx, documentOf(article));
          else await removeDocument(trx, id);
        }
      });
    },

    /**
     * Indexes published articles the index lacks: a change whose indexing failed, or a bulk import
     * cut short between its articles and their indexing. Cheap when nothing is missing.
     */
    async indexMissing(): Promise<number> {
      const { rows: missing } = await sql<{ id: number }>`select id from articles
        where status = 'published' and not exists (select 1 from search_documents d where d.article_id = articles.id)`.execute(db);
      for (let i = 0; i < missing.length; i += 50) {
        await this.reindex(missing.slice(i, i + 50).map((r) => r.id));
        // SQLite answers synchronously: between batches, let waiting requests be served.
        await new Promise((resolve) => setImmediate(resolve));
      }
      return missing.length;
    },

    /** A page of published articles matching every word of the text, best match first. */
    async search(request: SearchRequest): Promise<SearchResults> {
      const words = queryWords(request.text);
      const page = request.page ?? 1;
      const pageSize = request.pageSize ?? 20;
      const empty = { words, items: [], page, pageSize, total: 0, totalPages: 1 };
      if (words.length === 0) return empty;
      const query: IndexQuery = { words, filter: { termIds: [], ...request.filter }, limit: pageSize, offset: (page - 1) * pageSize };
      const answer = await run(db, query);
      const summaries = await articles.publishedByIds(answer.hits.map((h) => h.articleId));
      const snippets = new Map(answer.hits.map((h) => [h.articleId, h.snippet]));
      return {
        ...empty,
        items: summaries.map((article) => ({ article, snippetHtml: snippetHtml(snippets.get(article.id) ?? '') })),
        total: answer.total,
        totalPages: Math.max(1, Math.ceil(answer.total / pageSize)),
      };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
