import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** A strong validator for a body: equal bodies, equal tags. */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/** The tag of a body's gzip encoding: a different representation, so a different strong tag. */
export const gzipEtag = (etag: string) => `${etag.slice(0, -1)}-gz"`;

/** Whether the client's If-None-Match already names this body, in either encoding (so a 304 will do). */
export function isFresh(headers: IncomingHttpHeaders, etag: string): boolean {
  const header = headers['if-none-match'];
  if (!header) return false;
  if (header.trim() === '*') return true;
  const gz = gzipEtag(etag);
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === etag || tag === gz;
  });
}

/** Whether the client takes gzip. */
export function acceptsGzip(headers: IncomingHttpHeaders): boolean {
  const header = headers['accept-encoding'];
  return typeof header === 'string' && /\bgzip\b(?!;\s*q=0(\.0*)?\b)/.test(header);
}
