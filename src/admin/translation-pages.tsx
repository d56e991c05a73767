import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { TranslationStatus } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { idParams, parseInput, rowId } from '../parse-input.js';
import type { TranslatableParts, TranslationService } from '../translation/index.js';
import { languageOfTag, type Language } from '../translation/languages.js';
import { TranslationError } from '../translation/provider.js';
import type { AuditLog } from './audit-log.js';
import { requireCan } from './auth.js';
import { formText, redirectToSignIn, type FormBody, type RenderPage } from './form-fields.js';
import { can, type Action } from './roles.js';
import { ArticleTranslationsPage, type ArticleTranslationsView } from './views/translation-article-page.js';
import { TranslationListPage, type TranslationListFilter } from './views/translation-list-page.js';
import { TranslationReviewPage, type TranslationReviewView } from './views/translation-review-page.js';

const PAGE_SIZE = 25;
/** Changing what readers see of any article, in any language, is editors' work, as it is in the original. */
const EDIT_TRANSLATIONS: Action = 'article.edit-any';

const languageTag = z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'A BCP 47 language tag, such as es or pt-BR');
const listQuery = z.object({
  status: z.enum(['needs-review', 'stale', 'machine', 'reviewed', 'all']).default('needs-review'),
  lang: languageTag.or(z.literal('')).default(''),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
const translatedQuery = z.object({ translated: languageTag.optional(), kept: languageTag.optional() });
const reviewParams = z.object({ id: rowId, lang: languageTag });

const statusesFor: Record<TranslationListFilter, TranslationStatus[] | undefined> = {
  'needs-review': ['stale', 'machine'],
  stale: ['stale'],
  machine: ['machine'],
  reviewed: ['reviewed'],
  all: undefined,
};

/** The review form's parts, and nothing else from it (the CSRF token is not part of a translation). */
const partsFromForm = (form: FormBody): TranslatableParts => ({
  kicker: formText(form, 'kicker'),
  title: formText(form, 'title'),
  dek: formText(form, 'dek'),
  imageAlt: formText(form, 'imageAlt'),
  imageCaption: formText(form, 'imageCaption'),
  bodyHtml: formText(form, 'bodyHtml'),
});

const nameOf = (tag: string) => languageOfTag(tag)?.englishName ?? tag;

/**
 * The newsroom's translation screens: the list of translations waiting for an editor (under the
 * providers' health), an article's translations with "translate now", and the side-by-side review
 * screen. Every signed-in staff member may look; editors and owners change translations.
 */
export function registerTranslationPages(
  app: FastifyInstance,
  deps: { translation: TranslationService; audit: AuditLog; renderPage: RenderPage; languages: readonly Language[] },
) {
  const { translation, audit, renderPage } = deps;
  const translator = translation.articles;

  app.get('/admin/translations', async (request, reply) => {
    if (!request.staff) return redirectToSignIn(request, reply);
    const q = parseInput(listQuery, request.query);
    const filter = { ...(statusesFor[q.status] ? { statuses: statusesFor[q.status] } : {}), ...(q.lang ? { language: q.lang } : {}) };
    const [health, { items, total }] = await Promise.all([translation.health(), translator.list(filter, q.page, PAGE_SIZE)]);
    const view = { health, items, total, page: q.page, pageSize: PAGE_SIZE, query: { status: q.status, lang: q.lang }, languages: deps.languages };
    return renderPage(request, reply, 'Translations', <TranslationListPage view={view} />);
  });

  async function showArticle(request: FastifyRequest, reply: FastifyReply, articleId: number, extra: Partial<ArticleTranslationsView> = {}, status?: number) {
    const [original, translations] = await Promise.all([translator.original(articleId), translator.forArticle(articleId)]);
    const view: ArticleTranslationsView = {
      articleId,
      title: original.parts.title,
      translations,
      languages: deps.languages.filter((l) => l.code !== languageOfTag(original.language)?.code),
      canEdit: can(request.staff!.role, EDIT_TRANSLATIONS),
      csrfToken: request.csrfToken ?? '',
      ...extra,
    };
    return renderPage(request, reply, `Translations of ${original.parts.title}`, <ArticleTranslationsPage view={view} />, status);
  }

  app.get('/admin/articles/:id/translations', async (request, reply) => {
    if (!request.staff) return redirectToSignIn(request, reply);
    const { id } = parseInput(idParams, request.params);
    const done = parseInput(translatedQuery, request.query);
    const notice = done.translated
      ? `Translated into ${nameOf(done.translated)}.`
      : done.kept
        ? `The ${nameOf(done.kept)} translation was reviewed by staff, so it was kept; review it again if the original changed.`
        : undefined;
    return showArticle(request, reply, id, notice ? { notice } : {});
  });

  /** Translates now, while the editor waits: a refusal or a provider's failure is shown, and nothing is stored. */
  app.post('/admin/articles/:id/translations', async (request, reply) => {
    const user = requireCan(request, EDIT_TRANSLATIONS);
    const { id } = parseInput(idParams, request.params);
    const lang = formText((request.body ?? {}) as FormBody, 'lang');
    try {
      const result = await translator.translateArticle(id, lang);
      translation.translationChanged(id, result.language);
      await audit.record(user.id, 'translation.translate', `${id}/${result.language}`, { outcome: result.outcome, ...(result.outcome === 'translated' ? { provider: result.provider } : {}) });
      const done = result.outcome === 'translated' ? 'translated' : 'kept';
      return reply.redirect(`/admin/articles/${id}/translations?${done}=${encodeURIComponent(result.language)}`, 303);
    } catch (error) {
      const refused = error instanceof AppError && error.status < 500 && error.code !== 'not_found';
      if (!refused && !(error instanceof TranslationError)) throw error;
      const message = error instanceof TranslationError ? `The translation provider failed: ${error.message}` : error.message;
      return showArticle(request, reply, id, { error: message, lang }, error instanceof AppError ? error.status : 502);
    }
  });

  async function showReview(request: FastifyRequest, reply: FastifyReply, articleId: number, lang: string, extra: Partial<TranslationReviewView> = {}, status?: number) {
    const [original, stored] = await Promise.all([translator.original(articleId), translator.get(articleId, lang)]);
    if (!stored) throw notFound('translation');
    const view: TranslationReviewView = {
      articleId,
      original,
      language: stored.language,
      stored,
      values: stored,
      canEdit: can(request.staff!.role, EDIT_TRANSLATIONS),
      csrfToken: request.csrfToken ?? '',
      ...extra,
    };
    return renderPage(request, reply, `${original.parts.title} (${nameOf(stored.language)})`, <TranslationReviewPage view={view} />, status);
  }

  app.get('/admin/articles/:id/translations/:lang', async (request, reply) => {
    if (!request.staff) return redirectToSignIn(request, reply);
    const { id, lang } = parseInput(reviewParams, request.params);
    const saved = (request.query as Record<string, unknown>).saved === '1';
    return showReview(request, reply, id, lang, saved ? { notice: 'Saved as reviewed.' } : {});
  });

  /** Saves the editor's version as reviewed; a refusal shows the form again with what was typed, nothing stored. */
  app.post('/admin/articles/:id/translations/:lang', async (request, reply) => {
    const user = requireCan(request, EDIT_TRANSLATIONS);
    const { id, lang } = parseInput(reviewParams, request.params);
    if (!(await translator.get(id, lang))) throw notFound('translation');
    const values = partsFromForm((request.body ?? {}) as FormBody);
    try {
      await translator.saveReview(id, lang, values, user.id);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.code === 'not_found') throw error;
      return showReview(request, reply, id, lang, { values, error: { message: error.message, ...(error.field ? { field: error.field } : {}) } }, error.status);
    }
    translation.translationChanged(id, lang);
    await audit.record(user.id, 'translation.review', `${id}/${lang}`);
    return reply.redirect(`/admin/articles/${id}/translations/${encodeURIComponent(lang)}?saved=1`, 303);
  });
}
