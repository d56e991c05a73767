import { sql, type Kysely } from 'kysely';
import type { Article } from '../content/index.js';
import { publicBodyOf } from '../content/teaser.js';
import { withoutMarkers } from './snippet.js';

/** What the index holds of one published article: its words, and what the filters narrow by. */
export interface SearchDocument {
  articleId: number;
  publishedAt: string;
  sourceId: number | null;
  title: string;
  dek: string;
  body: string;
  /** Author, region, theme, dossier and source names, so a search for a byline finds the articles. */
  names: string;
  authorIds: number[];
  termIds: number[];
}

const blockTags = /^(p|div|h[1-6]|li|ul|ol|br|hr|blockquote|figure|figcaption|table|tr|td|th|pre|img|section|aside)$/i;
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Plain text of sanitised article HTML. Block boundaries become spaces so words on either side stay
 * apart; inline tags vanish so a word split by <em> stays one word.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?([a-zA-Z0-9]+)[^>]*>/g, (_tag, name: string) => (blockTags.test(name) ? ' ' : ''))
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
      if (ref[0] === '#') {
        const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
      }
      return entities[ref.toLowerCase()] ?? whole;
    });
  return text.replace(/\s+/g, ' ').trim();
}

/** The document of an article as the content service reads it. */
export function documentOf(a: Article): SearchDocument {
  const terms = [...a.regions, ...a.themes, ...(a.dossier ? [a.dossier] : [])];
  const names = [...a.authors.map((x) => x.name), ...terms.map((t) => t.name), ...(a.source ? [a.source.name] : [])];
  return {
    articleId: a.id,
    publishedAt: a.publishedAt ?? '',
    sourceId: a.source?.id ?? null,
    title: a.title,
    dek: a.dek,
    // A members-only or paid article is found (and quoted in snippets) by its teaser only.
    body: htmlToText(publicBodyOf(a)),
    names: names.join(' · '),
    authorIds: a.authors.map((x) => x.id),
    termIds: terms.map((t) => t.id),
  };
}

/**
 * Replaces an article's document and facets. The hit markers are stripped from every text here, so
 * only the database's snippet function can put them in a snippet. On SQLite, triggers on `search_documents` keep the FTS5
 * table in step; on PostgreSQL the tsvector is a generated column. Either way, this SQL is the same.
 */
export async function storeDocument(db: Kysely<any>, doc: SearchDocument): Promise<void> {
  // An upsert, so two saves of one article indexing at once cannot collide on the key.
  await sql`insert into search_documents (article_id, published_at, source_id, title, dek, body, names)
    values (${doc.articleId}, ${doc.publishedAt}, ${doc.sourceId}, ${withoutMarkers(doc.title)}, ${withoutMarkers(doc.dek)},
      ${withoutMarkers(doc.body)}, ${withoutMarkers(doc.names)})
    on conflict (article_id) do update set published_at = excluded.published_at, source_id = excluded.source_id,
      title = excluded.title, dek = excluded.dek, body = excluded.body, names = excluded.names`.execute(db);
  await sql`delete from search_facets where article_id = ${doc.articleId}`.execute(db);
  const facets = [
    ...[...new Set(doc.authorIds)].map((id) => sql`(${doc.articleId}, 'author', ${id})`),
    ...[...new Set(doc.termIds)].map((id) => sql`(${doc.articleId}, 'term', ${id})`),
  ];
  if (facets.length) await sql`insert into search_facets (article_id, kind, ref_id) values ${sql.join(facets)} on conflict do nothing`.execute(db);
}

export async function removeDocument(db: Kysely<any>, articleId: number): Promise<void> {
  await sql`delete from search_facets where article_id = ${articleId}`.execute(db);
  await sql`delete from search_documents where article_id = ${articleId}`.execute(db);
}
