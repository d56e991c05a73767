import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Database, MembershipSource, MembershipStatus } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { containsPattern } from '../db/like-pattern.js';
import { parseInput } from '../parse-input.js';
import type { ReaderDataHolder } from './accounts.js';
import type { MembershipTier, MembershipTiers } from './membership-tiers.js';

/** How far a reader's membership lets them in. */
export type AccessLevel = 'none' | 'member' | 'supporter';

/** Who may read an article. */
export type Visibility = 'public' | 'members' | 'paid';

/** Whether a reader at `level` may read an article of `visibility`. */
export function canRead(visibility: Visibility, level: AccessLevel): boolean {
  if (visibility === 'public') return true;
  if (visibility === 'members') return level !== 'none';
  return level === 'supporter';
}

export interface Membership {
  readerId: number;
  tier: MembershipTier;
  status: MembershipStatus;
  source: MembershipSource;
  interval: 'month' | 'year' | null;
  stripeCustomerId: string | null;
  stripeSubscriptionId: string | null;
  currentPeriodEnd: string | null;
  note: string | null;
  updatedAt: string;
}

/** One line of the staff's members list. */
export interface MemberRow {
  readerId: number;
  email: string;
  displayName: string;
  tierName: string;
  status: MembershipStatus;
  source: MembershipSource;
  updatedAt: string;
}

const PAGE_SIZE = 50;
const grantInput = z.object({
  email: z.string().trim().toLowerCase().min(1, 'The reader’s email address is required').max(254),
  tierId: z.coerce.number({ error: 'Choose a tier' }).int().positive('Choose a tier'),
  note: z.string().trim().min(1, 'Say why: the reason is kept with the membership').max(500),
});
const revokeInput = z.object({ note: z.string().trim().min(1, 'Say why: the reason is kept with the membership').max(500) });

/**
 * Each reader's one membership: joined free, paid through Stripe (see stripe-events.ts) or granted by
 * staff, and what it lets them read.
 */
export function createMemberships(deps: { db: Kysely<Database>; clock: Clock; tiers: MembershipTiers }) {
  const { db, tiers } = deps;
  const now = () => deps.clock.now().toISOString();

  async function of(readerId: number): Promise<Membership | undefined> {
    const row = await db.selectFrom('memberships').selectAll().where('reader_id', '=', readerId).executeTakeFirst();
    if (!row) return undefined;
    return {
      readerId,
      tier: await tiers.get(row.tier_id),
      status: row.status,
      source: row.source,
      interval: row.interval,
      stripeCustomerId: row.stripe_customer_id,
      stripeSubscriptionId: row.stripe_subscription_id,
      currentPeriodEnd: row.current_period_end,
      note: row.note,
      updatedAt: row.updated_at,
    };
  }

  /** What a reader may read: an active free membership makes a member; an active or overdue paid one a supporter. */
  async function accessOf(readerId: number): Promise<{ level: AccessLevel; tier?: MembershipTier }> {
    const membership = await of(readerId);
    if (!membership || membership.status === 'canceled') return { level: 'none' };
    if (membership.tier.kind === 'supporter') return { level: 'supporter', tier: membership.tier };
    return membership.status === 'active' ? { level: 'member', tier: membership.tier } : { level: 'none' };
  }

  /** Writes a reader's membership whole, replacing whatever they had. */
  async function put(readerId: number, values: { tier_id: number; status: MembershipStatus; source: MembershipSource; granted_by?: number | null; note?: string | null }) {
    const at = now();
    const row = {
      interval: null,
      stripe_customer_id: null,
      stripe_subscription_id: null,
      current_period_end: null,
      stripe_event_created: null,
      granted_by: null,
      note: null,
      ...values,
      updated_at: at,
    };
    await db
      .insertInto('memberships')
      .values({ reader_id: readerId, ...row, created_at: at })
      .onConflict((oc) => oc.column('reader_id').doUpdateSet(row))
      .execute();
  }

  async function readerByEmail(email: string) {
    const reader = await db.selectFrom('readers').select('id').where('email', '=', email).executeTakeFirst();
    if (!reader) throw new AppError('not_found', 'email: No reader has that address; they sign in once first', 404, 'email');
    return reader.id;
  }

  return {
    of,
    accessOf,
    /** Joins an active free tier. A reader who already has a live membership keeps it. */
    async joinFree(readerId: number, tierId: number, refusals: { unavailable: () => AppError; already: () => AppError }): Promise<void> {
      const tier = await tiers.get(tierId).catch(() => undefined);
      if (!tier || !tier.active || tier.kind !== 'free') throw refusals.unavailable();
      const current = await of(readerId);
      if (current && current.status !== 'canceled') throw refusals.already();
      await put(readerId, { tier_id: tier.id, status: 'active', source: 'free' });
    },
    /** Staff give a reader a tier by hand, with the reason; a Stripe subscription is not touched (cancel it in Stripe). */
    async grant(input: unknown, staffId: number): Promise<{ readerId: number; tier: MembershipTier }> {
      const g = parseInput(grantInput, input);
      const readerId = await readerByEmail(g.email);
      const tier = await tiers.get(g.tierId).catch(() => {
        throw new AppError('invalid_input', 'tierId: No such tier', 400, 'tierId');
      });
      const current = await of(readerId);
      if (current?.source === 'stripe' && current.status !== 'canceled') {
        throw new AppError('paid_membership', 'email: This reader pays through Stripe; change the subscription there', 409, 'email');
      }
      await put(readerId, { tier_id: tier.id, status: 'active', source: 'staff', granted_by: staffId, note: g.note });
      return { readerId, tier };
    },
    /** Ends a membership by hand, with the reason. */
    async revoke(readerId: number, input: unknown, staffId: number): Promise<Membership> {
      const { note } = parseInput(revokeInput, input);
      const current = await of(readerId);
      if (!current || current.status === 'canceled') throw notFound('live membership');
      if (current.source === 'stripe') throw new AppError('paid_membership', 'This reader pays through Stripe; cancel the subscription there', 409);
      await db.updateTable('memberships').set({ status: 'canceled', granted_by: staffId, note, updated_at: now() }).where('reader_id', '=', readerId).execute();
      return { ...current, status: 'canceled', note };
    },
    /** Members, newest change first, searched by address or display name. */
    async list(opts: { q?: string; page?: number }): Promise<{ items: MemberRow[]; total: number; page: number; pages: number }> {
      let q = db.selectFrom('memberships').innerJoin('readers', 'readers.id', 'memberships.reader_id').innerJoin('membership_tiers', 'membership_tiers.id', 'memberships.tier_id');
      if (opts.q) {
        // lower() on both sides: LIKE ignores case on SQLite but not on PostgreSQL.
        const pattern = containsPattern(opts.q.toLowerCase());
        const contains = (column: 'readers.email' | 'readers.display_name') => sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
        q = q.where((eb) => eb.or([contains('readers.email'), contains('readers.display_name')]));
      }
      const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const total = Number(n);
      const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
      const page = Math.min(Math.max(1, opts.page ?? 1), pages);
      const rows = await q
        .select(['readers.id', 'readers.email', 'readers.display_name', 'membership_tiers.name', 'memberships.status', 'memberships.source', 'memberships.updated_at'])
        .orderBy('memberships.updated_at', 'desc')
        .orderBy('readers.id', 'desc')
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
        .execute();
      const items = rows.map((r) => ({ readerId: r.id, email: r.email, displayName: r.display_name, tierName: r.name, status: r.status, source: r.source, updatedAt: r.updated_at }));
      return { items, total, page, pages };
    },
  };
}

export type Memberships = ReturnType<typeof createMemberships>;

/** The membership's part of a reader's export; the membership row itself goes with the reader (cascade). */
export function membershipDataHolder(memberships: Memberships, cancelSubscription: (subscriptionId: string) => Promise<void>): ReaderDataHolder {
  return {
    name: 'membership',
    async export(readerId) {
      const m = await memberships.of(readerId);
      return m
        ? { tier: m.tier.name, status: m.status, source: m.source, interval: m.interval, currentPeriodEnd: m.currentPeriodEnd, stripeCustomerId: m.stripeCustomerId, note: m.note, updatedAt: m.updatedAt }
        : null;
    },
    async prepareErase(readerId) {
      const m = await memberships.of(readerId);
      if (m?.stripeSubscriptionId && m.status !== 'canceled') await cancelSubscription(m.stripeSubscriptionId);
    },
  };
}
