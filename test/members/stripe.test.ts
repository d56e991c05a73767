import assert from 'node:assert/strict';
import { before, beforeEach, test } from 'node:test';
import Stripe from 'stripe';
import { forEachDatabase } from '../helpers/databases.js';
import { useSmtpServer } from '../helpers/smtp.js';
import { useTestApp } from '../helpers/test-app.js';
import { FAKE_CHECKOUT_URL, useFakeStripeApi } from './fake-stripe-api.js';
import { form, freshRateWindow, get, signIn, type ReaderBrowser } from './reader-client.js';

const WEBHOOK_SECRET = 'whsec_testsecret0123456789';
// Only its webhook helpers are used: they sign locally and call nobody.
const signer = new Stripe('sk_test_signer_only');

forEachDatabase('membership payments through Stripe', (dialect) => {
  const smtp = useSmtpServer();
  const fake = useFakeStripeApi();
  const t = useTestApp(dialect, { smtpUrl: () => smtp.url, stripe: { secretKey: 'sk_test_fake_0123456789', webhookSecret: WEBHOOK_SECRET, apiUrl: () => fake.server.url } });
  beforeEach(() => freshRateWindow(t));

  let reader: ReaderBrowser;
  let readerId: number;
  let tierId: number;
  const now = () => Math.floor(t.clock.now().getTime() / 1000);
  let eventNumber = 0;

  before(async () => {
    const tier = await t.app.membershipTiers.create({
      slug: 'supporter',
      name: 'Supporter',
      kind: 'supporter',
      currency: 'EUR',
      monthlyAmount: 500,
      yearlyAmount: 5000,
      stripeMonthlyPriceId: 'price_monthly',
      stripeYearlyPriceId: 'price_yearly',
    });
    tierId = tier.id;
    reader = await signIn(t, smtp, 'payer@example.org');
    readerId = (await t.app.database.db.selectFrom('readers').select('id').where('email', '=', 'payer@example.org').executeTakeFirstOrThrow()).id;
  });

  const event = (type: string, object: Record<string, unknown>, created: number) => ({ id: `evt_${dialect}_${++eventNumber}`, object: 'event', type, created, data: { object } });
  const subscription = (status: string, price = 'price_monthly') => ({
    id: 'sub_paid',
    object: 'subscription',
    customer: 'cus_payer',
    status,
    metadata: { reader_id: String(readerId) },
    items: { data: [{ price: { id: price }, current_period_end: now() + 30 * 86400 }] },
  });

  function deliver(payload: object, secret = WEBHOOK_SECRET, body?: string) {
    const text = JSON.stringify(payload);
    const signature = signer.webhooks.generateTestHeaderString({ payload: text, secret, timestamp: now() });
    return fetch(`${t.baseUrl}/membership/stripe/webhook`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature }, body: body ?? text });
  }
  const membership = () => t.app.database.db.selectFrom('memberships').selectAll().where('reader_id', '=', readerId).executeTakeFirst();
  const eventCount = async () => (await t.app.database.db.selectFrom('stripe_events').select('id').execute()).length;

  test('the join button creates a Checkout Session and sends the reader there', async () => {
    const page = await (await get(t, '/membership', reader.cookie)).text();
    assert.match(page, /Join monthly/);
    assert.match(page, /Join yearly/);
    const res = await form(t, '/membership/join', { _csrf: reader.csrf, tier: String(tierId), interval: 'year' }, reader.cookie);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), FAKE_CHECKOUT_URL);
    const sent = fake.server.received.find((r) => r.path === '/v1/checkout/sessions')!;
    const body = sent.body as Record<string, string>;
    assert.equal(sent.headers.authorization, 'Bearer sk_test_fake_0123456789');
    assert.equal(body.mode, 'subscription');
    assert.equal(body['line_items[0][price]'], 'price_yearly');
    assert.equal(body.client_reference_id, String(readerId));
    assert.equal(body.customer_email, 'payer@example.org');
    assert.equal(body['metadata[tier_id]'], String(tierId));
    assert.equal(await membership(), undefined, 'nothing changes before Stripe says it is paid');
  });

  test('a forged or tampered event is refused and changes nothing', async () => {
    const completed = event('checkout.session.completed', { object: 'checkout.session', mode: 'subscription', client_reference_id: String(readerId), customer: 'cus_payer', subscription: 'sub_paid', metadata: { tier_id: String(tierId), interval: 'month' } }, now());
    const forged = await deliver(completed, 'whsec_notthesecret0000');
    assert.equal(forged.status, 400);
    const tampered = await deliver(completed, WEBHOOK_SECRET, JSON.stringify({ ...completed, data: { object: { ...completed.data.object, client_reference_id: '999' } } }));
    assert.equal(tampered.status, 400);
    const unsigned = await fetch(`${t.baseUrl}/membership/stripe/webhook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(completed) });
    assert.equal(unsigned.status, 400);
    assert.equal(await membership(), undefined);
    assert.equal(await eventCount(), 0);
  });

  test('a completed checkout makes a supporter; a replay of it changes nothing', async () => {
    const completed = event('checkout.session.completed', { object: 'checkout.session', mode: 'subscription', client_reference_id: String(readerId), customer: 'cus_payer', subscription: 'sub_paid', metadata: { tier_id: String(tierId), interval: 'month' } }, now());
    assert.equal((await deliver(completed)).status, 200);
    const row = (await membership())!;
    assert.equal(row.status, 'active');
    assert.equal(row.source, 'stripe');
    assert.equal(row.interval, 'month');
    assert.equal(row.stripe_subscription_id, 'sub_paid');
    assert.equal((await t.app.memberships.accessOf(readerId)).level, 'supporter');
    const account = await (await get(t, '/account', reader.cookie)).text();
    assert.match(account, /Tier: Supporter/);
    assert.match(account, /Manage billing/);
    const portal = await form(t, '/account/billing', { _csrf: reader.csrf }, reader.cookie);
    assert.equal(portal.status, 303);
    assert.equal(portal.headers.get('location'), 'https://billing.stripe.test/p/session/fake');
    assert.equal((fake.server.received.find((r) => r.path === '/v1/billing_portal/sessions')!.body as Record<string, string>).customer, 'cus_payer');

    // A payment fails later; then the old "completed" event is delivered again.
    assert.equal((await deliver(event('invoice.payment_failed', { object: 'invoice', parent: { subscription_details: { subscription: 'sub_paid' } } }, now() + 5))).status, 200);
    assert.equal((await membership())!.status, 'past_due');
    const count = await eventCount();
    const replay = await deliver(completed);
    assert.equal(replay.status, 200);
    assert.deepEqual(await replay.json(), { received: true, duplicate: true });
    assert.equal((await membership())!.status, 'past_due', 'the replay did not reactivate');
    assert.equal(await eventCount(), count);
    assert.equal((await t.app.memberships.accessOf(readerId)).level, 'supporter', 'past due still reads');
  });

  test('an older update arriving after a newer deletion does not reactivate', async () => {
    const base = now() + 100;
    assert.equal((await deliver(event('customer.subscription.updated', subscription('active', 'price_yearly'), base))).status, 200);
    const updated = (await membership())!;
    assert.equal(updated.status, 'active');
    assert.equal(updated.interval, 'year');
    assert.ok(updated.current_period_end);

    assert.equal((await deliver(event('customer.subscription.deleted', subscription('canceled'), base + 20))).status, 200);
    assert.equal((await membership())!.status, 'canceled');
    assert.equal((await deliver(event('customer.subscription.updated', subscription('active'), base + 10))).status, 200);
    assert.equal((await membership())!.status, 'canceled', 'the late, older update was ignored');
    assert.equal((await deliver(event('customer.subscription.updated', subscription('active'), base + 30))).status, 200);
    assert.equal((await membership())!.status, 'canceled', 'a deleted subscription stays deleted');
    assert.equal((await t.app.memberships.accessOf(readerId)).level, 'none');
  });

  test('deleting the account of a paying reader cancels the subscription at Stripe first', async () => {
    const renewed = event('checkout.session.completed', { object: 'checkout.session', mode: 'subscription', client_reference_id: String(readerId), customer: 'cus_payer', subscription: 'sub_new', metadata: { tier_id: String(tierId), interval: 'month' } }, now() + 1000);
    assert.equal((await deliver(renewed)).status, 200);
    assert.equal((await membership())!.status, 'active', 'a new subscription starts afresh');

    const res = await form(t, '/account/delete', { _csrf: reader.csrf, confirmEmail: 'payer@example.org' }, reader.cookie);
    assert.equal(res.status, 200);
    const cancel = fake.server.received.find((r) => r.path === '/v1/subscriptions/sub_new');
    assert.equal(cancel?.method, 'DELETE');
    assert.equal(await membership(), undefined);
  });
});
