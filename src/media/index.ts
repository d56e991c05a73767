import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { createLibrary } from './library.js';
import { DEFAULT_MAX_PIXELS } from './process-image.js';
import { createUploader } from './upload.js';

export interface MediaServiceDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** The folder served at /media/; every stored file lives under it. */
  mediaDir: string;
  /** The largest upload accepted, in bytes. */
  maxBytes: number;
  /** The most pixels an image may have before it is refused as a decompression bomb. */
  maxPixels?: number;
}

/**
 * The media library's public face: uploads (checked, re-encoded, with WebP variants), listing and
 * search, metadata edits and deletion. Callers pass untrusted input straight in; it is parsed here.
 */
export function createMediaService(deps: MediaServiceDeps) {
  const library = createLibrary(deps);
  return {
    upload: createUploader({ ...deps, maxPixels: deps.maxPixels ?? DEFAULT_MAX_PIXELS }),
    list: library.list,
    get: library.get,
    byUrl: library.byUrl,
    update: library.update,
    remove: library.remove,
  };
}

export type MediaService = ReturnType<typeof createMediaService>;
export type { MediaPage, MediaRecord, MediaVariant } from './types.js';
export type { ListQuery, MetadataInput, UploadInput } from './inputs.js';
export { srcset } from './srcset.js';
export { VARIANT_WIDTHS } from './process-image.js';
