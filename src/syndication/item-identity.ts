import { sha256Hex } from '../sha256-hex.js';
import { partnerPlainText } from './partner-html.js';

const TRACKING_PARAMS = new Set(['fbclid', 'gclid', 'mc_cid', 'mc_eid', 'ref']);
const FINGERPRINT_WORDS = 400;

const isTrackingParam = (name: string) => {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
};

/** The decoded name of one raw `name=value` query segment, for comparing names however they were encoded. */
function paramName(segment: string): string {
  const raw = segment.split('=', 1)[0]!.replaceAll('+', ' ');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * A comparable form of an article URL: lower-case scheme and host, default port, fragment and tracking parameters (utm_*, fbclid, gclid, mc_cid, mc_eid, ref) removed, remaining query parameters sorted, trailing slash of the path removed (but not of "/"). Returns null for non-http(s) or unparseable input.
 *
 * http and https count as the same article (partners move to https and old feeds keep the old
 * links), so the canonical form always uses https. Credentials are dropped. Parameters are sorted
 * by name only; repeated names keep their order, since `?tag=a&tag=b` may mean something else
 * reversed. Each kept parameter keeps its original encoding.
 */
export function canonicalArticleUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  // Setting the scheme also drops a port that is https's default, so http://x:443/ matches https://x/.
  parsed.protocol = 'https:';
  parsed.username = '';
  parsed.password = '';
  parsed.hash = '';
  const kept = parsed.search
    .slice(1)
    .split('&')
    .filter((segment) => segment !== '')
    .map((segment) => ({ segment, name: paramName(segment) }))
    .filter((param) => !isTrackingParam(param.name))
    // Code-unit order, not localeCompare: the result must not depend on the machine's locale.
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  parsed.search = kept.map((p) => p.segment).join('&');
  parsed.pathname = parsed.pathname.replace(/\/+$/, '') || '/';
  return parsed.href;
}

/**
 * The words of a text as the fingerprint compares them: Unicode NFKC, lower-cased, split on anything
 * that is not a letter, mark or digit (so typographic and straight quotes, dashes and hyphens all match).
 */
function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** A fingerprint of an article's content that survives re-publication with a new GUID or URL: SHA-256 (hex) of the normalised words of title + body text (tags stripped, entities decoded, lower-cased, Unicode NFKC, punctuation and whitespace collapsed; first ~400 words). Empty content -> null. */
export function contentFingerprint(title: string, html: string): string | null {
  const normalised = words(`${partnerPlainText(title)} ${partnerPlainText(html)}`).slice(0, FINGERPRINT_WORDS);
  if (normalised.length === 0) return null;
  return sha256Hex(normalised.join(' '));
}

/**
 * A hash of everything we import of an item (title, summary, content, dates...), to tell whether an item was updated.
 * Keys are sorted, so the order the caller builds `parts` in does not matter; null, "" and [] all
 * differ, and the order of values inside an array counts.
 */
export function itemVersionHash(parts: Record<string, string | string[] | null>): string {
  const entries = Object.keys(parts)
    .sort()
    .map((key) => [key, parts[key]]);
  return sha256Hex(JSON.stringify(entries));
}
