import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { z } from 'zod';
import { createRateLimiter } from '../http/rate-limit.js';
import type { Clock } from '../clock.js';
import { surrogateKeys } from '../content/index.js';
import { AppError } from '../errors.js';
import { createMessages, type Messages } from '../i18n/messages.js';
import { parseInput } from '../parse-input.js';
import type { ChromeLoader } from '../site/chrome-loader.js';
import { localizedRoute } from '../site/page-language.js';
import { renderDocument } from '../site/render.js';
import type { Chrome, PageMeta } from '../site/views/chrome.js';
import { emailAddress, issueQuery, newsletterLanguage, subscribeInput, tokenQuery } from './inputs.js';
import { defaultLanguage, languageOptions } from './languages.js';
import type { NewsletterService } from './subscriptions.js';
import { CheckInboxPage, ConfirmedPage, PreferencesPage, SignupPage, UnsubscribedPage, UnsubscribePage } from './views/newsletter-pages.js';

const SUBSCRIBE_LIMIT = { limit: 5, windowMs: 10 * 60_000 };
// The sign-up API answers in English, like every API error.
const apiMessages = createMessages('en');

const formBody = z.object({
  email: z.string().max(1000).optional(),
  language: z.string().max(40).optional(),
  form: z.enum(['page', 'footer']).default('page'),
});
const apiBody = z.strictObject({ email: emailAddress, language: newsletterLanguage.optional() });

/** The catalog messages that title the newsletter's public pages. */
type PageTitle =
  | 'newsletter.title'
  | 'newsletter.checkInboxTitle'
  | 'newsletter.subscribedTitle'
  | 'newsletter.unsubscribeTitle'
  | 'newsletter.unsubscribedTitle'
  | 'newsletter.preferencesTitle';

/** A field of a urlencoded or multipart body (multipart fields arrive as `{ value }`). */
function field(body: unknown, name: string): unknown {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return value && typeof value === 'object' && 'value' in value ? value.value : value;
}

/**
 * The public newsletter pages and the sign-up API. The sign-up page is cached like any page; the
 * pages reached through a mailed link carry a credential in their address, so they are never
 * cached, indexed or passed on as a referrer.
 */
export function registerNewsletterRoutes(app: FastifyInstance, deps: { newsletter: NewsletterService; loadChrome: ChromeLoader; clock: Clock }) {
  const { newsletter, loadChrome } = deps;
  const limiter = createRateLimiter({ ...SUBSCRIBE_LIMIT, now: () => deps.clock.now().getTime() });
  const languages = languageOptions();

  /** A page in the site's frame, titled by a catalog message; every newsletter page is noindex but the sign-up page itself. */
  async function page(request: FastifyRequest, reply: FastifyReply, title: PageTitle, body: (chrome: Chrome) => ComponentChildren, opts: { status?: number; index?: boolean } = {}) {
    const { chrome } = await loadChrome(request);
    const { messages, settings } = chrome;
    const meta: PageMeta = { title: messages.t(title), description: messages.t('newsletter.description', { siteName: settings.siteName }), canonical: '/newsletter', noindex: !opts.index };
    return reply.code(opts.status ?? 200).type('text/html; charset=utf-8').send(renderDocument(chrome, meta, body(chrome)));
  }

  /** For pages reached with a token in the address. */
  const privatePage = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex');

  /** Refuses a sign-up over the limit, saying why in the reader's language (the API's English, for its JSON). */
  function checkRate(request: FastifyRequest, messages: Messages) {
    if (!limiter.attempt(request.ip)) throw new AppError('rate_limited', messages.t('newsletter.rateLimited'), 429);
  }

  const consent = (request: FastifyRequest, form: 'page' | 'footer' | 'api' | 'email') => ({ form, ip: request.ip });
  const token = (request: FastifyRequest) => parseInput(tokenQuery, request.query).token;
  // Which issue's link was followed, for that issue's figures. Unsigned and only a statistic: a
  // mangled value is dropped rather than standing between a reader and their unsubscribe.
  const issueOf = (request: FastifyRequest) => issueQuery.safeParse(request.query).data?.issue;

  const signup = (chrome: Chrome, language: string, extra: { email?: string; error?: string } = {}) => (
    <SignupPage siteName={chrome.settings.siteName} languages={languages} language={language} {...extra} />
  );

  // Readers signing up from a page in their language are offered the newsletter in it.
  app.get('/newsletter', localizedRoute, async (request, reply) => {
    reply.surrogateKeys = [surrogateKeys.all];
    return page(request, reply, 'newsletter.title', (chrome) => signup(chrome, defaultLanguage(chrome.page.language.code)), { index: true });
  });

  app.post('/newsletter', localizedRoute, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const posted = parseInput(formBody, request.body);
    const { chrome } = await loadChrome(request);
    const language = posted.language || defaultLanguage(chrome.page.language.code);
    try {
      const input = parseInput(subscribeInput, { email: posted.email, language });
      checkRate(request, chrome.messages);
      await newsletter.subscribe(input.email, input.language, posted.form, request.ip);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      // The form again, with the reader's entry and the reason in plain words (without the field name).
      const message = error.message.replace(/^\w+: /, '');
      return page(request, reply, 'newsletter.title', (chrome) => signup(chrome, language, { email: posted.email ?? '', error: message }), { status: error.status });
    }
    return page(request, reply, 'newsletter.checkInboxTitle', () => <CheckInboxPage />);
  });

  app.get('/newsletter/confirm', async (request, reply) => {
    privatePage(reply);
    const subscriber = await newsletter.confirm(token(request), consent(request, 'page'));
    const { preferences } = await newsletter.linksFor(subscriber.id);
    return page(request, reply, 'newsletter.subscribedTitle', () => <ConfirmedPage preferencesUrl={preferences} />);
  });

  app.get('/newsletter/unsubscribe', async (request, reply) => {
    privatePage(reply);
    const given = token(request);
    await newsletter.holderOf(given, 'unsubscribe');
    const issue = issueOf(request);
    const action = `/newsletter/unsubscribe?token=${encodeURIComponent(given)}${issue === undefined ? '' : `&issue=${issue}`}`;
    return page(request, reply, 'newsletter.unsubscribeTitle', () => <UnsubscribePage action={action} />);
  });

  // RFC 8058: a mail client posts `List-Unsubscribe=One-Click` here with no cookies and no page in between.
  app.post('/newsletter/unsubscribe', async (request, reply) => {
    privatePage(reply);
    const oneClick = field(request.body, 'List-Unsubscribe') === 'One-Click';
    await newsletter.unsubscribe(token(request), { ...consent(request, oneClick ? 'email' : 'page'), issueId: issueOf(request) });
    return page(request, reply, 'newsletter.unsubscribedTitle', () => <UnsubscribedPage />);
  });

  async function preferencesPage(request: FastifyRequest, reply: FastifyReply, saved: boolean) {
    privatePage(reply);
    const given = token(request);
    const subscriber = saved
      ? await newsletter.savePreferences(given, { language: field(request.body, 'language') }, consent(request, 'page'))
      : await newsletter.holderOf(given, 'preferences');
    const { unsubscribe } = await newsletter.linksFor(subscriber.id);
    const action = `/newsletter/preferences?token=${encodeURIComponent(given)}`;
    const body = <PreferencesPage subscriber={subscriber} languages={languages} action={action} unsubscribeUrl={unsubscribe} saved={saved} />;
    return page(request, reply, 'newsletter.preferencesTitle', () => body);
  }
  app.get('/newsletter/preferences', (request, reply) => preferencesPage(request, reply, false));
  app.post('/newsletter/preferences', (request, reply) => preferencesPage(request, reply, true));

  /** Always 202 `pending` for an acceptable address, whatever we already knew of it. */
  app.post('/api/v1/newsletter/subscriptions', async (request, reply) => {
    const posted = parseInput(apiBody, request.body);
    const language = posted.language ?? defaultLanguage((await loadChrome()).chrome.settings.language);
    checkRate(request, apiMessages);
    await newsletter.subscribe(posted.email, language, 'api', request.ip);
    return reply.code(202).header('cache-control', 'no-store').send({ status: 'pending' });
  });
}
