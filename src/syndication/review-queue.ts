import type { Kysely, Selectable, Transaction } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { ContentService } from '../content/index.js';
import { slugSchema } from '../content/slug.js';
import type { Database, SyndicatedItemStatus, SyndicatedItemsTable } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { parseInput } from '../parse-input.js';
import { articleFromItem } from './article-from-item.js';
import type { ItemImage } from './localise-images.js';

/** A partner item as the review queue shows it. */
export interface QueueItem {
  id: number;
  sourceId: number;
  sourceSlug: string;
  sourceName: string;
  status: SyndicatedItemStatus;
  title: string;
  dek: string;
  bodyHtml: string;
  /** The lead image, already in our media library; it becomes the article's featured image. */
  image: ItemImage | null;
  authorNames: string[];
  originalUrl: string | null;
  language: string | null;
  publishedAt: string | null;
  firstSeenAt: string;
  updatedAt: string;
  articleId: number | null;
}

/** What an editor decides on accepting an item. Title and dek may be edited; the body is edited afterwards in the editor. */
export const acceptInput = z.strictObject({
  kicker: z.string().trim().max(100).default(''),
  title: z.string().trim().min(1, 'A title is required').max(300),
  dek: z.string().trim().max(1000).default(''),
  authors: z.array(slugSchema).min(1, 'At least one author').max(10),
  regions: z.array(slugSchema).max(20).default([]),
  themes: z.array(slugSchema).max(20).default([]),
  dossier: slugSchema.nullable().default(null),
  status: z.enum(['draft', 'scheduled', 'published']),
  publishedAt: z.iso.datetime({ offset: true, error: 'An ISO 8601 date and time' }).optional(),
});

const PAGE_SIZE = 25;

/**
 * The newsroom's side of review-mode feeds: pending items to accept (becoming articles with a real
 * byline, sections and a publication time), reject (they come back only if the partner changes
 * them) or block (never again, nor any repeat of them).
 */
export function createReviewQueue(deps: { db: Kysely<Database>; clock: Clock; content: ContentService }) {
  const { db, clock, content } = deps;

  async function toItems(rows: Selectable<SyndicatedItemsTable>[]): Promise<QueueItem[]> {
    const sources = new Map((await content.directory.listSources()).map((s) => [s.id, s]));
    return rows.map((r) => ({
      id: r.id,
      sourceId: r.source_id,
      sourceSlug: sources.get(r.source_id)?.slug ?? '',
      sourceName: sources.get(r.source_id)?.name ?? '',
      status: r.status,
      title: r.title,
      dek: r.dek,
      bodyHtml: r.body_html,
      image: r.image ? (JSON.parse(r.image) as ItemImage) : null,
      authorNames: JSON.parse(r.author_names) as string[],
      originalUrl: r.original_url,
      language: r.language,
      publishedAt: r.published_at,
      firstSeenAt: r.first_seen_at,
      updatedAt: r.updated_at,
      articleId: r.article_id,
    }));
  }

  /** Moves a pending item on, inside the caller's transaction; a second decision on it is a conflict. */
  async function decide(trx: Kysely<Database> | Transaction<Database>, id: number, actorId: number, status: SyndicatedItemStatus, articleId?: number) {
    const result = await trx
      .updateTable('syndicated_items')
      .set({ status, decided_by: actorId, decided_at: clock.now().toISOString(), ...(articleId ? { article_id: articleId } : {}) })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('already_decided', 'This item has already been decided on', 409);
  }

  return {
    async page(filter: { status?: SyndicatedItemStatus; sourceId?: number }, page: number): Promise<{ items: QueueItem[]; total: number; pageSize: number }> {
      let q = db.selectFrom('syndicated_items').where('status', '=', filter.status ?? 'pending');
      if (filter.sourceId !== undefined) q = q.where('source_id', '=', filter.sourceId);
      const [count, rows] = await Promise.all([
        q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        q.selectAll().orderBy('first_seen_at', 'desc').orderBy('id', 'desc').limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE).execute(),
      ]);
      return { items: await toItems(rows), total: Number(count.n), pageSize: PAGE_SIZE };
    },

    async item(id: number): Promise<QueueItem> {
      const row = await db.selectFrom('syndicated_items').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound('partner item');
      return (await toItems([row]))[0]!;
    },

    /** Turns a pending item into an article; the item is marked in the same transaction, so it is taken once. */
    async accept(actorId: number, id: number, input: unknown): Promise<{ id: number; slug: string }> {
      const choice = parseInput(acceptInput, input);
      const item = await this.item(id);
      if (item.status !== 'pending') throw new AppError('already_decided', 'This item has already been decided on', 409);
      const article = articleFromItem(
        item,
        { sourceSlug: item.sourceSlug, sourceName: item.sourceName, authorSlug: null, regionSlug: null, themeSlug: null },
        { ...choice, now: clock.now() },
      );
      return content.editor.create(article, { actorId, within: (trx, saved) => decide(trx, id, actorId, 'imported', saved.id) });
    },

    async reject(actorId: number, id: number): Promise<void> {
      await decide(db, id, actorId, 'rejected');
    },

    async block(actorId: number, id: number): Promise<void> {
      await decide(db, id, actorId, 'blocked');
    },

    async pendingCount(): Promise<number> {
      const row = await db.selectFrom('syndicated_items').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export type ReviewQueue = ReturnType<typeof createReviewQueue>;
