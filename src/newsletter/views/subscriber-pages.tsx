import { Alert } from '../../admin/views/admin-layout.js';
import { Pagination } from '../../admin/views/pagination.js';
import type { Page } from '../../content/index.js';
import type { SubscriberStatus } from '../../db/schema.js';
import type { ConsentEntry, SubscriberCounts, SubscriberListItem, SubscriberRecord } from '../subscriber-admin.js';

const statusLabel: Record<SubscriberStatus, string> = { pending: 'Pending', active: 'Active', unsubscribed: 'Unsubscribed' };
const STATUSES = ['active', 'pending', 'unsubscribed'] as const;

/** A stored UTC time as the newsroom reads it, minutes only. */
const When = ({ iso }: { iso: string | null }) => (iso ? <time datetime={iso}>{iso.slice(0, 16).replace('T', ' ')} UTC</time> : <>—</>);

/** The list's filters as their query-string values ('' for "any"). */
export interface SubscriberFilterValues {
  q: string;
  status: string;
  language: string;
  suppressed: string;
}

/** The list's address with these filters (and page), leaving out what is unset. */
function subscribersUrl(path: string, values: SubscriberFilterValues, page = 1): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

const LIST = '/admin/newsletter/subscribers';

/** Every subscriber, newest first: counts per status, search and filters, pages, export and import. */
export function SubscribersPage(props: { page: Page<SubscriberListItem>; counts: SubscriberCounts; values: SubscriberFilterValues; languages: readonly string[]; notice?: string | undefined }) {
  const { page, counts, values } = props;
  const none: SubscriberFilterValues = { q: '', status: '', language: '', suppressed: '' };
  const all = counts.active + counts.pending + counts.unsubscribed;
  return (
    <>
      <h1>Subscribers</h1>
      {props.notice && <Alert kind="info">{props.notice}</Alert>}
      <ul class="filters" aria-label="Subscribers by status">
        <li>
          <a href={LIST}>All: {all}</a>
        </li>
        {STATUSES.map((status) => (
          <li key={status}>
            <a href={subscribersUrl(LIST, { ...none, status })}>
              {statusLabel[status]}: {counts[status]}
            </a>
          </li>
        ))}
        <li>
          <a href={subscribersUrl(LIST, { ...none, suppressed: 'yes' })}>Suppressed: {counts.suppressed}</a>
        </li>
      </ul>
      <form method="get" action={LIST} class="filters" role="search">
        <label for="q">Address contains</label>
        <input id="q" name="q" type="search" value={values.q} maxLength={254} />
        <label for="status">Status</label>
        <select id="status" name="status">
          <option value="">Any</option>
          {STATUSES.map((s) => (
            <option key={s} value={s} selected={values.status === s}>
              {statusLabel[s]}
            </option>
          ))}
        </select>
        <label for="language">Language</label>
        <select id="language" name="language">
          <option value="">Any</option>
          {props.languages.map((code) => (
            <option key={code} value={code} selected={values.language === code}>
              {code}
            </option>
          ))}
        </select>
        <label for="suppressed">Suppressed</label>
        <select id="suppressed" name="suppressed">
          <option value="">Either</option>
          <option value="yes" selected={values.suppressed === 'yes'}>
            Only suppressed
          </option>
          <option value="no" selected={values.suppressed === 'no'}>
            Not suppressed
          </option>
        </select>
        <button type="submit">Filter</button>
      </form>
      <p>
        {page.total} {page.total === 1 ? 'subscriber matches' : 'subscribers match'}. <a href={subscribersUrl(`${LIST}.csv`, values)}>Export these as CSV</a> ·{' '}
        <a href={`${LIST}/import`}>Import a list</a>
      </p>
      <table class="admin-table">
        <thead>
          <tr>
            <th scope="col">Address</th>
            <th scope="col">Status</th>
            <th scope="col">Language</th>
            <th scope="col">Signed up</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((s) => (
            <tr key={s.id}>
              <td>
                <a href={`${LIST}/${s.id}`}>{s.email}</a>
                {s.suppressed && <span class="badge"> suppressed</span>}
              </td>
              <td>{statusLabel[s.status]}</td>
              <td>{s.language}</td>
              <td>
                <When iso={s.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {page.items.length === 0 && <p>No subscriber matches.</p>}
      <Pagination page={page.page} pages={page.totalPages} link={(n) => subscribersUrl(LIST, values, n)} />
    </>
  );
}

const actionLabel: Record<ConsentEntry['action'], string> = {
  subscribe: 'Signed up',
  confirm: 'Confirmed',
  unsubscribe: 'Unsubscribed',
  preferences: 'Changed preferences',
  import: 'Imported',
};

/** What a consent row kept besides its action and form, as "key: value" pairs. */
const detailText = (entry: ConsentEntry) =>
  [
    ...Object.entries(entry.detail).map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`),
    ...(entry.issueDay ? [`from the issue of ${entry.issueDay}`] : []),
  ].join('; ');

/** One subscriber: the record, consent history, recent deliveries, any suppression, and the two staff actions. */
export function SubscriberPage(props: { subscriber: SubscriberRecord; csrfToken: string; notice?: string | undefined; error?: string | undefined }) {
  const s = props.subscriber;
  return (
    <>
      <p>
        <a href={LIST}>← All subscribers</a>
      </p>
      <h1>{s.email}</h1>
      {props.notice && <Alert kind="info">{props.notice}</Alert>}
      {props.error && <Alert kind="error">{props.error}</Alert>}
      <table class="admin-table">
        <tbody>
          <tr><th scope="row">Status</th><td>{statusLabel[s.status]}</td></tr>
          <tr><th scope="row">Language</th><td>{s.language}</td></tr>
          <tr><th scope="row">Signed up</th><td><When iso={s.createdAt} /></td></tr>
          <tr><th scope="row">Confirmation mailed</th><td><When iso={s.confirmationSentAt} /></td></tr>
          <tr><th scope="row">Confirmed</th><td><When iso={s.confirmedAt} /></td></tr>
          <tr><th scope="row">Unsubscribed</th><td><When iso={s.unsubscribedAt} /></td></tr>
          <tr><th scope="row">Last changed</th><td><When iso={s.updatedAt} /></td></tr>
        </tbody>
      </table>

      <h2>Suppression</h2>
      {s.suppression ? (
        <p>
          On the suppression list since <When iso={s.suppression.at} /> ({s.suppression.reason}){s.suppression.detail ? `: ${s.suppression.detail}` : ''}. No newsletter is sent to this address.
        </p>
      ) : (
        <p>Not on the suppression list.</p>
      )}

      <h2>Consent history</h2>
      <table class="admin-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">What</th>
            <th scope="col">Through</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {s.consents.map((c, i) => (
            <tr key={i}>
              <td><When iso={c.at} /></td>
              <td>{actionLabel[c.action]}</td>
              <td>{c.form}</td>
              <td>{detailText(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {s.consents.length === 0 && <p>No consent recorded.</p>}

      <h2>Latest deliveries</h2>
      <table class="admin-table">
        <thead>
          <tr>
            <th scope="col">Issue</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Sent</th>
          </tr>
        </thead>
        <tbody>
          {s.deliveries.map((d) => (
            <tr key={d.issueId}>
              <td><a href={`/admin/newsletter/${d.issueId}`}>{d.day}</a></td>
              <td>{d.status}</td>
              <td>{d.attempts}</td>
              <td><When iso={d.sentAt} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {s.deliveries.length === 0 && <p>No issue has been sent to this address.</p>}

      <h2>On the reader’s behalf</h2>
      {s.status !== 'unsubscribed' && (
        <form method="post" action={`${LIST}/${s.id}/unsubscribe`} class="stack">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <p>When the reader asks the newsroom to stop sending the newsletter. Kept in their consent record under your name.</p>
          <button type="submit">Unsubscribe this reader</button>
        </form>
      )}
      <form method="post" action={`${LIST}/${s.id}/delete`} class="stack">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <p>
          When the reader asks to be forgotten: deletes the subscriber, their consent record, their deliveries and their address on the
          suppression list. This cannot be undone.
        </p>
        <label>
          <input type="checkbox" name="confirm" value="yes" required /> Yes, erase this reader for good
        </label>
        <button type="submit">Delete this subscriber</button>
      </form>
    </>
  );
}
