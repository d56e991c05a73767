import { Alert } from '../../admin/views/admin-layout.js';
import type { PollReport } from '../feed-poller.js';
import type { FeedStatus } from '../feed-settings.js';
import { FEED_FIELDS, FeedFields, type FeedChoices, type FeedFormValues } from './feed-fields.js';
import { FormAlert, When, type FormProblem } from './parts.js';

export interface FeedView {
  feed: FeedStatus;
  choices: FeedChoices;
  values: FeedFormValues;
  csrfToken: string;
  problem?: FormProblem;
  notice?: string;
  /** What a "Poll now" just did. */
  report?: PollReport;
  /** Why a "Poll now" could not start. */
  pollProblem?: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One partner feed: how its polls are going, a "Poll now" button, and its settings. */
export function FeedPage({ view }: { view: FeedView }) {
  const { feed } = view;
  return (
    <>
      <h1>Partner feed: {feed.sourceName}</h1>
      <p>
        <a href="/admin/feeds">All partner feeds</a> · <a href={`/admin/sources?edit=${feed.sourceSlug}`}>Edit the source</a> ·{' '}
        <a href={`/admin/queue?source=${feed.sourceSlug}`}>Its items in the review queue</a>
      </p>
      {view.notice && <Alert kind="info">{view.notice}</Alert>}
      {view.pollProblem && <Alert kind="error">{view.pollProblem}</Alert>}
      {view.report && <PollOutcome report={view.report} />}

      <h2>Status</h2>
      {feed.lastError && (
        <p class="alert alert-error feed-error" role="alert">
          The last poll failed (<When iso={feed.lastErrorAt} />): {feed.lastError}
        </p>
      )}
      <dl class="feed-status">
        <dt>Last polled</dt>
        <dd><When iso={feed.lastPolledAt} /></dd>
        <dt>Last success</dt>
        <dd><When iso={feed.lastSuccessAt} /></dd>
        <dt>Last error</dt>
        <dd>{feed.lastError ? <>{feed.lastError} (<When iso={feed.lastErrorAt} />)</> : 'none'}</dd>
        <dt>Failures in a row</dt>
        <dd>{feed.failures}</dd>
        <dt>Last format</dt>
        <dd>{feed.lastFormat ?? 'not read yet'}</dd>
        <dt>Warnings from the last poll</dt>
        <dd>
          {feed.lastWarnings.length === 0 ? 'none' : (
            <ul>
              {feed.lastWarnings.map((w) => <li key={w}>{w}</li>)}
            </ul>
          )}
        </dd>
        <dt>Items seen</dt>
        <dd>{feed.itemsSeen}</dd>
        <dt>Items imported</dt>
        <dd>{feed.itemsImported}</dd>
        <dt>Next poll</dt>
        <dd>{feed.active ? <When iso={feed.nextPollAt} /> : 'paused (the feed is not active)'}</dd>
      </dl>
      <form method="post" action={`/admin/feeds/${feed.sourceSlug}/poll`}>
        <input type="hidden" name="_csrf" value={view.csrfToken} />
        <button type="submit">Poll now</button>
      </form>

      <h2 id="settings">Settings</h2>
      <form method="post" action={`/admin/feeds/${feed.sourceSlug}`} class="stack" aria-labelledby="settings">
        <input type="hidden" name="_csrf" value={view.csrfToken} />
        <FormAlert problem={view.problem} fields={[...FEED_FIELDS]} />
        <FeedFields values={view.values} choices={view.choices} problem={view.problem} />
        <button type="submit">Save settings</button>
      </form>
    </>
  );
}

/** What one poll did, in words. */
function PollOutcome({ report }: { report: PollReport }) {
  if (!report.ok) return <Alert kind="error">The poll failed: {report.error}</Alert>;
  if (report.notModified) return <Alert kind="info">Polled: not modified. The feed has not changed since the last poll.</Alert>;
  const c = report.counts;
  return (
    <div class="alert alert-info" role="status">
      <p>
        Polled: {plural(c.queued, 'new item')} in the review queue, {c.imported} published, {plural(c.duplicate, 'duplicate')}, {c.updated} updated, {c.unchanged} unchanged
        {c.failed > 0 && <>, {c.failed} could not be filed</>}.
      </p>
      {report.warnings.length > 0 && (
        <ul>
          {report.warnings.map((w) => <li key={w}>{w}</li>)}
        </ul>
      )}
    </div>
  );
}
