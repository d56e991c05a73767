import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuditLog } from '../admin/audit-log.js';
import { requireCan } from '../admin/auth.js';
import { formText, redirectToSignIn, type FormBody, type RenderPage } from '../admin/form-fields.js';
import { AppError } from '../errors.js';
import { parseInput } from '../parse-input.js';
import { parseSuppressionQuery, type SuppressionList } from './suppressions.js';
import { SuppressionsPage, type SuppressionsView } from './views/suppressions-page.js';

const LIST_PATH = '/admin/newsletter/suppressions';

const notices = {
  added: 'The address is on the suppression list: no newsletter will be sent to it.',
  already: 'That address was already on the suppression list; its entry is unchanged.',
  removed: 'The address is off the suppression list.',
} as const;

const doneQuery = z.object({ done: z.enum(Object.keys(notices) as [keyof typeof notices]).optional() });

/** Keeps a refusal on the page rather than an error page: only bad input, not a fault or a permission. */
const isRefusal = (error: unknown): error is AppError => error instanceof AppError && error.status < 500 && error.status !== 403 && error.status !== 401;

/** The newsroom's view of the suppression list: search, filter, add by hand, remove; each change in the audit log. */
export function registerSuppressionAdmin(app: FastifyInstance, deps: { suppressions: SuppressionList; audit: AuditLog; renderPage: RenderPage }) {
  const { suppressions, audit, renderPage } = deps;

  async function listPage(request: FastifyRequest, reply: FastifyReply, query: unknown, extra: Partial<SuppressionsView> = {}, status?: number) {
    const asked = parseSuppressionQuery(query);
    const view: SuppressionsView = {
      page: await suppressions.list(asked),
      q: asked.q,
      reason: asked.reason ?? '',
      csrfToken: request.csrfToken ?? '',
      values: { email: '', detail: '' },
      ...extra,
    };
    return renderPage(request, reply, 'Suppression list', <SuppressionsPage view={view} />, status);
  }

  app.get(LIST_PATH, async (request, reply) => {
    if (!request.staff) return redirectToSignIn(request, reply);
    requireCan(request, 'newsletter.manage');
    const { done } = parseInput(doneQuery, request.query);
    return listPage(request, reply, request.query, done ? { notice: notices[done] } : {});
  });

  app.post(LIST_PATH, async (request, reply) => {
    const user = requireCan(request, 'newsletter.manage');
    const form = (request.body ?? {}) as FormBody;
    const values = { email: formText(form, 'email'), detail: formText(form, 'detail') };
    try {
      const { email, outcome } = await suppressions.add({ email: values.email, reason: 'manual', detail: values.detail }, 'admin');
      if (outcome !== 'unchanged') await audit.record(user.id, 'newsletter.suppress', email, { reason: 'manual', ...(values.detail ? { note: values.detail } : {}) });
      return reply.redirect(`${LIST_PATH}?${new URLSearchParams({ q: email, done: outcome === 'unchanged' ? 'already' : 'added' })}`, 303);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      return listPage(request, reply, {}, { values, problem: { message: error.message.replace(/^\w+: /, ''), ...(error.field ? { field: error.field } : {}) } }, error.status);
    }
  });

  app.post(`${LIST_PATH}/remove`, async (request, reply) => {
    const user = requireCan(request, 'newsletter.manage');
    const form = (request.body ?? {}) as FormBody;
    try {
      const { email, removed } = await suppressions.remove(formText(form, 'email'));
      if (!removed) throw new AppError('not_found', `${email} is not on the suppression list`, 404);
      await audit.record(user.id, 'newsletter.unsuppress', email);
      return reply.redirect(`${LIST_PATH}?done=removed`, 303);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      return listPage(request, reply, {}, { error: error.message }, error.status);
    }
  });
}
