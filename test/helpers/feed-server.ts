import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One request as the feed server saw it; the counters keep moving until `closed` settles. */
export interface SeenRequest {
  method: string;
  headers: IncomingHttpHeaders;
  /** Body bytes the server handed to the socket so far. */
  bytesSent: number;
  /** True once the response was sent in full; false when the client went away first. */
  finished: boolean;
  /** Settles when the exchange is over, either way: lets a test wait for a disconnect without sleeping. */
  closed: Promise<void>;
}

export interface FileOptions {
  contentType?: string;
  /** A quoted ETag; derived from the body when omitted, none sent when null. */
  etag?: string | null;
  /** An HTTP date; the registration time when omitted, none sent when null. */
  lastModified?: string | null;
  status?: number;
}

export interface FeedServer {
  /** http://127.0.0.1:PORT */
  url: string;
  /** Serve `body` at `path` with headers; sends ETag and Last-Modified (given or derived) and answers conditional GETs with 304. */
  file(path: string, body: string | Uint8Array, options?: FileOptions): void;
  /** Serve a fixture file from test/fixtures/feeds/<fixture> at `path` (content type guessed from extension). */
  fixture(path: string, fixture: string, options?: FileOptions): void;
  redirect(path: string, to: string, status?: number): void;
  /** Never answers (holds the socket until the client goes away or the server closes). */
  hang(path: string): void;
  /** Sends headers then trickles bytes forever, one chunk every few ms. */
  trickle(path: string): void;
  /** Streams `bytes` of generated data lazily without buffering; stops when the client disconnects. */
  huge(path: string, bytes: number, options?: { contentLength?: boolean; contentType?: string }): void;
  /** Custom handler. Routes match the request's path; the query string is ignored. */
  route(path: string, handler: (req: IncomingMessage, res: ServerResponse) => void): void;
  /** Requests seen at `path` (query string ignored), oldest first. */
  requests(path: string): SeenRequest[];
  /** Closes every socket too, so hanging and trickling routes don't block teardown. */
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const FIXTURES = fileURLToPath(new URL('../fixtures/feeds/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.rdf': 'application/rdf+xml',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

// Repeated to fill generated bodies: harmless markup, so a parser that did read it would not choke first.
const FILLER = Buffer.from('<!-- padding written by the Broadsheet feed server -->\n'.repeat(1200));

/** A real HTTP server on a free loopback port for exercising the partner-fetch path end to end. */
export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Handler>();
  const seen = new Map<string, SeenRequest[]>();

  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const record = track(req, res);
    const list = seen.get(pathname) ?? [];
    list.push(record);
    seen.set(pathname, list);

    const handler = routes.get(pathname);
    if (handler) handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('No such path on the feed server');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  function file(route: string, body: string | Uint8Array, options: FileOptions = {}) {
    // Copied, so a caller reusing its array cannot change what a route serves.
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
    const etag = options.etag === undefined ? `"${createHash('sha1').update(bytes).digest('hex').slice(0, 16)}"` : options.etag;
    const lastModified = options.lastModified === undefined ? new Date().toUTCString() : options.lastModified;
    const status = options.status ?? 200;
    routes.set(route, (req, res) => {
      const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/xml' };
      if (etag) headers.etag = etag;
      if (lastModified) headers['last-modified'] = lastModified;
      if (status === 200 && isFresh(req.headers, etag, lastModified)) {
        res.writeHead(304, headers).end();
        return;
      }
      res.writeHead(status, { ...headers, 'content-length': String(bytes.byteLength) }).end(bytes);
    });
  }

  return {
    url: `http://127.0.0.1:${port}`,
    file,
    fixture(route, fixture, options = {}) {
      const contentType = options.contentType ?? CONTENT_TYPES[path.extname(fixture).toLowerCase()] ?? 'application/octet-stream';
      file(route, readFileSync(path.join(FIXTURES, fixture)), { ...options, contentType });
    },
    redirect(route, to, status = 302) {
      routes.set(route, (_req, res) => res.writeHead(status, { location: to }).end());
    },
    hang(route) {
      routes.set(route, () => {});
    },
    trickle(route) {
      routes.set(route, (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write('<?xml version="1.0"?>\n<rss version="2.0"><channel>');
        const timer = setInterval(() => res.write('<!-- still here -->'), 5);
        res.on('close', () => clearInterval(timer));
      });
    },
    huge(route, bytes, options = {}) {
      routes.set(route, (_req, res) => {
        const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/rss+xml' };
        if (options.contentLength) headers['content-length'] = String(bytes);
        res.writeHead(200, headers);
        streamFiller(res, bytes);
      });
    },
    route(route, handler) {
      routes.set(route, handler);
    },
    requests(route) {
      return seen.get(route) ?? [];
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

/** Records a request and counts the body bytes its response writes, whichever handler serves it. */
function track(req: IncomingMessage, res: ServerResponse): SeenRequest {
  let settle!: () => void;
  const record: SeenRequest = {
    method: req.method ?? 'GET',
    headers: req.headers,
    bytesSent: 0,
    finished: false,
    closed: new Promise<void>((resolve) => (settle = resolve)),
  };
  const count = (chunk: unknown) => {
    if (typeof chunk === 'string') record.bytesSent += Buffer.byteLength(chunk);
    else if (chunk instanceof Uint8Array) record.bytesSent += chunk.byteLength;
  };
  // end(chunk) does not go through write(), so both are counted.
  const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
  const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => ServerResponse;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    count(chunk);
    return write(chunk, ...rest);
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    count(chunk);
    return end(chunk, ...rest);
  }) as ServerResponse['end'];
  res.on('finish', () => (record.finished = true));
  res.on('close', () => settle());
  return record;
}

/** Writes `total` filler bytes, waiting for the socket to drain so nothing piles up in memory. */
function streamFiller(res: ServerResponse, total: number) {
  let left = total;
  const pump = () => {
    while (left > 0 && !res.destroyed) {
      const chunk = left >= FILLER.byteLength ? FILLER : FILLER.subarray(0, left);
      left -= chunk.byteLength;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (left === 0 && !res.destroyed) res.end();
  };
  pump();
}

/** RFC 9110: If-None-Match wins when present; If-Modified-Since is only consulted without it. */
function isFresh(headers: IncomingHttpHeaders, etag: string | null, lastModified: string | null): boolean {
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    if (!etag) return false;
    const weak = (tag: string) => tag.trim().replace(/^W\//, '');
    return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => weak(tag) === weak(etag));
  }
  const since = headers['if-modified-since'];
  if (since === undefined || !lastModified) return false;
  const sinceTime = Date.parse(since);
  return !Number.isNaN(sinceTime) && Date.parse(lastModified) <= sinceTime;
}
