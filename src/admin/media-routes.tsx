import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParams, parseInput } from '../parse-input.js';
import { AppError, notFound } from '../errors.js';
import type { MediaRecord, MediaService } from '../media/index.js';
import type { AuditLog } from './audit-log.js';
import { redirectToSignIn, type RenderPage } from './form-fields.js';
import { forbidden, requireCan, requireStaff } from './auth.js';
import { can } from './roles.js';
import type { StaffUser } from './staff-service.js';
import { MediaPage } from './views/media-page.js';

type Part = MultipartFile | MultipartValue | undefined;


/** A text field of a multipart body. */
const textField = (body: Record<string, Part>, name: string) => {
  const part = body[name];
  return part && part.type === 'field' ? String(part.value) : '';
};

/** Reads an upload from a multipart body: the file (one, named `file`) and its alt text, caption and credit. */
async function uploadFrom(request: FastifyRequest, user: StaffUser) {
  if (!request.isMultipart()) throw new AppError('invalid_input', 'Send the image as multipart/form-data with a "file" field', 415);
  const body = (request.body ?? {}) as Record<string, Part>;
  const file = body.file;
  if (!file || file.type !== 'file') throw new AppError('invalid_input', 'file: choose an image to upload', 400, 'file');
  return {
    filename: file.filename,
    bytes: await file.toBuffer(),
    alt: textField(body, 'alt'),
    caption: textField(body, 'caption'),
    credit: textField(body, 'credit'),
    uploadedBy: user.id,
  };
}

/** Whether this staff member may change or delete this item: editors any, others their own uploads. */
function mayEdit(user: StaffUser, item: MediaRecord) {
  return can(user.role, 'media.edit-any') || item.uploadedBy === user.id;
}

/**
 * The media library over HTTP: JSON under /api/admin/v1/media and the /admin/media page with its
 * upload form. Uploads are checked by the media service (real type, size, pixel count) before anything is kept.
 */
export function registerMediaRoutes(
  app: FastifyInstance,
  deps: { media: MediaService; audit: AuditLog; renderPage: RenderPage },
) {
  const { media, audit } = deps;
  const base = '/api/admin/v1/media';

  async function editable(user: StaffUser, id: number) {
    const item = await media.get(id);
    if (!item) throw notFound('media item');
    if (!mayEdit(user, item)) throw forbidden();
    return item;
  }

  app.get(base, async (request) => {
    requireStaff(request);
    const { page, q } = parseInput(z.strictObject({ page: z.coerce.number().int().min(1).max(100_000).default(1), q: z.string().max(200).optional() }), request.query);
    return media.list({ page, ...(q ? { q } : {}) });
  });

  app.post(base, async (request, reply) => {
    const user = requireCan(request, 'media.upload');
    const item = await media.upload(await uploadFrom(request, user));
    await audit.record(user.id, 'media.upload', item.url, { id: item.id });
    reply.code(201);
    return { media: item };
  });

  app.patch(`${base}/:id`, async (request) => {
    const user = requireStaff(request);
    const { id } = parseInput(idParams, request.params);
    await editable(user, id);
    const item = await media.update(id, request.body as never);
    await audit.record(user.id, 'media.update', item.url, { id });
    return { media: item };
  });

  app.delete(`${base}/:id`, async (request, reply) => {
    const user = requireStaff(request);
    const { id } = parseInput(idParams, request.params);
    const item = await editable(user, id);
    await media.remove(id);
    await audit.record(user.id, 'media.delete', item.url, { id });
    return reply.code(204).send();
  });

  app.get('/admin/media', async (request, reply) => {
    if (!request.staff) return redirectToSignIn(request, reply);
    const { page, q, uploaded } = parseInput(
      z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1), q: z.string().trim().max(200).optional(), uploaded: z.coerce.number().int().optional() }),
      request.query,
    );
    const library = await media.list({ page, ...(q ? { q } : {}) });
    return deps.renderPage(request, reply, 'Media', <MediaPage library={library} q={q ?? ''} csrfToken={request.csrfToken ?? ''} uploadedId={uploaded} />);
  });

  app.post('/admin/media', async (request, reply) => {
    const user = requireCan(request, 'media.upload');
    try {
      const item = await media.upload(await uploadFrom(request, user));
      await audit.record(user.id, 'media.upload', item.url, { id: item.id });
      return reply.redirect(`/admin/media?uploaded=${item.id}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const library = await media.list({});
      return deps.renderPage(request, reply, 'Media', <MediaPage library={library} q="" csrfToken={request.csrfToken ?? ''} error={error.message} />, error.status);
    }
  });
}
