import type { Author, Term } from '../../content/index.js';
import type { QueueItem } from '../review-queue.js';
import { FieldError, FormAlert, invalidIf, SlugSelect, When, type FormProblem } from './parts.js';

/** The accept form's values: the item's words at first, what was sent when it was refused. */
export interface AcceptValues {
  kicker: string;
  title: string;
  dek: string;
  authors: string[];
  regions: string[];
  themes: string[];
  dossier: string;
  status: string;
  /** `YYYY-MM-DDTHH:MM`, UTC, as a datetime-local input holds it. */
  publishedAt: string;
}

export interface QueueItemView {
  item: QueueItem;
  authors: Author[];
  terms: Term[];
  values: AcceptValues;
  csrfToken: string;
  problem?: FormProblem;
}

const ACCEPT_FIELDS = ['kicker', 'title', 'dek', 'authors', 'regions', 'themes', 'dossier', 'status', 'publishedAt'];

const decidedAs: Record<QueueItem['status'], string> = {
  pending: 'waiting for review',
  imported: 'accepted',
  rejected: 'rejected',
  blocked: 'blocked',
  duplicate: 'a duplicate of an article already here',
};

/**
 * One partner item: its words as they would render (the body was sanitised when it arrived), and,
 * while it waits, the forms that accept it (with a byline, sections and a time), reject or block it.
 */
export function QueueItemPage({ view }: { view: QueueItemView }) {
  const { item, values: v, problem } = view;
  const ofKind = (kind: Term['kind']) => view.terms.filter((t) => t.kind === kind);
  return (
    <>
      <p>
        <a href="/admin/queue">Review queue</a>
      </p>
      <h1>{item.title || '(untitled)'}</h1>
      {item.dek && <p class="dek">{item.dek}</p>}
      <FormAlert problem={problem} fields={ACCEPT_FIELDS} />
      <dl class="feed-status">
        <dt>Source</dt>
        <dd>{item.sourceName}</dd>
        <dt>Partner byline</dt>
        <dd>{item.authorNames.join(', ') || 'none given'}</dd>
        <dt>Partner date</dt>
        <dd><When iso={item.publishedAt} never="none given" /></dd>
        <dt>Original</dt>
        <dd>{item.originalUrl ? <a href={item.originalUrl} rel="noopener noreferrer">{item.originalUrl}</a> : 'no link given'}</dd>
        <dt>Status</dt>
        <dd>
          {decidedAs[item.status]}
          {item.articleId !== null && <> · <a href={`/admin/articles/${item.articleId}`}>the article</a></>}
        </dd>
      </dl>
      <article class="preview" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />

      {item.status === 'pending' && (
        <>
          <h2 id="accept">Accept</h2>
          <form method="post" action={`/admin/queue/${item.id}/accept`} class="stack" aria-labelledby="accept">
            <input type="hidden" name="_csrf" value={view.csrfToken} />
            <label for="kicker">Kicker</label>
            <input id="kicker" name="kicker" maxLength={100} value={v.kicker} {...invalidIf(problem, 'kicker')} />
            <FieldError problem={problem} name="kicker" />
            <label for="title">Headline</label>
            <input id="title" name="title" required maxLength={300} value={v.title} {...invalidIf(problem, 'title')} />
            <FieldError problem={problem} name="title" />
            <label for="dek">Standfirst</label>
            <textarea id="dek" name="dek" rows={2} maxLength={1000} {...invalidIf(problem, 'dek')}>{v.dek}</textarea>
            <FieldError problem={problem} name="dek" />
            <SlugSelect name="authors" label="Authors (our byline)" options={view.authors} chosen={v.authors} multiple required problem={problem} />
            <SlugSelect name="regions" label="Regions" options={ofKind('region')} chosen={v.regions} multiple problem={problem} />
            <SlugSelect name="themes" label="Themes" options={ofKind('theme')} chosen={v.themes} multiple problem={problem} />
            <SlugSelect name="dossier" label="Dossier" options={ofKind('dossier')} chosen={v.dossier} none="None" problem={problem} />
            <label for="status">Status</label>
            <select id="status" name="status" {...invalidIf(problem, 'status')}>
              <option value="published" selected={v.status === 'published'}>Published</option>
              <option value="scheduled" selected={v.status === 'scheduled'}>Scheduled</option>
              <option value="draft" selected={v.status === 'draft'}>Draft</option>
            </select>
            <FieldError problem={problem} name="status" />
            <label for="publishedAt">Publication time (UTC; leave empty for the partner’s date, or now if that is in the future)</label>
            <input id="publishedAt" name="publishedAt" type="datetime-local" value={v.publishedAt} {...invalidIf(problem, 'publishedAt')} />
            <FieldError problem={problem} name="publishedAt" />
            <button type="submit">Accept and open in the editor</button>
          </form>

          <h2>Or turn it down</h2>
          <form method="post" action={`/admin/queue/${item.id}/reject`} class="after-form">
            <input type="hidden" name="_csrf" value={view.csrfToken} />
            <button type="submit">Reject</button> <span class="hint">It comes back only if the partner changes it.</span>
          </form>
          <form method="post" action={`/admin/queue/${item.id}/block`} class="after-form">
            <input type="hidden" name="_csrf" value={view.csrfToken} />
            <button type="submit">Block</button> <span class="hint">Never import this item or repeats of it.</span>
          </form>
        </>
      )}
    </>
  );
}
