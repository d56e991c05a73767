import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { Catalogs, ProduceResult } from '../i18n/catalogs.js';
import type { Message } from '../i18n/messages-en.js';
import { parseInput } from '../parse-input.js';
import { TranslationError } from '../translation/provider.js';
import type { AuditLog } from './audit-log.js';
import { requireCan } from './auth.js';
import { formText, redirectToSignIn, type FormBody, type RenderPage } from './form-fields.js';
import { can, type Action } from './roles.js';
import { CatalogPage, LanguagesPage, type CatalogAttempt, type CatalogFilter } from './views/language-pages.js';

/** What readers see in any language is editors' work, as with article translations. */
const EDIT_CATALOGS: Action = 'article.edit-any';

const langParams = z.object({ lang: z.string().regex(/^[a-z]{2,3}$/, 'A language code such as es') });
const filter = z.enum(['all', 'missing', 'outdated', 'machine']).catch('all');
const catalogQuery = z.object({ show: filter, saved: z.string().max(100).optional() });

/** A posted translation: `text`, or for a plural message one `text.<category>` field per form. */
function textFromForm(form: FormBody): Message {
  const forms = Object.keys(form)
    .filter((name) => name.startsWith('text.'))
    .map((name) => [name.slice('text.'.length), formText(form, name)] as const);
  return forms.length > 0 ? (Object.fromEntries(forms) as Message) : formText(form, 'text');
}

/**
 * The newsroom's language pages: each language's catalog state with a "produce" button, and the
 * catalog of one language to review and edit. Every signed-in staff member may look; editors and
 * owners change it. Each change is in the audit log.
 */
export function registerLanguagePages(app: FastifyInstance, deps: { catalogs: Catalogs; audit: AuditLog; renderPage: RenderPage }) {
  const { catalogs, audit, renderPage } = deps;

  async function showLanguages(request: FastifyRequest, reply: FastifyReply, extra: { result?: ProduceResult; error?: string } = {}, status?: number) {
    const page = <LanguagesPage statuses={await catalogs.overview()} canEdit={can(request.staff!.role, EDIT_CATALOGS)} csrfToken={request.csrfToken ?? ''} {...extra} />;
    return renderPage(request, reply, 'Languages', page, status);
  }

  async function showCatalog(request: FastifyRequest, reply: FastifyReply, lang: string, show: CatalogFilter, extra: { saved?: string; attempt?: CatalogAttempt } = {}, status?: number) {
    const { language, rows } = await catalogs.rows(lang);
    const page = <CatalogPage language={language} rows={rows} filter={show} canEdit={can(request.staff!.role, EDIT_CATALOGS)} csrfToken={request.csrfToken ?? ''} {...extra} />;
    return renderPage(request, reply, `Messages in ${language.englishName}`, page, status);
  }

  app.get('/admin/languages', async (request, reply) => {
    if (!request.staff) return redirectToSignIn(request, reply);
    return showLanguages(request, reply);
  });

  /** Machine-translates what the language lacks, while the editor waits; a refusal or a provider's failure is shown and stores nothing. */
  app.post('/admin/languages/:lang/produce', async (request, reply) => {
    const user = requireCan(request, EDIT_CATALOGS);
    const { lang } = parseInput(langParams, request.params);
    try {
      const result = await catalogs.produce(lang);
      await audit.record(user.id, 'catalog.produce', result.language, { translated: result.translated, kept: result.kept, failed: result.failed });
      return showLanguages(request, reply, { result });
    } catch (error) {
      if (error instanceof TranslationError) return showLanguages(request, reply, { error: `The translation provider failed: ${error.message}` }, 502);
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      return showLanguages(request, reply, { error: error.message }, error.status);
    }
  });

  app.get('/admin/languages/:lang/messages', async (request, reply) => {
    if (!request.staff) return redirectToSignIn(request, reply);
    const { lang } = parseInput(langParams, request.params);
    const { show, saved } = parseInput(catalogQuery, request.query);
    return showCatalog(request, reply, lang, show, saved ? { saved } : {});
  });

  app.post('/admin/languages/:lang/messages', async (request, reply) => {
    const user = requireCan(request, EDIT_CATALOGS);
    const { lang } = parseInput(langParams, request.params);
    const form = (request.body ?? {}) as FormBody;
    const key = formText(form, 'key');
    const show = filter.parse(formText(form, 'show'));
    const text = textFromForm(form);
    try {
      await catalogs.edit(lang, key, text, user.id);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.code === 'unknown_language') throw error;
      return showCatalog(request, reply, lang, show, { attempt: { key, text, message: error.message } }, error.status);
    }
    await audit.record(user.id, 'catalog.edit', `${lang}/${key}`);
    return reply.redirect(`/admin/languages/${lang}/messages?show=${show}&saved=${encodeURIComponent(key)}`, 303);
  });
}
