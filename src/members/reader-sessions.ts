import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { Reader, ReaderAccounts } from './accounts.js';

export const READER_COOKIE = 'bs_reader';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in reader, or null; looked up once per request, on first ask. */
    reader(): Promise<Reader | null>;
    /** The reader's session (the reader and the CSRF token of their forms), or null; memoised like `reader()`. */
    readerSession(): Promise<{ reader: Reader; csrfToken: string } | null>;
  }
}

/**
 * Gives every request `request.reader()`, resolved from the `bs_reader` cookie. Needs @fastify/cookie
 * registered before it (the staff sign-in registers it).
 */
export function registerReaderSessions(app: FastifyInstance, deps: { accounts: ReaderAccounts }) {
  const found = new WeakMap<FastifyRequest, Promise<{ reader: Reader; csrfToken: string } | null>>();
  app.decorateRequest('readerSession', function (this: FastifyRequest) {
    let session = found.get(this);
    if (!session) {
      const token = this.cookies[READER_COOKIE];
      session = token ? deps.accounts.resolveSession(token).then((s) => s ?? null) : Promise.resolve(null);
      found.set(this, session);
    }
    return session;
  });
  app.decorateRequest('reader', function (this: FastifyRequest) {
    return this.readerSession().then((s) => s?.reader ?? null);
  });
}

/** The signed-in reader's CSRF token, for the forms of their pages; null when signed out. */
export async function readerCsrfToken(request: FastifyRequest): Promise<string | null> {
  return (await request.readerSession())?.csrfToken ?? null;
}

/** Refuses a reader's form post that lacks their session's CSRF token (in `_csrf` or `x-csrf-token`). */
export async function checkReaderCsrf(request: FastifyRequest, refusal: () => AppError): Promise<void> {
  const expected = await readerCsrfToken(request);
  const body = request.body as Record<string, unknown> | undefined;
  const sent = request.headers['x-csrf-token'] ?? (body && typeof body === 'object' ? body._csrf : undefined);
  if (!expected || sent !== expected) throw refusal();
}

/** Whether a raw request carries a reader's session cookie: the page cache serves such requests no anonymous-only page. */
export const hasReaderCookie = (req: IncomingMessage) => (req.headers.cookie ?? '').split(/;\s*/).some((c) => c.startsWith(`${READER_COOKIE}=`));

/** Sets the session cookie: HttpOnly, SameSite=Lax, and Secure whenever the site is served over HTTPS. */
export function setReaderCookie(reply: FastifyReply, token: string, expiresAt: string, secure: boolean) {
  reply.setCookie(READER_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: new Date(expiresAt) });
}

export function clearReaderCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(READER_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/** For the pages of a signed-in reader: kept by no cache, shown to no crawler, passed on as no referrer. */
export const privatePage = (reply: FastifyReply) =>
  reply.header('cache-control', 'no-store, private').header('x-robots-tag', 'noindex').header('referrer-policy', 'no-referrer');
