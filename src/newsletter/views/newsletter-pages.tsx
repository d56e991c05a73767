import type { Subscriber } from '../subscriptions.js';

type LanguageOption = { code: string; name: string };

function LanguageSelect({ id, options, selected }: { id: string; options: LanguageOption[]; selected: string }) {
  return (
    <>
      <label for={id}>Language of the newsletter</label>
      <select id={id} name="language">
        {options.map((o) => (
          <option key={o.code} value={o.code} selected={o.code === selected}>
            {o.name}
          </option>
        ))}
      </select>
    </>
  );
}

/** The newsletter's own page: what it is, and the sign-up form with a language choice. */
export function SignupPage(props: { siteName: string; languages: LanguageOption[]; language: string; error?: string; email?: string }) {
  return (
    <section class="newsletter-page">
      <h1>The {props.siteName} newsletter</h1>
      <p class="intro">
        Every morning, a short selection of the day’s articles chosen by our editors, with a link to each. It is free; every issue has a
        link to leave at once.
      </p>
      <form class="newsletter-form" action="/newsletter" method="post">
        {props.error && (
          <p class="form-error" role="alert">
            {props.error}
          </p>
        )}
        <label for="newsletter-email">Your email address</label>
        <input id="newsletter-email" type="email" name="email" required maxLength={254} autocomplete="email" value={props.email ?? ''} />
        <LanguageSelect id="newsletter-language" options={props.languages} selected={props.language} />
        <input type="hidden" name="form" value="page" />
        <button type="submit">Subscribe</button>
      </form>
      <p class="fine-print">
        We send a message with a confirmation link first: nothing else arrives until it is opened. We keep a record of when you signed up
        and from where, with your network address in a form that cannot be read back.
      </p>
    </section>
  );
}

/** The answer to every acceptable sign-up: it never tells whether the address was already known. */
export function CheckInboxPage() {
  return (
    <section class="newsletter-page">
      <h1>Check your inbox</h1>
      <p>If that address is not subscribed yet, a message with a confirmation link is on its way to it. Open the link within two days to start receiving the newsletter.</p>
      <p>Nothing there? Look in the spam folder, or sign up again in a few minutes.</p>
    </section>
  );
}

export function ConfirmedPage({ preferencesUrl }: { preferencesUrl: string }) {
  return (
    <section class="newsletter-page">
      <h1>You are subscribed</h1>
      <p>Thank you. The newsletter arrives every morning; each issue has a link to leave at once.</p>
      <p>
        <a href={preferencesUrl}>Choose the language of your newsletter</a>
      </p>
    </section>
  );
}

/** One button: nothing to fill in, and a visit alone (a mail scanner's, say) unsubscribes nobody. */
export function UnsubscribePage({ action }: { action: string }) {
  return (
    <section class="newsletter-page">
      <h1>Leave the newsletter</h1>
      <form class="newsletter-form" action={action} method="post">
        <button type="submit">Unsubscribe</button>
      </form>
    </section>
  );
}

export function UnsubscribedPage() {
  return (
    <section class="newsletter-page">
      <h1>You are unsubscribed</h1>
      <p>No more newsletters will be sent to this address. Changed your mind? You can <a href="/newsletter">subscribe again</a>.</p>
    </section>
  );
}

/** A subscriber's own settings, reached through the link in each newsletter. */
export function PreferencesPage(props: { subscriber: Subscriber; languages: LanguageOption[]; action: string; unsubscribeUrl: string; saved: boolean }) {
  const { subscriber } = props;
  return (
    <section class="newsletter-page">
      <h1>Newsletter preferences</h1>
      <p>
        For <strong>{subscriber.email}</strong>
        {subscriber.status === 'unsubscribed' && ' (unsubscribed: no newsletter is sent to this address)'}.
      </p>
      {props.saved && (
        <p class="form-notice" role="status">
          Your choice is saved.
        </p>
      )}
      <form class="newsletter-form" action={props.action} method="post">
        <LanguageSelect id="preferences-language" options={props.languages} selected={subscriber.language} />
        <button type="submit">Save</button>
      </form>
      {subscriber.status !== 'unsubscribed' && (
        <p>
          <a href={props.unsubscribeUrl}>Unsubscribe from the newsletter</a>
        </p>
      )}
    </section>
  );
}
