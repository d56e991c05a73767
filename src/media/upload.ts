import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { writeFileSet } from './file-store.js';
import { IMAGE_TYPES } from './image-types.js';
import { cleanFilename, uploadInput, type UploadInput } from './inputs.js';
import { parseInput } from '../parse-input.js';
import { newPathPrefix, originalFile, variantFile } from './paths.js';
import { prepareImage } from './process-image.js';
import { toRecord, type StoredVariant } from './rows.js';
import type { MediaRecord } from './types.js';

export interface UploadDeps {
  db: Kysely<Database>;
  clock: Clock;
  mediaDir: string;
  maxBytes: number;
  maxPixels: number;
}

const sizeOf = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/**
 * Takes one uploaded image into the library: checks it, stores the upright, metadata-free original
 * and its WebP variants, then records it. Every refusal is an AppError and leaves no file and no row.
 */
export function createUploader(deps: UploadDeps) {
  return async function upload(raw: UploadInput): Promise<MediaRecord> {
    // Parsed even though typed: it comes from a form, and the type is only a promise.
    const input = parseInput(uploadInput, raw);
    const filename = cleanFilename(input.filename);
    const size = input.bytes.length;
    if (size === 0) throw new AppError('empty_file', 'The file is empty', 400, 'file');
    if (size > deps.maxBytes) {
      throw new AppError('file_too_large', `The file is ${sizeOf(size)}; the limit is ${sizeOf(deps.maxBytes)}`, 413, 'file');
    }

    const image = await prepareImage(input.bytes, filename, deps.maxPixels);
    const now = deps.clock.now();
    const prefix = newPathPrefix(now, filename);
    const variants: StoredVariant[] = image.variants.map(({ width, height }) => ({ width, height }));

    const undo = await writeFileSet(deps.mediaDir, [
      { file: originalFile(prefix, image.type), data: image.original.data },
      ...image.variants.map((v) => ({ file: variantFile(prefix, v.width), data: v.data })),
    ]);
    try {
      // The row comes last: while it is missing nothing refers to the files, so undoing them is safe.
      const row = await deps.db.transaction().execute((trx) =>
        trx
          .insertInto('media')
          .values({
            filename,
            path_prefix: prefix,
            mime_type: IMAGE_TYPES[image.type].mimeType,
            width: image.original.width,
            height: image.original.height,
            byte_size: image.original.data.length,
            alt: input.alt,
            caption: input.caption,
            credit: input.credit,
            uploaded_by: input.uploadedBy ?? null,
            created_at: now.toISOString(),
            variants: JSON.stringify(variants),
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toRecord(row);
    } catch (error) {
      await undo();
      throw error;
    }
  };
}
