import { useLocalPath, useMessages } from './page-context.js';

/** A friendly error page: what went wrong in plain words, and ways back into the site. */
export function ErrorPage({ status, reason }: { status: number; reason: string }) {
  const local = useLocalPath();
  const messages = useMessages();
  return (
    <section class="error-page">
      <h1>{messages.t(status === 404 ? 'error.notFound' : status < 500 ? 'error.badRequest' : 'error.serverError')}</h1>
      <p>{reason}</p>
      <p>
        {messages.parts('error.wayBack', {
          frontPage: <a href={local('/')}>{messages.t('error.frontPage')}</a>,
          archive: <a href={local('/archive')}>{messages.t('error.archive')}</a>,
        })}
      </p>
    </section>
  );
}
