import { createHash } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { ContentService } from '../content/index.js';
import type { Database, SyndicatedItemsTable } from '../db/schema.js';
import { articleFromItem, refreshedArticle } from './article-from-item.js';
import { canonicalArticleUrl, contentFingerprint, itemVersionHash } from './item-identity.js';
import { hasImages, type ImageLocaliser, type ItemImage } from './localise-images.js';
import type { ParsedItem } from './parse/types.js';
import { partnerText, sanitisePartnerHtml } from './partner-html.js';

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

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

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

  async function prepare(feed: FeedContext, item: ParsedItem, guid: string, versionHash: string): Promise<PreparedItem> {
    let html = item.contentHtml;
    if (!html && feed.fetchFullText && item.url) html = (await deps.fullText(item.url)) ?? '';
    const partnerHtml = await sanitisePartnerHtml(html || item.summaryHtml, { baseUrl: item.baseUrl, embedHosts: deps.embedHosts });
    const title = partnerText(item.title, 300) || partnerText(item.summaryHtml, 120) || 'Untitled';
    const { bodyHtml, image } = await withLocalImages(feed, partnerHtml, item.imageUrl, title);
    return {
      guid,
      guidHash: sha256(guid),
      canonicalUrl: item.url ? canonicalArticleUrl(item.url) : null,
      // From the partner's own HTML: our media URLs differ per copy, the partner's article does not.
      fingerprint: contentFingerprint(title, partnerHtml),
      versionHash,
      originalUrl: item.url,
      title,
      // With the full text as the body, the feed's summary becomes the standfirst.
      dek: html ? partnerText(item.summaryHtml, 1000) : '',
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
    if (!p.canonicalUrl && !p.fingerprint) return undefined;
    return db
      .selectFrom('syndicated_items')
      .select(['id', 'status', 'article_id', 'fingerprint', 'canonical_url', 'version_hash'])
      .where('status', '!=', 'duplicate')
      .where((eb) =>
        eb.or([
          ...(p.canonicalUrl ? [eb('canonical_url', '=', p.canonicalUrl)] : []),
          ...(p.fingerprint ? [eb('fingerprint', '=', p.fingerprint)] : []),
        ]),
      )
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
  }

  /** A known item changed at the partner: our copy follows, an imported article through a new revision. */
  async function applyUpdate(existing: Pick<Selectable<SyndicatedItemsTable>, 'id' | 'status' | 'article_id'>, p: PreparedItem) {
    const now = clock.now().toISOString();
    // A rejected item that changed deserves a second look; a blocked one never comes back.
    const status = existing.status === 'rejected' ? 'pending' : existing.status;
    const writeRow = (trx: Kysely<Database> | Transaction<Database>) =>
      trx.updateTable('syndicated_items').set({ ...itemValues(p, now), status }).where('id', '=', existing.id).execute();
    const current = existing.status === 'imported' && existing.article_id !== null ? await content.editorial.editable(existing.article_id) : undefined;
    if (!current) return void (await writeRow(db));
    await content.editor.update(current.id, refreshedArticle(current.snapshot, p), { within: (trx) => writeRow(trx).then(() => undefined) });
  }

  return {
    async ingest(feed: FeedContext, item: ParsedItem): Promise<IngestOutcome> {
      const raw = {
        title: item.title,
        url: item.url,
        summary: item.summaryHtml,
        content: item.contentHtml,
        publishedAt: item.publishedAt,
        updatedAt: item.updatedAt,
        authors: item.authorNames,
      };
      const versionHash = itemVersionHash(raw);
      // Without a GUID the link identifies the item; without either, what it says does.
      const guid = item.guid ?? item.url ?? `content:${itemVersionHash({ title: item.title, summary: item.summaryHtml, content: item.contentHtml })}`;
      const existing = await db
        .selectFrom('syndicated_items')
        .select(['id', 'status', 'article_id', 'version_hash'])
        .where('source_id', '=', feed.sourceId)
        .where('guid_hash', '=', sha256(guid))
        .executeTakeFirst();
      if (existing?.version_hash === versionHash) return 'unchanged';

      const p = await prepare(feed, item, guid, versionHash);
      if (existing) {
        await applyUpdate(existing, p);
        return 'updated';
      }

      const original = await findOriginal(p);
      if (original) {
        // The same address with different words is the partner re-issuing its article: keep ours current.
        // The update goes first, so a crash in between leaves the repeat to be noticed again next time.
        const reissued = original.canonical_url === p.canonicalUrl && original.fingerprint !== p.fingerprint && original.status !== 'blocked';
        if (reissued) await applyUpdate(original, p);
        await insertItem(db, feed, p, 'duplicate', { duplicate_of: original.id });
        return reissued ? 'updated' : 'duplicate';
      }

      if (feed.mode === 'auto' && feed.authorSlug) {
        const input = articleFromItem(p, feed, { status: 'published', now: clock.now() });
        await content.editor.create(input, {
          within: (trx, saved) => insertItem(trx, feed, p, 'imported', { article_id: saved.id }).then(() => undefined),
        });
        return 'imported';
      }
      await insertItem(db, feed, p, 'pending');
      return 'queued';
    },
  };
}

export type ItemIngester = ReturnType<typeof createItemIngester>;
