import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database, TermKind } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { articleInput, parseInput } from './inputs.js';
import { countWords, sanitiseArticleHtml } from './sanitise-html.js';
import { slugify } from './slug.js';
import { surrogateKeys, type PurgeListener } from './surrogate-keys.js';

interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  onPurge: PurgeListener;
}

/** What an article touched before or after a change: every page that may show it. */
interface Footprint {
  id: number;
  publishedAt: string | null;
  sourceId: number | null;
  authorIds: number[];
  termIds: number[];
}

/**
 * Write side of articles. Each save validates everything first, then writes the article and its
 * links in one transaction (nothing half-written), then purges every page that showed it before or shows it now.
 */
export function createArticleWriter({ db, clock, onPurge }: Deps) {
  async function footprint(trx: Transaction<Database>, id: number): Promise<Footprint | undefined> {
    const row = await trx.selectFrom('articles').select(['id', 'published_at', 'source_id']).where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const [authors, terms] = await Promise.all([
      trx.selectFrom('article_authors').select('author_id').where('article_id', '=', id).execute(),
      trx.selectFrom('article_terms').select('term_id').where('article_id', '=', id).execute(),
    ]);
    return {
      id,
      publishedAt: row.published_at,
      sourceId: row.source_id,
      authorIds: authors.map((a) => a.author_id),
      termIds: terms.map((t) => t.term_id),
    };
  }

  function purge(...prints: (Footprint | undefined)[]) {
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
    const base = slugify(title);
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      if (!(await taken(candidate))) return candidate;
    }
  }

  async function write(input: unknown, existingId?: number): Promise<{ id: number; slug: string }> {
    const a = parseInput(articleInput, input);
    const bodyHtml = await sanitiseArticleHtml(a.bodyHtml);
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
        source_id: sourceId ?? null,
        original_url: a.originalUrl ?? null,
        note_to_readers: a.noteToReaders ?? null,
        newsletter_pick: a.newsletterPick ? 1 : 0,
        word_count: countWords(bodyHtml),
      };
      let id: number;
      if (existingId === undefined) {
        const row = await trx.insertInto('articles').values({ ...values, created_at: now }).returning('id').executeTakeFirstOrThrow();
        id = row.id;
      } else {
        id = existingId;
        await trx.updateTable('articles').set(values).where('id', '=', id).execute();
        await trx.deleteFrom('article_authors').where('article_id', '=', id).execute();
        await trx.deleteFrom('article_terms').where('article_id', '=', id).execute();
      }
      await trx.insertInto('article_authors').values(authorIds.map((author_id, position) => ({ article_id: id, author_id, position }))).execute();
      const uniqueTermIds = [...new Set(termIds)];
      if (uniqueTermIds.length) {
        await trx.insertInto('article_terms').values(uniqueTermIds.map((term_id) => ({ article_id: id, term_id }))).execute();
      }
      return { id, slug, after: { id, publishedAt, sourceId: sourceId ?? null, authorIds, termIds: uniqueTermIds } };
    });
    purge(before, saved.after);
    return { id: saved.id, slug: saved.slug };
  }

  return {
    /** Creates an article from the staff API shape; the slug comes from the title when not given. */
    create: (input: unknown) => write(input),
    /** Replaces an article's fields and links; its publication time is kept unless given. */
    update: (id: number, input: unknown) => write(input, id),
    async remove(id: number): Promise<void> {
      const before = await db.transaction().execute(async (trx) => {
        const print = await footprint(trx, id);
        if (!print) throw notFound('article');
        await trx.deleteFrom('articles').where('id', '=', id).execute();
        return print;
      });
      purge(before);
    },
    async idBySlug(slug: string): Promise<number | undefined> {
      const row = await db.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirst();
      return row?.id;
    },
  };
}

export type ArticleWriter = ReturnType<typeof createArticleWriter>;
