import { FeedParseError } from './types.js';
import type { WarningLog } from './warnings.js';

// Node since 20.18.3 decodes windows-1252 (the WHATWG meaning of latin1, iso-8859-1 and ascii too) as
// ISO-8859-1, turning curly quotes and the euro sign into control characters (nodejs/node#56542).
// These are the WHATWG windows-1252 characters for bytes 0x80-0x9F, applied after decoding.
const WINDOWS_1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
].map((code) => String.fromCharCode(code));

function decodeWith(decoder: TextDecoder, body: Uint8Array): string {
  const text = decoder.decode(body);
  if (decoder.encoding !== 'windows-1252') return text;
  return text.replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c);
}

/** Bytes in the encoding a label names (with the windows-1252 repair above); UTF-8 when the label is unknown. */
export function decodeLabelled(body: Uint8Array, label: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decodeWith(decoder, body);
}

const isSpace = (byte: number | undefined) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

function decoderFor(label: string): TextDecoder {
  try {
    return new TextDecoder(label);
  } catch {
    throw new FeedParseError('unsupported_encoding', `The feed says its text is in "${label}", an encoding Broadsheet cannot read`);
  }
}

/** The encoding a byte-order mark (or the UTF-16 form of "<") announces, and how many bytes it takes. */
function sniffByteOrder(body: Uint8Array): { encoding: string; skip: number } | null {
  const [a, b, c] = body;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', skip: 2 };
  if (a === 0x3c && b === 0x00) return { encoding: 'utf-16le', skip: 0 };
  if (a === 0x00 && b === 0x3c) return { encoding: 'utf-16be', skip: 0 };
  return null;
}

function declaredEncoding(body: Uint8Array): string | null {
  // Only ASCII matters in the declaration, so reading the head as Latin-1 is safe for every 8-bit encoding.
  const head = new TextDecoder('latin1').decode(body.subarray(0, 1024));
  return /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']\s*([^"'\s]+)\s*["']/.exec(head)?.[1] ?? null;
}

function headerCharset(contentType: string | null | undefined): string | null {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1] ?? null;
}

function decodeUtf8(body: Uint8Array, warnings: WarningLog): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    warnings.note('Some of the text was not valid UTF-8 as the feed claimed; those characters were replaced');
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
  }
}

/**
 * Turns feed bytes into text. A byte-order mark wins, then the XML declaration's encoding, then the
 * Content-Type charset, else UTF-8. JSON is always UTF-8. Undeclared bytes that are not valid UTF-8
 * are read as Windows-1252, the usual culprit, with a warning.
 */
export function decodeFeedText(body: Uint8Array, contentType: string | null | undefined, warnings: WarningLog): string {
  const byteOrder = sniffByteOrder(body);
  if (byteOrder) return new TextDecoder(byteOrder.encoding, { ignoreBOM: true }).decode(body.subarray(byteOrder.skip));

  let first = 0;
  while (isSpace(body[first])) first += 1;
  if (body[first] === 0x7b || body[first] === 0x5b) return decodeUtf8(body, warnings);

  const label = declaredEncoding(body) ?? headerCharset(contentType);
  if (label === null) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      warnings.note('The feed did not name its text encoding and is not valid UTF-8; it was read as Windows-1252');
      return decodeWith(new TextDecoder('windows-1252'), body);
    }
  }
  const decoder = decoderFor(label);
  // A declaration we could read as ASCII cannot really be UTF-16: that label is a mistake.
  if (decoder.encoding === 'utf-8' || decoder.encoding.startsWith('utf-16')) return decodeUtf8(body, warnings);
  return decodeWith(decoder, body);
}
