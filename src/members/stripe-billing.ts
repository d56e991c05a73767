import type Stripe from 'stripe';
import type { Clock } from '../clock.js';
import type { StripeConfig } from '../config.js';
import { AppError } from '../errors.js';

/** Seconds a webhook signature's timestamp may be off from our clock (Stripe's own default). */
const SIGNATURE_TOLERANCE = 300;

export type StripeEvent = Stripe.Event;

/**
 * The few Stripe calls membership needs, through the official library: Checkout for joining, the
 * billing portal for managing, cancelling on account deletion, and checking webhook signatures.
 * The library is loaded here, not at start: it adds some 20 MiB to every process (the site, the
 * newsletter sender, the CLI), and only a site that takes payments needs it.
 */
export async function createStripeBilling(config: StripeConfig, deps: { clock: Clock; siteUrl: string }) {
  const { default: Stripe } = await import('stripe');
  const api = config.apiUrl ? new URL(config.apiUrl) : undefined;
  const stripe = new Stripe(config.secretKey, {
    maxNetworkRetries: 1,
    timeout: 20_000,
    telemetry: false,
    ...(api ? { host: api.hostname, port: api.port || (api.protocol === 'https:' ? 443 : 80), protocol: api.protocol === 'https:' ? 'https' : 'http' } : {}),
  });

  return {
    /** A Checkout Session for a subscription at `price`; the reader is sent to its URL. */
    async checkout(opts: { readerId: number; email: string; customerId: string | null; price: string; tierId: number; interval: 'month' | 'year' }): Promise<string> {
      const metadata = { reader_id: String(opts.readerId), tier_id: String(opts.tierId), interval: opts.interval };
      const session = await stripe.checkout.sessions.create({
        mode: 'subscription',
        line_items: [{ price: opts.price, quantity: 1 }],
        client_reference_id: String(opts.readerId),
        ...(opts.customerId ? { customer: opts.customerId } : { customer_email: opts.email }),
        metadata,
        subscription_data: { metadata },
        success_url: `${deps.siteUrl}/account?joined=1`,
        cancel_url: `${deps.siteUrl}/membership`,
      });
      if (!session.url) throw new Error('Stripe answered a Checkout Session without a URL');
      return session.url;
    },
    /** Stripe's own page where a paying reader changes their card or ends their subscription. */
    async billingPortal(customerId: string): Promise<string> {
      const session = await stripe.billingPortal.sessions.create({ customer: customerId, return_url: `${deps.siteUrl}/account` });
      return session.url;
    },
    async cancelSubscription(subscriptionId: string): Promise<void> {
      try {
        await stripe.subscriptions.cancel(subscriptionId);
      } catch (error) {
        // Already gone at Stripe: nothing left to cancel.
        if ((error as { code?: string }).code !== 'resource_missing') throw error;
      }
    },
    /** The event a webhook delivered, once its signature over the exact bytes checks out; else a 400. */
    verifyEvent(rawBody: Buffer, signature: string | undefined, secret: string): StripeEvent {
      if (!signature) throw new AppError('bad_signature', 'The Stripe-Signature header is missing', 400);
      try {
        return stripe.webhooks.constructEvent(rawBody, signature, secret, SIGNATURE_TOLERANCE, undefined, Math.floor(deps.clock.now().getTime() / 1000));
      } catch {
        throw new AppError('bad_signature', 'The Stripe signature does not match this event', 400);
      }
    },
  };
}

export type StripeBilling = Awaited<ReturnType<typeof createStripeBilling>>;
