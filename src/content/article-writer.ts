import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { z } from 'zod';
import type { ArticleStatus, Database, TermKind } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { articleInput } from './inputs.js';
import { parseInput } from '../parse-input.js';
import { countWords, sanitiseArticleHtml } from './sanitise-html.js';
import { slugify } from './slugify.js';
import { surrogateKeys, type PurgeListener } from './surrogate-keys.js';

/** How a save is attributed and, for staff, allowed. */
export interface WriteOptions {
  /** The staff member saving: recorded as creator and on the revision. */
  actorId?: number;
  /** Throws to refuse the save, given the article as stored (null when new) and the status asked for. */
  guard?: (before: { createdBy: number | null; status: ArticleStatus } | null, wanted: ArticleStatus) => void;
  /** Runs inside the save's transaction once the article is written, so the caller's own rows commit or roll back with it. */
  within?: (trx: Transaction<Database>, saved: { id: number; slug: string }) => Promise<void>;
  /**
   * False leaves telling `onArticleChange` to the caller (through `announce`), for bulk imports that
   * hand it many articles at once: indexing a batch in one transaction costs a fraction of one by one.
   */
  announce?: boolean;
}

/** An article as the staff API writes it, kept with every revision. */
export type ArticleSnapshot = z.output<typeof articleInput>;

interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  onPurge: PurgeListener;
  onArticleChange?: ArticleChangeListener;
  /** Video hosts whose players an article may embed (EMBED_HOSTS). */
  embedHosts?: readonly string[];
}

/**
 * Told, after the change is committed, which articles were created, edited, published, unpublished or
 * deleted (the search index follows through this). Awaited, so a save returns once listeners are done.
 */
export type ArticleChangeListener = (articleIds: number[]) => Promise<void>;

/** What an article touched before or after a change: every page that may show it. */
interface Footprint {
  id: number;
  slug: string;
  status: ArticleStatus;
  createdBy: number | null;
  publishedAt: string | null;
  sourceId: number | null;
  authorIds: number[];
  termIds: number[];
}

/**
 * Write side of articles. Each save validates everything first, then writes the article and its
 * links in one transaction (nothing half-written), then purges every page that showed it before or shows it now.
 */
export function createArticleWriter({ db, clock, onPurge, onArticleChange, embedHosts = [] }: Deps) {
  async function footprint(trx: Transaction<Database>, id: number): Promise<Footprint | undefined> {
    const row = await trx
      .selectFrom('articles')
      .select(['id', 'slug', 'status', 'created_by', 'published_at', 'source_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const [authors, terms] = await Promise.all([
      trx.selectFrom('article_authors').select('author_id').where('article_id', '=', id).execute(),
      trx.selectFrom('article_terms').select('term_id').where('article_id', '=', id).execute(),
    ]);
    return {
      id,
      slug: row.slug,
      status: row.status,
      createdBy: row.created_by,
      publishedAt: row.published_at,
      sourceId: row.source_id,
      authorIds: authors.map((a) => a.author_id),
      termIds: terms.map((t) => t.term_id),
    };
  }

  function purge(...prints: (Pick<Footprint, 'id' | 'publishedAt' | 'sourceId' | 'authorIds' | 'termIds'> | undefined)[]) {
    const keys = new Set([surrogateKeys.home, surrogateKeys.articleLists]);
    for (const p of prints) {
      if (!p) continue;
      keys.add(surrogateKeys.article(p.id));
      if (p.publishedAt) keys.add(surrogateKeys.archive(p.publishedAt));
      if (p.sourceId !== null) keys.add(surrogateKeys.source(p.sourceId));
      for (const id of p.authorIds) keys.add(surrogateKeys.author(id));
      for (const id of p.termIds) keys.add(surrogateKeys.term(id));
    }
    onPurge([...keys]);
  }

  /** Maps slugs to ids in the order given; a slug with no row is a 400 naming the field. */
  function idsInOrder(rows: { id: number; slug: string }[], slugs: string[], field: string, what: string): number[] {
    const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
    return slugs.map((slug) => {
      const id = bySlug.get(slug);
      if (id === undefined) throw new AppError('unknown_reference', `${field}: no ${what} "${slug}"`, 400, field);
      return id;
    });
  }

  async function resolveIds(trx: Transaction<Database>, table: 'authors' | 'sources', slugs: string[], field: string) {
    if (slugs.length === 0) return [];
    const rows = await trx.selectFrom(table).select(['id', 'slug']).where('slug', 'in', slugs).execute();
    return idsInOrder(rows, slugs, field, field.replace(/s$/, ''));
  }

  async function resolveTerms(trx: Transaction<Database>, kind: TermKind, slugs: string[], field: string) {
    if (slugs.length === 0) return [];
    const rows = await trx.selectFrom('terms').select(['id', 'slug']).where('kind', '=', kind).where('slug', 'in', slugs).execute();
    return idsInOrder(rows, slugs, field, kind);
  }

  /** The given slug if free; on create without one, a free slug from the title; on update, the current one. */
  async function chooseSlug(trx: Transaction<Database>, wanted: string | undefined, title: string, selfId?: number) {
    const taken = async (slug: string) => {
      const row = await trx.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirst();
      return row !== undefined && row.id !== selfId;
    };
    if (wanted) {
      if (await taken(wanted)) throw new AppError('slug_taken', `The slug "${wanted}" is already used`, 409, 'slug');
      return wanted;
    }
    // A published URL must not move because a headline was edited.
    if (selfId !== undefined) {
      const current = await trx.selectFrom('articles').select('slug').where('id', '=', selfId).executeTakeFirstOrThrow();
      return current.slug;
    }
    const base = slugify(title) || 'article';
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      if (!(await taken(candidate))) return candidate;
    }
  }

  async function write(input: unknown, existingId: number | undefined, options: WriteOptions): Promise<{ id: number; slug: string }> {
    const a = parseInput(articleInput, input);
    const bodyHtml = await sanitiseArticleHtml(a.bodyHtml, embedHosts);
    if (!bodyHtml) throw new AppError('invalid_input', 'bodyHtml: nothing is left once unsafe markup is removed', 400, 'bodyHtml');
    if (a.status === 'scheduled' && !a.publishedAt) {
      throw new AppError('invalid_input', 'publishedAt: a scheduled article needs a publication time', 400, 'publishedAt');
    }
    const now = clock.now().toISOString();

    let before: Footprint | undefined;
    const saved = await db.transaction().execute(async (trx) => {
      if (existingId !== undefined) {
        before = await footprint(trx, existingId);
        if (!before) throw notFound('article');
      }
      // Checked inside the transaction, against the row as it is now.
      options.guard?.(before ? { createdBy: before.createdBy, status: before.status } : null, a.status);
      // A repeated author is one byline; the link table's primary key would refuse it as a 500.
      const authorIds = [...new Set(await resolveIds(trx, 'authors', a.authors, 'authors'))];
      const [sourceId] = await resolveIds(trx, 'sources', a.source ? [a.source] : [], 'source');
      const termIds = [
        ...(await resolveTerms(trx, 'region', a.regions, 'regions')),
        ...(await resolveTerms(trx, 'theme', a.themes, 'themes')),
        ...(await resolveTerms(trx, 'dossier', a.dossier ? [a.dossier] : [], 'dossier')),
      ];
      const slug = await chooseSlug(trx, a.slug, a.title, existingId);
      const publishedAt = a.publishedAt
        ? new Date(a.publishedAt).toISOString()
        : a.status === 'published'
          ? (before?.publishedAt ?? now)
          : null;
      const values = {
        slug,
        kicker: a.kicker,
        title: a.title,
        dek: a.dek,
        body_html: bodyHtml,
        status: a.status,
        visibility: a.visibility,
        language: a.language,
        published_at: publishedAt,
        updated_at: now,
        image_url: a.image?.url ?? null,
        image_alt: a.image?.alt ?? '',
        image_caption: a.image?.caption ?? '',
        image_credit: a.image?.credit ?? '',
        image_srcset: a.image?.srcset ?? null,
        source_id: sourceId ?? null,
        original_url: a.originalUrl ?? null,
        note_to_readers: a.noteToReaders ?? null,
        newsletter_pick: a.newsletterPick ? 1 : 0,
        allow_republish: a.allowRepublish ? 1 : 0,
        comments_enabled: a.commentsEnabled ? 1 : 0,
        word_count: countWords(bodyHtml),
        // Going live, or queued to, ends a pending review.
        ...(a.status === 'draft' ? {} : { review_requested_at: null }),
      };
      let id: number;
      if (existingId === undefined) {
        const row = await trx
          .insertInto('articles')
          .values({ ...values, created_at: now, created_by: options.actorId ?? null })
          .returning('id')
          .executeTakeFirstOrThrow();
        id = row.id;
      } else {
        id = existingId;
        if (before && before.slug !== slug) await redirectOldSlug(trx, before.slug, slug, id);
        await trx.updateTable('articles').set(values).where('id', '=', id).execute();
        await trx.deleteFrom('article_authors').where('article_id', '=', id).execute();
        await trx.deleteFrom('article_terms').where('article_id', '=', id).execute();
      }
      await trx.insertInto('article_authors').values(authorIds.map((author_id, position) => ({ article_id: id, author_id, position }))).execute();
      const uniqueTermIds = [...new Set(termIds)];
      if (uniqueTermIds.length) {
        await trx.insertInto('article_terms').values(uniqueTermIds.map((term_id) => ({ article_id: id, term_id }))).execute();
      }
      const snapshot: ArticleSnapshot = { ...a, slug, bodyHtml, publishedAt: publishedAt ?? undefined };
      await trx
        .insertInto('article_revisions')
        .values({ article_id: id, actor_id: options.actorId ?? null, snapshot: JSON.stringify(snapshot), created_at: now })
        .execute();
      await options.within?.(trx, { id, slug });
      return { id, slug, after: { id, publishedAt, sourceId: sourceId ?? null, authorIds, termIds: uniqueTermIds } };
    });
    purge(before, saved.after);
    if (options.announce !== false) await onArticleChange?.([saved.id]);
    return { id: saved.id, slug: saved.slug };
  }

  /** The old URL keeps working: it answers 301 to the new one. A slug taken back by its article stops redirecting. */
  async function redirectOldSlug(trx: Transaction<Database>, oldSlug: string, newSlug: string, id: number) {
    await trx.deleteFrom('slug_redirects').where('old_slug', 'in', [oldSlug, newSlug]).execute();
    await trx.insertInto('slug_redirects').values({ old_slug: oldSlug, article_id: id }).execute();
  }

  return {
    /** Creates an article from the staff API shape; the slug comes from the title when not given. */
    create: (input: unknown, options: WriteOptions = {}) => write(input, undefined, options),
    /** Replaces an article's fields and links; its publication time and slug are kept unless given. */
    update: (id: number, input: unknown, options: WriteOptions = {}) => write(input, id, options),
    async remove(id: number, options: Pick<WriteOptions, 'guard'> = {}): Promise<void> {
      const before = await db.transaction().execute(async (trx) => {
        const print = await footprint(trx, id);
        if (!print) throw notFound('article');
        options.guard?.({ createdBy: print.createdBy, status: print.status }, print.status);
        await trx.deleteFrom('articles').where('id', '=', id).execute();
        return print;
      });
      purge(before);
      await onArticleChange?.([id]);
    },
    /** Marks a draft as waiting for an editor's review. */
    async requestReview(id: number, options: Pick<WriteOptions, 'guard'> = {}): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const print = await footprint(trx, id);
        if (!print) throw notFound('article');
        options.guard?.({ createdBy: print.createdBy, status: print.status }, print.status);
        if (print.status !== 'draft') throw new AppError('not_a_draft', 'Only a draft can be submitted for review', 409);
        await trx.updateTable('articles').set({ review_requested_at: clock.now().toISOString() }).where('id', '=', id).execute();
      });
    },

    /**
     * Publishes every scheduled article whose time has come. Each is claimed by a conditional update,
     * so several processes running this at once publish each article exactly once.
     */
    async publishDue(): Promise<number[]> {
      const at = clock.now().toISOString();
      const due = await db.selectFrom('articles').select('id').where('status', '=', 'scheduled').where('published_at', '<=', at).execute();
      const published: number[] = [];
      for (const { id } of due) {
        const print = await db.transaction().execute(async (trx) => {
          const claimed = await trx
            .updateTable('articles')
            .set({ status: 'published', updated_at: at, review_requested_at: null })
            .where('id', '=', id)
            .where('status', '=', 'scheduled')
            .executeTakeFirst();
          return Number(claimed.numUpdatedRows) === 1 ? footprint(trx, id) : undefined;
        });
        if (print) {
          purge(print);
          published.push(id);
        }
      }
      if (published.length) await onArticleChange?.(published);
      return published;
    },

    /** When the next scheduled article is due, if any. */
    async nextDue(): Promise<string | undefined> {
      const row = await db
        .selectFrom('articles')
        .select((eb) => eb.fn.min('published_at').as('next'))
        .where('status', '=', 'scheduled')
        .executeTakeFirst();
      return row?.next ?? undefined;
    },

    /** Tells the change listeners about articles saved with `announce: false`. */
    async announce(ids: number[]): Promise<void> {
      if (ids.length) await onArticleChange?.(ids);
    },

    async idBySlug(slug: string): Promise<number | undefined> {
      const row = await db.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirst();
      return row?.id;
    },
  };
}

export type ArticleWriter = ReturnType<typeof createArticleWriter>;
