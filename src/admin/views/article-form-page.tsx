import type { ArticleSnapshot } from '../../content/article-writer.js';
import type { Author, Source, Term } from '../../content/index.js';
import { Alert } from './admin-layout.js';

export interface ArticleFormView {
  id: number | null;
  /** What the form shows: the stored article, or what was just submitted when it was refused. */
  values: Partial<ArticleSnapshot>;
  authors: Author[];
  terms: Term[];
  sources: Source[];
  canPublish: boolean;
  csrfToken: string;
  error?: { message: string; field?: string };
  notice?: string;
  publicUrl?: string;
  /** A signed link that shows the unpublished article to anyone who has it, for a week. */
  previewUrl?: string;
  /** When the draft was submitted for review, if it is waiting. */
  reviewRequestedAt?: string | null;
}

/**
 * The article form. Without JavaScript it is a complete form (the body is an HTML textarea); with
 * it, the editor island turns the textarea into a rich-text editor and autosaves drafts.
 */
export function ArticleFormPage({ view }: { view: ArticleFormView }) {
  const v = view.values;
  const action = view.id === null ? '/admin/articles' : `/admin/articles/${view.id}`;
  const selected = (list: string[] | undefined, slug: string) => (list ?? []).includes(slug);
  const field = (name: string) => (view.error?.field?.split('.')[0] === name ? { 'aria-invalid': true, 'aria-describedby': 'form-error' } : {});
  const autosave = view.id !== null && v.status === 'draft' ? { 'data-autosave-url': `/admin/articles/${view.id}/autosave`, 'data-csrf-token': view.csrfToken } : {};
  return (
    <>
      <h1>{view.id === null ? 'New article' : 'Edit article'}</h1>
      {view.error && (
        <p id="form-error" class="alert alert-error" role="alert">
          {view.error.message}
        </p>
      )}
      {view.notice && <Alert kind="info">{view.notice}</Alert>}
      {view.id !== null && (
        <p>
          {view.publicUrl ? <a href={view.publicUrl}>View on the site</a> : <a href={view.previewUrl}>Preview (shareable for a week)</a>}
          {' · '}
          <a href={`/admin/articles/${view.id}/revisions`}>Revisions</a>
          {' · '}
          <a href={`/admin/articles/${view.id}/translations`}>Translations</a>
        </p>
      )}
      <form method="post" action={action} class="article-form stack" {...autosave}>
        <input type="hidden" name="_csrf" value={view.csrfToken} />
        <label for="title">Headline</label>
        <input id="title" name="title" required maxLength={300} value={v.title ?? ''} {...field('title')} />
        <label for="slug">Address (slug)</label>
        <input id="slug" name="slug" maxLength={120} pattern="[a-z0-9]+(-[a-z0-9]+)*" value={v.slug ?? ''} {...(v.slug ? {} : { 'data-auto': '' })} {...field('slug')} />
        <label for="kicker">Kicker</label>
        <input id="kicker" name="kicker" maxLength={100} value={v.kicker ?? ''} />
        <label for="dek">Standfirst</label>
        <textarea id="dek" name="dek" rows={2} maxLength={1000}>{v.dek ?? ''}</textarea>
        <label for="bodyHtml">Body</label>
        <textarea id="bodyHtml" name="bodyHtml" rows={20} data-editor {...field('bodyHtml')}>{v.bodyHtml ?? ''}</textarea>
        <p data-autosave-status role="status" aria-live="polite" />

        <fieldset>
          <legend>Publication</legend>
          <label for="status">Status</label>
          <select id="status" name="status">
            <option value="draft" selected={v.status === 'draft' || !v.status}>Draft</option>
            {view.canPublish && <option value="scheduled" selected={v.status === 'scheduled'}>Scheduled</option>}
            {view.canPublish && <option value="published" selected={v.status === 'published'}>Published</option>}
          </select>
          <label for="publishedAt">Publication time (UTC)</label>
          <input id="publishedAt" name="publishedAt" type="datetime-local" value={v.publishedAt ? v.publishedAt.slice(0, 16) : ''} {...field('publishedAt')} />
          <label>
            <input type="checkbox" name="newsletterPick" value="1" checked={v.newsletterPick} /> Pick for the newsletter
          </label>
          <label>
            <input type="checkbox" name="noRepublish" value="1" checked={v.allowRepublish === false} /> No republishing (hide the republish tool)
          </label>
          <label>
            <input type="checkbox" name="noComments" value="1" checked={v.commentsEnabled === false} /> No comments (close and hide them)
          </label>
        </fieldset>

        <fieldset>
          <legend>Bylines and sections</legend>
          <label for="authors">Authors</label>
          <select id="authors" name="authors" multiple required size={Math.min(8, view.authors.length)} {...field('authors')}>
            {view.authors.map((a) => (
              <option key={a.slug} value={a.slug} selected={selected(v.authors, a.slug)}>{a.name}</option>
            ))}
          </select>
          <TermChoices legend="Regions" name="regions" terms={view.terms.filter((t) => t.kind === 'region')} chosen={v.regions} />
          <TermChoices legend="Themes" name="themes" terms={view.terms.filter((t) => t.kind === 'theme')} chosen={v.themes} />
          <label for="dossier">Dossier</label>
          <select id="dossier" name="dossier">
            <option value="">None</option>
            {view.terms.filter((t) => t.kind === 'dossier').map((t) => (
              <option key={t.slug} value={t.slug} selected={v.dossier === t.slug}>{t.name}</option>
            ))}
          </select>
        </fieldset>

        <fieldset>
          <legend>Partner source</legend>
          <label for="source">Cross-posted from</label>
          <select id="source" name="source">
            <option value="">Our own article</option>
            {view.sources.map((s) => (
              <option key={s.slug} value={s.slug} selected={v.source === s.slug}>{s.name}</option>
            ))}
          </select>
          <label for="originalUrl">Original URL</label>
          <input id="originalUrl" name="originalUrl" type="url" value={v.originalUrl ?? ''} {...field('originalUrl')} />
        </fieldset>

        <fieldset>
          <legend>Featured image</legend>
          <label for="imageUrl">Image (a /media/ address)</label>
          <input id="imageUrl" name="imageUrl" value={v.image?.url ?? ''} {...field('image')} />
          <label for="imageAlt">Alt text</label>
          <input id="imageAlt" name="imageAlt" value={v.image?.alt ?? ''} />
          <label for="imageCaption">Caption</label>
          <input id="imageCaption" name="imageCaption" value={v.image?.caption ?? ''} />
          <label for="imageCredit">Credit</label>
          <input id="imageCredit" name="imageCredit" value={v.image?.credit ?? ''} />
        </fieldset>

        <label for="noteToReaders">Note to readers (leave empty for the site’s note)</label>
        <textarea id="noteToReaders" name="noteToReaders" rows={3}>{v.noteToReaders ?? ''}</textarea>

        <button type="submit">Save</button>
      </form>
      {view.id !== null && v.status === 'draft' && (
        <form method="post" action={`/admin/articles/${view.id}/review`} class="after-form">
          <input type="hidden" name="_csrf" value={view.csrfToken} />
          {view.reviewRequestedAt ? <p>Submitted for review; an editor will look at it.</p> : <button type="submit">Submit for review</button>}
        </form>
      )}
    </>
  );
}

function TermChoices({ legend, name, terms, chosen }: { legend: string; name: string; terms: Term[]; chosen: string[] | undefined }) {
  return (
    <fieldset class="choices">
      <legend>{legend}</legend>
      {terms.map((t) => (
        <label key={t.slug}>
          <input type="checkbox" name={name} value={t.slug} checked={(chosen ?? []).includes(t.slug)} /> {t.name}
        </label>
      ))}
    </fieldset>
  );
}
