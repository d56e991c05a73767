import { Alert } from './admin-layout.js';

export interface TokenRow {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

/** A staff member's own API tokens: create one (shown once), see when each was last used, revoke. */
export function TokensPage({ tokens, csrfToken, created }: { tokens: TokenRow[]; csrfToken: string; created?: string }) {
  return (
    <>
      <h1>Your API tokens</h1>
      <p>Scripts and integrations call the staff API (<code>/api/admin/v1/</code>) with <code>Authorization: Bearer &lt;token&gt;</code>. A token can do what you can do.</p>
      {created && (
        <Alert kind="info">
          Your new token, shown only this once: <code>{created}</code>
        </Alert>
      )}
      <form method="post" action="/admin/tokens" class="filters">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <label for="token-name">Name</label>
        <input id="token-name" name="name" required maxLength={100} />
        <button type="submit">Create token</button>
      </form>
      <table class="admin-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Created (UTC)</th>
            <th scope="col">Last used</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id}>
              <td>{t.name}</td>
              <td>{when(t.createdAt)}</td>
              <td>{when(t.lastUsedAt)}</td>
              <td>
                {t.revokedAt ? (
                  `Revoked ${when(t.revokedAt)}`
                ) : (
                  <form method="post" action={`/admin/tokens/${t.id}/revoke`}>
                    <input type="hidden" name="_csrf" value={csrfToken} />
                    <button type="submit">Revoke</button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Sessions</h2>
      <form method="post" action="/admin/signout-everywhere">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <button type="submit">Sign out everywhere</button> (every browser where you are signed in, this one too)
      </form>
    </>
  );
}
