import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { createRateLimiter } from '../http/rate-limit.js';
import type { ChromeLoader } from '../site/chrome-loader.js';
import { inRequestLanguage, localizedRoute } from '../site/page-language.js';
import { renderDocument } from '../site/render.js';
import type { Chrome } from '../site/views/chrome.js';
import { longDate, type DateContext } from '../site/views/format.js';
import type { Reader, ReaderAccounts } from './accounts.js';
import { checkReaderCsrf, clearReaderCookie, privatePage, READER_COOKIE, readerCsrfToken, setReaderCookie } from './reader-sessions.js';
import { AccountDeletedPage, AccountPage, SignInPage, SignInSentPage, VerifyPage, type MembershipSummary } from './views/account-pages.js';

/** Sign-in links asked for from one network address in a quarter of an hour. */
const SIGN_IN_LIMIT = { limit: 10, windowMs: 15 * 60_000 };
/** A cookie tying the "Sign in" button to the browser that opened the link, so nobody can be signed in to someone else's account by a forged post. */
const VERIFY_COOKIE = 'bs_reader_verify';
const DEFAULT_NEXT = '/account';

/** Where to go after signing in: a path on this site only, never an absolute or scheme-relative URL. */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > 500) return DEFAULT_NEXT;
  if (!next.startsWith('/') || next.startsWith('//') || /[\\\p{Cc}]/u.test(next)) return DEFAULT_NEXT;
  return next;
}

/** The way to sign in, and back to `next` afterwards. */
export const signInPath = (next: string) => `/signin?next=${encodeURIComponent(safeNext(next))}`;

/** The catalog messages that title these pages. */
type PageTitle = 'signin.title' | 'signin.checkInboxTitle' | 'account.title' | 'account.deletedTitle';

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const formOf = (request: FastifyRequest) => (request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {});
const tokenQuery = z.object({ token: z.string().min(1).max(200), next: z.string().optional() });
const accountQuery = z.object({ saved: z.literal('1').optional(), joined: z.literal('1').optional() });

/**
 * Reader sign-in by mailed link, sign-out, and the account pages: profile, membership, export and
 * deletion. Every page here is private (no cache anywhere, no index); every form of a signed-in reader
 * carries their session's CSRF token.
 */
export function registerAccountRoutes(
  app: FastifyInstance,
  deps: {
    accounts: ReaderAccounts;
    loadChrome: ChromeLoader;
    clock: Clock;
    secureCookies: boolean;
    membershipOf: (readerId: number) => Promise<MembershipSummary | null>;
    /** The billing portal's address for a paying reader; null when there is none. */
    billingPortal: (readerId: number) => Promise<string | null>;
  },
) {
  const { accounts, loadChrome } = deps;
  const limiter = createRateLimiter({ ...SIGN_IN_LIMIT, now: () => deps.clock.now().getTime() });

  async function page(request: FastifyRequest, reply: FastifyReply, title: PageTitle, body: (chrome: Chrome, dates: DateContext) => ComponentChildren, status = 200) {
    const { chrome, dates } = await loadChrome(request);
    privatePage(reply);
    const meta = { title: chrome.messages.t(title), description: chrome.messages.t('signin.description', { siteName: chrome.settings.siteName }), canonical: '/signin', noindex: true };
    return reply.code(status).type('text/html; charset=utf-8').send(renderDocument(chrome, meta, body(chrome, dates)));
  }

  const refusal = async (request: FastifyRequest, key: 'signin.formExpired' | 'signin.linkInvalid', status: number) =>
    new AppError(key === 'signin.formExpired' ? 'csrf_failed' : 'sign_in_link_invalid', (await loadChrome(request)).chrome.messages.t(key), status);

  async function csrf(request: FastifyRequest) {
    const expired = await refusal(request, 'signin.formExpired', 403);
    await checkReaderCsrf(request, () => expired);
  }

  /** The signed-in reader, or a redirect to sign in and come back. */
  async function readerOr(request: FastifyRequest, reply: FastifyReply): Promise<Reader | undefined> {
    const reader = await request.reader();
    if (!reader) void reply.redirect(signInPath(request.url), 303);
    return reader ?? undefined;
  }

  app.get('/signin', localizedRoute, async (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>).next);
    if (await request.reader()) return reply.header('cache-control', 'no-store').redirect(next, 303);
    return page(request, reply, 'signin.title', (chrome) => <SignInPage siteName={chrome.settings.siteName} next={next} />);
  });

  app.post('/signin', localizedRoute, async (request, reply) => {
    const form = formOf(request);
    const next = safeNext(form.next);
    const { chrome } = await loadChrome(request);
    try {
      if (!limiter.attempt(request.ip)) throw new AppError('rate_limited', chrome.messages.t('signin.rateLimited'), 429);
      await accounts.requestSignIn(form.email, { next, messages: chrome.messages });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const message = error.message.replace(/^\w+: /, '');
      return page(request, reply, 'signin.title', () => <SignInPage siteName={chrome.settings.siteName} next={next} email={text(form.email)} error={message} />, error.status);
    }
    return page(request, reply, 'signin.checkInboxTitle', () => <SignInSentPage />);
  });

  app.get('/signin/verify', async (request, reply) => {
    privatePage(reply);
    const parsed = tokenQuery.safeParse(request.query);
    if (!parsed.success || !(await accounts.isUsable(parsed.data.token))) throw await refusal(request, 'signin.linkInvalid', 400);
    const nonce = crypto.randomUUID();
    reply.setCookie(VERIFY_COOKIE, nonce, { path: '/signin/verify', httpOnly: true, sameSite: 'lax', secure: deps.secureCookies, maxAge: 15 * 60 });
    return page(request, reply, 'signin.title', () => <VerifyPage token={parsed.data.token} next={safeNext(parsed.data.next)} nonce={nonce} />);
  });

  app.post('/signin/verify', async (request, reply) => {
    privatePage(reply);
    const form = formOf(request);
    const nonce = request.cookies[VERIFY_COOKIE];
    if (!nonce || form.nonce !== nonce) throw await refusal(request, 'signin.formExpired', 403);
    const invalid = await refusal(request, 'signin.linkInvalid', 400);
    const session = await accounts.completeSignIn(text(form.token), () => invalid);
    reply.clearCookie(VERIFY_COOKIE, { path: '/signin/verify' });
    setReaderCookie(reply, session.token, session.expiresAt, deps.secureCookies);
    return reply.redirect(safeNext(form.next), 303);
  });

  app.post('/signout', async (request, reply) => {
    privatePage(reply);
    const token = request.cookies[READER_COOKIE];
    if (await request.reader()) {
      await csrf(request);
      await accounts.endSession(token!);
    }
    clearReaderCookie(reply, deps.secureCookies);
    return reply.redirect('/', 303);
  });

  async function accountPage(request: FastifyRequest, reply: FastifyReply, reader: Reader, extra: { notice?: 'saved' | 'joined'; error?: string; deleteError?: string } = {}, status = 200) {
    const [csrfToken, membership] = await Promise.all([readerCsrfToken(request), deps.membershipOf(reader.id)]);
    return page(
      request,
      reply,
      'account.title',
      (_chrome, dates) => <AccountPage reader={reader} csrfToken={csrfToken ?? ''} membership={membership} formatDate={(iso) => longDate(iso, dates)} {...extra} />,
      status,
    );
  }

  app.get('/account', localizedRoute, async (request, reply) => {
    const reader = await readerOr(request, reply);
    if (!reader) return reply;
    const query = accountQuery.safeParse(request.query).data;
    return accountPage(request, reply, reader, query?.saved ? { notice: 'saved' } : query?.joined ? { notice: 'joined' } : {});
  });

  app.post('/account', localizedRoute, async (request, reply) => {
    const reader = await readerOr(request, reply);
    if (!reader) return reply;
    await csrf(request);
    const form = formOf(request);
    try {
      await accounts.updateProfile(reader.id, { displayName: text(form.displayName), replyNotifications: form.replyNotifications === 'on' });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      return accountPage(request, reply, reader, { error: error.message.replace(/^\w+: /, '') }, error.status);
    }
    privatePage(reply);
    return reply.redirect(`${inRequestLanguage(request, '/account')}?saved=1`, 303);
  });

  app.post('/account/billing', async (request, reply) => {
    const reader = await readerOr(request, reply);
    if (!reader) return reply;
    await csrf(request);
    const url = await deps.billingPortal(reader.id);
    if (!url) throw new AppError('not_found', 'There is no paid membership to manage', 404);
    privatePage(reply);
    return reply.redirect(url, 303);
  });

  app.get('/account/export', async (request, reply) => {
    const reader = await readerOr(request, reply);
    if (!reader) return reply;
    privatePage(reply);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="account-export.json"')
      .send(JSON.stringify(await accounts.exportData(reader.id), null, 2));
  });

  app.post('/account/delete', async (request, reply) => {
    const reader = await readerOr(request, reply);
    if (!reader) return reply;
    await csrf(request);
    const { chrome } = await loadChrome(request);
    const mismatch = new AppError('confirmation_mismatch', chrome.messages.t('account.deleteMismatch'), 400);
    try {
      await accounts.deleteAccount(reader.id, formOf(request).confirmEmail, () => mismatch);
    } catch (error) {
      if (error !== mismatch) throw error;
      return accountPage(request, reply, reader, { deleteError: mismatch.message }, 400);
    }
    clearReaderCookie(reply, deps.secureCookies);
    return page(request, reply, 'account.deletedTitle', () => <AccountDeletedPage />);
  });
}
