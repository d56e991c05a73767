import type { FastifyInstance } from 'fastify';
import { acceptsGzip, etagOf, gzipEtag, isFresh } from './conditional.js';
import type { PageCache } from './page-cache.js';

declare module 'fastify' {
  interface FastifyReply {
    /** Set by a route to make its 200 response cacheable, tagged with what it shows. */
    surrogateKeys: string[] | null;
    /**
     * Set with `surrogateKeys` when the page is what signed-out readers see (a members-only article's
     * teaser): kept for them only, and private, so no shared cache hands it to a member either.
     */
    anonymousOnly: boolean;
  }
}

/**
 * Browsers revalidate after a minute; a CDN may keep a page ten minutes and serve it stale for a
 * day while it refetches, or while we are down. Purges keep our own cache exact; a CDN purge by the
 * Surrogate-Key header does the same at the edge.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, s-maxage=600, stale-while-revalidate=86400, stale-if-error=86400';
const ANONYMOUS_CACHE_CONTROL = 'private, max-age=0, must-revalidate';

/**
 * Gives every cacheable response an ETag, Cache-Control and Surrogate-Key, answers If-None-Match
 * with 304, gzips for clients that take it, and keeps the response in the page cache.
 */
export function registerResponseCaching(app: FastifyInstance, cache: PageCache) {
  app.decorateReply('surrogateKeys', null);
  app.decorateReply('anonymousOnly', false);
  app.addHook('onSend', async (request, reply, payload) => {
    const keys = reply.surrogateKeys;
    if (!keys || reply.statusCode !== 200 || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return payload;
    const body = Buffer.from(payload);
    const etag = etagOf(body);
    reply
      .header('etag', etag)
      .header('cache-control', reply.anonymousOnly ? ANONYMOUS_CACHE_CONTROL : PUBLIC_CACHE_CONTROL)
      .header('vary', reply.anonymousOnly ? 'Accept-Encoding, Cookie' : 'Accept-Encoding')
      .header('surrogate-key', keys.join(' '));
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (name !== 'content-length' && value !== undefined) headers[name] = String(value);
    }
    const entry = { status: 200, headers, body, etag, keys, ...(reply.anonymousOnly ? { anonymousOnly: true } : {}) };
    // Keyed by the address asked for: the language prefix is already off `request.url`.
    cache.set(request.originalUrl, entry);
    const gzip = acceptsGzip(request.headers);
    if (gzip) reply.header('etag', gzipEtag(etag));
    if (isFresh(request.headers, etag)) {
      reply.code(304);
      return null;
    }
    if (gzip) {
      reply.header('content-encoding', 'gzip');
      return cache.gzipped(request.originalUrl, entry);
    }
    return body;
  });
}
