import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { articleFromForm } from '../admin/article-form.js';
import type { AuditLog } from '../admin/audit-log.js';
import { requireCan } from '../admin/auth.js';
import { formList, formText, redirectToSignIn, type FormBody, type RenderPage } from '../admin/form-fields.js';
import type { Action } from '../admin/roles.js';
import type { ContentService } from '../content/index.js';
import { slugSchema } from '../content/slug.js';
import { AppError, notFound } from '../errors.js';
import { idParams, parseInput } from '../parse-input.js';
import type { FeedStatus } from './feed-settings.js';
import type { SyndicationService } from './index.js';
import { importOpml, writeOpml, type OpmlImport } from './opml.js';
import type { QueueItem } from './review-queue.js';
import { FEED_FIELDS, type FeedChoices, type FeedFormValues } from './views/feed-fields.js';
import { FeedPage, type FeedView } from './views/feed-page.js';
import { FeedsPage, type FeedsView } from './views/feeds-page.js';
import { QueueItemPage, type AcceptValues, type QueueItemView } from './views/queue-item-page.js';
import { QueuePage } from './views/queue-page.js';

type Part = MultipartFile | MultipartValue | undefined;

const sourceParams = z.object({ source: slugSchema });
const queueQuery = z.object({
  status: z.enum(['pending', 'imported', 'rejected', 'blocked', 'duplicate']).default('pending'),
  source: slugSchema.or(z.literal('')).default(''),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  decided: z.enum(['rejected', 'blocked']).optional(),
});

const decidedNotice = {
  rejected: 'The item was rejected. It comes back only if the partner changes it.',
  blocked: 'The item was blocked: neither it nor any repeat of it will be imported.',
};

/** A feed's stored settings as its form shows them. */
const feedToForm = (f: FeedStatus): FeedFormValues => ({
  feedUrl: f.feedUrl,
  pollMinutes: String(f.pollMinutes),
  mode: f.mode,
  defaultAuthor: f.defaultAuthor ?? '',
  defaultRegion: f.defaultRegion ?? '',
  defaultTheme: f.defaultTheme ?? '',
  fetchFullText: f.fetchFullText ? '1' : '',
  active: f.active ? '1' : '',
});

/** What was sent, shown again beside its refusal. */
const sentFeed = (form: FormBody): FeedFormValues => Object.fromEntries(FEED_FIELDS.map((k) => [k, formText(form, k)]));

/** The form as feed settings: blanks fall to the defaults, an unticked box is false. */
const feedFromForm = (form: FormBody, source: string) => ({
  source,
  feedUrl: formText(form, 'feedUrl'),
  pollMinutes: formText(form, 'pollMinutes') || undefined,
  mode: formText(form, 'mode') || undefined,
  defaultAuthor: formText(form, 'defaultAuthor') || null,
  defaultRegion: formText(form, 'defaultRegion') || null,
  defaultTheme: formText(form, 'defaultTheme') || null,
  fetchFullText: formText(form, 'fetchFullText') === '1',
  active: formText(form, 'active') === '1',
});

const ACCEPT_KEYS = ['kicker', 'title', 'dek', 'authors', 'regions', 'themes', 'dossier', 'status', 'publishedAt'] as const;

/** The accept form uses the article form's field names, so the article form's reader (UTC times included) reads it. */
function acceptFromForm(form: FormBody): Record<string, unknown> {
  const article = articleFromForm(form) as Record<string, unknown>;
  return Object.fromEntries(ACCEPT_KEYS.filter((k) => article[k] !== undefined).map((k) => [k, article[k]]));
}

const freshAccept = (item: QueueItem): AcceptValues => ({ kicker: '', title: item.title, dek: item.dek, authors: [], regions: [], themes: [], dossier: '', status: 'published', publishedAt: '' });

const sentAccept = (form: FormBody): AcceptValues => ({
  kicker: formText(form, 'kicker'),
  title: formText(form, 'title'),
  dek: formText(form, 'dek'),
  authors: formList(form, 'authors'),
  regions: formList(form, 'regions'),
  themes: formList(form, 'themes'),
  dossier: formText(form, 'dossier'),
  status: formText(form, 'status'),
  publishedAt: formText(form, 'publishedAt'),
});

/** An expected refusal, to show on the page it came from; anything else goes on to the error handler. */
function refusal(error: unknown): AppError {
  if (error instanceof AppError && error.status < 500) return error;
  throw error;
}

const problemOf = (error: AppError) => ({ message: error.message, ...(error.field ? { field: error.field } : {}) });

/** The uploaded file of a multipart form. */
async function uploadedFile(request: FastifyRequest): Promise<Uint8Array> {
  if (!request.isMultipart()) throw new AppError('invalid_input', 'Send the OPML file as multipart/form-data with a "file" field', 415, 'file');
  const file = (request.body as Record<string, Part> | undefined)?.file;
  if (!file || file.type !== 'file') throw new AppError('invalid_input', 'Choose an OPML file to import', 400, 'file');
  return file.toBuffer();
}

function importSummary({ added, skipped }: OpmlImport): string {
  const names = added.map((f) => f.sourceName).join(', ');
  const done = `Added ${added.length} partner ${added.length === 1 ? 'source' : 'sources'} with ${added.length === 1 ? 'its feed' : 'their feeds'}${names ? `: ${names}` : ''}.`;
  if (skipped.length === 0) return done;
  return `${done} Skipped ${skipped.length}: ${skipped.map((s) => `${s.name} (${s.reason})`).join('; ')}.`;
}

/**
 * The newsroom's syndication pages: partner feeds (settings, status, "Poll now", OPML export and
 * import) for syndication.manage, and the review queue for syndication.review. Everything works
 * without JavaScript; the auth plugin checks every POST's CSRF token, each route checks the role.
 */
export function registerSyndicationPages(
  app: FastifyInstance,
  deps: { syndication: SyndicationService; content: ContentService; audit: AuditLog; renderPage: RenderPage; onFeedChange: () => void },
) {
  const { syndication, content, audit, renderPage } = deps;
  const { feeds, poller, queue } = syndication;

  /** A page for staff whose role allows `action`; the signed-out are sent to sign in first. */
  function page(path: string, action: Action, show: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>) {
    app.get(path, async (request, reply) => {
      if (!request.staff) return redirectToSignIn(request, reply);
      requireCan(request, action);
      return show(request, reply);
    });
  }

  async function choices(): Promise<FeedChoices> {
    const [authors, terms] = await Promise.all([content.directory.listAuthors(), content.directory.listTerms()]);
    return { authors, regions: terms.filter((t) => t.kind === 'region'), themes: terms.filter((t) => t.kind === 'theme') };
  }

  async function showFeeds(request: FastifyRequest, reply: FastifyReply, extra: Partial<FeedsView> = {}, status?: number) {
    const [list, sources, offered] = await Promise.all([feeds.list(), content.directory.listSources(), choices()]);
    const fed = new Set(list.map((f) => f.sourceId));
    const view: FeedsView = {
      feeds: list,
      unfed: sources.filter((s) => !fed.has(s.id)),
      choices: offered,
      values: { pollMinutes: '60', mode: 'review', active: '1' },
      csrfToken: request.csrfToken ?? '',
      ...extra,
    };
    return renderPage(request, reply, 'Partner feeds', <FeedsPage view={view} />, status);
  }

  async function showFeed(request: FastifyRequest, reply: FastifyReply, slug: string, extra: Partial<FeedView> = {}, status?: number) {
    const feed = await feeds.bySourceSlug(slug);
    const view: FeedView = { feed, choices: await choices(), values: feedToForm(feed), csrfToken: request.csrfToken ?? '', ...extra };
    return renderPage(request, reply, `Partner feed: ${feed.sourceName}`, <FeedPage view={view} />, status);
  }

  async function showItem(request: FastifyRequest, reply: FastifyReply, id: number, extra: Partial<QueueItemView> = {}, status?: number) {
    const [item, authors, terms] = await Promise.all([queue.item(id), content.directory.listAuthors(), content.directory.listTerms()]);
    const view: QueueItemView = { item, authors, terms, values: freshAccept(item), csrfToken: request.csrfToken ?? '', ...extra };
    return renderPage(request, reply, item.title || 'Partner item', <QueueItemPage view={view} />, status);
  }

  page('/admin/feeds', 'syndication.manage', (request, reply) => showFeeds(request, reply));

  app.post('/admin/feeds', async (request, reply) => {
    const user = requireCan(request, 'syndication.manage');
    const form = (request.body ?? {}) as FormBody;
    const source = formText(form, 'source');
    try {
      if (!source) throw new AppError('invalid_input', 'source: choose a partner source', 400, 'source');
      // This form adds; changing a feed happens on its own page, so nothing is overwritten by accident.
      if ((await feeds.list()).some((f) => f.sourceSlug === source)) {
        throw new AppError('feed_exists', `source: "${source}" already has a feed; change it on the feed's own page`, 409, 'source');
      }
      const feed = await feeds.save(feedFromForm(form, source));
      await audit.record(user.id, 'feed.create', feed.sourceSlug, { feedUrl: feed.feedUrl, mode: feed.mode });
      deps.onFeedChange();
      return reply.redirect(`/admin/feeds/${feed.sourceSlug}?saved=1`, 303);
    } catch (error) {
      const refused = refusal(error);
      return showFeeds(request, reply, { values: { ...sentFeed(form), source }, problem: problemOf(refused) }, refused.status);
    }
  });

  page('/admin/feeds.opml', 'syndication.manage', async (_request, reply) => {
    const [list, sources, settings] = await Promise.all([feeds.list(), content.directory.listSources(), content.settings.get()]);
    const homepage = new Map(sources.map((s) => [s.id, s.homepageUrl]));
    const opml = writeOpml(
      `${settings.siteName} partner feeds`,
      list.map((f) => ({ name: f.sourceName, feedUrl: f.feedUrl, homepageUrl: homepage.get(f.sourceId) ?? f.feedUrl })),
    );
    return reply.type('text/x-opml; charset=utf-8').header('content-disposition', 'attachment; filename="partner-feeds.opml"').send(opml);
  });

  app.post('/admin/feeds.opml', async (request, reply) => {
    const user = requireCan(request, 'syndication.manage');
    try {
      const result = await importOpml({ feeds, directory: content.directory }, await uploadedFile(request));
      await audit.record(user.id, 'feed.import', 'opml', { added: result.added.map((f) => f.sourceSlug), skipped: result.skipped.length });
      if (result.added.length > 0) deps.onFeedChange();
      return showFeeds(request, reply, { notice: importSummary(result) });
    } catch (error) {
      const refused = refusal(error);
      return showFeeds(request, reply, { importProblem: problemOf(refused) }, refused.status);
    }
  });

  page('/admin/feeds/:source', 'syndication.manage', (request, reply) => {
    const { source } = parseInput(sourceParams, request.params);
    const saved = (request.query as Record<string, unknown>).saved === '1';
    return showFeed(request, reply, source, saved ? { notice: 'Saved.' } : {});
  });

  app.post('/admin/feeds/:source', async (request, reply) => {
    const user = requireCan(request, 'syndication.manage');
    const { source } = parseInput(sourceParams, request.params);
    // Only an existing feed is edited here (a 404 otherwise); new ones are added from the list page.
    await feeds.bySourceSlug(source);
    const form = (request.body ?? {}) as FormBody;
    try {
      const saved = await feeds.save(feedFromForm(form, source));
      await audit.record(user.id, 'feed.update', source, { feedUrl: saved.feedUrl, mode: saved.mode, active: saved.active });
      deps.onFeedChange();
      return reply.redirect(`/admin/feeds/${source}?saved=1`, 303);
    } catch (error) {
      const refused = refusal(error);
      return showFeed(request, reply, source, { values: sentFeed(form), problem: problemOf(refused) }, refused.status);
    }
  });

  app.post('/admin/feeds/:source/poll', async (request, reply) => {
    const user = requireCan(request, 'syndication.manage');
    const { source } = parseInput(sourceParams, request.params);
    try {
      const report = await poller.pollNow(source);
      await audit.record(user.id, 'feed.poll', source, { ok: report.ok, notModified: report.notModified, counts: report.counts, error: report.error });
      return showFeed(request, reply, source, { report });
    } catch (error) {
      const refused = refusal(error);
      if (refused.status === 404) throw refused;
      return showFeed(request, reply, source, { pollProblem: refused.message }, refused.status);
    }
  });

  page('/admin/queue', 'syndication.review', async (request, reply) => {
    const q = parseInput(queueQuery, request.query);
    const sources = await content.directory.listSources();
    const source = q.source ? sources.find((s) => s.slug === q.source) : undefined;
    if (q.source && !source) throw notFound('partner source');
    const result = await queue.page({ status: q.status, ...(source ? { sourceId: source.id } : {}) }, q.page);
    const view = { ...result, page: q.page, status: q.status, source: q.source, sources, ...(q.decided ? { notice: decidedNotice[q.decided] } : {}) };
    return renderPage(request, reply, 'Review queue', <QueuePage view={view} />);
  });

  page('/admin/queue/:id', 'syndication.review', (request, reply) => showItem(request, reply, parseInput(idParams, request.params).id));

  app.post('/admin/queue/:id/accept', async (request, reply) => {
    const user = requireCan(request, 'syndication.review');
    const { id } = parseInput(idParams, request.params);
    const form = (request.body ?? {}) as FormBody;
    try {
      const article = await queue.accept(user.id, id, acceptFromForm(form));
      await audit.record(user.id, 'syndication.accept', article.slug, { item: id, article: article.id });
      // Straight to the editor: the partner's body usually wants a polish before or after it goes out.
      return reply.redirect(`/admin/articles/${article.id}`, 303);
    } catch (error) {
      const refused = refusal(error);
      if (refused.status === 404) throw refused;
      return showItem(request, reply, id, { values: sentAccept(form), problem: problemOf(refused) }, refused.status);
    }
  });

  for (const decision of ['reject', 'block'] as const) {
    app.post(`/admin/queue/:id/${decision}`, async (request, reply) => {
      const user = requireCan(request, 'syndication.review');
      const { id } = parseInput(idParams, request.params);
      try {
        await queue[decision](user.id, id);
      } catch (error) {
        const refused = refusal(error);
        if (refused.status === 404) throw refused;
        return showItem(request, reply, id, { problem: problemOf(refused) }, refused.status);
      }
      await audit.record(user.id, `syndication.${decision}`, String(id));
      return reply.redirect(`/admin/queue?decided=${decision === 'reject' ? 'rejected' : 'blocked'}`, 303);
    });
  }
}
