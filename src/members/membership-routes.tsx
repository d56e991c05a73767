import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { surrogateKeys } from '../content/index.js';
import { AppError } from '../errors.js';
import type { ChromeLoader } from '../site/chrome-loader.js';
import { localizedRoute } from '../site/page-language.js';
import { renderDocument } from '../site/render.js';
import { signInPath } from './account-routes.js';
import type { MembershipTiers } from './membership-tiers.js';
import type { Memberships } from './membership.js';
import { checkReaderCsrf, privatePage } from './reader-sessions.js';
import type { StripeBilling } from './stripe-billing.js';
import type { createStripeEventHandler } from './stripe-events.js';
import { MembershipPage } from './views/membership-page.js';

const joinForm = z.object({ tier: z.coerce.number().int().positive().max(2_147_483_647), interval: z.enum(['free', 'month', 'year']) });

/**
 * The "Become a member" page and joining: free tiers at once, paid ones through Stripe Checkout when
 * Stripe is configured; and Stripe's webhook, which turns payments into memberships.
 */
export function registerMembershipRoutes(
  app: FastifyInstance,
  deps: {
    tiers: MembershipTiers;
    memberships: Memberships;
    loadChrome: ChromeLoader;
    stripe?: { billing: StripeBilling; events: ReturnType<typeof createStripeEventHandler>; webhookSecret?: string | undefined } | undefined;
  },
) {
  const { tiers, memberships, loadChrome, stripe } = deps;

  async function membershipPage(request: FastifyRequest, reply: FastifyReply, error?: { message: string; status: number }) {
    const [{ chrome }, session, offered] = await Promise.all([loadChrome(request), request.readerSession(), tiers.list({ activeOnly: true })]);
    const current = session ? await memberships.accessOf(session.reader.id) : { level: 'none' as const };
    if (session || error) privatePage(reply);
    else {
      // The signed-out page is the same for everyone, so it is cached, but kept from members, whose page has their form tokens.
      reply.surrogateKeys = [surrogateKeys.all, surrogateKeys.membership];
      reply.anonymousOnly = true;
    }
    const { messages, settings } = chrome;
    const meta = { title: messages.t('membership.title'), description: messages.t('membership.description', { siteName: settings.siteName }), canonical: '/membership' };
    const body = (
      <MembershipPage
        siteName={settings.siteName}
        tiers={offered}
        paymentsOn={stripe !== undefined}
        csrfToken={session?.csrfToken ?? null}
        currentTier={current.tier?.name ?? null}
        {...(error ? { error: error.message } : {})}
      />
    );
    return reply.code(error?.status ?? 200).type('text/html; charset=utf-8').send(renderDocument(chrome, meta, body));
  }

  app.get('/membership', localizedRoute, (request, reply) => membershipPage(request, reply));

  app.post('/membership/join', async (request, reply) => {
    privatePage(reply);
    const reader = await request.reader();
    if (!reader) return reply.redirect(signInPath('/membership'), 303);
    const { messages } = (await loadChrome(request)).chrome;
    await checkReaderCsrf(request, () => new AppError('csrf_failed', messages.t('signin.formExpired'), 403));
    const unavailable = () => new AppError('tier_unavailable', messages.t('membership.tierUnavailable'), 400);
    const form = joinForm.safeParse(request.body);
    try {
      if (!form.success) throw unavailable();
      const { tier: tierId, interval } = form.data;
      if (interval === 'free') {
        await memberships.joinFree(reader.id, tierId, { unavailable, already: () => new AppError('already_member', messages.t('membership.alreadyMember'), 409) });
        return reply.redirect('/account?joined=1', 303);
      }
      const tier = await tiers.get(tierId).catch(() => undefined);
      const price = interval === 'month' ? tier?.stripeMonthlyPriceId : tier?.stripeYearlyPriceId;
      if (!stripe || !tier?.active || tier.kind !== 'supporter' || !price) throw unavailable();
      const current = await memberships.of(reader.id);
      const url = await stripe.billing.checkout({ readerId: reader.id, email: reader.email, customerId: current?.stripeCustomerId ?? null, price, tierId, interval });
      return reply.redirect(url, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      return membershipPage(request, reply, { message: error.message, status: error.status });
    }
  });

  const webhookSecret = stripe?.webhookSecret;
  if (!stripe || !webhookSecret) return;
  // In its own scope: only here is a JSON body kept as the exact bytes its signature was made over.
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 1024 * 1024 }, (_request, body, done) => done(null, body));
    scope.post('/membership/stripe/webhook', { config: { jsonErrors: true } }, async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const signature = request.headers['stripe-signature'];
      const event = stripe.billing.verifyEvent(raw, typeof signature === 'string' ? signature : undefined, webhookSecret);
      const applied = await stripe.events.handle(event);
      return reply.header('cache-control', 'no-store').send({ received: true, duplicate: !applied });
    });
  });
}
