import type { Kysely, Selectable } from 'kysely';
import type { ArticlesTable, Database } from '../db/schema.js';
import { toAuthor, toSource, toTerm } from './rows.js';
import type { Article, ArticleFilter, ArticleSummary, Author, Page, Source, Term } from './types.js';

type SummaryRow = Omit<Selectable<ArticlesTable>, 'body_html' | 'note_to_readers' | 'comments_enabled'>;

const summaryColumns = [
  'id', 'slug', 'kicker', 'title', 'dek', 'status', 'visibility', 'language', 'published_at', 'created_at',
  'updated_at', 'image_url', 'image_alt', 'image_caption', 'image_credit', 'image_srcset', 'source_id', 'original_url',
  'newsletter_pick', 'word_count', 'created_by', 'review_requested_at', 'allow_republish',
] as const;

interface Relations {
  authors: Map<number, Author[]>;
  terms: Map<number, Term[]>;
  sources: Map<number, Source>;
}

/** Read side of articles: what the public site and the content API show. Only published articles. */
export function createArticleReader(db: Kysely<Database>) {
  function publishedQuery(filter: ArticleFilter) {
    let q = db.selectFrom('articles').where('status', '=', 'published');
    for (const termId of filter.termIds ?? []) {
      q = q.where('id', 'in', db.selectFrom('article_terms').select('article_id').where('term_id', '=', termId));
    }
    if (filter.authorId !== undefined) {
      q = q.where('id', 'in', db.selectFrom('article_authors').select('article_id').where('author_id', '=', filter.authorId));
    }
    if (filter.sourceId !== undefined) q = q.where('source_id', '=', filter.sourceId);
    if (filter.publishedFrom) q = q.where('published_at', '>=', filter.publishedFrom);
    if (filter.publishedBefore) q = q.where('published_at', '<', filter.publishedBefore);
    return q;
  }

  /** Authors (in byline order), terms and sources of many articles, in three queries whatever their number. */
  async function loadRelations(rows: { id: number; source_id: number | null }[]): Promise<Relations> {
    const relations: Relations = { authors: new Map(), terms: new Map(), sources: new Map() };
    if (rows.length === 0) return relations;
    const ids = rows.map((r) => r.id);
    const sourceIds = [...new Set(rows.flatMap((r) => (r.source_id === null ? [] : [r.source_id])))];
    const [authorRows, termRows, sourceRows] = await Promise.all([
      db
        .selectFrom('article_authors')
        .innerJoin('authors', 'authors.id', 'article_authors.author_id')
        .selectAll('authors')
        .select('article_authors.article_id')
        .where('article_authors.article_id', 'in', ids)
        .orderBy('article_authors.position')
        .execute(),
      db
        .selectFrom('article_terms')
        .innerJoin('terms', 'terms.id', 'article_terms.term_id')
        .selectAll('terms')
        .select('article_terms.article_id')
        .where('article_terms.article_id', 'in', ids)
        .orderBy('terms.name')
        .execute(),
      sourceIds.length ? db.selectFrom('sources').selectAll().where('id', 'in', sourceIds).execute() : [],
    ]);
    for (const row of authorRows) push(relations.authors, row.article_id, toAuthor(row));
    for (const row of termRows) push(relations.terms, row.article_id, toTerm(row));
    for (const row of sourceRows) relations.sources.set(row.id, toSource(row));
    return relations;
  }

  function toSummary(row: SummaryRow, rel: Relations): ArticleSummary & { authors: Author[] } {
    const terms = rel.terms.get(row.id) ?? [];
    return {
      id: row.id,
      slug: row.slug,
      kicker: row.kicker,
      title: row.title,
      dek: row.dek,
      status: row.status,
      visibility: row.visibility,
      language: row.language,
      publishedAt: row.published_at,
      updatedAt: row.updated_at,
      image: row.image_url
        ? { url: row.image_url, alt: row.image_alt, caption: row.image_caption, credit: row.image_credit, srcset: row.image_srcset }
        : null,
      authors: rel.authors.get(row.id) ?? [],
      regions: terms.filter((t) => t.kind === 'region'),
      themes: terms.filter((t) => t.kind === 'theme'),
      dossier: terms.find((t) => t.kind === 'dossier') ?? null,
      source: row.source_id === null ? null : (rel.sources.get(row.source_id) ?? null),
      originalUrl: row.original_url,
      wordCount: row.word_count,
    };
  }

  async function fullArticle(row: Selectable<ArticlesTable> | undefined): Promise<Article | undefined> {
    if (!row) return undefined;
    return toArticle(row, await loadRelations([row]));
  }

  function toArticle(row: Selectable<ArticlesTable>, rel: Relations): Article {
    return { ...toSummary(row, rel), bodyHtml: row.body_html, noteToReaders: row.note_to_readers, newsletterPick: row.newsletter_pick === 1, allowRepublish: row.allow_republish === 1, commentsEnabled: row.comments_enabled === 1 };
  }

  async function summaries(rows: SummaryRow[]): Promise<ArticleSummary[]> {
    const rel = await loadRelations(rows);
    return rows.map((r) => toSummary(r, rel));
  }

  return {
    /** One published article with everything its page shows, or undefined. */
    async publishedBySlug(slug: string): Promise<Article | undefined> {
      return fullArticle(await db.selectFrom('articles').selectAll().where('slug', '=', slug).where('status', '=', 'published').executeTakeFirst());
    },

    /** Any article, whatever its status, for a staff preview link. */
    async forPreview(id: number): Promise<Article | undefined> {
      return fullArticle(await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst());
    },

    /** Published articles by id, in the order given (a search's ranking); ids not published are left out. */
    async publishedByIds(ids: number[]): Promise<ArticleSummary[]> {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom('articles').select(summaryColumns).where('id', 'in', ids).where('status', '=', 'published').execute();
      const byId = new Map((await summaries(rows)).map((a) => [a.id, a]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    /** The newest published articles matching a filter, without counting them all. */
    async latest(filter: ArticleFilter, limit: number, offset = 0): Promise<ArticleSummary[]> {
      const rows = await publishedQuery(filter)
        .select(summaryColumns)
        .orderBy('published_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
      return summaries(rows);
    },

    /** The newest published articles matching a filter with their bodies, for feeds that carry full text. */
    async latestWithBodies(filter: ArticleFilter, limit: number): Promise<Article[]> {
      const rows = await publishedQuery(filter).selectAll().orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      const rel = await loadRelations(rows);
      return rows.map((row) => toArticle(row, rel));
    },

    /** A numbered page of published articles, newest first, with the total for pagination. */
    async page(filter: ArticleFilter, page: number, pageSize: number): Promise<Page<ArticleSummary>> {
      const [countRow, items] = await Promise.all([
        publishedQuery(filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        this.latest(filter, pageSize, (page - 1) * pageSize),
      ]);
      const total = Number(countRow.n);
      return { items, page, pageSize, total, totalPages: Math.max(1, Math.ceil(total / pageSize)) };
    },

    /** How many articles are published: sizes the paged sitemaps without loading them. */
    async countPublished(): Promise<number> {
      const row = await publishedQuery({}).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /**
     * Slug and modification time of published articles, oldest first by id so a page's contents stay
     * put as new articles arrive (they land on the last page): what a sitemap lists, and nothing more.
     */
    async addresses(limit: number, offset: number): Promise<{ id: number; slug: string; language: string; updatedAt: string }[]> {
      const rows = await publishedQuery({}).select(['id', 'slug', 'language', 'updated_at']).orderBy('id').limit(limit).offset(offset).execute();
      return rows.map((r) => ({ id: r.id, slug: r.slug, language: r.language, updatedAt: r.updated_at }));
    },

    /** Months that have published articles, newest first, as `YYYY-MM` with their counts. */
    async archiveMonths(): Promise<{ month: string; count: number }[]> {
      const rows = await db
        .selectFrom('articles')
        .where('status', '=', 'published')
        .where('published_at', 'is not', null)
        .select((eb) => [eb.fn<string>('substr', ['published_at', eb.val(1), eb.val(7)]).as('month'), eb.fn.countAll<number>().as('n')])
        .groupBy('month')
        .orderBy('month', 'desc')
        .execute();
      return rows.map((r) => ({ month: r.month, count: Number(r.n) }));
    },
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export type ArticleReader = ReturnType<typeof createArticleReader>;
