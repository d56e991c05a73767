import { sql, type Kysely } from 'kysely';
import type { ArticleStatus, Database } from '../db/schema.js';
import { containsPattern } from '../db/like-pattern.js';
import type { ArticleSnapshot } from './article-writer.js';

export interface EditorialListItem {
  id: number;
  slug: string;
  title: string;
  status: ArticleStatus;
  publishedAt: string | null;
  updatedAt: string;
  createdBy: number | null;
  reviewRequestedAt: string | null;
  authors: string[];
}

export interface EditorialFilter {
  status?: ArticleStatus;
  /** Words in the title or slug. */
  q?: string;
  createdBy?: number;
  awaitingReview?: boolean;
}

export interface Revision {
  id: number;
  articleId: number;
  actor: string | null;
  createdAt: string;
  snapshot: ArticleSnapshot;
}

/** What the newsroom sees of articles: every status, the editable form of one, its revisions, old slugs. */
export function createEditorialReader(db: Kysely<Database>) {
  function filtered(filter: EditorialFilter) {
    let q = db.selectFrom('articles');
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.createdBy !== undefined) q = q.where('created_by', '=', filter.createdBy);
    if (filter.awaitingReview) q = q.where('review_requested_at', 'is not', null);
    if (filter.q) {
      // LIKE wildcards in what the user typed are matched literally.
      const pattern = containsPattern(filter.q.toLowerCase());
      q = q.where(sql<boolean>`(lower(title) like ${pattern} escape '\\' or slug like ${pattern} escape '\\')`);
    }
    return q;
  }

  return {
    async page(filter: EditorialFilter, page: number, pageSize = 25): Promise<{ items: EditorialListItem[]; total: number }> {
      const [count, rows] = await Promise.all([
        filtered(filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        filtered(filter)
          .select(['id', 'slug', 'title', 'status', 'published_at', 'updated_at', 'created_by', 'review_requested_at'])
          .orderBy('updated_at', 'desc')
          .orderBy('id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
      ]);
      const ids = rows.map((r) => r.id);
      const bylines = ids.length
        ? await db
            .selectFrom('article_authors')
            .innerJoin('authors', 'authors.id', 'article_authors.author_id')
            .select(['article_authors.article_id', 'authors.name'])
            .where('article_authors.article_id', 'in', ids)
            .orderBy('article_authors.position')
            .execute()
        : [];
      return {
        total: Number(count.n),
        items: rows.map((r) => ({
          id: r.id,
          slug: r.slug,
          title: r.title,
          status: r.status,
          publishedAt: r.published_at,
          updatedAt: r.updated_at,
          createdBy: r.created_by,
          reviewRequestedAt: r.review_requested_at,
          authors: bylines.filter((b) => b.article_id === r.id).map((b) => b.name),
        })),
      };
    },

    /** An article as the editor form and the staff API show it: its latest revision, plus who owns it. */
    async editable(
      id: number,
    ): Promise<{ id: number; createdBy: number | null; status: ArticleStatus; reviewRequestedAt: string | null; snapshot: ArticleSnapshot } | undefined> {
      const row = await db
        .selectFrom('articles')
        .innerJoin('article_revisions', 'article_revisions.article_id', 'articles.id')
        .select(['articles.id', 'articles.created_by', 'articles.status', 'articles.review_requested_at', 'article_revisions.snapshot'])
        .where('articles.id', '=', id)
        .orderBy('article_revisions.id', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!row) return undefined;
      // The scheduler may have published it since the revision was written.
      const snapshot = { ...(JSON.parse(row.snapshot) as ArticleSnapshot), status: row.status };
      return { id: row.id, createdBy: row.created_by, status: row.status, reviewRequestedAt: row.review_requested_at, snapshot };
    },

    async revisions(articleId: number): Promise<Revision[]> {
      const rows = await db
        .selectFrom('article_revisions')
        .leftJoin('staff_users', 'staff_users.id', 'article_revisions.actor_id')
        .select(['article_revisions.id', 'article_revisions.article_id', 'staff_users.name as actor', 'article_revisions.created_at', 'article_revisions.snapshot'])
        .where('article_revisions.article_id', '=', articleId)
        .orderBy('article_revisions.id', 'desc')
        .execute();
      return rows.map((r) => ({ id: r.id, articleId: r.article_id, actor: r.actor, createdAt: r.created_at, snapshot: JSON.parse(r.snapshot) as ArticleSnapshot }));
    },

    /** The current slug of the article an old slug used to name, for a 301. */
    async redirectFor(oldSlug: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('slug_redirects')
        .innerJoin('articles', 'articles.id', 'slug_redirects.article_id')
        .select('articles.slug')
        .where('slug_redirects.old_slug', '=', oldSlug)
        .where('articles.status', '=', 'published')
        .executeTakeFirst();
      return row?.slug;
    },
  };
}

export type EditorialReader = ReturnType<typeof createEditorialReader>;
