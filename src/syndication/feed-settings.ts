import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { ContentService } from '../content/index.js';
import { sourceInput } from '../content/inputs.js';
import { slugSchema } from '../content/slug.js';
import type { Database, FeedMode, SyndicationFeedsTable } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { parseInput } from '../parse-input.js';

/** A partner feed's settings as the admin form, the CLI and OPML import give them. */
export const feedInput = z.strictObject({
  source: slugSchema,
  feedUrl: z.url({ protocol: /^https?$/, error: 'Must be an absolute http(s) URL' }).max(2000),
  pollMinutes: z.coerce.number({ error: 'A number of minutes' }).int('A whole number of minutes').min(5, 'At least 5 minutes').max(10_080, 'At most a week (10080 minutes)').default(60),
  mode: z.enum(['review', 'auto'], { error: 'review or auto' }).default('review'),
  defaultAuthor: slugSchema.nullable().default(null),
  defaultRegion: slugSchema.nullable().default(null),
  defaultTheme: slugSchema.nullable().default(null),
  fetchFullText: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type FeedInput = z.input<typeof feedInput>;

/** A partner feed with what its polls found, for the status page and `sources list`. */
export interface FeedStatus {
  sourceId: number;
  sourceSlug: string;
  sourceName: string;
  feedUrl: string;
  pollMinutes: number;
  mode: FeedMode;
  defaultAuthor: string | null;
  defaultRegion: string | null;
  defaultTheme: string | null;
  fetchFullText: boolean;
  active: boolean;
  nextPollAt: string;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  failures: number;
  lastFormat: string | null;
  lastWarnings: string[];
  itemsSeen: number;
  itemsImported: number;
}

/** Reads and writes partner feed settings. Authors and terms are named by slug outside, stored by id. */
export function createFeedSettings(deps: { db: Kysely<Database>; clock: Clock; content: ContentService }) {
  const { db, clock, content } = deps;

  async function slugMaps() {
    const [authors, terms, sources] = await Promise.all([
      content.directory.listAuthors(),
      content.directory.listTerms(),
      content.directory.listSources(),
    ]);
    return {
      author: new Map(authors.map((a) => [a.id, a.slug])),
      term: new Map(terms.map((t) => [t.id, t.slug])),
      source: new Map(sources.map((s) => [s.id, s])),
    };
  }

  function toStatus(row: Selectable<SyndicationFeedsTable>, maps: Awaited<ReturnType<typeof slugMaps>>): FeedStatus {
    const source = maps.source.get(row.source_id);
    const slugOf = (map: Map<number, string>, id: number | null) => (id === null ? null : (map.get(id) ?? null));
    return {
      sourceId: row.source_id,
      sourceSlug: source?.slug ?? '',
      sourceName: source?.name ?? '',
      feedUrl: row.feed_url,
      pollMinutes: row.poll_minutes,
      mode: row.mode,
      defaultAuthor: slugOf(maps.author, row.default_author_id),
      defaultRegion: slugOf(maps.term, row.default_region_id),
      defaultTheme: slugOf(maps.term, row.default_theme_id),
      fetchFullText: row.fetch_full_text === 1,
      active: row.active === 1,
      nextPollAt: row.next_poll_at,
      lastPolledAt: row.last_polled_at,
      lastSuccessAt: row.last_success_at,
      lastError: row.last_error,
      lastErrorAt: row.last_error_at,
      failures: row.failures,
      lastFormat: row.last_format,
      lastWarnings: JSON.parse(row.last_warnings) as string[],
      itemsSeen: row.items_seen,
      itemsImported: row.items_imported,
    };
  }

  /** Checks a feed's settings and resolves the slugs it names, but for its source: a bad one is a 400 naming its field. */
  async function check(input: unknown) {
    const f = parseInput(feedInput, input);
    const author = f.defaultAuthor ? await content.directory.authorBySlug(f.defaultAuthor) : undefined;
    if (f.defaultAuthor && !author) throw new AppError('invalid_input', `defaultAuthor: no author "${f.defaultAuthor}"`, 400, 'defaultAuthor');
    if (f.mode === 'auto' && !author) {
      throw new AppError('invalid_input', 'defaultAuthor: auto-publishing needs a default author for the byline', 400, 'defaultAuthor');
    }
    const region = f.defaultRegion ? await content.directory.termBySlug('region', f.defaultRegion) : undefined;
    if (f.defaultRegion && !region) throw new AppError('invalid_input', `defaultRegion: no region "${f.defaultRegion}"`, 400, 'defaultRegion');
    const theme = f.defaultTheme ? await content.directory.termBySlug('theme', f.defaultTheme) : undefined;
    if (f.defaultTheme && !theme) throw new AppError('invalid_input', `defaultTheme: no theme "${f.defaultTheme}"`, 400, 'defaultTheme');
    return { f, authorId: author?.id ?? null, regionId: region?.id ?? null, themeId: theme?.id ?? null };
  }

  async function write(checked: Awaited<ReturnType<typeof check>>) {
    const { f } = checked;
    const source = await content.directory.sourceBySlug(f.source);
    if (!source) throw new AppError('invalid_input', `source: no partner source "${f.source}"`, 400, 'source');
    const now = clock.now().toISOString();
    const before = await db.selectFrom('syndication_feeds').select('feed_url').where('source_id', '=', source.id).executeTakeFirst();
    const values = {
      feed_url: f.feedUrl,
      poll_minutes: f.pollMinutes,
      mode: f.mode,
      default_author_id: checked.authorId,
      default_region_id: checked.regionId,
      default_theme_id: checked.themeId,
      fetch_full_text: f.fetchFullText ? 1 : 0,
      active: f.active ? 1 : 0,
      updated_at: now,
    };
    // A different address is a different feed: its validators and failure count no longer apply.
    const repointed = before?.feed_url !== f.feedUrl ? { etag: null, last_modified: null, failures: 0, next_poll_at: now } : {};
    await db
      .insertInto('syndication_feeds')
      .values({ source_id: source.id, ...values, next_poll_at: now, created_at: now })
      .onConflict((oc) => oc.column('source_id').doUpdateSet({ ...values, ...repointed }))
      .execute();
    return source.id;
  }

  return {
    /** Creates or replaces a source's feed settings; a new or re-pointed feed is polled soon after. */
    async save(input: unknown): Promise<FeedStatus> {
      return (await this.get(await write(await check(input))))!;
    },

    /**
     * Adds partner sources with their feeds (the CLI's `sources add`, OPML import). Every entry is
     * checked before the first is written, so a bad one leaves the directory as it was.
     */
    async addSources(entries: { source: unknown; feed: Record<string, unknown> }[]): Promise<FeedStatus[]> {
      const checked = [];
      const slugs = new Set<string>();
      for (const [i, entry] of entries.entries()) {
        const where = entries.length > 1 ? `entry ${i + 1}: ` : '';
        try {
          const source = parseInput(sourceInput, entry.source);
          if (slugs.has(source.slug)) throw new AppError('invalid_input', `slug: "${source.slug}" appears twice`, 400, 'slug');
          if (await content.directory.sourceBySlug(source.slug)) throw new AppError('slug_taken', `slug: a partner source "${source.slug}" already exists`, 409, 'slug');
          slugs.add(source.slug);
          checked.push({ source, feed: await check({ ...entry.feed, source: source.slug }) });
        } catch (error) {
          if (error instanceof AppError) throw new AppError(error.code, where + error.message, error.status, error.field);
          throw error;
        }
      }
      const added: FeedStatus[] = [];
      for (const entry of checked) {
        await content.directory.saveSource(entry.source);
        added.push((await this.get(await write(entry.feed)))!);
      }
      return added;
    },

    async get(sourceId: number): Promise<FeedStatus | undefined> {
      const row = await db.selectFrom('syndication_feeds').selectAll().where('source_id', '=', sourceId).executeTakeFirst();
      return row && toStatus(row, await slugMaps());
    },

    async bySourceSlug(slug: string): Promise<FeedStatus> {
      const source = await content.directory.sourceBySlug(slug);
      const feed = source && (await this.get(source.id));
      if (!feed) throw notFound(`partner feed for "${slug}"`);
      return feed;
    },

    async list(): Promise<FeedStatus[]> {
      const [rows, maps] = await Promise.all([db.selectFrom('syndication_feeds').selectAll().execute(), slugMaps()]);
      return rows.map((r) => toStatus(r, maps)).sort((a, b) => a.sourceName.localeCompare(b.sourceName));
    },
  };
}

export type FeedSettings = ReturnType<typeof createFeedSettings>;
