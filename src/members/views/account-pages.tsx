import { useLocalPath, useMessages } from '../../site/views/page-context.js';
import type { Reader } from '../accounts.js';

/** The sign-in form: an address, and where to go after. */
export function SignInPage(props: { siteName: string; next: string; email?: string; error?: string }) {
  const messages = useMessages();
  const local = useLocalPath();
  return (
    <section class="account-page">
      <h1>{messages.t('signin.heading', { siteName: props.siteName })}</h1>
      <p class="intro">{messages.t('signin.intro')}</p>
      <form class="account-form" action={local('/signin')} method="post">
        {props.error && (
          <p class="form-error" role="alert">
            {props.error}
          </p>
        )}
        <label for="signin-email">{messages.t('signin.emailLabel')}</label>
        <input id="signin-email" type="email" name="email" required maxLength={254} autocomplete="email" value={props.email ?? ''} />
        <input type="hidden" name="next" value={props.next} />
        <button type="submit">{messages.t('signin.submit')}</button>
      </form>
    </section>
  );
}

/** The answer to every acceptable address: the same whether or not it has an account. */
export function SignInSentPage() {
  const messages = useMessages();
  return (
    <section class="account-page">
      <h1>{messages.t('signin.checkInboxTitle')}</h1>
      <p>{messages.t('signin.checkInboxText')}</p>
      <p>{messages.t('signin.checkInboxNothing')}</p>
    </section>
  );
}

/** One button: opening the link alone (a mail scanner's visit) signs nobody in and uses nothing up. */
export function VerifyPage(props: { token: string; next: string; nonce: string }) {
  const messages = useMessages();
  return (
    <section class="account-page">
      <h1>{messages.t('signin.title')}</h1>
      <p>{messages.t('signin.verifyText')}</p>
      <form class="account-form" action="/signin/verify" method="post">
        <input type="hidden" name="token" value={props.token} />
        <input type="hidden" name="next" value={props.next} />
        <input type="hidden" name="nonce" value={props.nonce} />
        <button type="submit">{messages.t('signin.verifyButton')}</button>
      </form>
    </section>
  );
}

/** What the account page shows of the membership. */
export interface MembershipSummary {
  tierName: string;
  status: 'active' | 'past_due' | 'canceled';
  /** When a paid period renews. */
  periodEnd: string | null;
  /** The billing portal can be offered. */
  billing: boolean;
}

const statusKey = { active: 'account.statusActive', past_due: 'account.statusPastDue', canceled: 'account.statusCanceled' } as const;

export function AccountPage(props: {
  reader: Reader;
  csrfToken: string;
  membership: MembershipSummary | null;
  formatDate: (iso: string) => string;
  notice?: 'saved' | 'joined';
  error?: string;
  deleteError?: string;
}) {
  const messages = useMessages();
  const local = useLocalPath();
  const { reader, membership } = props;
  const csrf = <input type="hidden" name="_csrf" value={props.csrfToken} />;
  return (
    <section class="account-page">
      <h1>{messages.t('account.title')}</h1>
      <p>{messages.parts('account.signedInAs', { email: <strong>{reader.email}</strong> })}</p>
      {props.notice && (
        <p class="form-notice" role="status">
          {messages.t(props.notice === 'saved' ? 'account.saved' : 'account.joined')}
        </p>
      )}

      <h2>{messages.t('account.profile')}</h2>
      <form class="account-form" action={local('/account')} method="post">
        {props.error && (
          <p class="form-error" role="alert">
            {props.error}
          </p>
        )}
        {csrf}
        <label for="display-name">{messages.t('account.displayName')}</label>
        <input id="display-name" name="displayName" maxLength={80} value={reader.displayName} autocomplete="nickname" />
        <label class="checkbox">
          <input type="checkbox" name="replyNotifications" value="on" checked={reader.replyNotifications} /> {messages.t('account.replyNotifications')}
        </label>
        <button type="submit">{messages.t('account.save')}</button>
      </form>

      <h2>{messages.t('account.membership')}</h2>
      {membership && membership.status !== 'canceled' ? (
        <>
          <p>{messages.t('account.tier', { tier: membership.tierName })}</p>
          <p>{messages.t('account.status', { status: messages.t(statusKey[membership.status]) })}</p>
          {membership.periodEnd && <p>{messages.t('account.renews', { date: props.formatDate(membership.periodEnd) })}</p>}
        </>
      ) : (
        <p>{messages.parts('account.noMembership', { becomeMember: <a href={local('/membership')}>{messages.t('account.becomeMember')}</a> })}</p>
      )}
      {membership?.billing && (
        <form class="account-form" action="/account/billing" method="post">
          {csrf}
          <button type="submit">{messages.t('account.manageBilling')}</button>
        </form>
      )}

      <h2>{messages.t('account.yourData')}</h2>
      <p>
        <a href="/account/export" download>
          {messages.t('account.export')}
        </a>
      </p>
      <form action="/signout" method="post">
        {csrf}
        <button type="submit">{messages.t('account.signOut')}</button>
      </form>

      <h2>{messages.t('account.deleteHeading')}</h2>
      <p>{messages.t('account.deleteText')}</p>
      <form class="account-form" action="/account/delete" method="post">
        {props.deleteError && (
          <p class="form-error" role="alert">
            {props.deleteError}
          </p>
        )}
        {csrf}
        <label for="delete-confirm">{messages.t('account.deleteConfirm')}</label>
        <input id="delete-confirm" name="confirmEmail" type="email" required autocomplete="off" />
        <button type="submit">{messages.t('account.deleteButton')}</button>
      </form>
    </section>
  );
}

export function AccountDeletedPage() {
  const messages = useMessages();
  return (
    <section class="account-page">
      <h1>{messages.t('account.deletedTitle')}</h1>
      <p>{messages.t('account.deletedText')}</p>
    </section>
  );
}
