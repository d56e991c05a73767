import path from 'node:path';
import type { Metadata, Sharp } from 'sharp';
import { AppError } from '../errors.js';
import { ACCEPTED_LABELS, IMAGE_TYPES, type ImageType } from './image-types.js';
import { sniffImage } from './sniff.js';

/** The responsive widths the site asks for; an image narrower than one simply has no variant at it. */
export const VARIANT_WIDTHS = [480, 960, 1600] as const;

/** Beyond this an upload is treated as a decompression bomb: 50 MP is more than any newsroom camera makes. */
export const DEFAULT_MAX_PIXELS = 50_000_000;

export interface RenderedFile {
  width: number;
  height: number;
  data: Buffer;
}

/** An upload that passed every check, re-encoded and ready to store. */
export interface PreparedImage {
  type: ImageType;
  /** The original in its own format, upright, with no metadata. */
  original: RenderedFile;
  /** WebP at each of VARIANT_WIDTHS that the original reaches, narrowest first. */
  variants: RenderedFile[];
}

/** What sharp calls each accepted type once it has read the header (AVIF is a HEIF flavour to libvips). */
const SHARP_FORMAT: Record<ImageType, string> = { jpeg: 'jpeg', png: 'png', webp: 'webp', avif: 'heif' };

const corrupt = () => new AppError('corrupt_image', 'The image is damaged or incomplete and cannot be read', 400, 'file');

/** A dotted suffix that looks like a file extension, lower-cased; '' when the name has none. */
function extensionOf(filename: string): string {
  const ext = path.extname(filename).slice(1).toLowerCase();
  return /^[a-z0-9]{1,5}$/.test(ext) ? ext : '';
}

/** Decides what the bytes are, refusing anything but an accepted type whose name tells the truth. */
function identify(bytes: Buffer, filename: string): ImageType {
  const sniffed = sniffImage(bytes);
  if (!sniffed.accepted) {
    throw new AppError('unsupported_type', `This file is ${sniffed.description}; only ${ACCEPTED_LABELS} images are accepted`, 415, 'file');
  }
  const real = IMAGE_TYPES[sniffed.type];
  const ext = extensionOf(filename);
  if (ext && !(real.extensions as readonly string[]).includes(ext)) {
    throw new AppError(
      'extension_mismatch',
      `"${filename}" is really a ${real.label} image, but its name ends in .${ext}; rename it to .${real.extension} and upload it again`,
      400,
      'filename',
    );
  }
  return sniffed.type;
}

// libvips is only needed for uploads, so it loads on the first one rather than at every start.
let sharpModule: Promise<typeof import('sharp')> | undefined;
const loadSharp = async () => (await (sharpModule ??= import('sharp'))).default;

/** Reads only the header, so a file claiming enormous dimensions is refused before anything is decoded. */
async function checkHeader(bytes: Buffer, type: ImageType, maxPixels: number) {
  const sharp = await loadSharp();
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw corrupt();
  }
  const sameFormat = meta.format === SHARP_FORMAT[type] && (type !== 'avif' || meta.compression === 'av1');
  if (!sameFormat || !meta.width || !meta.height) throw corrupt();
  if (meta.width * meta.height > maxPixels) throw tooManyPixels(meta.width, meta.height, maxPixels);
}

function tooManyPixels(width: number | undefined, height: number | undefined, maxPixels: number) {
  const size = width && height ? `${width}×${height} pixels` : 'larger than allowed';
  return new AppError('image_too_large', `The image is ${size}; the limit is ${Math.round(maxPixels / 1e6)} megapixels`, 413, 'file');
}

function encodeAs(pipeline: Sharp, type: ImageType): Sharp {
  switch (type) {
    case 'jpeg':
      return pipeline.jpeg({ quality: 88 });
    case 'png':
      return pipeline.png();
    case 'webp':
      return pipeline.webp({ quality: 88 });
    case 'avif':
      return pipeline.avif();
  }
}

async function render(pipeline: Sharp): Promise<RenderedFile> {
  const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

/**
 * Checks an upload and makes every file the library stores for it, in memory, so a refusal
 * leaves nothing behind. Metadata (EXIF, GPS, XMP, IPTC) is dropped because sharp writes none
 * unless asked, and the picture is turned upright first so dropping the orientation tag is safe.
 */
export async function prepareImage(bytes: Buffer, filename: string, maxPixels = DEFAULT_MAX_PIXELS): Promise<PreparedImage> {
  const type = identify(bytes, filename);
  await checkHeader(bytes, type, maxPixels);
  const sharp = await loadSharp();
  // failOn 'error' refuses truncated and broken files while tolerating the harmless warnings some cameras cause.
  const source = sharp(bytes, { failOn: 'error', limitInputPixels: maxPixels, autoOrient: true });
  try {
    const original = await render(encodeAs(source.clone(), type));
    const variants: RenderedFile[] = [];
    // One at a time: each decodes the full image, and a 50 MP decode is already a lot of memory.
    for (const width of VARIANT_WIDTHS.filter((w) => w <= original.width)) {
      variants.push(await render(source.clone().resize({ width }).webp({ quality: 80 })));
    }
    return { type, original, variants };
  } catch (error) {
    if (/pixel limit/i.test((error as Error).message)) throw tooManyPixels(undefined, undefined, maxPixels);
    throw corrupt();
  }
}
