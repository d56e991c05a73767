import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { MediaRecord, MediaService } from '../media/index.js';
import { sha256Hex } from '../sha256-hex.js';

/** The words the media library keeps with a partner image (from its first appearance). */
export interface ImageWords {
  alt: string;
  caption: string;
  credit: string;
}

/** A partner image's bytes, within the fetch limits; throws a FetchError when they cannot be had. */
export type ImageFetcher = (url: string) => Promise<Uint8Array>;

const FALLBACK_NAME = 'partner-image';

/** The library's name for a partner image: the last segment of its URL's path, decoded. */
function filenameOf(url: string): string {
  const segment = new URL(url).pathname.split('/').pop() ?? '';
  let name = segment;
  try {
    name = decodeURIComponent(segment);
  } catch {
    // A malformed escape is kept as written: it is only a name.
  }
  // The tail keeps the extension when a partner's name is absurdly long.
  return name.replace(/[\u0000-\u001f\u007f/\\]/g, '').trim().slice(-200) || FALLBACK_NAME;
}

const stemOf = (filename: string) => filename.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim() || FALLBACK_NAME;

/**
 * Partner images in our media library, each downloaded once: `syndicated_media` remembers which
 * library item a partner URL became, across polls, updates and items.
 */
export function createPartnerImageStore(deps: { db: Kysely<Database>; clock: Clock; media: MediaService; fetchImage: ImageFetcher }) {
  const { db, media } = deps;

  async function upload(bytes: Buffer, filename: string, words: ImageWords): Promise<MediaRecord> {
    const input = { filename, bytes, ...words, uploadedBy: null };
    try {
      return await media.upload(input);
    } catch (error) {
      // Image CDNs often send WebP for a .jpg address: the partner's name is no claim to hold the bytes to.
      if (error instanceof AppError && error.code === 'extension_mismatch') return media.upload({ ...input, filename: stemOf(filename) });
      throw error;
    }
  }

  return {
    /**
     * The library copy of a partner image, fetched and uploaded the first time only. Throws the
     * fetcher's FetchError or the library's AppError when the image cannot be had or is refused.
     */
    async obtain(url: string, words: ImageWords): Promise<MediaRecord> {
      const urlHash = sha256Hex(url);
      const known = await db.selectFrom('syndicated_media').select('media_id').where('url_hash', '=', urlHash).executeTakeFirst();
      const stored = known && (await media.get(known.media_id));
      if (stored) return stored;

      const body = await deps.fetchImage(url);
      const record = await upload(Buffer.from(body.buffer, body.byteOffset, body.byteLength), filenameOf(url), words);
      // Two polls fetching the same new image at once both upload it; the later mapping wins, and both copies stay valid where used.
      await db
        .insertInto('syndicated_media')
        .values({ url_hash: urlHash, url, media_id: record.id, created_at: deps.clock.now().toISOString() })
        .onConflict((oc) => oc.column('url_hash').doUpdateSet({ url, media_id: record.id }))
        .execute();
      return record;
    },
  };
}

export type PartnerImageStore = ReturnType<typeof createPartnerImageStore>;
