import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { z } from 'zod';
import type { ArticleSnapshot } from '../content/article-writer.js';
import type { ContentService } from '../content/index.js';
import { idParams, parseInput, rowId } from '../parse-input.js';
import { AppError, notFound } from '../errors.js';
import { serveAsset } from '../site/assets.js';
import { articleFromForm } from './article-form.js';
import type { ArticleActions } from './article-actions.js';
import type { PreviewLinks } from './preview-links.js';
import type { AuditLog } from './audit-log.js';
import { redirectToSignIn, type RenderPage } from './form-fields.js';
import { clearSessionCookie, requireStaff, setSessionCookie } from './auth.js';
import { createRateLimiter } from '../http/rate-limit.js';
import { can } from './roles.js';
import { newToken } from './secrets.js';
import type { StaffService, StaffUser } from './staff-service.js';
import { renderAdminPage, type AdminFrame } from './views/admin-layout.js';
import { ArticleFormPage, type ArticleFormView } from './views/article-form-page.js';
import { ArticleListPage } from './views/article-list-page.js';
import { RevisionsPage } from './views/revisions-page.js';
import { NewPasswordForm, ResetRequestForm, SignInForm } from './views/sign-in-pages.js';

const LOGIN_CSRF_COOKIE = 'bs_login_csrf';
const listQuery = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(['draft', 'scheduled', 'published', '']).optional(),
  review: z.enum(['1']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
/** Only our own newsroom pages are a place to go after signing in. */
const safeNext = (next: unknown) => (typeof next === 'string' && /^\/admin(\/[A-Za-z0-9/_-]*)?(\?[^\s]*)?$/.test(next) ? next : '/admin');

interface Deps {
  content: ContentService;
  staff: StaffService;
  audit: AuditLog;
  publicDir: string;
  clientDir: string;
  stylesheetUrl: string;
  secureCookies: boolean;
  actions: ArticleActions;
  previews: PreviewLinks;
}

/**
 * The newsroom's HTML pages under /admin: sign-in, password reset, the article list, the article
 * form (with the editor island when its bundle is built) and revisions. Every page works without
 * JavaScript; every form carries a CSRF token.
 */
export function registerAdminPages(app: FastifyInstance, deps: Deps) {
  const { content, staff, audit, actions } = deps;
  const adminStylesheetUrl = serveAsset(app, path.join(deps.publicDir, 'admin.css'), { type: 'text/css; charset=utf-8', urlDir: '/admin/assets', fingerprint: true });
  const editorBuilt = fs.existsSync(path.join(deps.clientDir, 'editor.js'));
  const editorAssets = editorBuilt
    ? {
        script: serveAsset(app, path.join(deps.clientDir, 'editor.js'), { type: 'text/javascript; charset=utf-8', urlDir: '/admin/assets', fingerprint: true }),
        style: serveAsset(app, path.join(deps.clientDir, 'editor.css'), { type: 'text/css; charset=utf-8', urlDir: '/admin/assets', fingerprint: true }),
      }
    : undefined;
  if (!editorAssets) app.log.warn('dist/client/editor.js is missing (run npm run build): the article form falls back to a plain textarea');
  const signInLimiter = createRateLimiter({ limit: 10, windowMs: 10 * 60_000 });

  async function page(request: FastifyRequest, reply: FastifyReply, title: string, body: ComponentChildren, opts: { status?: number; editor?: boolean } = {}): Promise<FastifyReply> {
    const settings = await content.settings.get();
    const island = opts.editor ? editorAssets : undefined;
    const frame: AdminFrame = {
      siteName: settings.siteName,
      stylesheets: [deps.stylesheetUrl, adminStylesheetUrl, ...(island ? [island.style] : [])],
      scripts: island ? [island.script] : [],
      user: request.staff,
      csrfToken: request.csrfToken,
    };
    const html = renderAdminPage(frame, title, body);
    return reply.code(opts.status ?? 200).type('text/html; charset=utf-8').send(html);
  }

  /** Pages behind sign-in send a signed-out visitor to the sign-in form, and back afterwards. */
  function signedIn(request: FastifyRequest, reply: FastifyReply): StaffUser | undefined {
    if (request.staff) return request.staff;
    void redirectToSignIn(request, reply);
    return undefined;
  }

  /** Forms shown before sign-in use a double-submit token: a cookie and the same value in the form. */
  function loginCsrf(request: FastifyRequest, reply: FastifyReply): string {
    const existing = request.cookies[LOGIN_CSRF_COOKIE];
    if (existing && existing.length >= 32) return existing;
    const token = newToken();
    reply.setCookie(LOGIN_CSRF_COOKIE, token, { path: '/admin', httpOnly: true, sameSite: 'strict', secure: deps.secureCookies });
    return token;
  }

  function checkLoginCsrf(request: FastifyRequest) {
    const body = request.body as Record<string, unknown> | undefined;
    const cookie = request.cookies[LOGIN_CSRF_COOKIE];
    if (!cookie || body?._csrf !== cookie) throw new AppError('csrf_failed', 'This form has expired; reload the page and try again', 403);
  }

  app.get('/admin/signin', async (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>).next);
    if (request.staff) return reply.redirect(next, 303);
    const notice = (request.query as Record<string, unknown>).reset === '1' ? 'Your password is set. Sign in with it now.' : undefined;
    return page(request, reply, 'Sign in', <SignInForm csrf={loginCsrf(request, reply)} next={next} notice={notice} />);
  });

  app.post('/admin/signin', { config: { loginCsrf: true } }, async (request, reply) => {
    checkLoginCsrf(request);
    const body = request.body as Record<string, unknown>;
    const next = safeNext(body.next);
    const retry = (status: number, error: string) =>
      page(request, reply, 'Sign in', <SignInForm csrf={loginCsrf(request, reply)} next={next} error={error} />, { status });
    if (!signInLimiter.attempt(request.ip)) return retry(429, 'Too many attempts from your address. Wait a few minutes and try again.');
    try {
      const user = await staff.authenticate(String(body.email ?? ''), String(body.password ?? ''));
      // A session cookie that came with the request is never promoted: signing in always makes a new one.
      const old = request.cookies.bs_session;
      if (old) await staff.endSession(old);
      const session = await staff.startSession(user.id);
      setSessionCookie(reply, session.token, session.expiresAt, deps.secureCookies);
      await audit.record(user.id, 'staff.sign-in', user.email);
      return reply.redirect(next, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'sign_in_failed') return retry(401, error.message);
      throw error;
    }
  });

  app.post('/admin/signout', async (request, reply) => {
    const token = request.cookies.bs_session;
    if (token) await staff.endSession(token);
    clearSessionCookie(reply, deps.secureCookies);
    return reply.redirect('/admin/signin', 303);
  });

  app.post('/admin/signout-everywhere', async (request, reply) => {
    const user = requireStaff(request);
    await staff.endAllSessions(user.id);
    await audit.record(user.id, 'staff.sign-out-everywhere', user.email);
    clearSessionCookie(reply, deps.secureCookies);
    return reply.redirect('/admin/signin', 303);
  });

  app.get('/admin/reset', async (request, reply) => page(request, reply, 'Reset your password', <ResetRequestForm csrf={loginCsrf(request, reply)} />));

  app.post('/admin/reset', { config: { loginCsrf: true } }, async (request, reply) => {
    checkLoginCsrf(request);
    if (signInLimiter.attempt(request.ip)) await staff.requestPasswordReset(String((request.body as Record<string, unknown>).email ?? ''));
    return page(request, reply, 'Reset your password', <ResetRequestForm csrf={loginCsrf(request, reply)} sent />);
  });

  const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'This reset link is not valid') });

  app.get('/admin/reset/:token', async (request, reply) => {
    const { token } = parseInput(tokenParams, request.params);
    return page(request, reply, 'Choose a new password', <NewPasswordForm csrf={loginCsrf(request, reply)} token={token} />);
  });

  app.post('/admin/reset/:token', { config: { loginCsrf: true } }, async (request, reply) => {
    checkLoginCsrf(request);
    const { token } = parseInput(tokenParams, request.params);
    try {
      const user = await staff.resetPassword(token, (request.body as Record<string, unknown>).password);
      await audit.record(user.id, 'staff.password-reset', user.email);
      clearSessionCookie(reply, deps.secureCookies);
      return reply.redirect('/admin/signin?reset=1', 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      return page(request, reply, 'Choose a new password', <NewPasswordForm csrf={loginCsrf(request, reply)} token={token} error={error.message} />, { status: error.status });
    }
  });

  app.get('/admin', async (request, reply) => {
    const user = signedIn(request, reply);
    if (!user) return reply;
    const q = parseInput(listQuery, request.query);
    const filter = { q: q.q || undefined, status: q.status || undefined, awaitingReview: q.review === '1' };
    const result = await content.editorial.page(filter, q.page);
    const notice = (request.query as Record<string, unknown>).deleted ? 'The article was deleted.' : undefined;
    return page(request, reply, 'Articles', <ArticleListPage view={{ ...result, page: q.page, pageSize: 25, query: { q: q.q, status: q.status, review: q.review === '1' }, notice }} />);
  });

  async function formView(user: StaffUser, request: FastifyRequest, id: number | null, values: Partial<ArticleSnapshot>, extra: Partial<ArticleFormView> = {}): Promise<ArticleFormView> {
    const [authors, terms, sources] = await Promise.all([content.directory.listAuthors(), content.directory.listTerms(), content.directory.listSources()]);
    return { id, values, authors, terms, sources, canPublish: can(user.role, 'article.publish-own'), csrfToken: request.csrfToken ?? '', ...extra };
  }

  app.get('/admin/articles/new', async (request, reply) => {
    const user = signedIn(request, reply);
    if (!user) return reply;
    return page(request, reply, 'New article', <ArticleFormPage view={await formView(user, request, null, { status: 'draft' })} />, { editor: true });
  });

  app.get('/admin/articles/:id', async (request, reply) => {
    const user = signedIn(request, reply);
    if (!user) return reply;
    const found = await content.editorial.editable(parseInput(idParams, request.params).id);
    if (!found) throw notFound('article');
    const saved = (request.query as Record<string, unknown>).saved ? 'Saved.' : undefined;
    const links = found.status === 'published' ? { publicUrl: `/articles/${found.snapshot.slug}` } : { previewUrl: await deps.previews.linkFor(found.id) };
    const view = await formView(user, request, found.id, found.snapshot, { notice: saved, reviewRequestedAt: found.reviewRequestedAt, ...links });
    return page(request, reply, found.snapshot.title, <ArticleFormPage view={view} />, { editor: true });
  });

  /** Saves from the form; a refusal shows the form again with what was typed and the reason, nothing saved. */
  async function saveFromForm(request: FastifyRequest, reply: FastifyReply, id: number | null) {
    const user = requireStaff(request);
    const current = id === null ? undefined : (await content.editorial.editable(id))?.snapshot;
    if (id !== null && !current) throw notFound('article');
    const input = articleFromForm(request.body, current);
    try {
      const saved = await actions.save(user, id, input);
      return reply.redirect(`/admin/articles/${saved.id}?saved=1`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.code === 'forbidden') throw error;
      const view = await formView(user, request, id, input as Partial<ArticleSnapshot>, { error: { message: error.message, ...(error.field ? { field: error.field } : {}) } });
      return page(request, reply, 'Check the article', <ArticleFormPage view={view} />, { status: error.status, editor: true });
    }
  }

  app.post('/admin/articles', async (request, reply) => saveFromForm(request, reply, null));
  app.post('/admin/articles/:id', async (request, reply) => saveFromForm(request, reply, parseInput(idParams, request.params).id));

  app.post('/admin/articles/:id/review', async (request, reply) => {
    const user = requireStaff(request);
    const { id } = parseInput(idParams, request.params);
    await actions.requestReview(user, id);
    return reply.redirect(`/admin/articles/${id}?saved=1`, 303);
  });

  /** The editor island's autosave: drafts only, answered in JSON. */
  app.post('/admin/articles/:id/autosave', { config: { jsonErrors: true } }, async (request) => {
    const user = requireStaff(request);
    const { id } = parseInput(idParams, request.params);
    const current = await content.editorial.editable(id);
    if (!current) throw notFound('article');
    if (current.status !== 'draft') throw new AppError('not_a_draft', 'Only drafts are saved automatically; press Save to update a live article', 409);
    const input = { ...(articleFromForm(request.body, current.snapshot) as object), status: 'draft' };
    // Autosaves keep revisions but stay out of the audit log, which would drown in them.
    await actions.save(user, id, input, { audit: false });
    return { savedAt: new Date().toISOString() };
  });

  app.get('/admin/articles/:id/revisions', async (request, reply) => {
    const user = signedIn(request, reply);
    if (!user) return reply;
    const { id } = parseInput(idParams, request.params);
    const revisions = await content.editorial.revisions(id);
    if (revisions.length === 0) throw notFound('article');
    return page(request, reply, 'Revisions', <RevisionsPage articleId={id} title={revisions[0]!.snapshot.title} revisions={revisions.slice(0, 50)} csrfToken={request.csrfToken ?? ''} />);
  });

  app.post('/admin/articles/:id/revisions/:revision/restore', async (request, reply) => {
    const user = requireStaff(request);
    const { id, revision } = parseInput(z.object({ id: rowId, revision: rowId }), request.params);
    await actions.restore(user, id, revision);
    return reply.redirect(`/admin/articles/${id}?saved=1`, 303);
  });

  const renderPage: RenderPage = (request, reply, title, body, status) => page(request, reply, title, body, status ? { status } : {});
  return { renderPage };
}
