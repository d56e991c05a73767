import { sql, type Kysely } from 'kysely';

/**
 * Members-only and paid articles are now indexed by their teaser alone, so search cannot quote what
 * membership pays for. Their old documents held the whole body: dropped here, they are indexed again
 * (with the teaser) by the start-up repair that indexes published articles the index lacks.
 */
export const searchTeasers = {
  async up(db: Kysely<any>) {
    const gated = sql`(select id from articles where visibility <> 'public')`;
    await sql`delete from search_facets where article_id in ${gated}`.execute(db);
    await sql`delete from search_documents where article_id in ${gated}`.execute(db);
  },
};
