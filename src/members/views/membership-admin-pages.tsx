import { Alert } from '../../admin/views/admin-layout.js';
import { FieldError, FormAlert, invalidIf, When, type FormProblem } from '../../syndication/views/parts.js';
import type { MemberRow } from '../membership.js';
import { currencyDigits, type MembershipTier } from '../membership-tiers.js';

/** The tier form's values as typed (amounts in major units, such as 4.50). */
export interface TierFormValues {
  slug: string;
  name: string;
  description: string;
  kind: string;
  monthlyAmount: string;
  yearlyAmount: string;
  currency: string;
  stripeMonthlyPriceId: string;
  stripeYearlyPriceId: string;
  position: string;
}

const TIER_FIELDS = ['slug', 'name', 'description', 'kind', 'monthlyAmount', 'yearlyAmount', 'currency', 'stripeMonthlyPriceId', 'stripeYearlyPriceId', 'position'];

export function TierFormPage(props: { action: string; values: TierFormValues; csrfToken: string; problem?: FormProblem; isNew: boolean }) {
  const { values, problem } = props;
  const field = (name: keyof TierFormValues, label: string, extra: Record<string, unknown> = {}) => (
    <p>
      <label for={name}>{label}</label>
      <input id={name} name={name} value={values[name]} {...invalidIf(problem, name)} {...extra} />
      <FieldError problem={problem} name={name} />
    </p>
  );
  return (
    <>
      <h1>{props.isNew ? 'New membership tier' : `Tier: ${values.name}`}</h1>
      <p>
        Amounts are in the currency’s usual units (4.50). A supporter tier is joined through Stripe Checkout with its price ids. Back to{' '}
        <a href="/admin/membership">membership</a>.
      </p>
      <form method="post" action={props.action} class="admin-form">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <FormAlert problem={problem} fields={TIER_FIELDS} />
        {field('name', 'Name', { required: true, maxLength: 100 })}
        {field('slug', 'Slug', { required: true, maxLength: 100, pattern: '[a-z0-9]+(-[a-z0-9]+)*' })}
        <p>
          <label for="description">Description</label>
          <textarea id="description" name="description" rows={3} maxLength={2000} {...invalidIf(problem, 'description')}>
            {values.description}
          </textarea>
          <FieldError problem={problem} name="description" />
        </p>
        <p>
          <label for="kind">Kind</label>
          <select id="kind" name="kind" {...invalidIf(problem, 'kind')}>
            <option value="free" selected={values.kind === 'free'}>Free</option>
            <option value="supporter" selected={values.kind === 'supporter'}>Supporter (paid)</option>
          </select>
          <FieldError problem={problem} name="kind" />
        </p>
        {field('currency', 'Currency (ISO code)', { required: true, maxLength: 3 })}
        {field('monthlyAmount', 'Monthly amount', { inputmode: 'decimal' })}
        {field('yearlyAmount', 'Yearly amount', { inputmode: 'decimal' })}
        {field('stripeMonthlyPriceId', 'Stripe monthly price id')}
        {field('stripeYearlyPriceId', 'Stripe yearly price id')}
        {field('position', 'Position in the list', { inputmode: 'numeric' })}
        <button type="submit">{props.isNew ? 'Create tier' : 'Save tier'}</button>
      </form>
    </>
  );
}

export interface MembershipAdminView {
  tiers: MembershipTier[];
  members: { items: MemberRow[]; total: number; page: number; pages: number };
  q: string;
  csrfToken: string;
  notice?: string;
  error?: string;
  grant: { values: { email: string; tierId: string; note: string }; problem?: FormProblem };
}

const formatAmount = (amount: number | null, currency: string) => {
  if (amount === null) return '—';
  const digits = currencyDigits(currency);
  return `${currency} ${(amount / 10 ** digits).toFixed(digits)}`;
};

/** Tiers (edit, activate, deactivate), the members list with search, and granting or revoking by hand. */
export function MembershipAdminPage({ view }: { view: MembershipAdminView }) {
  const csrf = <input type="hidden" name="_csrf" value={view.csrfToken} />;
  return (
    <>
      <h1>Membership</h1>
      {view.notice && <Alert kind="info">{view.notice}</Alert>}
      {view.error && <Alert kind="error">{view.error}</Alert>}
      <h2>Tiers</h2>
      <p>
        <a href="/admin/membership/tiers/new">New tier</a>
      </p>
      <table class="admin-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Monthly</th>
            <th scope="col">Yearly</th>
            <th scope="col">Offered</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {view.tiers.map((t) => (
            <tr key={t.id}>
              <td>
                <a href={`/admin/membership/tiers/${t.id}`}>{t.name}</a>
              </td>
              <td>{t.kind}</td>
              <td>{formatAmount(t.monthlyAmount, t.currency)}</td>
              <td>{formatAmount(t.yearlyAmount, t.currency)}</td>
              <td>{t.active ? 'Yes' : 'No'}</td>
              <td>
                <form method="post" action={`/admin/membership/tiers/${t.id}/active`}>
                  {csrf}
                  <input type="hidden" name="active" value={t.active ? '0' : '1'} />
                  <button type="submit">{t.active ? 'Deactivate' : 'Activate'}</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Grant a membership</h2>
      <form method="post" action="/admin/membership/grant" class="admin-form">
        {csrf}
        <FormAlert problem={view.grant.problem} fields={['email', 'tierId', 'note']} />
        <label for="grant-email">Reader’s email address</label>
        <input id="grant-email" name="email" type="email" required value={view.grant.values.email} {...invalidIf(view.grant.problem, 'email')} />
        <FieldError problem={view.grant.problem} name="email" />
        <label for="grant-tier">Tier</label>
        <select id="grant-tier" name="tierId" {...invalidIf(view.grant.problem, 'tierId')}>
          {view.tiers.map((t) => (
            <option key={t.id} value={String(t.id)} selected={view.grant.values.tierId === String(t.id)}>
              {t.name}
            </option>
          ))}
        </select>
        <FieldError problem={view.grant.problem} name="tierId" />
        <label for="grant-note">Reason (kept with the membership)</label>
        <input id="grant-note" name="note" required maxLength={500} value={view.grant.values.note} {...invalidIf(view.grant.problem, 'note')} />
        <FieldError problem={view.grant.problem} name="note" />
        <button type="submit">Grant</button>
      </form>

      <h2>Members</h2>
      <form method="get" action="/admin/membership" class="filters" role="search">
        <label for="q">Address or name contains</label>
        <input id="q" name="q" type="search" value={view.q} />
        <button type="submit">Search</button>
      </form>
      <p>
        {view.members.total} {view.members.total === 1 ? 'member' : 'members'}
      </p>
      {view.members.items.length > 0 && (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">Reader</th>
              <th scope="col">Tier</th>
              <th scope="col">Status</th>
              <th scope="col">Source</th>
              <th scope="col">Changed</th>
              <th scope="col">Revoke</th>
            </tr>
          </thead>
          <tbody>
            {view.members.items.map((m) => (
              <tr key={m.readerId}>
                <td>
                  {m.email}
                  {m.displayName && ` (${m.displayName})`}
                </td>
                <td>{m.tierName}</td>
                <td>{m.status}</td>
                <td>{m.source}</td>
                <td>
                  <When iso={m.updatedAt} />
                </td>
                <td>
                  {m.status !== 'canceled' && m.source !== 'stripe' && (
                    <form method="post" action={`/admin/membership/members/${m.readerId}/revoke`}>
                      {csrf}
                      <label for={`revoke-${m.readerId}`} class="visually-hidden">
                        Reason
                      </label>
                      <input id={`revoke-${m.readerId}`} name="note" required maxLength={500} placeholder="Reason" />
                      <button type="submit">Revoke</button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
