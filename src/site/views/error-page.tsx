/** A friendly error page: what went wrong in plain words, and ways back into the site. */
export function ErrorPage({ status, message }: { status: number; message: string }) {
  return (
    <section class="error-page">
      <h1>{status === 404 ? 'Page not found' : status < 500 ? 'That request did not work' : 'Something went wrong'}</h1>
      <p>{message}.</p>
      <p>
        Try the <a href="/">front page</a> or the <a href="/archive">archive</a>.
      </p>
    </section>
  );
}
