import { sql, type Kysely } from 'kysely';
import { htmlToText, storeDocument } from '../../search/documents.js';
import type { Dialect } from '../connect.js';

/**
 * The full-text index: one plain-text document per published article, with its filter facets.
 * SQLite indexes it with an external-content FTS5 table kept in step by triggers (porter stemming over
 * unicode61, diacritics kept so both databases match the same words); PostgreSQL with a generated,
 * weighted tsvector under a GIN index. Existing published articles are indexed here.
 */
export function searchIndex(dialect: Dialect) {
  return {
    async up(db: Kysely<any>) {
      await sql`create table search_documents (
        article_id integer primary key,
        published_at varchar(30) not null,
        source_id integer,
        title text not null,
        dek text not null,
        body text not null,
        names text not null
      )`.execute(db);
      await sql`create table search_facets (
        article_id integer not null,
        kind varchar(10) not null,
        ref_id integer not null,
        primary key (article_id, kind, ref_id)
      )`.execute(db);
      await sql`create index search_facets_ref on search_facets (kind, ref_id, article_id)`.execute(db);
      await sql`create index search_documents_published on search_documents (published_at)`.execute(db);

      if (dialect === 'postgres') {
        // 'english': stems like SQLite's porter tokenizer, so "rivers" finds "river" on both databases.
        // Its parser reads "<word>" as a markup tag and skips it; angle brackets become spaces so text
        // about "<script>" is found by "script", as on SQLite.
        await sql`alter table search_documents add column document tsvector generated always as (
          setweight(to_tsvector('english', translate(title, '<>', '  ')), 'A') ||
          setweight(to_tsvector('english', translate(dek, '<>', '  ')), 'B') ||
          setweight(to_tsvector('english', translate(names, '<>', '  ')), 'B') ||
          setweight(to_tsvector('english', translate(body, '<>', '  ')), 'C')
        ) stored`.execute(db);
        await sql`create index search_documents_document on search_documents using gin (document)`.execute(db);
      } else {
        await sql`create virtual table search_index using fts5(
          title, dek, body, names,
          content='search_documents', content_rowid='article_id',
          tokenize='porter unicode61 remove_diacritics 0'
        )`.execute(db);
        // The table's own rank, so ORDER BY rank weighs a title hit above a body hit.
        await sql`insert into search_index (search_index, rank) values ('rank', 'bm25(10.0, 4.0, 1.0, 4.0)')`.execute(db);
        await sql`create trigger search_documents_ai after insert on search_documents begin
          insert into search_index (rowid, title, dek, body, names) values (new.article_id, new.title, new.dek, new.body, new.names);
        end`.execute(db);
        await sql`create trigger search_documents_ad after delete on search_documents begin
          insert into search_index (search_index, rowid, title, dek, body, names) values ('delete', old.article_id, old.title, old.dek, old.body, old.names);
        end`.execute(db);
        await sql`create trigger search_documents_au after update on search_documents begin
          insert into search_index (search_index, rowid, title, dek, body, names) values ('delete', old.article_id, old.title, old.dek, old.body, old.names);
          insert into search_index (rowid, title, dek, body, names) values (new.article_id, new.title, new.dek, new.body, new.names);
        end`.execute(db);
      }
      await backfill(db);
    },
  };
}

/** Indexes every published article, reading the tables as they are at this migration. */
async function backfill(db: Kysely<any>) {
  const articles = await db
    .selectFrom('articles')
    .leftJoin('sources', 'sources.id', 'articles.source_id')
    .select(['articles.id', 'title', 'dek', 'body_html', 'published_at', 'source_id', 'sources.name as source_name'])
    .where('status', '=', 'published')
    .execute();
  if (articles.length === 0) return;
  const authors = await db
    .selectFrom('article_authors')
    .innerJoin('authors', 'authors.id', 'article_authors.author_id')
    .select(['article_id', 'authors.id', 'authors.name'])
    .orderBy('position')
    .execute();
  const terms = await db.selectFrom('article_terms').innerJoin('terms', 'terms.id', 'article_terms.term_id').select(['article_id', 'terms.id', 'terms.name']).execute();
  const group = (rows: { article_id: number; id: number; name: string }[]) => {
    const map = new Map<number, { id: number; name: string }[]>();
    for (const r of rows) map.set(r.article_id, [...(map.get(r.article_id) ?? []), r]);
    return map;
  };
  const authorsOf = group(authors);
  const termsOf = group(terms);
  for (const a of articles) {
    const byline = authorsOf.get(a.id) ?? [];
    const filed = termsOf.get(a.id) ?? [];
    await storeDocument(db, {
      articleId: a.id,
      publishedAt: a.published_at ?? '',
      sourceId: a.source_id,
      title: a.title,
      dek: a.dek,
      body: htmlToText(a.body_html),
      names: [...byline, ...filed].map((r) => r.name).concat(a.source_name ? [a.source_name] : []).join(' · '),
      authorIds: byline.map((r) => r.id),
      termIds: filed.map((r) => r.id),
    });
  }
}
