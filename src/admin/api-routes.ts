import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ContentService } from '../content/index.js';
import { idParams, parseInput, rowId } from '../parse-input.js';
import { notFound } from '../errors.js';
import type { AuditLog } from './audit-log.js';
import type { ArticleActions } from './article-actions.js';
import { requireCan, requireStaff } from './auth.js';
import type { StaffService } from './staff-service.js';

const revisionParams = z.object({ id: rowId, revision: rowId });
const listQuery = z.strictObject({
  status: z.enum(['draft', 'scheduled', 'published']).optional(),
  q: z.string().trim().max(200).optional(),
  mine: z.enum(['1']).optional(),
  review: z.enum(['1']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

/**
 * The staff JSON API under /api/admin/v1, for the editor's autosave, scripts and integrations.
 * Authenticated by session (with CSRF) or a Bearer API token; every route checks the caller's role,
 * and every change is written to the audit log.
 */
export function registerAdminApi(app: FastifyInstance, deps: { content: ContentService; staff: StaffService; audit: AuditLog; actions: ArticleActions }) {
  const { content, staff, audit, actions } = deps;
  const base = '/api/admin/v1';

  async function articleResponse(id: number) {
    const found = await content.editorial.editable(id);
    if (!found) throw notFound('article');
    return { article: { id: found.id, ...found.snapshot } };
  }

  app.get(`${base}/me`, async (request) => ({ staff: requireStaff(request) }));

  app.get(`${base}/articles`, async (request) => {
    const user = requireStaff(request);
    const q = parseInput(listQuery, request.query);
    const result = await content.editorial.page(
      { status: q.status, q: q.q, awaitingReview: q.review === '1', ...(q.mine ? { createdBy: user.id } : {}) },
      q.page,
    );
    return { articles: result.items, page: q.page, total: result.total };
  });

  app.get(`${base}/articles/:id`, async (request) => {
    requireStaff(request);
    return articleResponse(parseInput(idParams, request.params).id);
  });

  app.post(`${base}/articles`, async (request, reply) => {
    const user = requireCan(request, 'article.create');
    const { id } = await actions.save(user, null, request.body);
    reply.code(201);
    return articleResponse(id);
  });

  app.put(`${base}/articles/:id`, async (request) => {
    const user = requireStaff(request);
    const { id } = parseInput(idParams, request.params);
    await actions.save(user, id, request.body);
    return articleResponse(id);
  });

  app.delete(`${base}/articles/:id`, async (request, reply) => {
    const user = requireStaff(request);
    const { id } = parseInput(idParams, request.params);
    await actions.remove(user, id);
    return reply.code(204).send();
  });

  app.post(`${base}/articles/:id/review`, async (request) => {
    const user = requireStaff(request);
    const { id } = parseInput(idParams, request.params);
    await actions.requestReview(user, id);
    return articleResponse(id);
  });

  app.get(`${base}/articles/:id/revisions`, async (request) => {
    requireStaff(request);
    const { id } = parseInput(idParams, request.params);
    return { revisions: await content.editorial.revisions(id) };
  });

  app.post(`${base}/articles/:id/revisions/:revision/restore`, async (request) => {
    const user = requireStaff(request);
    const { id, revision } = parseInput(revisionParams, request.params);
    await actions.restore(user, id, revision);
    return articleResponse(id);
  });

  for (const [kind, save] of [
    ['authors', content.directory.saveAuthor],
    ['sources', content.directory.saveSource],
    ['terms', content.directory.saveTerm],
  ] as const) {
    app.post(`${base}/${kind}`, async (request) => {
      const user = requireCan(request, 'directory.edit');
      const saved = await save(request.body);
      await audit.record(user.id, `${kind}.save`, saved.slug);
      return { saved };
    });
  }

  app.get(`${base}/settings`, async (request) => {
    requireCan(request, 'settings.edit');
    return { settings: await content.settings.get() };
  });

  app.put(`${base}/settings`, async (request) => {
    const user = requireCan(request, 'settings.edit');
    const settings = await content.settings.update(request.body);
    await audit.record(user.id, 'settings.update', 'site', { fields: Object.keys(request.body as object) });
    return { settings };
  });

  app.get(`${base}/staff`, async (request) => {
    requireCan(request, 'staff.manage');
    return { staff: await staff.list() };
  });

  app.post(`${base}/staff`, async (request, reply) => {
    const user = requireCan(request, 'staff.manage');
    const created = await staff.create(request.body);
    await audit.record(user.id, 'staff.create', created.email, { role: created.role });
    reply.code(201);
    return { staff: created };
  });

  app.post(`${base}/tokens`, async (request, reply) => {
    const user = requireStaff(request);
    const { name } = parseInput(z.strictObject({ name: z.string() }), request.body);
    const created = await staff.createApiToken(user.id, name);
    await audit.record(user.id, 'token.create', name, { id: created.id });
    reply.code(201);
    return created;
  });

  app.delete(`${base}/tokens/:id`, async (request, reply) => {
    const user = requireStaff(request);
    const { id } = parseInput(idParams, request.params);
    await staff.revokeApiToken(user.id, id, user.role === 'owner');
    await audit.record(user.id, 'token.revoke', String(id));
    return reply.code(204).send();
  });

  app.get(`${base}/audit`, async (request) => {
    requireCan(request, 'audit.read');
    const { page } = parseInput(z.strictObject({ page: z.coerce.number().int().min(1).max(100_000).default(1) }), request.query);
    return { entries: await audit.page(page) };
  });
}
