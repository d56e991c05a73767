import { Readable } from 'node:stream';
import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuditLog } from '../admin/audit-log.js';
import { requireCan } from '../admin/auth.js';
import { formText, redirectToSignIn, type FormBody, type RenderPage } from '../admin/form-fields.js';
import type { Clock } from '../clock.js';
import type { ContentService } from '../content/index.js';
import { AppError, notFound } from '../errors.js';
import { idParams, parseInput } from '../parse-input.js';
import { csvRow } from './csv.js';
import { defaultLanguage, NEWSLETTER_LANGUAGES } from './languages.js';
import { EXPORT_COLUMNS, type SubscriberAdmin, type SubscriberFilter } from './subscriber-admin.js';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, importText, planAsCsv } from './subscriber-admin-import.js';
import { importGrounds, type NewsletterService } from './subscriptions.js';
import { ImportPage, ImportPreviewPage, type ImportChoiceValues } from './views/subscriber-import-pages.js';
import { SubscriberPage, SubscribersPage, type SubscriberFilterValues } from './views/subscriber-pages.js';

const LIST = '/admin/newsletter/subscribers';

/** A choice from a fixed list, where '' (a select's "any") means not chosen. */
const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(values, { error: message }).optional());

const filterQuery = z.object({
  q: z.string({ error: 'Search for one piece of text' }).trim().max(254, 'Search for at most 254 characters').optional(),
  status: optionalChoice(['pending', 'active', 'unsubscribed'], 'Choose pending, active or unsubscribed'),
  language: optionalChoice(NEWSLETTER_LANGUAGES, `Choose one of: ${NEWSLETTER_LANGUAGES.join(', ')}`),
  suppressed: optionalChoice(['yes', 'no'], 'Choose yes or no'),
});
type FilterQuery = z.output<typeof filterQuery>;

const listQuery = filterQuery.extend({
  page: z.coerce.number({ error: 'A page number' }).int('A page number').min(1, 'Pages start at 1').max(100_000).default(1),
  // What the last action did, for the notice at the top.
  done: z.enum(['erased']).optional(),
  imported: z.coerce.number().int().min(0).max(IMPORT_MAX_ROWS).optional(),
  asked: z.literal('1').optional(),
});
const detailQuery = z.object({ done: z.enum(['unsubscribed', 'already']).optional() });
const importMode = z.enum(['confirmed', 'ask'], { error: 'Choose how these readers agreed to receive the newsletter' });

const toFilter = (query: FilterQuery): SubscriberFilter => ({
  q: query.q,
  status: query.status,
  language: query.language,
  suppressed: query.suppressed === undefined ? undefined : query.suppressed === 'yes',
});
const toValues = (query: FilterQuery): SubscriberFilterValues => ({ q: query.q ?? '', status: query.status ?? '', language: query.language ?? '', suppressed: query.suppressed ?? '' });

const detailNotices = { unsubscribed: 'Unsubscribed. The change is in the consent record.', already: 'This reader was already unsubscribed: nothing changed.' };

type Part = MultipartFile | MultipartValue;

/**
 * An import form's text fields and its file (when one was chosen), from a multipart body or, for a
 * pasted list sent without a file input, a urlencoded one. `oversize` names a part past the size limit.
 */
function importForm(request: FastifyRequest): { form: FormBody; file: MultipartFile | undefined; oversize: 'file' | 'text' | undefined } {
  if (!request.isMultipart()) return { form: (request.body ?? {}) as FormBody, file: undefined, oversize: undefined };
  const form: FormBody = {};
  let file: MultipartFile | undefined;
  let oversize: 'file' | 'text' | undefined;
  for (const [name, value] of Object.entries((request.body ?? {}) as Record<string, Part | Part[]>)) {
    const part = Array.isArray(value) ? value[0]! : value;
    if (part.type === 'field') {
      form[name] = String(part.value);
      if (part.valueTruncated) oversize = 'text';
    } else if (name === 'file' && part.filename !== '') {
      file = part;
      // The reader stops one byte past the limit and marks the file truncated.
      if (part.file.truncated) oversize = 'file';
    }
  }
  return { form, file, oversize };
}

// Busboy reads one byte past the limit so an oversize list is told apart from one exactly at it.
const importMultipart = { throwFileSizeLimit: false, limits: { files: 1, fields: 10, fileSize: IMPORT_MAX_BYTES + 1, fieldSize: IMPORT_MAX_BYTES + 1 } };
const megabytes = IMPORT_MAX_BYTES / (1024 * 1024);

/**
 * The newsroom's subscriber screens under /admin/newsletter/subscribers: the list with its counts,
 * search and filters; one reader's record with unsubscribe and erase; the CSV export; the CSV import
 * with its preview. All behind `newsletter.manage`; every change goes into the audit log by id.
 */
export function registerSubscriberAdmin(
  app: FastifyInstance,
  deps: { subscribers: SubscriberAdmin; newsletter: NewsletterService; content: ContentService; audit: AuditLog; clock: Clock; renderPage: RenderPage },
) {
  const { subscribers, audit, renderPage } = deps;
  // Refused before the body is read: an import can be megabytes, and only those who may import need send one.
  const mayManage = async (request: FastifyRequest) => {
    requireCan(request, 'newsletter.manage');
  };
  const fallbackLanguage = async () => defaultLanguage((await deps.content.settings.get()).language);

  async function subscriberPage(request: FastifyRequest, reply: FastifyReply, id: number, opts: { notice?: string; error?: string; status?: number } = {}) {
    const subscriber = await subscribers.get(id);
    if (!subscriber) throw notFound('subscriber');
    const body = <SubscriberPage subscriber={subscriber} csrfToken={request.csrfToken ?? ''} notice={opts.notice} error={opts.error} />;
    return renderPage(request, reply, subscriber.email, body, opts.status);
  }

  function importPage(request: FastifyRequest, reply: FastifyReply, values: ImportChoiceValues, opts: { pasted?: string; error?: string; status?: number } = {}) {
    const limits = { rows: IMPORT_MAX_ROWS, megabytes };
    const body = <ImportPage values={values} pasted={opts.pasted ?? ''} csrfToken={request.csrfToken ?? ''} limits={limits} error={opts.error} />;
    return renderPage(request, reply, 'Import subscribers', body, opts.status);
  }

  /** Whether a failed import step is the staff member's to fix: shown on the form, nothing written. */
  const shownOnForm = (error: unknown): error is AppError => error instanceof AppError && error.status < 500 && error.status !== 403;

  app.get(LIST, async (request, reply) => {
    if (!request.staff) return redirectToSignIn(request, reply);
    requireCan(request, 'newsletter.manage');
    const query = parseInput(listQuery, request.query);
    const [page, counts] = await Promise.all([subscribers.page(toFilter(query), query.page), subscribers.counts()]);
    const notice =
      query.done === 'erased'
        ? 'The subscriber and all their records were erased.'
        : query.imported !== undefined
          ? `Imported ${query.imported} ${query.imported === 1 ? 'reader' : 'readers'}${query.asked ? '; each is being mailed a link to confirm' : ''}.`
          : undefined;
    const body = <SubscribersPage page={page} counts={counts} values={toValues(query)} languages={NEWSLETTER_LANGUAGES} notice={notice} />;
    return renderPage(request, reply, 'Subscribers', body);
  });

  app.get(`${LIST}.csv`, async (request, reply) => {
    if (!request.staff) return redirectToSignIn(request, reply);
    const user = requireCan(request, 'newsletter.manage');
    const filter = toFilter(parseInput(filterQuery, request.query));
    await audit.record(user.id, 'newsletter.export', 'subscribers', { filter });
    async function* lines() {
      yield csvRow(EXPORT_COLUMNS);
      for await (const rows of subscribers.exportRows(filter)) yield rows.map(csvRow).join('');
    }
    const day = deps.clock.now().toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="subscribers-${day}.csv"`)
      .send(Readable.from(lines()));
  });

  app.get(`${LIST}/import`, async (request, reply) => {
    if (!request.staff) return redirectToSignIn(request, reply);
    requireCan(request, 'newsletter.manage');
    return importPage(request, reply, { mode: '', source: '' });
  });

  app.post(`${LIST}/import`, { onRequest: mayManage, bodyLimit: 4 * IMPORT_MAX_BYTES, config: { multipartOptions: importMultipart } }, async (request, reply) => {
    const { form, file, oversize } = importForm(request);
    const values = { mode: formText(form, 'mode'), source: formText(form, 'source') };
    const pasted = typeof form.text === 'string' ? form.text : '';
    try {
      if (oversize) throw new AppError('file_too_large', `The list is over ${megabytes} MB: split it into smaller lists`, 413, oversize);
      if (file && pasted.trim() !== '') throw new AppError('invalid_input', 'Choose a file or paste a list, not both', 400, 'file');
      const mode = parseInput(importMode, values.mode);
      parseInput(importGrounds, { source: values.source, confirmedElsewhere: mode === 'confirmed' });
      const list = file ? importText(await file.toBuffer()) : pasted;
      const plan = await subscribers.planImport(list, await fallbackLanguage());
      const body = <ImportPreviewPage plan={plan} values={values} confirmCsv={planAsCsv(plan.toAdd)} csrfToken={request.csrfToken ?? ''} />;
      return await renderPage(request, reply, 'Check the import', body);
    } catch (error) {
      if (!shownOnForm(error)) throw error;
      return importPage(request, reply, values, { error: error.message, status: error.status, pasted });
    }
  });

  app.post(`${LIST}/import/confirm`, { onRequest: mayManage, bodyLimit: 4 * IMPORT_MAX_BYTES }, async (request, reply) => {
    const user = requireCan(request, 'newsletter.manage');
    const form = (request.body ?? {}) as FormBody;
    const values = { mode: formText(form, 'mode'), source: formText(form, 'source') };
    try {
      const confirmedElsewhere = parseInput(importMode, values.mode) === 'confirmed';
      // The preview's rows come back and are checked again: the list may have changed in between.
      const plan = await subscribers.planImport(typeof form.rows === 'string' ? form.rows : '', await fallbackLanguage());
      if (plan.toAdd.length === 0) throw new AppError('import_stale', 'Nobody in this list can be added any more (they are on the list or suppressed now): nothing was imported', 409);
      if (plan.refused.length + plan.duplicates.length + plan.known.length > 0) {
        throw new AppError('import_stale', 'Some of these addresses were signed up or suppressed since the preview, so nothing was imported. Check the list again', 409);
      }
      const { added, mailed } = await deps.newsletter.importSubscribers({ readers: plan.toAdd, staffId: user.id, source: values.source, confirmedElsewhere });
      void mailed.then((failed) => {
        if (failed.length > 0) request.log.warn({ subscriberIds: failed }, 'could not mail the confirmation link to some imported readers');
      });
      await audit.record(user.id, 'newsletter.import', 'subscribers', { added, confirmedElsewhere, source: values.source });
      return reply.redirect(`${LIST}?imported=${added}${confirmedElsewhere ? '' : '&asked=1'}`, 303);
    } catch (error) {
      if (!shownOnForm(error)) throw error;
      return importPage(request, reply, values, { error: error.message, status: error.status });
    }
  });

  app.get(`${LIST}/:id`, async (request, reply) => {
    if (!request.staff) return redirectToSignIn(request, reply);
    requireCan(request, 'newsletter.manage');
    const { id } = parseInput(idParams, request.params);
    const { done } = parseInput(detailQuery, request.query);
    return subscriberPage(request, reply, id, done ? { notice: detailNotices[done] } : {});
  });

  app.post(`${LIST}/:id/unsubscribe`, async (request, reply) => {
    const user = requireCan(request, 'newsletter.manage');
    const { id } = parseInput(idParams, request.params);
    const changed = await subscribers.unsubscribe(id, user.id);
    if (changed) await audit.record(user.id, 'newsletter.subscriber.unsubscribe', `subscriber:${id}`);
    return reply.redirect(`${LIST}/${id}?done=${changed ? 'unsubscribed' : 'already'}`, 303);
  });

  app.post(`${LIST}/:id/delete`, async (request, reply) => {
    const user = requireCan(request, 'newsletter.manage');
    const { id } = parseInput(idParams, request.params);
    if (formText((request.body ?? {}) as FormBody, 'confirm') !== 'yes') {
      return subscriberPage(request, reply, id, { error: 'Tick “Yes, erase this reader for good” to delete the subscriber.', status: 400 });
    }
    await subscribers.erase(id);
    // By id only: the audit log outlives the erasure and must not keep the address.
    await audit.record(user.id, 'newsletter.subscriber.erase', `subscriber:${id}`);
    return reply.redirect(`${LIST}?done=erased`, 303);
  });
}
