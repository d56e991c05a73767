import { useMessages } from '../../site/views/page-context.js';
import { currencyDigits, type MembershipTier } from '../membership-tiers.js';

/** An amount in minor units, formatted as money in the page's language. */
function Money({ amount, currency }: { amount: number; currency: string }) {
  const messages = useMessages();
  return <>{messages.number(amount / 10 ** currencyDigits(currency), { style: 'currency', currency })}</>;
}

function JoinButton(props: { tierId: number; interval: 'free' | 'month' | 'year'; csrfToken: string | null; label: string }) {
  return (
    <form class="membership-join" action="/membership/join" method="post">
      <input type="hidden" name="tier" value={String(props.tierId)} />
      <input type="hidden" name="interval" value={props.interval} />
      {props.csrfToken && <input type="hidden" name="_csrf" value={props.csrfToken} />}
      <button type="submit">{props.label}</button>
    </form>
  );
}

/**
 * "Become a member": the active tiers with their prices and join buttons. Paid tiers can be joined
 * only when Stripe is configured. Signed out, the same page (cached) sends the reader to sign in first.
 */
export function MembershipPage(props: { siteName: string; tiers: MembershipTier[]; paymentsOn: boolean; csrfToken: string | null; currentTier: string | null; error?: string }) {
  const messages = useMessages();
  const hasPaid = props.tiers.some((t) => t.kind === 'supporter');
  return (
    <section class="membership-page">
      <h1>{messages.t('membership.heading', { siteName: props.siteName })}</h1>
      <p class="intro">{messages.t('membership.intro')}</p>
      {props.error && (
        <p class="form-error" role="alert">
          {props.error}
        </p>
      )}
      {props.currentTier && <p class="form-notice">{messages.t('membership.current', { tier: props.currentTier })}</p>}
      {hasPaid && !props.paymentsOn && <p class="form-notice">{messages.t('membership.paymentsOff')}</p>}
      {props.tiers.length === 0 && <p>{messages.t('membership.noTiers')}</p>}
      <ul class="membership-tiers">
        {props.tiers.map((tier) => (
          <li key={tier.id} class="membership-tier">
            <h2>{tier.name}</h2>
            {tier.description && <p>{tier.description}</p>}
            {tier.kind === 'free' ? (
              <>
                <p class="membership-price">{messages.t('membership.free')}</p>
                <JoinButton tierId={tier.id} interval="free" csrfToken={props.csrfToken} label={messages.t('membership.joinFree')} />
              </>
            ) : (
              <>
                {tier.monthlyAmount !== null && (
                  <p class="membership-price">{messages.parts('membership.perMonth', { amount: <Money amount={tier.monthlyAmount} currency={tier.currency} /> })}</p>
                )}
                {tier.yearlyAmount !== null && (
                  <p class="membership-price">{messages.parts('membership.perYear', { amount: <Money amount={tier.yearlyAmount} currency={tier.currency} /> })}</p>
                )}
                {props.paymentsOn && tier.stripeMonthlyPriceId && (
                  <JoinButton tierId={tier.id} interval="month" csrfToken={props.csrfToken} label={messages.t('membership.joinMonthly')} />
                )}
                {props.paymentsOn && tier.stripeYearlyPriceId && (
                  <JoinButton tierId={tier.id} interval="year" csrfToken={props.csrfToken} label={messages.t('membership.joinYearly')} />
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      {!props.csrfToken && props.tiers.length > 0 && <p class="fine-print">{messages.t('membership.signInFirst')}</p>}
    </section>
  );
}
