import { TranslationError } from './provider.js';
import { withRetries, type RetryOptions } from './retry.js';

/** How the HTTP translation adapters call their services: a time limit per attempt and retries on top. */
export interface HttpCallOptions extends RetryOptions {
  /** One attempt's limit, connection to last byte (default 30 s). */
  timeoutMs?: number;
}

export interface JsonRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  /** Sent as JSON, or as a form when it is URLSearchParams. */
  body?: unknown;
}

/**
 * Says what a failed answer means for one service: a TranslationError for the statuses it gives a
 * meaning of its own (DeepL's 456, LibreTranslate's 400), undefined to fall back on the common ones.
 */
export type StatusMeaning = (status: number, message: string) => TranslationError | undefined;

/**
 * Calls a translation service and returns its JSON answer. Every failure becomes a TranslationError:
 * 429 rate_limited and 5xx unavailable (both retried, with backoff, up to `attempts` tries), 401 and
 * 403 bad_key, a time-out timeout (retried), anything unexpected bad_response. Messages quote the
 * service's own error text, never the request, so a key in a header or body cannot leak through them.
 */
export function requestJson(service: string, request: JsonRequest, meaning: StatusMeaning, options: HttpCallOptions = {}): Promise<unknown> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return withRetries(async () => {
    let response: Response;
    try {
      const form = request.body instanceof URLSearchParams;
      response = await fetch(request.url, {
        method: request.method,
        headers: {
          accept: 'application/json',
          ...(request.body === undefined ? {} : { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' }),
          ...request.headers,
        },
        ...(request.body === undefined ? {} : { body: form ? String(request.body) : JSON.stringify(request.body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      if (!response.ok) throw errorFor(service, response.status, serviceMessage(text), meaning);
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new TranslationError(`${service} answered with something other than JSON`, 'bad_response', false);
      }
    } catch (error) {
      if (error instanceof TranslationError) throw error;
      if (error instanceof Error && error.name === 'TimeoutError') {
        throw new TranslationError(`${service} did not answer within ${timeoutMs} ms`, 'timeout', true);
      }
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      const code = (cause as NodeJS.ErrnoException | undefined)?.code;
      throw new TranslationError(`${service} is unreachable${code ? ` (${code})` : ''}`, 'unavailable', true);
    }
  }, options);
}

function errorFor(service: string, status: number, message: string, meaning: StatusMeaning): TranslationError {
  const specific = meaning(status, message);
  if (specific) return specific;
  const said = message ? `: ${message}` : '';
  if (status === 429) return new TranslationError(`${service} is rate-limiting us${said}`, 'rate_limited', true);
  if (status >= 500) return new TranslationError(`${service} failed with ${status}${said}`, 'unavailable', true);
  if (status === 401 || status === 403) return new TranslationError(`${service} refused the API key (${status})${said}`, 'bad_key', false);
  return new TranslationError(`${service} answered ${status}${said}`, 'bad_response', false);
}

/** The error text a service put in its JSON body (`error` or `message`), cut short; '' when there is none. */
function serviceMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown };
    const message = typeof parsed.error === 'string' ? parsed.error : typeof parsed.message === 'string' ? parsed.message : '';
    return message.replace(/\s+/g, ' ').slice(0, 200);
  } catch {
    return '';
  }
}

/** A service's base URL with any credentials in it dropped: fit for a health line. */
export function displayUrl(base: string): string {
  const url = new URL(base);
  url.username = '';
  url.password = '';
  url.search = '';
  return url.toString().replace(/\/$/, '');
}

/** `base` joined with `path`, keeping any path prefix the base has (https://host/libretranslate + /translate). */
export const endpoint = (base: string, path: string) => base.replace(/\/+$/, '') + path;

/** Calls `load` once and keeps its answer; a failure is not kept, so the next call tries again. */
export function keepOnSuccess<T>(load: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | undefined;
  return () =>
    (kept ??= load().catch((error: unknown) => {
      kept = undefined;
      throw error;
    }));
}
