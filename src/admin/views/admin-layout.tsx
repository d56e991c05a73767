import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { StaffUser } from '../staff-service.js';
import { can } from '../roles.js';

export interface AdminFrame {
  siteName: string;
  stylesheets: string[];
  scripts: string[];
  user: StaffUser | null;
  csrfToken: string | null;
}

/** The newsroom's pages: a plain frame with the staff menu, readable and usable without JavaScript. */
export function renderAdminPage(frame: AdminFrame, title: string, body: ComponentChildren): string {
  return (
    '<!doctype html>' +
    renderToString(
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{`${title} — ${frame.siteName} newsroom`}</title>
          {frame.stylesheets.map((href) => (
            <link key={href} rel="stylesheet" href={href} />
          ))}
          <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        </head>
        <body class="admin">
          <a class="skip" href="#main">Skip to content</a>
          <header class="admin-bar">
            <a class="admin-brand" href="/admin">{frame.siteName} newsroom</a>
            {frame.user && <StaffMenu user={frame.user} csrfToken={frame.csrfToken} />}
          </header>
          <main id="main" class="wrap admin-main">{body}</main>
          {frame.scripts.map((src) => (
            <script key={src} src={src} defer />
          ))}
        </body>
      </html>,
    )
  );
}

function StaffMenu({ user, csrfToken }: { user: StaffUser; csrfToken: string | null }) {
  return (
    <nav aria-label="Newsroom">
      <ul>
        <li><a href="/admin">Articles</a></li>
        <li><a href="/admin/articles/new">New article</a></li>
        <li><a href="/admin/media">Media</a></li>
        <li><a href="/admin/authors">Authors</a></li>
        <li><a href="/admin/sources">Sources</a></li>
        <li><a href="/admin/regions">Regions</a></li>
        <li><a href="/admin/themes">Themes</a></li>
        <li><a href="/admin/dossiers">Dossiers</a></li>
        <li><a href="/admin/translations">Translations</a></li>
        <li><a href="/admin/languages">Languages</a></li>
        {can(user.role, 'syndication.manage') && <li><a href="/admin/feeds">Partner feeds</a></li>}
        {can(user.role, 'syndication.review') && <li><a href="/admin/queue">Review queue</a></li>}
        {can(user.role, 'newsletter.manage') && <li><a href="/admin/newsletter">Newsletter</a></li>}
        {can(user.role, 'newsletter.manage') && <li><a href="/admin/newsletter/subscribers">Subscribers</a></li>}
        {can(user.role, 'newsletter.manage') && <li><a href="/admin/newsletter/suppressions">Suppressions</a></li>}
        {can(user.role, 'members.manage') && <li><a href="/admin/membership">Membership</a></li>}
        {can(user.role, 'comments.moderate') && <li><a href="/admin/comments">Comments</a></li>}
        {can(user.role, 'audit.read') && <li><a href="/admin/audit">Audit log</a></li>}
        {can(user.role, 'staff.manage') && <li><a href="/admin/staff">Staff</a></li>}
        {can(user.role, 'settings.edit') && <li><a href="/admin/settings">Settings</a></li>}
        <li><a href="/admin/tokens">Account</a></li>
        <li><a href="/" rel="noopener">View site</a></li>
        <li>
          <form method="post" action="/admin/signout">
            <input type="hidden" name="_csrf" value={csrfToken ?? ''} />
            <button type="submit">Sign out {user.name}</button>
          </form>
        </li>
      </ul>
    </nav>
  );
}

/** A message that screen readers announce as soon as the page loads. */
export function Alert({ kind, children }: { kind: 'error' | 'info'; children: ComponentChildren }) {
  return (
    <p class={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
