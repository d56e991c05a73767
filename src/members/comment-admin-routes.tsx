import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AuditLog } from '../admin/audit-log.js';
import { requireCan } from '../admin/auth.js';
import { formText, redirectToSignIn, type FormBody, type RenderPage } from '../admin/form-fields.js';
import { idParams, parseInput } from '../parse-input.js';
import { queueFilter, type CommentModeration, type ModerationAction } from './comment-moderation.js';
import { CommentQueuePage } from './views/comment-admin-page.js';

const banInput = z.object({ reason: z.string().trim().min(1, 'Say why the reader is banned').max(500) });
const done: Record<string, string> = {
  approve: 'Comment approved.',
  reject: 'Comment rejected.',
  delete: 'Comment deleted.',
  ban: 'Reader banned; their waiting comments were rejected.',
};

/** The newsroom's moderation queue (/admin/comments) for editors and owners; every action is audit-logged. */
export function registerCommentAdmin(app: FastifyInstance, deps: { moderation: CommentModeration; audit: AuditLog; renderPage: RenderPage }) {
  const { moderation, audit, renderPage } = deps;

  app.get('/admin/comments', async (request, reply) => {
    if (!request.staff) return redirectToSignIn(request, reply);
    requireCan(request, 'comments.moderate');
    const query = request.query as Record<string, unknown>;
    const filter = queueFilter.parse(query.show);
    const note = typeof query.done === 'string' ? done[query.done] : undefined;
    const body = <CommentQueuePage comments={await moderation.queue(filter)} filter={filter} csrfToken={request.csrfToken ?? ''} {...(note ? { done: note } : {})} />;
    return renderPage(request, reply, 'Comments', body);
  });

  for (const action of ['approve', 'reject', 'delete'] as const satisfies readonly ModerationAction[]) {
    app.post(`/admin/comments/:id/${action}`, async (request, reply) => {
      const user = requireCan(request, 'comments.moderate');
      const { id } = parseInput(idParams, request.params);
      const { articleId } = await moderation.moderate(id, action, user.id);
      await audit.record(user.id, `comment.${action}`, `comment:${id}`, { articleId });
      return reply.redirect(`/admin/comments?done=${action}`, 303);
    });
  }

  app.post('/admin/readers/:id/ban', async (request, reply) => {
    const user = requireCan(request, 'comments.moderate');
    const { id } = parseInput(idParams, request.params);
    const { reason } = parseInput(banInput, { reason: formText((request.body ?? {}) as FormBody, 'reason') });
    await moderation.ban(id, reason, user.id);
    await audit.record(user.id, 'reader.ban', `reader:${id}`, { reason });
    return reply.redirect('/admin/comments?done=ban', 303);
  });
}
