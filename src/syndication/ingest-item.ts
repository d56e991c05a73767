import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { ContentService } from '../content/index.js';
import type { Database, SyndicatedItemsTable } from '../db/schema.js';
import { articleFromItem, refreshedArticle } from './article-from-item.js';
import { hasImages, type ImageLocaliser, type ItemImage } from './localise-images.js';
import { prepareEntry, type PreparedEntry } from './prepare-feed.js';

/** What a poll knows about the feed an item came from. */
export interface FeedContext {
  sourceId: number;
  sourceSlug: string;
  sourceName: string;
  mode: 'review' | 'auto';
  authorSlug: string | null;
  regionSlug: string | null;
  themeSlug: string | null;
  fetchFullText: boolean;
  feedLanguage: string | null;
}

/** What became of one item: a new article, a new queue entry, a repeat, an update, or nothing new. */
export type IngestOutcome = 'imported' | 'queued' | 'duplicate' | 'updated' | 'unchanged';

/**
 * The outcome, and the article written if any. Articles are saved without telling the change
 * listeners (search): the poller announces them in batches, which indexes far faster.
 */
export interface Ingested {
  outcome: IngestOutcome;
  articleId?: number;
}

/** An item cleaned and identified, ready to store. */
export interface PreparedItem {
  guid: string;
  guidHash: string;
  canonicalUrl: string | null;
  fingerprint: string | null;
  versionHash: string;
  originalUrl: string | null;
  title: string;
  dek: string;
  bodyHtml: string;
  /** The lead image, in our media library, when the body does not already show it. */
  image: ItemImage | null;
  authorNames: string[];
  language: string | null;
  publishedAt: string | null;
}

interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  content: ContentService;
  embedHosts: readonly string[];
  /** The article body of a partner's web page, for feeds that carry only summaries; null when it can't be had. */
  fullText: (url: string) => Promise<string | null>;
  images: ImageLocaliser;
}

/**
 * Files one partner item: dedupes it by GUID, by canonical URL and by content fingerprint (across
 * every source), keeps updates of known items (an imported article gets a new revision), and either
 * queues a new item for review or, for auto-publishing feeds, publishes it. Each outcome is written
 * in one transaction with the article it touches.
 */
export function createItemIngester(deps: Deps) {
  const { db, clock, content } = deps;

  /** Partner images moved into our media library; an item without any costs no query and no download. */
  async function withLocalImages(feed: FeedContext, partnerHtml: string, leadUrl: string | null, title: string) {
    if (!leadUrl && !hasImages(partnerHtml)) return { bodyHtml: partnerHtml, image: null };
    const source = await content.directory.sourceBySlug(feed.sourceSlug);
    const credit = source?.copyrightHolder ?? feed.sourceName;
    return deps.images.localise(partnerHtml, leadUrl, { sourceName: feed.sourceName, credit, itemTitle: title });
  }

  /** Completes an entry the feed reader prepared: the partner's page for summary-only feeds, then images. */
  async function complete(feed: FeedContext, entry: PreparedEntry): Promise<PreparedItem> {
    const { item } = entry;
    const fullHtml = !item.contentHtml && feed.fetchFullText && item.url ? await deps.fullText(item.url) : null;
    const e = fullHtml ? { ...entry, ...(await prepareEntry(item, deps.embedHosts, fullHtml)) } : entry;
    const { bodyHtml, image } = await withLocalImages(feed, e.partnerHtml, item.imageUrl, e.title);
    return {
      guid: e.guid,
      guidHash: e.guidHash,
      canonicalUrl: e.canonicalUrl,
      // From the partner's own HTML: our media URLs differ per copy, the partner's article does not.
      fingerprint: e.fingerprint,
      versionHash: e.versionHash,
      originalUrl: item.url,
      title: e.title,
      dek: e.dek,
      bodyHtml,
      image,
      authorNames: item.authorNames.slice(0, 20),
      language: item.language ?? feed.feedLanguage,
      publishedAt: item.publishedAt,
    };
  }

  const itemValues = (p: PreparedItem, now: string) => ({
    canonical_url: p.canonicalUrl,
    fingerprint: p.fingerprint,
    version_hash: p.versionHash,
    original_url: p.originalUrl,
    title: p.title,
    dek: p.dek,
    body_html: p.bodyHtml,
    image: p.image ? JSON.stringify(p.image) : null,
    author_names: JSON.stringify(p.authorNames),
    language: p.language,
    published_at: p.publishedAt,
    updated_at: now,
  });

  function insertItem(trx: Kysely<Database> | Transaction<Database>, feed: FeedContext, p: PreparedItem, status: SyndicatedItemsTable['status'], extra: { article_id?: number; duplicate_of?: number } = {}) {
    const now = clock.now().toISOString();
    return trx
      .insertInto('syndicated_items')
      .values({ source_id: feed.sourceId, guid_hash: p.guidHash, guid: p.guid, status, first_seen_at: now, ...itemValues(p, now), ...extra })
      .execute();
  }

  /** The item this one repeats: the same canonical URL or the same content, from any source. */
  async function findOriginal(p: PreparedItem) {
    // One indexed lookup per key: an OR of the two lets SQLite walk the whole table in id order.
    const first = (column: 'canonical_url' | 'fingerprint', value: string) =>
      db
        .selectFrom('syndicated_items')
        .select(['id', 'status', 'article_id', 'fingerprint', 'canonical_url', 'version_hash'])
        .where(column, '=', value)
        .where('status', '!=', 'duplicate')
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
    return (p.canonicalUrl ? await first('canonical_url', p.canonicalUrl) : undefined) ?? (p.fingerprint ? await first('fingerprint', p.fingerprint) : undefined);
  }

  /** A known item changed at the partner: our copy follows, an imported article through a new revision. Gives the article's id when it changed. */
  async function applyUpdate(existing: Pick<Selectable<SyndicatedItemsTable>, 'id' | 'status' | 'article_id'>, p: PreparedItem): Promise<number | undefined> {
    const now = clock.now().toISOString();
    // A rejected item that changed deserves a second look; a blocked one never comes back.
    const status = existing.status === 'rejected' ? 'pending' : existing.status;
    const writeRow = (trx: Kysely<Database> | Transaction<Database>) =>
      trx.updateTable('syndicated_items').set({ ...itemValues(p, now), status }).where('id', '=', existing.id).execute();
    const current = existing.status === 'imported' && existing.article_id !== null ? await content.editorial.editable(existing.article_id) : undefined;
    if (!current) return void (await writeRow(db));
    await content.editor.update(current.id, refreshedArticle(current.snapshot, p), { announce: false, within: (trx) => writeRow(trx).then(() => undefined) });
    return current.id;
  }

  return {
    async ingest(feed: FeedContext, entry: PreparedEntry): Promise<Ingested> {
      const existing = await db
        .selectFrom('syndicated_items')
        .select(['id', 'status', 'article_id', 'version_hash'])
        .where('source_id', '=', feed.sourceId)
        .where('guid_hash', '=', entry.guidHash)
        .executeTakeFirst();
      if (existing?.version_hash === entry.versionHash) return { outcome: 'unchanged' };

      const p = await complete(feed, entry);
      if (existing) return { outcome: 'updated', articleId: await applyUpdate(existing, p) };

      const original = await findOriginal(p);
      if (original) {
        // The same address with different words is the partner re-issuing its article: keep ours current.
        // The update goes first, so a crash in between leaves the repeat to be noticed again next time.
        const reissued = original.canonical_url === p.canonicalUrl && original.fingerprint !== p.fingerprint && original.status !== 'blocked';
        const articleId = reissued ? await applyUpdate(original, p) : undefined;
        await insertItem(db, feed, p, 'duplicate', { duplicate_of: original.id });
        return reissued ? { outcome: 'updated', articleId } : { outcome: 'duplicate' };
      }

      if (feed.mode === 'auto' && feed.authorSlug) {
        const input = articleFromItem(p, feed, { status: 'published', now: clock.now() });
        const saved = await content.editor.create(input, {
          announce: false,
          within: (trx, saved) => insertItem(trx, feed, p, 'imported', { article_id: saved.id }).then(() => undefined),
        });
        return { outcome: 'imported', articleId: saved.id };
      }
      await insertItem(db, feed, p, 'pending');
      return { outcome: 'queued' };
    },
  };
}

export type ItemIngester = ReturnType<typeof createItemIngester>;
