import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { registerAdminApi } from './admin/api-routes.js';
import { createArticleActions } from './admin/article-actions.js';
import { createAuditLog, type AuditLog } from './admin/audit-log.js';
import { registerStaffAuth } from './admin/auth.js';
import { registerDirectoryPages } from './admin/directory-pages.js';
import { registerMediaRoutes } from './admin/media-routes.js';
import { registerAdminPages } from './admin/page-routes.js';
import { createPreviewLinks } from './admin/preview-links.js';
import { registerSettingsPages } from './admin/settings-pages.js';
import { registerTranslationPages } from './admin/translation-pages.js';
import { registerLanguagePages } from './admin/language-pages.js';
import { createCatalogs, type Catalogs } from './i18n/catalogs.js';
import { createStaffService, type StaffService } from './admin/staff-service.js';
import { registerResponseCaching } from './cache/cache-plugin.js';
import { createArticleLocalizer } from './site/localized-articles.js';
import { languagePrefixRewriter, registerLanguagePrefixes } from './site/page-language.js';
import { createTranslationReader } from './translation/translation-reader.js';
import { createIssueTranslator } from './newsletter/translated-issue.js';
import { PageCache } from './cache/page-cache.js';
import { serveFromCache } from './cache/serve-cached.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { createContentService, surrogateKeys, type ContentService } from './content/index.js';
import { registerPublicApi } from './content/public-api.js';
import { connectDatabase, type DatabaseHandle } from './db/connect.js';
import { AppError } from './errors.js';
import { migrateToLatest } from './db/migrate.js';
import { registerErrorHandling } from './http/error-handler.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { createScheduler, hourly, type Scheduler } from './jobs/scheduler.js';
import { createMailer } from './mail/mailer.js';
import { registerAccountRoutes } from './members/account-routes.js';
import { createReaderAccounts, hasReaderCookie, registerReaderSessions, type ReaderAccounts } from './members/index.js';
import { createMemberships, membershipDataHolder, type Memberships } from './members/membership.js';
import { createMembershipTiers, type MembershipTiers } from './members/membership-tiers.js';
import { registerMembershipAdmin } from './members/membership-admin-routes.js';
import { registerMembershipRoutes } from './members/membership-routes.js';
import { createStripeBilling } from './members/stripe-billing.js';
import { createStripeEventHandler } from './members/stripe-events.js';
import { createComments, type Comments } from './members/comments.js';
import { createCommentModeration, type CommentModeration } from './members/comment-moderation.js';
import { registerCommentRoutes } from './members/comment-routes.js';
import { registerCommentAdmin } from './members/comment-admin-routes.js';
import { createMediaService } from './media/index.js';
import { createNewsletterService, registerNewsletterRoutes, type NewsletterService } from './newsletter/index.js';
import { registerNewsletterAdmin } from './newsletter/admin-routes.js';
import { createSubscriberAdmin } from './newsletter/subscriber-admin.js';
import { registerSubscriberAdmin } from './newsletter/subscriber-admin-routes.js';
import { registerNewsletterArchive } from './newsletter/archive-routes.js';
import { createDelivery, type Delivery } from './newsletter/delivery.js';
import { createDeliveryTask } from './newsletter/delivery-task.js';
import { createIssueDesk, type IssueDesk } from './newsletter/issues.js';
import { registerMailEventsWebhook } from './newsletter/mail-events-webhook.js';
import { registerSuppressionAdmin } from './newsletter/suppression-admin-routes.js';
import { createSuppressionList, type SuppressionList } from './newsletter/suppressions.js';
import { registerAssets } from './site/assets.js';
import { createChromeLoader } from './site/chrome-loader.js';
import { registerSiteRoutes } from './site/routes.js';
import { registerFeedRoutes } from './site/feeds/feed-routes.js';
import { registerSearchPage } from './site/search-routes.js';
import { registerSearchApi } from './search/api-routes.js';
import { createSearchService, type SearchService } from './search/index.js';
import { registerSitemapRoutes } from './site/sitemap-routes.js';
import { registerSyndicationPages } from './syndication/admin-routes.js';
import { createSyndicationService, type SyndicationService } from './syndication/index.js';
import { registerRepublishRoutes } from './syndication/republish-routes.js';
import { createTranslationService, type TranslationService } from './translation/index.js';
import type { TranslationProvider } from './translation/provider.js';
import { createTranslationRegistry, registryOf } from './translation/providers/registry.js';

/** `public/` and `dist/` sit beside `src/`, so these resolve from the sources and from the build alike. */
const publicDir = fileURLToPath(new URL('../public/', import.meta.url));
const clientDir = fileURLToPath(new URL('../dist/client/', import.meta.url));

export interface Broadsheet {
  server: FastifyInstance;
  content: ContentService;
  search: SearchService;
  syndication: SyndicationService;
  newsletter: NewsletterService;
  translation: TranslationService;
  catalogs: Catalogs;
  issues: IssueDesk;
  delivery: Delivery;
  suppressions: SuppressionList;
  staff: StaffService;
  readers: ReaderAccounts;
  membershipTiers: MembershipTiers;
  memberships: Memberships;
  comments: Comments;
  commentModeration: CommentModeration;
  audit: AuditLog;
  scheduler: Scheduler;
  cache: PageCache;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/**
 * The composition root: builds every service from the Config and registers every route.
 * Nothing else constructs services or reads configuration.
 */
export async function createApp(
  config: Config,
  /** `translationProviders` replaces the machine-translation providers, in order of preference (tests pass fakes). */
  options: { clock?: Clock; startScheduler?: boolean; translationProviders?: readonly TranslationProvider[] } = {},
): Promise<Broadsheet> {
  const clock = options.clock ?? systemClock;
  const database = await connectDatabase(config.database);
  await migrateToLatest(database, config.database.dialect === 'postgres' ? config.database.schema : undefined);

  await fs.mkdir(path.join(config.dataDir, 'media'), { recursive: true });
  const cache = new PageCache(config.pageCacheBytes);
  const content = createContentService({
    db: database.db,
    clock,
    embedHosts: config.embedHosts,
    onPurge: (keys) => cache.purge(keys),
    // The save is committed by now: an indexing or queueing failure is logged, not reported as a failed save.
    onArticleChange: async (ids) => {
      await Promise.all([
        search.reindex(ids).catch((err) => server.log.error({ err, ids }, 'could not update the search index')),
        translation.policy.articlesChanged(ids).catch((err) => server.log.error({ err, ids }, 'could not queue translations of the changed articles')),
      ]);
    },
  });
  const search = createSearchService({ db: database.db, dialect: database.dialect, articles: content.articles });

  const server = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    // A log line per request costs more than serving a cached page; ask for them with LOG_LEVEL=debug.
    logController: new LogController({ disableRequestLogging: !['debug', 'trace'].includes(config.logLevel) }),
    // Cache hits are answered before Fastify routes the request: the cheapest path there is.
    serverFactory: (handler) =>
      http.createServer((req, res) => {
        if (!serveFromCache(cache, req, res, hasReaderCookie)) handler(req, res);
      }),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    rewriteUrl: languagePrefixRewriter(config.languages),
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
  });
  const translationProviders = options.translationProviders ?? createTranslationRegistry(config.translation).providers;
  const translation = createTranslationService({
    db: database.db,
    clock,
    content,
    providers: translationProviders,
    embedHosts: config.embedHosts,
    languages: config.languages,
    onPurge: (keys) => cache.purge(keys),
    wake: () => scheduler.poke(),
    log: server.log,
  });

  const catalogs = createCatalogs({
    db: database.db,
    clock,
    settings: content.settings,
    terms: () => content.directory.listTerms(),
    providerFor: registryOf(translationProviders).providerFor,
    languages: config.languages,
    onPurge: (keys) => cache.purge(keys),
  });

  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    log: server.log,
    ...(config.smtpPool ? { maxConnections: config.smtpPool } : {}),
    ...(config.smtpRate ? { messagesPerSecond: config.smtpRate } : {}),
    ...(config.dkim ? { dkim: config.dkim } : {}),
  });
  const staff = createStaffService({ db: database.db, clock, mailer, siteUrl: config.siteUrl });
  const readers = createReaderAccounts({ db: database.db, clock, mailer, siteUrl: config.siteUrl, siteName: async () => (await content.settings.get()).siteName });
  const membershipTiers = createMembershipTiers({ db: database.db, clock, onChange: () => cache.purge([surrogateKeys.membership]) });
  const memberships = createMemberships({ db: database.db, clock, tiers: membershipTiers });
  const stripeBilling = config.stripe ? await createStripeBilling(config.stripe, { clock, siteUrl: config.siteUrl }) : undefined;
  readers.addDataHolder(
    membershipDataHolder(memberships, async (subscriptionId) => {
      if (!stripeBilling) throw new AppError('payments_off', 'This account has a paid subscription, and payments are not set up to cancel it', 409);
      await stripeBilling.cancelSubscription(subscriptionId);
    }),
  );
  const commentModeration = createCommentModeration({
    db: database.db,
    clock,
    mailer,
    siteUrl: config.siteUrl,
    onPurge: (keys) => cache.purge(keys),
    mailMessages: async () => catalogs.messagesFor((await content.settings.get()).language),
    log: server.log,
  });
  const comments = createComments({
    db: database.db,
    clock,
    onPurge: (keys) => cache.purge(keys),
    moderation: async () => (await content.settings.get()).commentModeration,
    onReplyApproved: (id) => commentModeration.notifyReply(id),
  });
  readers.addDataHolder(comments.dataHolder);
  const media = createMediaService({ db: database.db, clock, mediaDir: path.join(config.dataDir, 'media'), maxBytes: config.mediaMaxBytes });
  const syndication = createSyndicationService({
    db: database.db,
    clock,
    content,
    media,
    embedHosts: config.embedHosts,
    feedMaxBytes: config.feedMaxBytes,
    mediaMaxBytes: config.mediaMaxBytes,
    userAgent: `Broadsheet feed reader (+${config.siteUrl})`,
    log: server.log,
  });
  const audit = createAuditLog({ db: database.db, clock });
  const newsletter = createNewsletterService({
    db: database.db,
    clock,
    mailer,
    siteUrl: config.siteUrl,
    siteName: async () => (await content.settings.get()).siteName,
  });
  const suppressions = createSuppressionList({ db: database.db, clock });
  const issues = createIssueDesk({ db: database.db, clock, content, onPurge: (keys) => cache.purge(keys) });
  const translationReader = createTranslationReader(database.db);
  const delivery = createDelivery({
    db: database.db,
    clock,
    mailer,
    issues,
    subscriptions: newsletter,
    siteUrl: config.siteUrl,
    siteName: async () => (await content.settings.get()).siteName,
    log: server.log,
    ...(config.newsletterClaimSeconds ? { claimSeconds: config.newsletterClaimSeconds } : {}),
    translateIssue: createIssueTranslator({
      reader: translationReader,
      siteUrl: config.siteUrl,
      languages: config.languages,
      siteLanguage: async () => (await content.settings.get()).language,
    }),
  });
  const deliveryTask = createDeliveryTask({ delivery, log: server.log, onFinished: () => scheduler.poke() });
  const scheduler = createScheduler({
    clock,
    log: server.log,
    tasks: [
      {
        name: 'publish scheduled articles',
        async run() {
          await content.editor.publishDue();
          return { nextDueAt: await content.editor.nextDue() };
        },
      },
      { name: 'poll partner feeds', run: () => syndication.poller.pollDue() },
      { name: "assemble the day's newsletter", run: () => issues.assembleDue() },
      deliveryTask,
      translation.queue.task,
      hourly('forget expired reader sign-in links and sessions', clock, () => readers.forgetExpired()),
    ],
  });

  registerSecurityHeaders(server, config.embedHosts);
  await server.register(fastifyFormbody, { bodyLimit: 1024 * 1024 });
  // One image a request, buffered up to the upload limit (plus one byte, so an oversize file is detected).
  await server.register(fastifyMultipart, { attachFieldsToBody: true, limits: { files: 1, fields: 10, fileSize: config.mediaMaxBytes + 1 } });
  await registerStaffAuth(server, { staff });
  registerReaderSessions(server, { accounts: readers });
  registerResponseCaching(server, cache);
  const { stylesheetUrl, shareScriptUrl } = registerAssets(server, publicDir, clientDir);
  await server.register(fastifyStatic, {
    root: path.join(config.dataDir, 'media'),
    prefix: '/media/',
    decorateReply: false,
    maxAge: '7d',
    dotfiles: 'deny',
    index: false,
  });
  const pageLanguageOf = registerLanguagePrefixes(server, { languages: config.languages, siteLanguage: async () => (await content.settings.get()).language });
  const loadChrome = createChromeLoader({ content, clock, siteUrl: config.siteUrl, stylesheetUrl, shareScriptUrl, pageLanguageOf, catalogs });
  const localizer = createArticleLocalizer({
    reader: translationReader,
    requestTranslation: async (article, language) => {
      if (!(await translation.canTranslate(article.language, language))) return 'unavailable';
      await translation.queue.enqueue(article.id, language, 'reader');
      return 'queued';
    },
  });
  const previews = createPreviewLinks({ db: database.db, clock, siteUrl: config.siteUrl });
  const renderErrorPage = registerSiteRoutes(server, {
    content,
    loadChrome,
    localizer,
    verifyPreview: previews.verify,
    commentsOf: comments.threadOf,
    readerAccess: async (request) => {
      const reader = await request.reader();
      return reader ? { signedIn: true, level: (await memberships.accessOf(reader.id)).level } : { signedIn: false, level: 'none' };
    },
  });
  registerSitemapRoutes(server, { content, siteUrl: config.siteUrl, clock, languages: config.languages, translations: translationReader });
  registerRepublishRoutes(server, { content, loadChrome, siteUrl: config.siteUrl });
  registerFeedRoutes(server, { content, siteUrl: config.siteUrl, clock, pageLanguageOf, localizer, messagesFor: catalogs.messagesFor, termsFor: catalogs.termsFor });
  registerPublicApi(server, { content, siteUrl: config.siteUrl });
  registerSearchPage(server, { search, content, loadChrome });
  registerSearchApi(server, { search, content, siteUrl: config.siteUrl });
  registerNewsletterRoutes(server, { newsletter, loadChrome, clock });
  registerNewsletterArchive(server, { issues, loadChrome });
  registerAccountRoutes(server, {
    accounts: readers,
    loadChrome,
    clock,
    secureCookies: config.siteUrl.startsWith('https:'),
    async membershipOf(readerId) {
      const m = await memberships.of(readerId);
      return m ? { tierName: m.tier.name, status: m.status, periodEnd: m.status === 'active' ? m.currentPeriodEnd : null, billing: Boolean(stripeBilling && m.stripeCustomerId) } : null;
    },
    async billingPortal(readerId) {
      const customer = (await memberships.of(readerId))?.stripeCustomerId;
      return stripeBilling && customer ? stripeBilling.billingPortal(customer) : null;
    },
  });
  registerCommentRoutes(server, { comments, content, loadChrome, accessOf: memberships.accessOf, siteUrl: config.siteUrl });
  registerMembershipRoutes(server, {
    tiers: membershipTiers,
    memberships,
    loadChrome,
    stripe: stripeBilling && {
      billing: stripeBilling,
      events: createStripeEventHandler({ db: database.db, clock, tiers: membershipTiers }),
      webhookSecret: config.stripe?.webhookSecret,
    },
  });
  if (config.newsletterWebhookSecret) registerMailEventsWebhook(server, { suppressions, secret: config.newsletterWebhookSecret, clock });
  const actions = createArticleActions({ content, audit, media, onScheduleChange: () => scheduler.poke() });
  registerAdminApi(server, { content, staff, audit, actions });
  const { renderPage } = registerAdminPages(server, {
    content,
    staff,
    audit,
    actions,
    previews,
    publicDir,
    clientDir,
    stylesheetUrl,
    secureCookies: config.siteUrl.startsWith('https:'),
  });
  registerMediaRoutes(server, { media, audit, renderPage });
  registerDirectoryPages(server, { content, audit, renderPage });
  registerSettingsPages(server, { content, staff, audit, renderPage });
  registerTranslationPages(server, { translation, audit, renderPage, languages: config.languages });
  registerLanguagePages(server, { catalogs, audit, renderPage });
  registerNewsletterAdmin(server, { issues, delivery, sendInBackground: (id) => deliveryTask.resume(id), mailer, content, audit, clock, siteUrl: config.siteUrl, renderPage });
  registerSubscriberAdmin(server, { subscribers: createSubscriberAdmin({ db: database.db, clock }), newsletter, content, audit, clock, renderPage });
  registerSuppressionAdmin(server, { suppressions, audit, renderPage });
  registerMembershipAdmin(server, { tiers: membershipTiers, memberships, audit, renderPage });
  registerCommentAdmin(server, { moderation: commentModeration, audit, renderPage });
  registerSyndicationPages(server, { syndication, content, audit, renderPage, onFeedChange: () => scheduler.poke() });
  registerErrorHandling(server, renderErrorPage);

  // In the background: a large repair must not hold up serving pages.
  const repairing = search
    .indexMissing()
    .then((n) => n && server.log.warn(`indexed ${n} published articles the search index lacked`))
    .catch((err) => server.log.error({ err }, 'could not index the articles the search index lacked'));

  server.get('/healthz', async (_request, reply) => {
    await database.db.selectFrom('settings').select('key').limit(1).execute();
    reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  });

  if (options.startScheduler !== false) scheduler.start();

  return {
    server,
    content,
    search,
    syndication,
    newsletter,
    translation,
    catalogs,
    issues,
    delivery,
    suppressions,
    staff,
    readers,
    membershipTiers,
    memberships,
    comments,
    commentModeration,
    audit,
    scheduler,
    cache,
    database,
    async close() {
      await scheduler.stop();
      await deliveryTask.stop();
      await repairing;
      await syndication.close();
      await translation.close();
      await server.close();
      await mailer.close();
      await database.close();
    },
  };
}
