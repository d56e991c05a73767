import type { IncomingMessage, ServerResponse } from 'node:http';
import { acceptsGzip, gzipEtag, isFresh } from './conditional.js';
import type { CachedResponse, PageCache } from './page-cache.js';

/** Writes a cached response, or a 304 for it, straight to the socket. */
function writeCached(cache: PageCache, url: string, entry: CachedResponse, req: IncomingMessage, res: ServerResponse) {
  const gzip = acceptsGzip(req.headers);
  const etag = gzip ? gzipEtag(entry.etag) : entry.etag;
  if (isFresh(req.headers, entry.etag)) {
    res.writeHead(304, { etag, 'cache-control': entry.headers['cache-control'] ?? '', vary: entry.headers.vary ?? 'Accept-Encoding' });
    res.end();
    return;
  }
  const body = gzip ? cache.gzipped(url, entry) : entry.body;
  const headers: Record<string, string | number> = { ...entry.headers, etag, 'content-length': body.length };
  if (gzip) headers['content-encoding'] = 'gzip';
  res.writeHead(entry.status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * The fast path: answers GET and HEAD from the page cache, returning false when the request must be
 * routed. A page kept for signed-out readers only is routed for a request `signedIn` recognises.
 */
export function serveFromCache(cache: PageCache, req: IncomingMessage, res: ServerResponse, signedIn: (req: IncomingMessage) => boolean = () => false): boolean {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url) return false;
  const entry = cache.get(req.url);
  if (!entry || (entry.anonymousOnly && signedIn(req))) return false;
  writeCached(cache, req.url, entry, req, res);
  return true;
}
