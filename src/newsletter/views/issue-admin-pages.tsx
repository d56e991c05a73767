import { Alert } from '../../admin/views/admin-layout.js';
import { Pagination } from '../../admin/views/pagination.js';
import type { Page } from '../../content/index.js';
import type { DeliveryFigures } from '../delivery.js';
import type { Issue, IssueStatus, IssueWithArticles } from '../issues.js';

const statusLabel: Record<IssueStatus, string> = { draft: 'Draft (held)', scheduled: 'Scheduled', sending: 'Sending', sent: 'Sent' };

/** How the copies of an issue stand, and how many readers its unsubscribe link lost. */
function Figures(props: { figures: DeliveryFigures }) {
  const f = props.figures;
  const rows: [string, number][] = [
    ['Sent', f.sent],
    ['Failed (refused or suppressed)', f.failed],
    ['Waiting for a retry', f.pending],
    ['Being sent now', f.sending],
    ['Unsubscribed through this issue', f.unsubscribed],
  ];
  return (
    <table class="issue-figures">
      <caption>Delivery</caption>
      <tbody>
        {rows.map(([label, n]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{n.toLocaleString('en')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The newsroom's list of issues, newest day first, with the button that assembles today's. */
export function IssuesPage(props: { page: Page<Issue>; today: string; todays?: Issue | undefined; csrfToken: string; localTime: (iso: string) => string }) {
  const { page, today, todays } = props;
  return (
    <>
      <h1>Newsletter</h1>
      <p>
        <a href="/admin/newsletter/suppressions">Suppression list</a>
      </p>
      {todays ? (
        <p>
          Today’s issue ({today}) is assembled: <a href={`/admin/newsletter/${todays.id}`}>open it</a>.
        </p>
      ) : (
        <form method="post" action="/admin/newsletter/assemble">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <button type="submit">Assemble today’s issue ({today})</button>
        </form>
      )}
      <p class="note">
        Each day’s issue is assembled from the newsletter picks an hour before the send time set in <a href="/admin/settings">Settings</a>, and goes out at
        that time unless an editor holds or reschedules it.
      </p>
      <table class="admin-table">
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Status</th>
            <th scope="col">Articles</th>
            <th scope="col">Send at (site time)</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((issue) => (
            <tr key={issue.id}>
              <td>
                <a href={`/admin/newsletter/${issue.id}`}>{issue.day}</a>
              </td>
              <td>{statusLabel[issue.status]}</td>
              <td>{issue.articleIds.length}</td>
              <td>{issue.sendAt ? props.localTime(issue.sendAt) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {page.items.length === 0 && <p>No issue yet.</p>}
      <Pagination page={page.page} pages={page.totalPages} link={(n) => (n === 1 ? '/admin/newsletter' : `/admin/newsletter?page=${n}`)} />
    </>
  );
}

export interface IssueFormValues {
  intro: string;
  /** `YYYY-MM-DDTHH:MM` in the site's time zone, or '' to hold the issue. */
  sendAt: string;
}

/** One issue: the email as subscribers will see it, and (until sending starts) the form that edits it. */
export function IssuePage(props: {
  issue: IssueWithArticles;
  previewHtml: string;
  previewText: string;
  values: IssueFormValues;
  timeZone: string;
  csrfToken: string;
  error?: string | undefined;
  saved?: boolean;
  notice?: string | undefined;
  /** Once sending has started. */
  figures?: DeliveryFigures | undefined;
  /** Where a test copy goes unless the editor types another address: their own. */
  testAddress: string;
}) {
  const { issue, values } = props;
  const editable = issue.status === 'draft' || issue.status === 'scheduled';
  const last = issue.articles.length - 1;
  return (
    <>
      <h1>Newsletter of {issue.day}</h1>
      <p>Status: {statusLabel[issue.status]}</p>
      {props.error && <Alert kind="error">{props.error}</Alert>}
      {props.saved && <Alert kind="info">Saved.</Alert>}
      {props.notice && <Alert kind="info">{props.notice}</Alert>}
      {props.figures && <Figures figures={props.figures} />}
      {editable ? (
        <form method="post" action={`/admin/newsletter/${issue.id}`} class="stack">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <label for="intro">Intro (plain text; a blank line starts a new paragraph)</label>
          <textarea id="intro" name="intro" rows={5}>
            {values.intro}
          </textarea>
          <fieldset>
            <legend>Articles, in order</legend>
            {issue.articles.length === 0 && <p>This issue has no articles.</p>}
            <ol class="issue-articles">
              {issue.articles.map((a, i) => (
                <li key={a.id}>
                  <input type="hidden" name="articleIds" value={String(a.id)} />
                  <label for={`position-${a.id}`}>Position</label>{' '}
                  <input id={`position-${a.id}`} name={`position-${a.id}`} type="number" min={1} max={last + 1} value={String(i + 1)} size={3} />{' '}
                  <a href={`/articles/${a.slug}`}>{a.title}</a>{' '}
                  <button type="submit" name="move" value={`up:${a.id}`} disabled={i === 0} aria-label={`Move “${a.title}” up`}>
                    ↑
                  </button>{' '}
                  <button type="submit" name="move" value={`down:${a.id}`} disabled={i === last} aria-label={`Move “${a.title}” down`}>
                    ↓
                  </button>{' '}
                  <label>
                    <input type="checkbox" name="remove" value={String(a.id)} /> Remove
                  </label>
                </li>
              ))}
            </ol>
          </fieldset>
          <label for="sendAt">Send at ({props.timeZone}; leave blank to hold the issue as a draft)</label>
          <input id="sendAt" name="sendAt" type="datetime-local" value={values.sendAt} />
          <button type="submit">Save the issue</button>
        </form>
      ) : (
        <Alert kind="info">This issue has started sending and can no longer be changed.</Alert>
      )}
      {editable && (
        <form method="post" action={`/admin/newsletter/${issue.id}/send`} class="inline">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <button type="submit">Send now to every subscriber</button>
        </form>
      )}
      <form method="post" action={`/admin/newsletter/${issue.id}/test`} class="inline">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <label for="test-to">Send a test copy to</label> <input id="test-to" name="to" type="email" value={props.testAddress} required />{' '}
        <button type="submit">Send test</button>
      </form>
      <h2>Preview</h2>
      <iframe class="email-preview" title={`The email of ${issue.day}`} sandbox="" srcdoc={props.previewHtml} width="100%" height="900" />
      <details>
        <summary>Plain-text part</summary>
        <pre>{props.previewText}</pre>
      </details>
    </>
  );
}
