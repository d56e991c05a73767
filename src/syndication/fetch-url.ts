import { STATUS_CODES } from 'node:http';

/** How far Broadsheet lets one partner fetch go before giving up. */
export interface FetchLimits {
  /** Whole exchange (connect, headers, body), ms. */
  timeoutMs: number;
  /** Body cap in bytes: checked against Content-Length up front and while streaming. */
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
}

/** What a fetch brought back: a body, or the news that the copy we hold is still current. */
export type FetchOutcome =
  | {
      kind: 'ok';
      /** Final URL after redirects, without any user:pass@ part. */
      url: string;
      status: number;
      body: Uint8Array;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
    }
  | { kind: 'not_modified'; url: string };

export type FetchErrorCode = 'bad_url' | 'timeout' | 'too_large' | 'too_many_redirects' | 'http_status' | 'network';

/** An expected fetch failure; `message` is written for an editor and never contains URL credentials. */
export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

/** What a feed reader asks for; the full-text fetch passes `text/html` instead. */
export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Statuses where the same request may well work later, so the editor is told to wait rather than fix. */
const TRANSIENT_STATUSES = new Set([408, 425, 429]);

/** An http(s) URL split from its credentials: fetch refuses URLs with user:pass@, and messages must not show them. */
interface Target {
  url: URL;
  authorization: string | null;
}

function parseTarget(raw: string, base?: URL): Target {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new FetchError('bad_url', base ? 'The server redirected to an address that is not valid' : 'That is not a valid web address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const where = base ? 'The server redirected to an address starting with' : 'This address starts with';
    throw new FetchError('bad_url', `${where} ${url.protocol}, and Broadsheet only fetches http and https addresses`);
  }
  let authorization: string | null = null;
  if (url.username || url.password) {
    authorization = `Basic ${Buffer.from(`${safeDecode(url.username)}:${safeDecode(url.password)}`).toString('base64')}`;
    url.username = '';
    url.password = '';
  }
  return { url, authorization };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * Fetches a partner URL within `limits`, following redirects by hand so every hop is checked.
 * A conditional GET sends If-None-Match / If-Modified-Since when given; 304 -> not_modified.
 * Credentials in the URL become Basic auth, sent only to the origin they were written for.
 * Expected failures throw FetchError; the socket is released on every path.
 */
export async function fetchUrl(
  url: string,
  limits: FetchLimits,
  conditional?: { etag?: string | null; lastModified?: string | null },
  accept: string = FEED_ACCEPT,
): Promise<FetchOutcome> {
  const start = parseTarget(url);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);

  let current = start.url;
  let reading = false;
  try {
    for (let hops = 0; ; hops++) {
      const headers: Record<string, string> = { 'user-agent': limits.userAgent, accept };
      if (conditional?.etag) headers['if-none-match'] = conditional.etag;
      if (conditional?.lastModified) headers['if-modified-since'] = conditional.lastModified;
      if (start.authorization && current.origin === start.url.origin) headers.authorization = start.authorization;

      const response = await fetchWithOneRetry(current, { headers, redirect: 'manual', signal: controller.signal });

      if (REDIRECT_STATUSES.has(response.status)) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (location === null) throw statusError(response.status);
        if (hops >= limits.maxRedirects) {
          throw new FetchError('too_many_redirects', `The address redirected more than ${limits.maxRedirects} times; Broadsheet stopped following it`);
        }
        current = parseTarget(location, current).url;
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel();
        return { kind: 'not_modified', url: current.href };
      }
      if (response.status < 200 || response.status > 299) {
        await response.body?.cancel();
        throw statusError(response.status);
      }
      reading = true;
      const body = await readCapped(response, limits.maxBytes);
      return {
        kind: 'ok',
        url: current.href,
        status: response.status,
        body,
        contentType: response.headers.get('content-type'),
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
      };
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (timedOut) {
      throw new FetchError('timeout', `${current.host} did not finish answering within ${formatSeconds(limits.timeoutMs)}; Broadsheet gave up`);
    }
    throw networkError(error, current.host, reading);
  } finally {
    clearTimeout(timer);
    // Aborting a finished exchange is a no-op; on any failure it tears down whatever socket is still open.
    controller.abort();
  }
}

/**
 * A server may close a kept-alive connection just as it is reused, and the request then fails before
 * any answer. A GET is safe to send again, so one fresh attempt is made (as browsers do) unless the
 * deadline has passed.
 */
async function fetchWithOneRetry(url: URL, init: RequestInit & { signal: AbortSignal }): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (init.signal.aborted) throw error;
    return fetch(url, init);
  }
}

/** Reads the body as it streams, stopping one chunk past the cap so a huge body never sits in memory. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(maxBytes);
  }
  if (!response.body) return new Uint8Array(0);

  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw tooLarge(maxBytes);
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    throw error;
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(maxBytes: number): FetchError {
  return new FetchError('too_large', `The answer is larger than ${formatMegabytes(maxBytes)}; Broadsheet stopped reading it`);
}

function statusError(status: number): FetchError {
  const reason = STATUS_CODES[status];
  const advice = status >= 500 || TRANSIENT_STATUSES.has(status) ? ' (try later)' : '';
  return new FetchError('http_status', `The server answered ${status}${reason ? ` ${reason}` : ''}${advice}`, status);
}

/** Plain words for the socket-level reasons undici reports in `error.cause.code`. */
const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'no such host name',
  EAI_AGAIN: 'the host name could not be looked up (try later)',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  UND_ERR_SOCKET: 'the connection broke off',
  CERT_HAS_EXPIRED: 'its security certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its security certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its security certificate is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its security certificate is not trusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its security certificate is for a different name',
};

function networkError(error: unknown, host: string, reading: boolean): FetchError {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : '';
  const reason = NETWORK_REASONS[code] ?? (code ? `network error ${code}` : 'the connection failed');
  const what = reading ? `Lost the connection to ${host} while reading` : `Could not connect to ${host}`;
  return new FetchError('network', `${what}: ${reason}`);
}

function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  // Small test caps would otherwise read "0 MB".
  return `${mb >= 1 ? Math.round(mb * 10) / 10 : Number(mb.toPrecision(2))} MB`;
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number(seconds.toPrecision(3))} second${seconds === 1 ? '' : 's'}`;
}
