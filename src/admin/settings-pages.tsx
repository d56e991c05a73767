import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ContentService, SiteSettings } from '../content/index.js';
import { idParams, parseInput } from '../parse-input.js';
import { AppError } from '../errors.js';
import type { AuditLog } from './audit-log.js';
import { formText, redirectToSignIn, type FormBody, type RenderPage } from './form-fields.js';
import { requireCan, requireStaff } from './auth.js';
import type { StaffService } from './staff-service.js';
import { AuditPage, SettingsPage, StaffPage } from './views/settings-pages.js';
import { TokensPage } from './views/tokens-page.js';



const settingsToForm = (s: SiteSettings): Record<string, string> => ({
  ...Object.fromEntries(Object.entries(s).filter(([, v]) => typeof v === 'string')),
  feedFullText: s.feedFullText ? '1' : '',
  socialLinks: s.socialLinks.map((l) => `${l.network} | ${l.label} | ${l.url}`).join('\n'),
  translationPriorityLanguages: s.translationPriorityLanguages.join(' '),
});

function settingsFromForm(form: FormBody): Record<string, unknown> {
  const plain = ['siteName', 'tagline', 'language', 'timeZone', 'copyrightHolder', 'mediaInquiriesEmail', 'noteToReaders', 'republishingPolicy', 'disclaimer', 'fairUseNotice'];
  const socialLinks = formText(form, 'socialLinks')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [network = '', label = '', url = ''] = line.split('|').map((p) => p.trim());
      return { network, label, url };
    });
  // A form from before the send time existed leaves it out: blank keeps the stored time.
  const sendTime = formText(form, 'newsletterSendTime');
  const moderation = formText(form, 'commentModeration');
  return {
    ...Object.fromEntries(plain.map((k) => [k, formText(form, k)])),
    socialLinks,
    feedFullText: formText(form, 'feedFullText') === '1',
    translationPriorityLanguages: formText(form, 'translationPriorityLanguages').split(/[\s,]+/).filter(Boolean),
    ...(sendTime ? { newsletterSendTime: sendTime } : {}),
    ...(moderation ? { commentModeration: moderation } : {}),
  };
}

/** The owner's pages (site settings, staff), everyone's own API tokens, and the audit log for editors and owners. */
export function registerSettingsPages(app: FastifyInstance, deps: { content: ContentService; staff: StaffService; audit: AuditLog; renderPage: RenderPage }) {
  const { content, staff, audit, renderPage } = deps;

  app.get('/admin/settings', async (request, reply) => {
    if (!request.staff) return redirectToSignIn(request, reply);
    requireCan(request, 'settings.edit');
    const saved = (request.query as Record<string, unknown>).saved === '1';
    return renderPage(request, reply, 'Site settings', <SettingsPage values={settingsToForm(await content.settings.get())} csrfToken={request.csrfToken ?? ''} saved={saved} />);
  });

  app.post('/admin/settings', async (request, reply) => {
    const user = requireCan(request, 'settings.edit');
    const form = (request.body ?? {}) as FormBody;
    const change = settingsFromForm(form);
    try {
      await content.settings.update(change);
      await audit.record(user.id, 'settings.update', 'site', { fields: Object.keys(change) });
      return reply.redirect('/admin/settings?saved=1', 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const values = { ...Object.fromEntries(Object.keys(change).map((k) => [k, formText(form, k)])) };
      const problem = { message: error.message, ...(error.field ? { field: error.field } : {}) };
      return renderPage(request, reply, 'Site settings', <SettingsPage values={values} csrfToken={request.csrfToken ?? ''} error={problem} />, error.status);
    }
  });

  app.get('/admin/staff', async (request, reply) => {
    if (!request.staff) return redirectToSignIn(request, reply);
    requireCan(request, 'staff.manage');
    return renderPage(request, reply, 'Staff', <StaffPage staff={await staff.list()} csrfToken={request.csrfToken ?? ''} />);
  });

  app.post('/admin/staff', async (request, reply) => {
    const user = requireCan(request, 'staff.manage');
    const form = (request.body ?? {}) as FormBody;
    try {
      const created = await staff.create({ email: formText(form, 'email'), name: formText(form, 'name'), role: formText(form, 'role') });
      await audit.record(user.id, 'staff.create', created.email, { role: created.role });
      const setupLink = await staff.setupLink(created.id);
      return renderPage(request, reply, 'Staff', <StaffPage staff={await staff.list()} csrfToken={request.csrfToken ?? ''} setupLink={setupLink} />, 201);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      return renderPage(request, reply, 'Staff', <StaffPage staff={await staff.list()} csrfToken={request.csrfToken ?? ''} error={error.message} />, error.status);
    }
  });

  app.get('/admin/tokens', async (request, reply) => {
    if (!request.staff) return redirectToSignIn(request, reply);
    return renderPage(request, reply, 'API tokens', <TokensPage tokens={await staff.listApiTokens(request.staff.id)} csrfToken={request.csrfToken ?? ''} />);
  });

  app.post('/admin/tokens', async (request, reply) => {
    const user = requireStaff(request);
    const name = formText((request.body ?? {}) as FormBody, 'name');
    const { id, token } = await staff.createApiToken(user.id, name);
    await audit.record(user.id, 'token.create', name, { id });
    return renderPage(request, reply, 'API tokens', <TokensPage tokens={await staff.listApiTokens(user.id)} csrfToken={request.csrfToken ?? ''} created={token} />, 201);
  });

  app.post('/admin/tokens/:id/revoke', async (request, reply) => {
    const user = requireStaff(request);
    const { id } = parseInput(idParams, request.params);
    await staff.revokeApiToken(user.id, id, false);
    await audit.record(user.id, 'token.revoke', String(id));
    return reply.redirect('/admin/tokens', 303);
  });

  app.get('/admin/audit', async (request, reply) => {
    if (!request.staff) return redirectToSignIn(request, reply);
    requireCan(request, 'audit.read');
    const { page } = parseInput(z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) }), request.query);
    return renderPage(request, reply, 'Audit log', <AuditPage entries={await audit.page(page)} page={page} />);
  });
}
