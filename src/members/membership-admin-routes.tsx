import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuditLog } from '../admin/audit-log.js';
import { requireCan } from '../admin/auth.js';
import { formText, redirectToSignIn, type FormBody, type RenderPage } from '../admin/form-fields.js';
import { AppError } from '../errors.js';
import { idParams, parseInput } from '../parse-input.js';
import { currencyDigits, type MembershipTier, type MembershipTiers } from './membership-tiers.js';
import type { Memberships } from './membership.js';
import { MembershipAdminPage, TierFormPage, type MembershipAdminView, type TierFormValues } from './views/membership-admin-pages.js';

const HOME = '/admin/membership';
const notices = {
  created: 'The tier is created.',
  saved: 'The tier is saved.',
  activated: 'The tier is offered again.',
  deactivated: 'The tier is no longer offered; its members keep their membership.',
  granted: 'The membership is granted.',
  revoked: 'The membership is revoked.',
} as const;
const listQuery = z.object({ q: z.string().trim().max(200).default(''), page: z.coerce.number().int().min(1).max(100_000).default(1), done: z.enum(Object.keys(notices) as [keyof typeof notices]).optional() });

/** Keeps a refusal on the page rather than an error page: only bad input, not a fault or a permission. */
const isRefusal = (error: unknown): error is AppError => error instanceof AppError && error.status < 500 && error.status !== 403 && error.status !== 401;
const problemOf = (error: AppError) => ({ message: error.message.replace(/^\w+: /, ''), ...(error.field ? { field: error.field } : {}) });

/** An amount typed in major units (4.50) in minor units (450); anything else is passed on for the service to refuse. */
function minorUnits(typed: string, currency: string): number | string | null {
  if (typed === '') return null;
  let digits = 2;
  try {
    digits = currencyDigits(currency.toUpperCase());
  } catch {
    // An unknown currency is refused by the service with its own message.
  }
  const match = new RegExp(`^\\d{1,9}(?:[.,](\\d{1,${Math.max(digits, 1)}}))?$`).exec(typed);
  if (!match || (digits === 0 && match[1])) return typed;
  const [whole, fraction = ''] = typed.split(/[.,]/);
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || 0);
}

function tierFormValues(form: FormBody): TierFormValues {
  const keys = ['slug', 'name', 'description', 'kind', 'monthlyAmount', 'yearlyAmount', 'currency', 'stripeMonthlyPriceId', 'stripeYearlyPriceId', 'position'] as const;
  return Object.fromEntries(keys.map((k) => [k, formText(form, k)])) as unknown as TierFormValues;
}

const valuesOf = (t: MembershipTier): TierFormValues => {
  const major = (amount: number | null) => (amount === null ? '' : (amount / 10 ** currencyDigits(t.currency)).toFixed(currencyDigits(t.currency)));
  return {
    slug: t.slug,
    name: t.name,
    description: t.description,
    kind: t.kind,
    monthlyAmount: major(t.monthlyAmount),
    yearlyAmount: major(t.yearlyAmount),
    currency: t.currency,
    stripeMonthlyPriceId: t.stripeMonthlyPriceId ?? '',
    stripeYearlyPriceId: t.stripeYearlyPriceId ?? '',
    position: String(t.position),
  };
};

const tierInputOf = (v: TierFormValues) => ({
  slug: v.slug,
  name: v.name,
  description: v.description,
  kind: v.kind,
  monthlyAmount: minorUnits(v.monthlyAmount, v.currency),
  yearlyAmount: minorUnits(v.yearlyAmount, v.currency),
  currency: v.currency,
  stripeMonthlyPriceId: v.stripeMonthlyPriceId,
  stripeYearlyPriceId: v.stripeYearlyPriceId,
  position: v.position === '' ? 0 : /^\d{1,4}$/.test(v.position) ? Number(v.position) : v.position,
});

/** Admin → Membership: tiers, the members list, and memberships granted or revoked by hand; every change audit-logged. */
export function registerMembershipAdmin(app: FastifyInstance, deps: { tiers: MembershipTiers; memberships: Memberships; audit: AuditLog; renderPage: RenderPage }) {
  const { tiers, memberships, audit, renderPage } = deps;
  const emptyTier: TierFormValues = { slug: '', name: '', description: '', kind: 'free', monthlyAmount: '', yearlyAmount: '', currency: 'EUR', stripeMonthlyPriceId: '', stripeYearlyPriceId: '', position: '0' };

  async function home(request: FastifyRequest, reply: FastifyReply, extra: Partial<MembershipAdminView> = {}, status?: number) {
    const asked = parseInput(listQuery, request.method === 'GET' ? request.query : {});
    const view: MembershipAdminView = {
      tiers: await tiers.list(),
      members: await memberships.list({ q: asked.q, page: asked.page }),
      q: asked.q,
      csrfToken: request.csrfToken ?? '',
      grant: { values: { email: '', tierId: '', note: '' } },
      ...(asked.done ? { notice: notices[asked.done] } : {}),
      ...extra,
    };
    return renderPage(request, reply, 'Membership', <MembershipAdminPage view={view} />, status);
  }

  app.get(HOME, async (request, reply) => {
    if (!request.staff) return redirectToSignIn(request, reply);
    requireCan(request, 'members.manage');
    return home(request, reply);
  });

  app.get(`${HOME}/tiers/new`, async (request, reply) => {
    if (!request.staff) return redirectToSignIn(request, reply);
    requireCan(request, 'members.manage');
    return renderPage(request, reply, 'New membership tier', <TierFormPage action={`${HOME}/tiers`} values={emptyTier} csrfToken={request.csrfToken ?? ''} isNew />);
  });

  app.post(`${HOME}/tiers`, async (request, reply) => {
    const user = requireCan(request, 'members.manage');
    const values = tierFormValues((request.body ?? {}) as FormBody);
    try {
      const tier = await tiers.create(tierInputOf(values));
      await audit.record(user.id, 'membership.tier.create', tier.slug, { kind: tier.kind });
      return reply.redirect(`${HOME}?done=created`, 303);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      return renderPage(request, reply, 'New membership tier', <TierFormPage action={`${HOME}/tiers`} values={values} csrfToken={request.csrfToken ?? ''} problem={problemOf(error)} isNew />, error.status);
    }
  });

  app.get(`${HOME}/tiers/:id`, async (request, reply) => {
    if (!request.staff) return redirectToSignIn(request, reply);
    requireCan(request, 'members.manage');
    const tier = await tiers.get(parseInput(idParams, request.params).id);
    return renderPage(request, reply, `Tier: ${tier.name}`, <TierFormPage action={`${HOME}/tiers/${tier.id}`} values={valuesOf(tier)} csrfToken={request.csrfToken ?? ''} isNew={false} />);
  });

  app.post(`${HOME}/tiers/:id`, async (request, reply) => {
    const user = requireCan(request, 'members.manage');
    const { id } = parseInput(idParams, request.params);
    const values = tierFormValues((request.body ?? {}) as FormBody);
    try {
      const tier = await tiers.update(id, tierInputOf(values));
      await audit.record(user.id, 'membership.tier.update', tier.slug);
      return reply.redirect(`${HOME}?done=saved`, 303);
    } catch (error) {
      if (!isRefusal(error) || error.status === 404) throw error;
      return renderPage(request, reply, `Tier: ${values.name}`, <TierFormPage action={`${HOME}/tiers/${id}`} values={values} csrfToken={request.csrfToken ?? ''} problem={problemOf(error)} isNew={false} />, error.status);
    }
  });

  app.post(`${HOME}/tiers/:id/active`, async (request, reply) => {
    const user = requireCan(request, 'members.manage');
    const { id } = parseInput(idParams, request.params);
    const active = formText((request.body ?? {}) as FormBody, 'active') === '1';
    const tier = await tiers.setActive(id, active);
    await audit.record(user.id, active ? 'membership.tier.activate' : 'membership.tier.deactivate', tier.slug);
    return reply.redirect(`${HOME}?done=${active ? 'activated' : 'deactivated'}`, 303);
  });

  app.post(`${HOME}/grant`, async (request, reply) => {
    const user = requireCan(request, 'members.manage');
    const form = (request.body ?? {}) as FormBody;
    const values = { email: formText(form, 'email'), tierId: formText(form, 'tierId'), note: formText(form, 'note') };
    try {
      const { readerId, tier } = await memberships.grant(values, user.id);
      await audit.record(user.id, 'membership.grant', values.email.toLowerCase(), { readerId, tier: tier.slug, note: values.note });
      return reply.redirect(`${HOME}?done=granted`, 303);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      return home(request, reply, { grant: { values, problem: problemOf(error) } }, error.status);
    }
  });

  app.post(`${HOME}/members/:id/revoke`, async (request, reply) => {
    const user = requireCan(request, 'members.manage');
    const { id } = parseInput(idParams, request.params);
    const note = formText((request.body ?? {}) as FormBody, 'note');
    try {
      const revoked = await memberships.revoke(id, { note }, user.id);
      await audit.record(user.id, 'membership.revoke', `reader:${id}`, { tier: revoked.tier.slug, note });
      return reply.redirect(`${HOME}?done=revoked`, 303);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      return home(request, reply, { error: error.message.replace(/^\w+: /, '') }, error.status);
    }
  });
}
