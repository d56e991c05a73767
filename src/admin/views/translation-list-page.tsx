import type { Language } from '../../translation/languages.js';
import type { TranslationListItem } from '../../translation/index.js';
import { Pagination } from './pagination.js';
import { LanguageName, statusLabel, When } from './translation-language.js';

/** Which translations the list shows: those an editor should look at (the default), one status, or all. */
export type TranslationListFilter = 'needs-review' | 'stale' | 'machine' | 'reviewed' | 'all';

export interface TranslationListView {
  /** One line per provider: its id, ok or failing, and why. */
  health: string[];
  items: TranslationListItem[];
  total: number;
  page: number;
  pageSize: number;
  query: { status: TranslationListFilter; lang: string };
  languages: readonly Language[];
}

const filterLabels: Record<TranslationListFilter, string> = {
  'needs-review': 'Needing an editor (stale or machine)',
  stale: statusLabel.stale,
  machine: statusLabel.machine,
  reviewed: statusLabel.reviewed,
  all: 'Any',
};

/** The providers' health, then the translations waiting for an editor: stale ones first, then the newest. */
export function TranslationListPage({ view }: { view: TranslationListView }) {
  const { query } = view;
  const pages = Math.max(1, Math.ceil(view.total / view.pageSize));
  const link = (page: number) => {
    const params = new URLSearchParams();
    if (query.status !== 'needs-review') params.set('status', query.status);
    if (query.lang) params.set('lang', query.lang);
    if (page > 1) params.set('page', String(page));
    const s = params.toString();
    return s ? `/admin/translations?${s}` : '/admin/translations';
  };
  return (
    <>
      <h1>Translations</h1>
      <h2>Providers</h2>
      <ul class="provider-health">
        {view.health.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h2>Articles’ translations</h2>
      <form method="get" action="/admin/translations" class="filters" role="search">
        <label for="status">Status</label>
        <select id="status" name="status">
          {(Object.keys(filterLabels) as TranslationListFilter[]).map((s) => (
            <option key={s} value={s} selected={query.status === s}>
              {filterLabels[s]}
            </option>
          ))}
        </select>
        <label for="lang">Language</label>
        <select id="lang" name="lang">
          <option value="">Any</option>
          {view.languages.map((l) => (
            <option key={l.code} value={l.code} selected={query.lang === l.code}>
              {l.nativeName} ({l.englishName})
            </option>
          ))}
        </select>
        <button type="submit">Filter</button>
      </form>
      <p>
        {view.total} {view.total === 1 ? 'translation' : 'translations'}
      </p>
      <table class="admin-table">
        <thead>
          <tr>
            <th scope="col">Article</th>
            <th scope="col">Language</th>
            <th scope="col">Status</th>
            <th scope="col">Changed</th>
          </tr>
        </thead>
        <tbody>
          {view.items.map((t) => (
            <tr key={`${t.articleId}/${t.language}`} class={`translation-${t.status}`}>
              <td>
                <a href={`/admin/articles/${t.articleId}/translations/${t.language}`}>{t.articleTitle}</a>
              </td>
              <td>
                <LanguageName tag={t.language} />
              </td>
              <td>
                {statusLabel[t.status]}
                {t.provider && <> · {t.provider}</>}
              </td>
              <td>
                <When at={t.updatedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={view.page} pages={pages} link={link} />
    </>
  );
}
