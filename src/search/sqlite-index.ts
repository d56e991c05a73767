import { sql, type Kysely } from 'kysely';
import { filterConditions, type IndexAnswer, type IndexQuery } from './filters.js';
import { HIT_END, HIT_START } from './snippet.js';

/**
 * FTS5: every word quoted as its own string (implicit AND), so nothing typed is read as FTS syntax.
 * Ranked by the table's configured `rank`, bm25 with title 10, dek 4, body 1, names 4 (see the migration).
 */
export async function querySqlite(db: Kysely<any>, q: IndexQuery): Promise<IndexAnswer> {
  const match = q.words.map((w) => `"${w}"`).join(' ');
  const filters = filterConditions(q.filter);
  // The documents table is joined only when a filter needs it: a bare match never leaves the index.
  const from = filters.length ? sql`search_index join search_documents d on d.article_id = search_index.rowid` : sql`search_index`;
  const where = sql.join([sql`search_index match ${match}`, ...filters], sql` and `);
  const count = await sql<{ n: number }>`select count(*) as n from ${from} where ${where}`.execute(db);
  const total = Number(count.rows[0]?.n ?? 0);
  if (total === 0 || q.offset >= total) return { total, hits: [] };
  const page = await sql<{ id: number }>`
    select search_index.rowid as id from ${from} where ${where}
    order by search_index.rank, search_index.rowid desc
    limit ${q.limit} offset ${q.offset}`.execute(db);
  const ids = page.rows.map((r) => r.id);
  // Snippets for the page's rows only: SQLite would otherwise make one for every match before sorting.
  const snippets = await sql<{ id: number; snippet: string | null }>`
    select rowid as id, snippet(search_index, 2, ${HIT_START}, ${HIT_END}, '…', 24) as snippet
    from search_index where search_index match ${match} and rowid in (${sql.join(ids)})`.execute(db);
  const byId = new Map(snippets.rows.map((r) => [r.id, r.snippet ?? '']));
  return { total, hits: ids.map((articleId) => ({ articleId, snippet: byId.get(articleId) ?? '' })) };
}
