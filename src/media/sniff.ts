import type { ImageType } from './image-types.js';

/**
 * What a file really is, from its first bytes: one of the accepted image types, or a description of
 * something else for the refusal message. The name and any claimed type are never consulted here.
 */
export type Sniffed = { accepted: true; type: ImageType } | { accepted: false; description: string };

const startsWith = (bytes: Buffer, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Buffer, start: number, end: number) => bytes.subarray(start, end).toString('latin1');

/** The brands of an ISO-BMFF `ftyp` box (AVIF, HEIC and MP4 all share this container). */
function ftypBrands(bytes: Buffer): string[] | undefined {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return undefined;
  const boxSize = Math.min(bytes.readUInt32BE(0), bytes.length);
  const brands = [ascii(bytes, 8, 12)];
  // Compatible brands follow the major brand and its 4-byte minor version.
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(bytes, at, at + 4));
  return brands;
}

export function sniffImage(bytes: Buffer): Sniffed {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { accepted: true, type: 'jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { accepted: true, type: 'png' };
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { accepted: true, type: 'webp' };
  const brands = ftypBrands(bytes);
  if (brands?.some((b) => b === 'avif' || b === 'avis')) return { accepted: true, type: 'avif' };
  if (brands?.some((b) => ['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1'].includes(b))) return { accepted: false, description: 'a HEIC/HEIF image' };
  if (brands) return { accepted: false, description: 'a video or other ISO media file' };
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return { accepted: false, description: 'a GIF image' };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return { accepted: false, description: 'a TIFF image' };
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length > 18 && [12, 40, 56, 108, 124].includes(bytes.readUInt32LE(14))) return { accepted: false, description: 'a BMP image' };
  if (ascii(bytes, 0, 5) === '%PDF-') return { accepted: false, description: 'a PDF document' };
  if (/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/i.test(ascii(bytes, 0, 512))) return { accepted: false, description: 'an SVG drawing' };
  return { accepted: false, description: 'not an image of a known kind' };
}
