import type { ArticleTranslation } from '../../translation/index.js';
import type { Language } from '../../translation/languages.js';
import { Alert } from './admin-layout.js';
import { LanguageName, statusLabel, When } from './translation-language.js';

export interface ArticleTranslationsView {
  articleId: number;
  title: string;
  translations: ArticleTranslation[];
  /** The languages it may be translated into now (all but its own). */
  languages: readonly Language[];
  /** Editors and owners change translations; everyone else looks. */
  canEdit: boolean;
  csrfToken: string;
  /** The language last asked for, kept selected after a failure. */
  lang?: string;
  notice?: string;
  error?: string;
}

/** Every stored translation of one article, and the form that translates it into another language now. */
export function ArticleTranslationsPage({ view }: { view: ArticleTranslationsView }) {
  const base = `/admin/articles/${view.articleId}/translations`;
  return (
    <>
      <h1>Translations of “{view.title}”</h1>
      <p>
        <a href={`/admin/articles/${view.articleId}`}>Back to the article</a>
      </p>
      {view.error && <Alert kind="error">{view.error}</Alert>}
      {view.notice && <Alert kind="info">{view.notice}</Alert>}
      {view.translations.length === 0 ? (
        <p>Not translated yet.</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">Language</th>
              <th scope="col">Status</th>
              <th scope="col">Provider</th>
              <th scope="col">Translated</th>
              <th scope="col">Reviewed</th>
            </tr>
          </thead>
          <tbody>
            {view.translations.map((t) => (
              <tr key={t.language} class={`translation-${t.status}`}>
                <td>
                  <a href={`${base}/${t.language}`}>
                    <LanguageName tag={t.language} />
                  </a>
                </td>
                <td>{statusLabel[t.status]}</td>
                <td>{t.provider ?? 'staff'}</td>
                <td>
                  <When at={t.translatedAt} />
                </td>
                <td>
                  <When at={t.reviewedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {view.canEdit && (
        <>
          <h2>Translate now</h2>
          <p>A machine translation replaces an older machine translation; a reviewed one is kept, and marked stale when the original has changed.</p>
          <form method="post" action={base} class="filters">
            <input type="hidden" name="_csrf" value={view.csrfToken} />
            <label for="lang">Into</label>
            <select id="lang" name="lang">
              {view.languages.map((l) => (
                <option key={l.code} value={l.code} selected={view.lang === l.code}>
                  {l.nativeName} ({l.englishName})
                </option>
              ))}
            </select>
            <button type="submit">Translate</button>
          </form>
        </>
      )}
    </>
  );
}
