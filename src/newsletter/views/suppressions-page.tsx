import { Alert } from '../../admin/views/admin-layout.js';
import { Pagination } from '../../admin/views/pagination.js';
import type { Page } from '../../content/index.js';
import { FieldError, FormAlert, invalidIf, When, type FormProblem } from '../../syndication/views/parts.js';
import { SUPPRESSION_REASONS, type Suppression, type SuppressionReason } from '../suppressions.js';

const reasonLabel: Record<SuppressionReason, string> = { bounce: 'Bounced', complaint: 'Complaint', manual: 'Added by staff' };

export interface SuppressionsView {
  page: Page<Suppression>;
  /** The search and filter shown, '' for none. */
  q: string;
  reason: SuppressionReason | '';
  csrfToken: string;
  /** The add form's values, kept when it is refused. */
  values: { email: string; detail: string };
  notice?: string;
  /** A refused removal. */
  error?: string;
  /** A refused addition, shown in its form. */
  problem?: FormProblem;
}

/** The suppression list, newest first, searchable by address and reason, with adding and removing by hand. */
export function SuppressionsPage({ view }: { view: SuppressionsView }) {
  const link = (page: number) => {
    const params = new URLSearchParams();
    if (view.q) params.set('q', view.q);
    if (view.reason) params.set('reason', view.reason);
    if (page > 1) params.set('page', String(page));
    const query = params.toString();
    return query ? `/admin/newsletter/suppressions?${query}` : '/admin/newsletter/suppressions';
  };
  return (
    <>
      <h1>Suppression list</h1>
      {view.notice && <Alert kind="info">{view.notice}</Alert>}
      {view.error && <Alert kind="error">{view.error}</Alert>}
      <p>
        The newsletter is never sent to these addresses: they bounced for good, their owner marked it as spam, or staff added them. Removing one
        (a bounce that was a mistake) lets the next issue reach it again if it is still subscribed. Back to the <a href="/admin/newsletter">newsletter</a>.
      </p>

      <form method="get" action="/admin/newsletter/suppressions" class="filters" role="search">
        <label for="q">Address contains</label>
        <input id="q" name="q" type="search" value={view.q} />
        <label for="reason">Reason</label>
        <select id="reason" name="reason">
          <option value="">Any</option>
          {SUPPRESSION_REASONS.map((r) => (
            <option key={r} value={r} selected={view.reason === r}>
              {reasonLabel[r]}
            </option>
          ))}
        </select>
        <button type="submit">Filter</button>
      </form>
      <p>
        {view.page.total} {view.page.total === 1 ? 'address' : 'addresses'}
      </p>
      {view.page.items.length > 0 && (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">Address</th>
              <th scope="col">Reason</th>
              <th scope="col">Since</th>
              <th scope="col">Detail</th>
              <th scope="col">
                <span class="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {view.page.items.map((s) => (
              <tr key={s.email}>
                <td>{s.email}</td>
                <td>{reasonLabel[s.reason]}</td>
                <td>
                  <When iso={s.at} />
                </td>
                <td>{s.detail ?? ''}</td>
                <td>
                  <form method="post" action="/admin/newsletter/suppressions/remove">
                    <input type="hidden" name="_csrf" value={view.csrfToken} />
                    <input type="hidden" name="email" value={s.email} />
                    <button type="submit" aria-label={`Remove ${s.email} from the suppression list`}>
                      Remove
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={view.page.page} pages={view.page.totalPages} link={link} />

      <h2 id="add-suppression">Add an address</h2>
      <form method="post" action="/admin/newsletter/suppressions" class="stack" aria-labelledby="add-suppression">
        <input type="hidden" name="_csrf" value={view.csrfToken} />
        <FormAlert problem={view.problem} fields={['email', 'detail']} />
        <label for="email">Email address</label>
        <input id="email" name="email" type="email" required maxLength={254} value={view.values.email} {...invalidIf(view.problem, 'email')} />
        <FieldError problem={view.problem} name="email" />
        <label for="detail">Note (why, for whoever reads this later)</label>
        <input id="detail" name="detail" type="text" maxLength={1000} value={view.values.detail} {...invalidIf(view.problem, 'detail')} />
        <FieldError problem={view.problem} name="detail" />
        <button type="submit">Suppress this address</button>
      </form>
    </>
  );
}
