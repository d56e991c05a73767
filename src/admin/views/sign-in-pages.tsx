import { Alert } from './admin-layout.js';

/** Email and password, with a login CSRF token; `next` is where to go after. */
export function SignInForm({ csrf, next, error, notice }: { csrf: string; next: string; error?: string; notice?: string }) {
  return (
    <section class="narrow">
      <h1>Sign in</h1>
      {error && <Alert kind="error">{error}</Alert>}
      {notice && <Alert kind="info">{notice}</Alert>}
      <form method="post" action="/admin/signin" class="stack">
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="next" value={next} />
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete="username" required />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <button type="submit">Sign in</button>
      </form>
      <p>
        <a href="/admin/reset">Forgotten your password?</a>
      </p>
    </section>
  );
}

export function ResetRequestForm({ csrf, sent }: { csrf: string; sent?: boolean }) {
  return (
    <section class="narrow">
      <h1>Reset your password</h1>
      {sent && <Alert kind="info">If that address has an account, a reset link is on its way. It works once, for an hour.</Alert>}
      <form method="post" action="/admin/reset" class="stack">
        <input type="hidden" name="_csrf" value={csrf} />
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete="username" required />
        <button type="submit">Send the link</button>
      </form>
    </section>
  );
}

export function NewPasswordForm({ csrf, token, error }: { csrf: string; token: string; error?: string }) {
  return (
    <section class="narrow">
      <h1>Choose a new password</h1>
      {error && <Alert kind="error">{error}</Alert>}
      <form method="post" action={`/admin/reset/${token}`} class="stack">
        <input type="hidden" name="_csrf" value={csrf} />
        <label for="password">New password (at least 12 characters)</label>
        <input id="password" name="password" type="password" autocomplete="new-password" minLength={12} required />
        <button type="submit">Set password</button>
      </form>
    </section>
  );
}
