import type { ArticleTranslation, TranslatableParts } from '../../translation/index.js';
import { diffWords, wordsOf } from '../text-diff.js';
import { Alert } from './admin-layout.js';
import { Diff } from './revisions-page.js';
import { LanguageName, statusLabel, textIn, When } from './translation-language.js';

type Part = keyof TranslatableParts;

/** The parts side by side, in the order the article shows them. */
const PARTS: { name: Part; label: string; kind: 'line' | 'text' | 'html' }[] = [
  { name: 'kicker', label: 'Kicker', kind: 'line' },
  { name: 'title', label: 'Headline', kind: 'line' },
  { name: 'dek', label: 'Standfirst', kind: 'text' },
  { name: 'imageAlt', label: 'Image alt text', kind: 'line' },
  { name: 'imageCaption', label: 'Image caption', kind: 'line' },
  { name: 'bodyHtml', label: 'Body', kind: 'html' },
];

export interface TranslationReviewView {
  articleId: number;
  /** The original as it is now, in its language. */
  original: { language: string; parts: TranslatableParts };
  language: string;
  stored: ArticleTranslation;
  /** What the form shows: the stored translation, or what was just sent when it was refused. */
  values: TranslatableParts;
  canEdit: boolean;
  csrfToken: string;
  notice?: string;
  error?: { message: string; field?: string };
}

/**
 * The review screen: the original on the left, the translation's form on the right, part by part;
 * above them, what changed in the original since the translation was made, when anything did.
 */
export function TranslationReviewPage({ view }: { view: TranslationReviewView }) {
  const { original, stored, values } = view;
  const changes = PARTS.map((p) => ({ ...p, diff: diffWords(wordsOf(stored.source[p.name]), wordsOf(original.parts[p.name])) })).filter((p) =>
    p.diff.some((d) => d.kind !== 'same'),
  );
  const invalid = (name: Part) => (view.error?.field === name ? { 'aria-invalid': true, 'aria-describedby': 'form-error' } : {});
  return (
    <>
      <h1>
        “{original.parts.title}” in <LanguageName tag={view.language} />
      </h1>
      <p>
        {statusLabel[stored.status]}
        {stored.provider && <> · by {stored.provider}</>} · translated <When at={stored.translatedAt} /> · reviewed <When at={stored.reviewedAt} />
      </p>
      <p>
        <a href={`/admin/articles/${view.articleId}/translations`}>All translations of this article</a> · <a href={`/admin/articles/${view.articleId}`}>Edit the original</a>
      </p>
      {view.error && (
        <p id="form-error" class="alert alert-error" role="alert">
          {view.error.message}
        </p>
      )}
      {view.notice && <Alert kind="info">{view.notice}</Alert>}
      {changes.length > 0 && (
        <section class="translation-changes">
          <h2>What changed in the original since this translation</h2>
          {changes.map((c) => (
            <Diff key={c.name} label={c.label} parts={c.diff} />
          ))}
        </section>
      )}
      <form method="post" action={`/admin/articles/${view.articleId}/translations/${view.language}`}>
        <input type="hidden" name="_csrf" value={view.csrfToken} />
        <table class="admin-table translation-review">
          <thead>
            <tr>
              <th scope="col">Part</th>
              <th scope="col">
                Original, <LanguageName tag={original.language} />
              </th>
              <th scope="col">
                Translation, <LanguageName tag={view.language} />
              </th>
            </tr>
          </thead>
          <tbody>
            {PARTS.map((p) => {
              const field = { id: `t-${p.name}`, name: p.name, readOnly: !view.canEdit, ...invalid(p.name) };
              return (
                <tr key={p.name}>
                  <th scope="row">
                    <label for={field.id}>{p.label}</label>
                  </th>
                  <td class="translation-original" {...textIn(original.language)}>
                    {/* The stored body was sanitised when the article was saved, as on the article page. */}
                    {p.kind === 'html' ? <div dangerouslySetInnerHTML={{ __html: original.parts.bodyHtml }} /> : original.parts[p.name]}
                  </td>
                  <td class="translation-edit" {...textIn(view.language)}>
                    {p.kind === 'line' ? (
                      <input {...field} value={values[p.name]} {...(p.name === 'title' ? { required: true } : {})} />
                    ) : (
                      <textarea {...field} rows={p.kind === 'html' ? 20 : 3}>
                        {values[p.name]}
                      </textarea>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {view.canEdit ? <button type="submit">Save as reviewed</button> : <p>Only editors may change a translation.</p>}
      </form>
    </>
  );
}
