import { Alert } from '../../admin/views/admin-layout.js';
import type { Source } from '../../content/index.js';
import type { FeedStatus } from '../feed-settings.js';
import { FEED_FIELDS, FeedFields, type FeedChoices, type FeedFormValues } from './feed-fields.js';
import { FieldError, FormAlert, invalidIf, When, type FormProblem } from './parts.js';

export interface FeedsView {
  feeds: FeedStatus[];
  /** Partner sources with no feed yet: the ones a feed can be added to. */
  unfed: Source[];
  choices: FeedChoices;
  /** The add form's values, with `source`. */
  values: FeedFormValues & { source?: string };
  csrfToken: string;
  /** A refused new feed. */
  problem?: FormProblem;
  /** A refused OPML import. */
  importProblem?: FormProblem;
  notice?: string;
}

/**
 * Every partner feed with how its polls are going (a failing one says why, prominently), a form to
 * add a feed to a source that has none, and OPML export and import.
 */
export function FeedsPage({ view }: { view: FeedsView }) {
  return (
    <>
      <h1>Partner feeds</h1>
      {view.notice && <Alert kind="info">{view.notice}</Alert>}
      <p>
        Partner sources themselves (name, home page, copyright, attribution) are edited on the <a href="/admin/sources">Sources</a> page; items waiting for a decision are in the <a href="/admin/queue">review queue</a>.
      </p>
      {view.feeds.length === 0 ? <p>No partner feeds yet.</p> : <FeedTable feeds={view.feeds} />}

      <h2 id="add-feed">Add a feed</h2>
      {view.unfed.length === 0 ? (
        <p>
          Every partner source has a feed. Add a source on the <a href="/admin/sources">Sources</a> page first.
        </p>
      ) : (
        <form method="post" action="/admin/feeds" class="stack" aria-labelledby="add-feed">
          <input type="hidden" name="_csrf" value={view.csrfToken} />
          <FormAlert problem={view.problem} fields={['source', ...FEED_FIELDS]} />
          <label for="source">Partner source</label>
          <select id="source" name="source" required {...invalidIf(view.problem, 'source')}>
            {view.unfed.map((s) => (
              <option key={s.slug} value={s.slug} selected={view.values.source === s.slug}>
                {s.name}
              </option>
            ))}
          </select>
          <FieldError problem={view.problem} name="source" />
          <FeedFields values={view.values} choices={view.choices} problem={view.problem} />
          <button type="submit">Add feed</button>
        </form>
      )}

      <h2 id="opml">OPML</h2>
      <p>
        <a href="/admin/feeds.opml">Export OPML</a> (every partner feed, for a feed reader or another newsroom).
      </p>
      <form method="post" action="/admin/feeds.opml" enctype="multipart/form-data" class="stack" aria-labelledby="opml">
        <input type="hidden" name="_csrf" value={view.csrfToken} />
        <label for="file">Import OPML (each new feed becomes a partner source whose items wait for review)</label>
        <input id="file" name="file" type="file" accept=".opml,.xml,text/x-opml,text/xml,application/xml" required {...invalidIf(view.importProblem, 'file')} />
        {view.importProblem && (
          <p id="file-error" class="field-error" role="alert">
            {view.importProblem.message}
          </p>
        )}
        <button type="submit">Import OPML</button>
      </form>
    </>
  );
}

function FeedTable({ feeds }: { feeds: FeedStatus[] }) {
  return (
    <table class="admin-table">
      <thead>
        <tr>
          <th scope="col">Source</th>
          <th scope="col">Feed</th>
          <th scope="col">Mode</th>
          <th scope="col">Active</th>
          <th scope="col">Last success</th>
          <th scope="col">Last error</th>
          <th scope="col">Failures</th>
          <th scope="col">Items seen / imported</th>
          <th scope="col">Next poll</th>
        </tr>
      </thead>
      <tbody>
        {feeds.map((f) => (
          <tr key={f.sourceSlug} class={f.lastError ? 'feed-failing' : undefined}>
            <td>
              <a href={`/admin/feeds/${f.sourceSlug}`}>{f.sourceName}</a>
            </td>
            <td class="feed-url">{f.feedUrl}</td>
            <td>{f.mode === 'auto' ? 'publish at once' : 'review'}</td>
            <td>{f.active ? 'yes' : 'no'}</td>
            <td>
              <When iso={f.lastSuccessAt} />
            </td>
            <td>{f.lastError ? <strong class="feed-error">{f.lastError}</strong> : 'none'}</td>
            <td>{f.failures}</td>
            <td>
              {f.itemsSeen} / {f.itemsImported}
            </td>
            <td>{f.active ? <When iso={f.nextPollAt} /> : 'paused'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
