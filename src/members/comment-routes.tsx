import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { Article, ContentService } from '../content/index.js';
import { AppError, notFound } from '../errors.js';
import type { MessageKey } from '../i18n/messages-en.js';
import { idParams, parseInput } from '../parse-input.js';
import type { ChromeLoader } from '../site/chrome-loader.js';
import { inRequestLanguage, localizedRoute } from '../site/page-language.js';
import { parseSlug } from '../site/params.js';
import { renderDocument } from '../site/render.js';
import type { Chrome } from '../site/views/chrome.js';
import type { Reader } from './accounts.js';
import { signInPath } from './account-routes.js';
import type { Comments } from './comments.js';
import { canRead, type AccessLevel } from './membership.js';
import { checkReaderCsrf, privatePage } from './reader-sessions.js';
import { CommentFormPage, PendingPage, RefusedPage, ReportedPage, ReportPage } from './views/comment-pages.js';

type Session = { reader: Reader; csrfToken: string };

/** A text field of a urlencoded form. */
const field = (body: unknown, name: string): unknown => (body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined);

/**
 * Whether a form post comes from a page of this site, by its Origin header. The comment form on the
 * (cached, shared) article page cannot carry a reader's CSRF token; a browser posting it says where
 * from, and a post from anywhere else, or that does not say, gets a form with the token to confirm.
 */
function fromOurPages(request: FastifyRequest, siteUrl: string): boolean {
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return false;
  try {
    const sent = new URL(origin);
    return sent.origin === new URL(siteUrl).origin || sent.host === request.host;
  } catch {
    return false;
  }
}

/**
 * Posting, replying to and reporting comments. Only signed-in readers with a membership who may read
 * the article comment; every page here is the reader's own, so none is cached.
 */
export function registerCommentRoutes(
  app: FastifyInstance,
  deps: { comments: Comments; content: ContentService; loadChrome: ChromeLoader; accessOf: (readerId: number) => Promise<{ level: AccessLevel }>; siteUrl: string },
) {
  const { comments, content, loadChrome } = deps;

  async function page(request: FastifyRequest, reply: FastifyReply, title: MessageKey, body: (chrome: Chrome) => ComponentChildren, status = 200) {
    privatePage(reply);
    const { chrome } = await loadChrome(request);
    const heading = chrome.messages.t(title as 'comments.heading');
    const meta = { title: heading, description: heading, canonical: '/', noindex: true };
    return reply.code(status).type('text/html; charset=utf-8').send(renderDocument(chrome, meta, body(chrome)));
  }

  /** The signed-in reader, or a redirect to sign in and come back to `back`. */
  async function sessionOr(request: FastifyRequest, reply: FastifyReply, back: string): Promise<Session | null> {
    const session = await request.readerSession();
    if (!session) {
      privatePage(reply).redirect(signInPath(inRequestLanguage(request, back)), 303);
      return null;
    }
    return session;
  }

  /** Sends the refusal page when the reader may not comment on the article; true when they may. */
  async function mayComment(request: FastifyRequest, reply: FastifyReply, reader: Reader, article: Article): Promise<boolean> {
    const { level } = await deps.accessOf(reader.id);
    if (level === 'none' || !canRead(article.visibility, level)) {
      await page(request, reply, 'comments.membersOnlyTitle', (chrome) => (
        <RefusedPage heading={chrome.messages.t('comments.membersOnlyTitle')} text={chrome.messages.t('comments.membersOnlyText')} joinLink />
      ), 403);
      return false;
    }
    if (reader.banned) {
      await page(request, reply, 'comments.heading', (chrome) => <RefusedPage heading={chrome.messages.t('comments.heading')} text={`${chrome.messages.t('comments.banned')}.`} joinLink={false} />, 403);
      return false;
    }
    if (!article.commentsEnabled) throw new AppError('comments_closed', (await loadChrome(request)).chrome.messages.t('comments.closed'), 403);
    return true;
  }

  async function publishedArticle(slug: string): Promise<Article> {
    const article = await content.articles.publishedBySlug(slug);
    if (!article) throw notFound('article');
    return article;
  }

  app.post('/articles/:slug/comments', localizedRoute, async (request, reply) => {
    const article = await publishedArticle(parseSlug(request.params));
    const session = await sessionOr(request, reply, `/articles/${article.slug}#comments`);
    if (!session) return reply;
    privatePage(reply);
    if (!(await mayComment(request, reply, session.reader, article))) return reply;
    const body = field(request.body, 'body');
    const parentId = field(request.body, 'parentId');
    const formPage = (heading: 'comments.confirmTitle' | 'comments.formHeading', extra: { error?: string; status?: number } = {}) =>
      page(request, reply, heading, (chrome) => (
        <CommentFormPage
          slug={article.slug}
          title={article.title}
          heading={chrome.messages.t(heading)}
          {...(heading === 'comments.confirmTitle' ? { intro: <p>{chrome.messages.t('comments.confirmText')}</p> } : {})}
          body={typeof body === 'string' ? body : ''}
          {...(typeof parentId === 'string' && parentId ? { parentId: Number(parentId) } : {})}
          csrfToken={session.csrfToken}
          {...(extra.error ? { error: extra.error } : {})}
        />
      ), extra.status);

    const { chrome } = await loadChrome(request);
    const tokenSent = field(request.body, '_csrf') !== undefined || request.headers['x-csrf-token'] !== undefined;
    if (tokenSent) {
      await checkReaderCsrf(request, () => new AppError('csrf_failed', chrome.messages.t('signin.formExpired'), 403));
    } else if (!fromOurPages(request, deps.siteUrl)) {
      return formPage('comments.confirmTitle');
    }
    try {
      const posted = await comments.post({ article, reader: session.reader, body, parentId, ip: request.ip }, chrome.messages);
      if (posted.status === 'approved') return reply.redirect(inRequestLanguage(request, `/articles/${article.slug}#comment-${posted.id}`), 303);
      return page(request, reply, 'comments.pendingTitle', () => <PendingPage slug={article.slug} title={article.title} />);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      return formPage('comments.formHeading', { error: error.message, status: error.status });
    }
  });

  app.get('/comments/:id/reply', localizedRoute, async (request, reply) => {
    const { id } = parseInput(idParams, request.params);
    const parent = await comments.approved(id);
    const session = await sessionOr(request, reply, `/comments/${id}/reply`);
    if (!session) return reply;
    const article = await publishedArticle(parent.articleSlug);
    if (!(await mayComment(request, reply, session.reader, article))) return reply;
    return page(request, reply, 'comments.replyHeading', (chrome) => (
      <CommentFormPage
        slug={article.slug}
        title={article.title}
        heading={chrome.messages.t('comments.replyHeading')}
        intro={<blockquote class="comment-body" dangerouslySetInnerHTML={{ __html: parent.bodyHtml }} />}
        parentId={parent.id}
        csrfToken={session.csrfToken}
      />
    ));
  });

  app.get('/comments/:id/report', localizedRoute, async (request, reply) => {
    const { id } = parseInput(idParams, request.params);
    const comment = await comments.approved(id);
    const session = await sessionOr(request, reply, `/comments/${id}/report`);
    if (!session) return reply;
    return page(request, reply, 'comments.reportTitle', () => <ReportPage commentId={comment.id} bodyHtml={comment.bodyHtml} csrfToken={session.csrfToken} />);
  });

  app.post('/comments/:id/report', localizedRoute, async (request, reply) => {
    const { id } = parseInput(idParams, request.params);
    const session = await sessionOr(request, reply, `/comments/${id}/report`);
    if (!session) return reply;
    privatePage(reply);
    const { chrome } = await loadChrome(request);
    await checkReaderCsrf(request, () => new AppError('csrf_failed', chrome.messages.t('signin.formExpired'), 403));
    const comment = await comments.approved(id);
    const article = await publishedArticle(comment.articleSlug);
    await comments.report(id, session.reader, field(request.body, 'reason'), chrome.messages);
    return page(request, reply, 'comments.reportedTitle', () => <ReportedPage slug={article.slug} title={article.title} />);
  });
}
