import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { ContentService } from '../content/index.js';
import type { Database } from '../db/schema.js';
import type { MediaService } from '../media/index.js';
import { createFeedPoller } from './feed-poller.js';
import { createFeedSettings } from './feed-settings.js';
import { FetchError, fetchUrl, type FetchLimits } from './fetch-url.js';
import { extractArticle } from './full-text.js';
import { createItemIngester } from './ingest-item.js';
import { decodeLabelled } from './parse/decode-text.js';
import { createImageLocaliser } from './localise-images.js';
import { createPreparePool } from './prepare-pool.js';
import { createReviewQueue } from './review-queue.js';

/** An HTML page's text, in the charset its header or its own <meta> names (UTF-8 otherwise). */
function decodePage(body: Uint8Array, contentType: string | null): string {
  const head = new TextDecoder('latin1').decode(body.subarray(0, 1024));
  const label = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
  return decodeLabelled(body, label);
}

interface LogLike {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * Syndication's public face: partner feed settings, polling, and the review queue. Articles are
 * written through the content service, so imports get revisions, purges and search like any other.
 */
export function createSyndicationService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  content: ContentService;
  /** Partner images are copied into the library at ingest, so our pages never load them from the partner. */
  media: MediaService;
  embedHosts: readonly string[];
  feedMaxBytes: number;
  /** The largest image the media library accepts: no partner image download reads past it. */
  mediaMaxBytes: number;
  userAgent: string;
  log: LogLike;
}) {
  const limits: FetchLimits = { timeoutMs: 20_000, maxBytes: deps.feedMaxBytes, maxRedirects: 5, userAgent: deps.userAgent };
  const imageLimits: FetchLimits = { timeoutMs: 15_000, maxBytes: deps.mediaMaxBytes, maxRedirects: 3, userAgent: deps.userAgent };

  /** The partner's page for a summary-only item; a failure keeps the summary and is logged, not fatal. */
  async function fullText(url: string): Promise<string | null> {
    try {
      const page = await fetchUrl(url, limits, undefined, 'text/html,application/xhtml+xml');
      if (page.kind !== 'ok') return null;
      return (await extractArticle(decodePage(page.body, page.contentType), page.url))?.contentHtml ?? null;
    } catch (error) {
      deps.log.warn({ url, reason: error instanceof Error ? error.message : String(error) }, 'could not fetch the full text of a partner article');
      return null;
    }
  }

  /** A partner image's bytes; the media library decides whether they are an image it takes. */
  async function fetchImage(url: string): Promise<Uint8Array> {
    const image = await fetchUrl(url, imageLimits, undefined, 'image/*');
    // Only a conditional request may be answered 304, and this is not one.
    if (image.kind !== 'ok') throw new FetchError('http_status', 'The server answered 304 Not Modified to a plain request', 304);
    return image.body;
  }

  const feeds = createFeedSettings(deps);
  const reader = createPreparePool();
  const images = createImageLocaliser({ ...deps, fetchImage });
  const ingester = createItemIngester({ ...deps, fullText, images });
  const poller = createFeedPoller({ db: deps.db, clock: deps.clock, content: deps.content, feeds, ingester, reader, embedHosts: deps.embedHosts, limits, log: deps.log });
  const queue = createReviewQueue(deps);
  return {
    feeds,
    poller,
    queue,
    /** Stops the feed reader's worker thread. */
    close: () => reader.close(),
  };
}

export type SyndicationService = ReturnType<typeof createSyndicationService>;
export type { FeedStatus } from './feed-settings.js';
export type { PollReport } from './feed-poller.js';
export type { QueueItem } from './review-queue.js';
