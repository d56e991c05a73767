import type { SiteSettings } from '../../content/index.js';
import type { AuditEntry } from '../audit-log.js';
import type { StaffUser } from '../staff-service.js';
import { Alert } from './admin-layout.js';

const textFields: { name: keyof SiteSettings; label: string; long?: boolean; type?: string }[] = [
  { name: 'siteName', label: 'Site name' },
  { name: 'tagline', label: 'Tagline' },
  { name: 'language', label: 'Language (BCP 47, e.g. en)' },
  { name: 'timeZone', label: 'Time zone (e.g. Europe/London)' },
  { name: 'newsletterSendTime', label: 'Newsletter send time (HH:MM in the site’s time zone)', type: 'time' },
  { name: 'translationPriorityLanguages', label: 'Translate every published article into (language codes, such as es fr de)' },
  { name: 'copyrightHolder', label: 'Copyright holder' },
  { name: 'mediaInquiriesEmail', label: 'Media inquiries address', type: 'email' },
  { name: 'noteToReaders', label: 'Note to readers', long: true },
  { name: 'republishingPolicy', label: 'Republishing policy', long: true },
  { name: 'disclaimer', label: 'Disclaimer', long: true },
  { name: 'fairUseNotice', label: 'Fair-use notice', long: true },
];

/** Every site-wide setting the public pages show, in one form. */
export function SettingsPage({ values, csrfToken, error, saved }: { values: Record<string, string>; csrfToken: string; error?: { message: string; field?: string }; saved?: boolean }) {
  const invalid = (name: string) => (error?.field?.split('.')[0] === name ? { 'aria-invalid': true, 'aria-describedby': 'form-error' } : {});
  return (
    <>
      <h1>Site settings</h1>
      {error && (
        <p id="form-error" class="alert alert-error" role="alert">
          {error.message}
        </p>
      )}
      {saved && <Alert kind="info">Saved. Every page shows the change now.</Alert>}
      <form method="post" action="/admin/settings" class="stack">
        <input type="hidden" name="_csrf" value={csrfToken} />
        {textFields.map((f) => (
          <>
            <label for={f.name}>{f.label}</label>
            {f.long ? (
              <textarea id={f.name} name={f.name} rows={4} {...invalid(f.name)}>
                {values[f.name] ?? ''}
              </textarea>
            ) : (
              <input id={f.name} name={f.name} type={f.type ?? 'text'} value={values[f.name] ?? ''} {...invalid(f.name)} />
            )}
          </>
        ))}
        <label for="socialLinks">Follow links (one per line: network | Label | https://…)</label>
        <textarea id="socialLinks" name="socialLinks" rows={6} {...invalid('socialLinks')}>
          {values.socialLinks ?? ''}
        </textarea>
        <label>
          <input type="checkbox" name="feedFullText" value="1" checked={values.feedFullText === '1'} /> Feeds carry the full text (otherwise the standfirst)
        </label>
        <label for="commentModeration">Comments</label>
        <select id="commentModeration" name="commentModeration" {...invalid('commentModeration')}>
          <option value="pre" selected={values.commentModeration !== 'post'}>Held until a moderator approves them</option>
          <option value="post" selected={values.commentModeration === 'post'}>Shown at once; moderators remove what breaks the rules</option>
        </select>
                <button type="submit">Save settings</button>
      </form>
    </>
  );
}

/** The staff list and the form that adds someone, showing their one-time setup link. */
export function StaffPage({ staff, csrfToken, setupLink, error }: { staff: StaffUser[]; csrfToken: string; setupLink?: string; error?: string }) {
  return (
    <>
      <h1>Staff</h1>
      {error && <Alert kind="error">{error}</Alert>}
      {setupLink && (
        <Alert kind="info">
          Account created. Send this single-use link (valid for a day) to its owner so they can choose a password: <code>{setupLink}</code>
        </Alert>
      )}
      <table class="admin-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>{u.role}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Add a staff member</h2>
      <form method="post" action="/admin/staff" class="stack">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <label for="email">Email</label>
        <input id="email" name="email" type="email" required />
        <label for="name">Name</label>
        <input id="name" name="name" required />
        <label for="role">Role</label>
        <select id="role" name="role">
          <option value="contributor">Contributor — writes drafts</option>
          <option value="author">Author — publishes own articles</option>
          <option value="editor">Editor — everything editorial</option>
          <option value="owner">Owner — also staff and settings</option>
        </select>
        <button type="submit">Add</button>
      </form>
    </>
  );
}

/** Who changed what, newest first. */
export function AuditPage({ entries, page }: { entries: AuditEntry[]; page: number }) {
  return (
    <>
      <h1>Audit log</h1>
      <table class="admin-table">
        <thead>
          <tr>
            <th scope="col">When (UTC)</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Subject</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>
                <time datetime={e.at}>{e.at.slice(0, 19).replace('T', ' ')}</time>
              </td>
              <td>{e.actor ?? 'system'}</td>
              <td>{e.action}</td>
              <td>{e.subject}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav class="pagination" aria-label="Pages">
        {page > 1 && <a href={`/admin/audit?page=${page - 1}`}>← Newer</a>}
        {entries.length === 50 && <a href={`/admin/audit?page=${page + 1}`}>Older →</a>}
      </nav>
    </>
  );
}
