import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { ContentService } from '../content/index.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { FeedSettings, FeedStatus } from './feed-settings.js';
import { FetchError, fetchUrl, type FetchLimits } from './fetch-url.js';
import type { FeedContext, IngestOutcome, ItemIngester } from './ingest-item.js';
import { FeedParseError } from './parse/types.js';
import type { PreparePool } from './prepare-pool.js';

/** What one poll of one feed did, for the CLI, the "poll now" button and the tests. */
export interface PollReport {
  source: string;
  ok: boolean;
  notModified: boolean;
  counts: Record<IngestOutcome | 'failed', number>;
  /** In plain words, when the poll failed. */
  error: string | null;
  warnings: string[];
}

interface LogLike {
  error(obj: object, msg: string): void;
}

/** A poll holds its feed this long at most; a process that dies mid-poll frees it when this runs out. */
const LEASE_MS = 30 * 60_000;
const MAX_BACKOFF_MS = 24 * 60 * 60_000;
/** Feeds polled at once: a partner that hangs holds one slot, never the others. */
const CONCURRENCY = 4;
/** Articles written are handed to the change listeners (search) this many at a time. */
const ANNOUNCE_BATCH = 50;

const emptyCounts = (): PollReport['counts'] => ({ imported: 0, queued: 0, duplicate: 0, updated: 0, unchanged: 0, failed: 0 });

/**
 * Polls partner feeds: conditional GET, parse, file each item. The feeds table is the queue — a due
 * feed is claimed with a conditional update, so each poll runs in one process only, and a failure
 * backs the next attempt off (doubling, at most a day) with the reason kept for the status page.
 */
export function createFeedPoller(deps: {
  db: Kysely<Database>;
  clock: Clock;
  feeds: FeedSettings;
  ingester: ItemIngester;
  /** Parses and cleans fetched feeds off the main thread. */
  reader: PreparePool;
  embedHosts: readonly string[];
  content: ContentService;
  limits: FetchLimits;
  log: LogLike;
}) {
  const { db, clock } = deps;
  const iso = (ms: number) => new Date(ms).toISOString();

  /** Takes the feed for this process, unless another holds it (or, without `force`, it is not yet due). */
  async function claim(sourceId: number, force: boolean): Promise<boolean> {
    const now = clock.now().getTime();
    let q = db
      .updateTable('syndication_feeds')
      .set({ lease_until: iso(now + LEASE_MS) })
      .where('source_id', '=', sourceId)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', iso(now))]));
    if (!force) q = q.where('active', '=', 1).where('next_poll_at', '<=', iso(now));
    const result = await q.executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  function contextOf(feed: FeedStatus, language: string | null): FeedContext {
    return {
      sourceId: feed.sourceId,
      sourceSlug: feed.sourceSlug,
      sourceName: feed.sourceName,
      mode: feed.mode,
      authorSlug: feed.defaultAuthor,
      regionSlug: feed.defaultRegion,
      themeSlug: feed.defaultTheme,
      fetchFullText: feed.fetchFullText,
      feedLanguage: language,
    };
  }

  async function fetchAndFile(feed: FeedStatus, report: PollReport) {
    const validators = await db.selectFrom('syndication_feeds').select(['etag', 'last_modified']).where('source_id', '=', feed.sourceId).executeTakeFirstOrThrow();
    const outcome = await fetchUrl(feed.feedUrl, deps.limits, { etag: validators.etag, lastModified: validators.last_modified });
    if (outcome.kind === 'not_modified') {
      report.notModified = true;
      return { etag: validators.etag, lastModified: validators.last_modified, format: null };
    }
    const parsed = await deps.reader.prepare({ body: outcome.body, url: outcome.url, contentType: outcome.contentType, embedHosts: deps.embedHosts });
    report.warnings.push(...parsed.warnings);
    const context = contextOf(feed, parsed.language);
    const failures: string[] = [];
    const written: number[] = [];
    const announce = () => deps.content.editor.announce(written.splice(0));
    // Oldest first, so articles published from one poll are numbered in the order they appeared.
    for (const entry of [...parsed.entries].reverse()) {
      // SQLite answers synchronously, so a feed's items could run as one unbroken chain of promises:
      // between items, let waiting page requests be served.
      await new Promise((resolve) => setImmediate(resolve));
      try {
        const { outcome, articleId } = await deps.ingester.ingest(context, entry);
        report.counts[outcome]++;
        if (articleId !== undefined) written.push(articleId);
        if (written.length >= ANNOUNCE_BATCH) await announce();
      } catch (error) {
        // One bad item costs that item only. Expected refusals (too long, nothing left once cleaned) are told as they are.
        report.counts.failed++;
        if (!(error instanceof AppError)) deps.log.error({ err: error, source: feed.sourceSlug, guid: entry.guid }, 'could not file a partner item');
        failures.push(`"${entry.title.slice(0, 80)}": ${error instanceof AppError ? error.message : 'an internal error (logged on the server)'}`);
      }
    }
    await announce();
    if (failures.length) report.warnings.push(`${failures.length} item(s) could not be filed: ${failures.slice(0, 5).join('; ')}`);
    return { etag: outcome.etag, lastModified: outcome.lastModified, format: parsed.format };
  }

  async function poll(feed: FeedStatus): Promise<PollReport> {
    const report: PollReport = { source: feed.sourceSlug, ok: true, notModified: false, counts: emptyCounts(), error: null, warnings: [] };
    const started = clock.now().toISOString();
    try {
      const got = await fetchAndFile(feed, report);
      const now = clock.now();
      const added = report.counts.imported + report.counts.queued + report.counts.duplicate;
      await db
        .updateTable('syndication_feeds')
        .set((eb) => ({
          etag: got.etag,
          last_modified: got.lastModified,
          ...(got.format ? { last_format: got.format, last_warnings: JSON.stringify(report.warnings.slice(0, 20)) } : {}),
          last_polled_at: started,
          last_success_at: now.toISOString(),
          last_error: null,
          failures: 0,
          items_seen: eb('items_seen', '+', added),
          items_imported: eb('items_imported', '+', report.counts.imported),
          next_poll_at: iso(now.getTime() + feed.pollMinutes * 60_000),
          lease_until: null,
        }))
        .where('source_id', '=', feed.sourceId)
        .execute();
    } catch (error) {
      report.ok = false;
      report.error =
        error instanceof FetchError || error instanceof FeedParseError ? error.message : 'Broadsheet could not read this feed because of an internal error (logged on the server)';
      if (!(error instanceof FetchError || error instanceof FeedParseError)) deps.log.error({ err: error, source: feed.sourceSlug }, 'partner feed poll failed');
      const now = clock.now();
      const failures = feed.failures + 1;
      const wait = Math.min(feed.pollMinutes * 60_000 * 2 ** Math.min(failures, 10), MAX_BACKOFF_MS);
      await db
        .updateTable('syndication_feeds')
        .set({
          last_polled_at: started,
          last_error: report.error,
          last_error_at: now.toISOString(),
          failures,
          next_poll_at: iso(now.getTime() + wait),
          lease_until: null,
        })
        .where('source_id', '=', feed.sourceId)
        .execute();
    }
    return report;
  }

  async function claimAndPoll(sourceId: number, force: boolean): Promise<PollReport | undefined> {
    if (!(await claim(sourceId, force))) return undefined;
    const feed = await deps.feeds.get(sourceId);
    return feed && poll(feed);
  }

  return {
    /** Polls one feed now, due or not; refuses while another process is polling it. */
    async pollNow(sourceSlug: string): Promise<PollReport> {
      const feed = await deps.feeds.bySourceSlug(sourceSlug);
      const report = await claimAndPoll(feed.sourceId, true);
      if (!report) throw new AppError('poll_in_progress', `The feed of "${sourceSlug}" is being polled right now; try again in a moment`, 409);
      return report;
    },

    /** Polls every active feed (for `broadsheet sources poll`): due or not. */
    async pollAll(): Promise<PollReport[]> {
      const ids = (await db.selectFrom('syndication_feeds').select('source_id').where('active', '=', 1).execute()).map((r) => r.source_id);
      return inBatches(ids, (id) => claimAndPoll(id, true));
    },

    /** The scheduled task: polls whatever is due, then says when the next feed is. */
    async pollDue(): Promise<{ nextDueAt?: string }> {
      const now = clock.now().toISOString();
      const due = await db
        .selectFrom('syndication_feeds')
        .select('source_id')
        .where('active', '=', 1)
        .where('next_poll_at', '<=', now)
        .orderBy('next_poll_at')
        .limit(50)
        .execute();
      await inBatches(due.map((r) => r.source_id), (id) => claimAndPoll(id, false));
      const next = await db.selectFrom('syndication_feeds').select((eb) => eb.fn.min('next_poll_at').as('next')).where('active', '=', 1).executeTakeFirst();
      return next?.next ? { nextDueAt: next.next } : {};
    },
  };
}

/** Runs `work` over the ids, CONCURRENCY at a time, keeping the results that came back. */
async function inBatches<T>(ids: number[], work: (id: number) => Promise<T | undefined>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const result = await work(ids[next++]!);
      if (result !== undefined) results.push(result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker));
  return results;
}

export type FeedPoller = ReturnType<typeof createFeedPoller>;
