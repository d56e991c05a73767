import { sql, type Kysely } from 'kysely';
import { filterConditions, type IndexAnswer, type IndexQuery } from './filters.js';
import { ANGLE_STAND_INS, HIT_END, HIT_START } from './snippet.js';

const HEADLINE_OPTIONS = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=35, MinWords=15, MaxFragments=1`;

/**
 * PostgreSQL: plainto_tsquery ANDs the words and reads no operators; ts_rank_cd weighs title (A)
 * above dek and names (B) above body (C). Headlines are made for the page's rows only: they are the costly part.
 * The headline parser would drop "<…>" as a tag, so angle brackets go in as stand-ins and come back in snippet.ts.
 */
export async function queryPostgres(db: Kysely<any>, q: IndexQuery): Promise<IndexAnswer> {
  const query = sql`plainto_tsquery('english', ${q.words.join(' ')})`;
  const where = sql.join([sql`d.document @@ ${query}`, ...filterConditions(q.filter)], sql` and `);
  const count = await sql<{ n: number }>`select count(*) as n from search_documents d where ${where}`.execute(db);
  const total = Number(count.rows[0]?.n ?? 0);
  if (total === 0 || q.offset >= total) return { total, hits: [] };
  const page = await sql<{ id: number; snippet: string }>`
    select h.article_id as id, ts_headline('english', translate(h.body, '<>', ${ANGLE_STAND_INS}), ${query}, ${HEADLINE_OPTIONS}) as snippet
    from (
      select d.article_id, d.body, ts_rank_cd(d.document, ${query}) as rank
      from search_documents d where ${where}
      order by rank desc, d.article_id desc
      limit ${q.limit} offset ${q.offset}
    ) h
    order by h.rank desc, h.article_id desc`.execute(db);
  return { total, hits: page.rows.map((r) => ({ articleId: r.id, snippet: r.snippet ?? '' })) };
}
