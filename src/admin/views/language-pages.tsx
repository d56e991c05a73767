import type { CatalogRow, CatalogStatus, ProduceResult } from '../../i18n/catalogs.js';
import type { Message } from '../../i18n/messages-en.js';
import type { Language } from '../../translation/languages.js';
import { Alert } from './admin-layout.js';
import { LanguageName, textIn } from './translation-language.js';

export type CatalogFilter = 'all' | 'missing' | 'outdated' | 'machine';

const filterLabels: Record<CatalogFilter, string> = {
  all: 'All',
  missing: 'Missing',
  outdated: 'Outdated',
  machine: 'Machine, not reviewed',
};

/** The page shows a language's entries in these groups, in this order. */
const groups: { kind: CatalogRow['kind']; heading: string }[] = [
  { kind: 'message', heading: 'Interface strings' },
  { kind: 'boilerplate', heading: 'Boilerplate settings' },
  { kind: 'term', heading: 'Sections' },
];

export const rowMatches = (row: CatalogRow, filter: CatalogFilter) =>
  filter === 'all' ||
  (filter === 'missing' && row.status === null) ||
  (filter === 'outdated' && row.outdated) ||
  (filter === 'machine' && row.status === 'machine' && !row.outdated);

/** Every language of the site, how far its catalog is, and the button that machine-translates what is missing. */
export function LanguagesPage(props: { statuses: CatalogStatus[]; canEdit: boolean; csrfToken: string; result?: ProduceResult; error?: string }) {
  const { result } = props;
  return (
    <>
      <h1>Languages</h1>
      <p>
        The public site’s interface strings, boilerplate settings and section names in each language. A translation made from English that has changed
        since is outdated: readers see the English until it is translated again. Reviewed entries are never replaced by a machine.
      </p>
      {props.error && <Alert kind="error">{props.error}</Alert>}
      {result && (
        <Alert kind="info">
          {`${result.language}: ${result.translated} translated, ${result.kept} kept, ${result.failed} failed.`}
          {result.failures.length > 0 && ` Still in English, because a placeholder was lost: ${result.failures.map((f) => f.key).join(', ')}.`}
        </Alert>
      )}
      <table class="admin-table">
        <thead>
          <tr>
            <th scope="col">Language</th>
            <th scope="col">By machine</th>
            <th scope="col">Reviewed</th>
            <th scope="col">Outdated</th>
            <th scope="col">Missing</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {props.statuses.map((s) => (
            <tr key={s.language.code} id={`lang-${s.language.code}`}>
              <th scope="row">
                <LanguageName tag={s.language.code} />
              </th>
              <td>{s.machine}</td>
              <td>{s.reviewed}</td>
              <td>{s.outdated}</td>
              <td>{s.missing}</td>
              <td>
                <a href={`/admin/languages/${s.language.code}/messages`}>Review messages</a>
                {props.canEdit && (
                  <form method="post" action={`/admin/languages/${s.language.code}/produce`}>
                    <input type="hidden" name="_csrf" value={props.csrfToken} />
                    <button type="submit" aria-label={`Produce machine translations: ${s.language.englishName}`}>
                      Produce machine translations
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** What the form was sent with when it was refused, shown again in its row with the reason. */
export interface CatalogAttempt {
  key: string;
  text: Message;
  message: string;
}

/** One language's catalog, entry by entry: the English on the left, the translation to edit on the right. */
export function CatalogPage(props: {
  language: Language;
  rows: CatalogRow[];
  filter: CatalogFilter;
  canEdit: boolean;
  csrfToken: string;
  saved?: string;
  attempt?: CatalogAttempt;
}) {
  const { language, filter } = props;
  const shown = props.rows.filter((row) => rowMatches(row, filter));
  return (
    <>
      <h1>
        Messages in <LanguageName tag={language.code} />
      </h1>
      <p>
        <a href="/admin/languages">All languages</a>
      </p>
      <nav aria-label="Show">
        <ul class="filters">
          {(Object.keys(filterLabels) as CatalogFilter[]).map((f) => (
            <li key={f}>
              <a href={`/admin/languages/${language.code}/messages?show=${f}`} aria-current={f === filter ? 'page' : undefined}>
                {filterLabels[f]} ({props.rows.filter((row) => rowMatches(row, f)).length})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.saved && <Alert kind="info">Saved {props.saved} as reviewed.</Alert>}
      {props.attempt && <Alert kind="error">{`${props.attempt.key}: ${props.attempt.message}`}</Alert>}
      {shown.length === 0 && <p>Nothing to show here.</p>}
      {groups.map(({ kind, heading }) => {
        const rows = shown.filter((row) => row.kind === kind);
        return (
          rows.length > 0 && (
            <section key={kind}>
              <h2>{heading}</h2>
              {rows.map((row) => (
                <CatalogEntryForm key={row.key} row={row} {...props} attempt={props.attempt?.key === row.key ? props.attempt : undefined} />
              ))}
            </section>
          )
        );
      })}
    </>
  );
}

function CatalogEntryForm(props: { row: CatalogRow; language: Language; filter: CatalogFilter; canEdit: boolean; csrfToken: string; attempt?: CatalogAttempt | undefined }) {
  const { row, language, attempt } = props;
  const id = `m-${row.key.replace(/\./g, '-')}`;
  const value = attempt ? attempt.text : row.translation;
  return (
    <form method="post" action={`/admin/languages/${language.code}/messages`} class="stack" id={id}>
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      <input type="hidden" name="key" value={row.key} />
      <input type="hidden" name="show" value={props.filter} />
      <h3>
        <code>{row.key}</code> <span class="badge">{statusText(row)}</span>
      </h3>
      <div lang={row.sourceLanguage}>
        {typeof row.source === 'string' ? (
          row.source.split('\n').map((line, i) => <p key={i}>{line}</p>)
        ) : (
          <dl>
            {Object.entries(row.source).map(([form, text]) => (
              <>
                <dt>{form}</dt>
                <dd>{text}</dd>
              </>
            ))}
          </dl>
        )}
      </div>
      <div class="stack">
        {row.categories.length === 0 ? (
          <>
            <label for={`${id}-text`}>Translation</label>
            {row.kind === 'boilerplate' || row.key.endsWith('.description') ? (
              <textarea id={`${id}-text`} name="text" rows={5} {...textIn(language.code)} disabled={!props.canEdit}>
                {typeof value === 'string' ? value : ''}
              </textarea>
            ) : (
              <input id={`${id}-text`} name="text" value={typeof value === 'string' ? value : ''} {...textIn(language.code)} disabled={!props.canEdit} />
            )}
          </>
        ) : (
          row.categories.map((category) => (
            <>
              <label for={`${id}-${category}`}>Translation, “{category}” form</label>
              <input
                id={`${id}-${category}`}
                name={`text.${category}`}
                value={value && typeof value !== 'string' ? ((value as Record<string, string | undefined>)[category] ?? '') : ''}
                {...textIn(language.code)}
                disabled={!props.canEdit}
              />
            </>
          ))
        )}
        {props.canEdit && <button type="submit">Save as reviewed</button>}
      </div>
    </form>
  );
}

function statusText(row: CatalogRow): string {
  if (row.status === null) return 'Missing: readers see the English';
  if (row.outdated) return `Outdated (${row.status === 'reviewed' ? 'reviewed' : 'machine'}): the English changed, readers see it`;
  return row.status === 'reviewed' ? 'Reviewed' : 'Machine translation';
}
