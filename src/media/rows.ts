import type { Selectable } from 'kysely';
import type { MediaTable } from '../db/schema.js';
import { imageTypeOfMime } from './image-types.js';
import { mediaUrl, originalFile, variantFile } from './paths.js';
import type { MediaRecord } from './types.js';

export type MediaRow = Selectable<MediaTable>;

/** What the `variants` column holds for each WebP made. */
export interface StoredVariant {
  width: number;
  height: number;
}

export function storedVariants(row: Pick<MediaRow, 'variants'>): StoredVariant[] {
  return JSON.parse(row.variants) as StoredVariant[];
}

/** Every file on disk that belongs to a row, relative to the media directory. */
export function filesOf(row: MediaRow): string[] {
  return [originalOf(row), ...storedVariants(row).map((v) => variantFile(row.path_prefix, v.width))];
}

function originalOf(row: MediaRow): string {
  const type = imageTypeOfMime(row.mime_type);
  if (!type) throw new Error(`media ${row.id} has an unknown type ${row.mime_type}`);
  return originalFile(row.path_prefix, type);
}

export function toRecord(row: MediaRow): MediaRecord {
  return {
    id: row.id,
    url: mediaUrl(originalOf(row)),
    filename: row.filename,
    mimeType: row.mime_type,
    width: row.width,
    height: row.height,
    byteSize: row.byte_size,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
    variants: storedVariants(row).map((v) => ({ width: v.width, height: v.height, url: mediaUrl(variantFile(row.path_prefix, v.width)) })),
  };
}
