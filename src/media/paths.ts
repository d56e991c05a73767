import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { slugify } from '../content/slugify.js';
import { IMAGE_TYPES, type ImageType } from './image-types.js';

/**
 * Where an item's files live, relative to the media directory and with forward slashes:
 * `YYYY/MM/<random>-<slug>` is the prefix, the original adds its extension, each variant `-<width>.webp`.
 * The random part is chosen before the row exists (files are written first) and keeps names unguessable.
 */
export function newPathPrefix(now: Date, filename: string): string {
  const year = String(now.getUTCFullYear());
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${year}/${month}/${randomBytes(5).toString('hex')}-${slugOfFilename(filename)}`;
}

export const originalFile = (prefix: string, type: ImageType) => `${prefix}.${IMAGE_TYPES[type].extension}`;
export const variantFile = (prefix: string, width: number) => `${prefix}-${width}.webp`;

/** The public URL of a stored file; app.ts serves the media directory under /media/. */
export const mediaUrl = (file: string) => `/media/${file}`;

/** The absolute path of a stored file. */
export const diskPath = (mediaDir: string, file: string) => path.join(mediaDir, ...file.split('/'));

/** A URL-safe rendering of the uploader's name, without its extension, so the file name still says what it shows. */
export function slugOfFilename(filename: string): string {
  return slugify(filename.replace(/\.[A-Za-z0-9]{1,5}$/, ''), 60) || 'image';
}
