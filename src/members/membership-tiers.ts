import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Database, MembershipTierKind, MembershipTiersTable } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { parseInput } from '../parse-input.js';

export interface MembershipTier {
  id: number;
  slug: string;
  name: string;
  description: string;
  kind: MembershipTierKind;
  /** Minor units (cents); null on a free tier, or when the tier is offered yearly only (and the other way round). */
  monthlyAmount: number | null;
  yearlyAmount: number | null;
  currency: string;
  stripeMonthlyPriceId: string | null;
  stripeYearlyPriceId: string | null;
  active: boolean;
  position: number;
}

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
/** Above this an amount is a typing mistake: a hundred thousand in major units. */
const MAX_AMOUNT = 10_000_000;

const amount = z
  .number({ error: 'An amount must be a number' })
  .int('An amount is a whole number of the currency’s smallest unit')
  .min(1, 'An amount must be more than zero')
  .max(MAX_AMOUNT, 'That amount is too large')
  .nullable()
  .default(null);
const priceId = z
  .string()
  .trim()
  .regex(/^price_[A-Za-z0-9]{1,200}$/, 'A Stripe price id looks like price_1AbC…')
  .nullable()
  .default(null)
  .or(z.literal('').transform(() => null));

const tierInput = z
  .strictObject({
    slug: z.string().trim().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Lower-case letters, digits and single hyphens, such as supporter').max(100),
    name: z.string().trim().min(1, 'A tier needs a name').max(100, 'A name is at most 100 characters'),
    description: z.string().trim().max(2000, 'A description is at most 2000 characters').default(''),
    kind: z.enum(['free', 'supporter'], { error: 'free or supporter' }),
    monthlyAmount: amount,
    yearlyAmount: amount,
    currency: z
      .string()
      .trim()
      .transform((c) => c.toUpperCase())
      .refine((c) => CURRENCIES.has(c), 'A currency code such as EUR or USD'),
    stripeMonthlyPriceId: priceId,
    stripeYearlyPriceId: priceId,
    position: z.number().int().min(0).max(1000).default(0),
  })
  .superRefine((t, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (t.kind === 'free') {
      if (t.monthlyAmount !== null) problem('monthlyAmount', 'A free tier has no amount');
      if (t.yearlyAmount !== null) problem('yearlyAmount', 'A free tier has no amount');
      if (t.stripeMonthlyPriceId || t.stripeYearlyPriceId) problem('stripeMonthlyPriceId', 'A free tier has no Stripe price');
      return;
    }
    if (t.monthlyAmount === null && t.yearlyAmount === null) problem('monthlyAmount', 'A supporter tier needs a monthly or a yearly amount');
    if (t.stripeMonthlyPriceId && t.monthlyAmount === null) problem('stripeMonthlyPriceId', 'A monthly price needs a monthly amount');
    if (t.stripeYearlyPriceId && t.yearlyAmount === null) problem('stripeYearlyPriceId', 'A yearly price needs a yearly amount');
  });

export type TierInput = z.input<typeof tierInput>;

const toTier = (r: Selectable<MembershipTiersTable>): MembershipTier => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  description: r.description,
  kind: r.kind,
  monthlyAmount: r.monthly_amount,
  yearlyAmount: r.yearly_amount,
  currency: r.currency,
  stripeMonthlyPriceId: r.stripe_monthly_price_id,
  stripeYearlyPriceId: r.stripe_yearly_price_id,
  active: r.active === 1,
  position: r.position,
});

/** The digits after the decimal point a currency's amounts have (2 for EUR, 0 for JPY). */
export const currencyDigits = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/**
 * Membership tiers as staff set them: a free tier and supporter tiers with monthly and yearly
 * amounts and their Stripe prices. `onChange` purges the cached "Become a member" page.
 */
export function createMembershipTiers(deps: { db: Kysely<Database>; clock: Clock; onChange: () => void }) {
  const { db } = deps;
  const now = () => deps.clock.now().toISOString();

  function rowOf(t: z.output<typeof tierInput>) {
    return {
      slug: t.slug,
      name: t.name,
      description: t.description,
      kind: t.kind,
      monthly_amount: t.monthlyAmount,
      yearly_amount: t.yearlyAmount,
      currency: t.currency,
      stripe_monthly_price_id: t.stripeMonthlyPriceId,
      stripe_yearly_price_id: t.stripeYearlyPriceId,
      position: t.position,
    };
  }

  async function checkSlugFree(slug: string, exceptId?: number) {
    let q = db.selectFrom('membership_tiers').select('id').where('slug', '=', slug);
    if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
    if (await q.executeTakeFirst()) throw new AppError('slug_taken', 'slug: Another tier already has that slug', 409, 'slug');
  }

  async function get(id: number): Promise<MembershipTier> {
    const row = await db.selectFrom('membership_tiers').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('membership tier');
    return toTier(row);
  }

  return {
    get,
    /** Every tier in the order the page lists them; only the active ones when asked. */
    async list(opts: { activeOnly?: boolean } = {}): Promise<MembershipTier[]> {
      let q = db.selectFrom('membership_tiers').selectAll().orderBy('position').orderBy('id');
      if (opts.activeOnly) q = q.where('active', '=', 1);
      return (await q.execute()).map(toTier);
    },
    async create(input: unknown): Promise<MembershipTier> {
      const tier = parseInput(tierInput, input);
      await checkSlugFree(tier.slug);
      const at = now();
      const row = await db.insertInto('membership_tiers').values({ ...rowOf(tier), created_at: at, updated_at: at }).returningAll().executeTakeFirstOrThrow();
      deps.onChange();
      return toTier(row);
    },
    async update(id: number, input: unknown): Promise<MembershipTier> {
      const tier = parseInput(tierInput, input);
      const before = await get(id);
      if (before.kind !== tier.kind && (await db.selectFrom('memberships').select('reader_id').where('tier_id', '=', id).executeTakeFirst())) {
        throw new AppError('tier_in_use', 'kind: A tier that has members cannot change between free and supporter', 409, 'kind');
      }
      await checkSlugFree(tier.slug, id);
      const row = await db.updateTable('membership_tiers').set({ ...rowOf(tier), updated_at: now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      deps.onChange();
      return toTier(row);
    },
    /** An inactive tier is not offered any more; its members keep their membership. */
    async setActive(id: number, active: boolean): Promise<MembershipTier> {
      const row = await db.updateTable('membership_tiers').set({ active: active ? 1 : 0, updated_at: now() }).where('id', '=', id).returningAll().executeTakeFirst();
      if (!row) throw notFound('membership tier');
      deps.onChange();
      return toTier(row);
    },
    /** The tier and billing interval a Stripe price belongs to. */
    async byStripePrice(price: string): Promise<{ tier: MembershipTier; interval: 'month' | 'year' } | undefined> {
      const row = await db
        .selectFrom('membership_tiers')
        .selectAll()
        .where((eb) => eb.or([eb('stripe_monthly_price_id', '=', price), eb('stripe_yearly_price_id', '=', price)]))
        .executeTakeFirst();
      return row && { tier: toTier(row), interval: row.stripe_monthly_price_id === price ? 'month' : 'year' };
    },
  };
}

export type MembershipTiers = ReturnType<typeof createMembershipTiers>;
