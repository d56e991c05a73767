import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database, MembershipStatus } from '../db/schema.js';
import type { MembershipTiers } from './membership-tiers.js';
import type { StripeEvent } from './stripe-billing.js';

/** A Stripe id field: the id itself, or the expanded object carrying it. */
const idOf = (value: unknown): string | null =>
  typeof value === 'string' ? value : value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : null;

const readerIdOf = (value: unknown): number | null => {
  const n = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};

/** Stripe's subscription states, as a membership sees them; `incomplete` (first payment pending) changes nothing yet. */
function statusOf(stripeStatus: string): MembershipStatus | undefined {
  if (stripeStatus === 'active' || stripeStatus === 'trialing') return 'active';
  if (stripeStatus === 'past_due' || stripeStatus === 'unpaid') return 'past_due';
  if (stripeStatus === 'canceled' || stripeStatus === 'incomplete_expired' || stripeStatus === 'paused') return 'canceled';
  return undefined;
}

const isoOf = (seconds: unknown) => (typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : null);

/** A membership change an event asks for. */
interface Change {
  readerId?: number | null;
  subscriptionId: string;
  status: MembershipStatus;
  customerId?: string | null;
  tierId?: number;
  interval?: 'month' | 'year';
  currentPeriodEnd?: string | null;
}

/**
 * Applies Stripe webhook events to memberships. Each event is applied once: its id is recorded in the
 * same transaction as its effect, so a redelivery finds it and changes nothing. Events may arrive out
 * of order: one older than the last applied to a membership is ignored, and a deleted subscription
 * is never brought back by any later event about it.
 */
export function createStripeEventHandler(deps: { db: Kysely<Database>; clock: Clock; tiers: MembershipTiers }) {
  const { db, tiers } = deps;

  async function changeFor(event: StripeEvent): Promise<Change | undefined> {
    const object = event.data.object as unknown as Record<string, any>;
    switch (event.type) {
      case 'checkout.session.completed': {
        const subscriptionId = idOf(object.subscription);
        const tierId = readerIdOf(object.metadata?.tier_id);
        const interval = object.metadata?.interval;
        if (object.mode !== 'subscription' || !subscriptionId || !tierId || (interval !== 'month' && interval !== 'year')) return undefined;
        return { readerId: readerIdOf(object.client_reference_id), subscriptionId, status: 'active', customerId: idOf(object.customer), tierId, interval };
      }
      case 'customer.subscription.created':
      case 'customer.subscription.updated':
      case 'customer.subscription.deleted': {
        const item = object.items?.data?.[0];
        const price = idOf(item?.price);
        const plan = price ? await tiers.byStripePrice(price) : undefined;
        const status = event.type === 'customer.subscription.deleted' ? 'canceled' : statusOf(String(object.status));
        if (!status) return undefined;
        return {
          readerId: readerIdOf(object.metadata?.reader_id),
          subscriptionId: object.id,
          status,
          customerId: idOf(object.customer),
          ...(plan ? { tierId: plan.tier.id, interval: plan.interval } : {}),
          // Newer API versions keep the period on the item, older ones on the subscription.
          currentPeriodEnd: isoOf(item?.current_period_end ?? object.current_period_end),
        };
      }
      case 'invoice.payment_failed': {
        const subscriptionId = idOf(object.subscription) ?? idOf(object.parent?.subscription_details?.subscription);
        return subscriptionId ? { subscriptionId, status: 'past_due' } : undefined;
      }
      default:
        return undefined;
    }
  }

  async function apply(trx: Kysely<Database>, event: StripeEvent, change: Change) {
    const existing = await trx
      .selectFrom('memberships')
      .selectAll()
      .where((eb) =>
        change.readerId ? eb.or([eb('reader_id', '=', change.readerId), eb('stripe_subscription_id', '=', change.subscriptionId)]) : eb('stripe_subscription_id', '=', change.subscriptionId),
      )
      .orderBy('updated_at', 'desc')
      .executeTakeFirst();
    const readerId = existing?.reader_id ?? change.readerId;
    if (!readerId) return;
    if (existing) {
      if (existing.stripe_event_created !== null && event.created < existing.stripe_event_created) return;
      if (existing.stripe_subscription_id === change.subscriptionId && existing.source === 'stripe' && existing.status === 'canceled') return;
    }
    const tierId = change.tierId ?? (existing?.stripe_subscription_id === change.subscriptionId ? existing.tier_id : undefined);
    if (tierId === undefined) return;
    const reader = await trx.selectFrom('readers').select('id').where('id', '=', readerId).executeTakeFirst();
    if (!reader) return;
    const at = deps.clock.now().toISOString();
    const sameSubscription = existing?.stripe_subscription_id === change.subscriptionId;
    const values = {
      tier_id: tierId,
      status: change.status,
      source: 'stripe' as const,
      interval: change.interval ?? (sameSubscription ? existing!.interval : null),
      stripe_customer_id: change.customerId ?? existing?.stripe_customer_id ?? null,
      stripe_subscription_id: change.subscriptionId,
      current_period_end: change.currentPeriodEnd ?? (sameSubscription ? existing!.current_period_end : null),
      stripe_event_created: event.created,
      granted_by: null,
      note: null,
      updated_at: at,
    };
    await trx
      .insertInto('memberships')
      .values({ reader_id: readerId, ...values, created_at: at })
      .onConflict((oc) => oc.column('reader_id').doUpdateSet(values))
      .execute();
  }

  return {
    /** Applies an event whose signature was checked; false when it had been applied before. */
    async handle(event: StripeEvent): Promise<boolean> {
      const change = await changeFor(event);
      return db.transaction().execute(async (trx) => {
        const recorded = await trx
          .insertInto('stripe_events')
          .values({ id: event.id, type: event.type, received_at: deps.clock.now().toISOString() })
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!recorded) return false;
        if (change) await apply(trx, event, change);
        return true;
      });
    },
  };
}
