import { after, before } from 'node:test';
import { startFakeHttpServer, type FakeHttpServer } from '../helpers/fake-http.js';

/** Where the fake Stripe sends a reader to pay: a made-up Checkout page. */
export const FAKE_CHECKOUT_URL = 'https://checkout.stripe.test/c/pay/cs_test_fake';

/**
 * A FAKE of the few Stripe API endpoints membership calls (Stripe is a remote paid service): it
 * records each request and answers a Checkout Session, a billing-portal session or a cancellation.
 */
export function useFakeStripeApi(): { readonly server: FakeHttpServer } {
  const holder = {} as { server: FakeHttpServer };
  before(async () => {
    holder.server = await startFakeHttpServer({
      '/v1/checkout/sessions': () => ({ status: 200, body: { id: 'cs_test_fake', object: 'checkout.session', url: FAKE_CHECKOUT_URL } }),
      '/v1/billing_portal/sessions': () => ({ status: 200, body: { id: 'bps_fake', object: 'billing_portal.session', url: 'https://billing.stripe.test/p/session/fake' } }),
      '/v1/subscriptions/sub_new': () => ({ status: 200, body: { id: 'sub_new', object: 'subscription', status: 'canceled' } }),
    });
  });
  after(() => holder.server?.close());
  return holder;
}
