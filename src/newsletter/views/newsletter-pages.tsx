import { useLocalPath, useMessages } from '../../site/views/page-context.js';
import type { Subscriber } from '../subscriptions.js';

type LanguageOption = { code: string; name: string };

function LanguageSelect({ id, options, selected }: { id: string; options: LanguageOption[]; selected: string }) {
  const messages = useMessages();
  return (
    <>
      <label for={id}>{messages.t('newsletter.languageLabel')}</label>
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
  const messages = useMessages();
  const local = useLocalPath();
  return (
    <section class="newsletter-page">
      <h1>{messages.t('newsletter.heading', { siteName: props.siteName })}</h1>
      <p class="intro">{messages.t('newsletter.intro')}</p>
      <form class="newsletter-form" action={local('/newsletter')} method="post">
        {props.error && (
          <p class="form-error" role="alert">
            {props.error}
          </p>
        )}
        <label for="newsletter-email">{messages.t('newsletter.emailLabel')}</label>
        <input id="newsletter-email" type="email" name="email" required maxLength={254} autocomplete="email" value={props.email ?? ''} />
        <LanguageSelect id="newsletter-language" options={props.languages} selected={props.language} />
        <input type="hidden" name="form" value="page" />
        <button type="submit">{messages.t('newsletter.subscribe')}</button>
      </form>
      <p class="fine-print">{messages.t('newsletter.finePrint')}</p>
    </section>
  );
}

/** The answer to every acceptable sign-up: it never tells whether the address was already known. */
export function CheckInboxPage() {
  const messages = useMessages();
  return (
    <section class="newsletter-page">
      <h1>{messages.t('newsletter.checkInboxTitle')}</h1>
      <p>{messages.t('newsletter.checkInboxSent')}</p>
      <p>{messages.t('newsletter.checkInboxNothing')}</p>
    </section>
  );
}

export function ConfirmedPage({ preferencesUrl }: { preferencesUrl: string }) {
  const messages = useMessages();
  return (
    <section class="newsletter-page">
      <h1>{messages.t('newsletter.subscribedHeading')}</h1>
      <p>{messages.t('newsletter.subscribedThanks')}</p>
      <p>
        <a href={preferencesUrl}>{messages.t('newsletter.chooseLanguage')}</a>
      </p>
    </section>
  );
}

/** One button: nothing to fill in, and a visit alone (a mail scanner's, say) unsubscribes nobody. */
export function UnsubscribePage({ action }: { action: string }) {
  const messages = useMessages();
  return (
    <section class="newsletter-page">
      <h1>{messages.t('newsletter.unsubscribeHeading')}</h1>
      <form class="newsletter-form" action={action} method="post">
        <button type="submit">{messages.t('newsletter.unsubscribeButton')}</button>
      </form>
    </section>
  );
}

export function UnsubscribedPage() {
  const messages = useMessages();
  const local = useLocalPath();
  return (
    <section class="newsletter-page">
      <h1>{messages.t('newsletter.unsubscribedHeading')}</h1>
      <p>{messages.parts('newsletter.unsubscribedText', { subscribeAgain: <a href={local('/newsletter')}>{messages.t('newsletter.subscribeAgain')}</a> })}</p>
    </section>
  );
}

/** A subscriber's own settings, reached through the link in each newsletter. */
export function PreferencesPage(props: { subscriber: Subscriber; languages: LanguageOption[]; action: string; unsubscribeUrl: string; saved: boolean }) {
  const { subscriber } = props;
  const messages = useMessages();
  const email = <strong>{subscriber.email}</strong>;
  return (
    <section class="newsletter-page">
      <h1>{messages.t('newsletter.preferencesTitle')}</h1>
      <p>{messages.parts(subscriber.status === 'unsubscribed' ? 'newsletter.preferencesForUnsubscribed' : 'newsletter.preferencesFor', { email })}</p>
      {props.saved && (
        <p class="form-notice" role="status">
          {messages.t('newsletter.preferencesSaved')}
        </p>
      )}
      <form class="newsletter-form" action={props.action} method="post">
        <LanguageSelect id="preferences-language" options={props.languages} selected={subscriber.language} />
        <button type="submit">{messages.t('newsletter.save')}</button>
      </form>
      {subscriber.status !== 'unsubscribed' && (
        <p>
          <a href={props.unsubscribeUrl}>{messages.t('newsletter.unsubscribeLink')}</a>
        </p>
      )}
    </section>
  );
}
