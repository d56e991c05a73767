import { Alert } from './admin-layout.js';
import { Pagination } from './pagination.js';

export interface FieldSpec {
  name: string;
  label: string;
  /** A checkbox sends '1' when ticked; its value reads '1' for ticked. */
  kind?: 'text' | 'textarea' | 'url' | 'email' | 'checkbox';
  required?: boolean;
  hint?: string;
}

export interface DirectoryView {
  title: string;
  path: string;
  fields: FieldSpec[];
  rows: { slug: string; name: string; detail: string }[];
  values: Record<string, string>;
  editing: boolean;
  q: string;
  page: number;
  pages: number;
  csrfToken: string;
  error?: { message: string; field?: string };
  notice?: string;
}

/**
 * One page for each of the newsroom's directories (authors, partner sources, regions, themes,
 * dossiers): a searchable, paged list and a form that creates or, for an existing slug, updates.
 */
export function DirectoryPage({ view }: { view: DirectoryView }) {
  const invalid = (name: string) => (view.error?.field?.split('.')[0] === name ? { 'aria-invalid': true, 'aria-describedby': 'form-error' } : {});
  return (
    <>
      <h1>{view.title}</h1>
      {view.error && (
        <p id="form-error" class="alert alert-error" role="alert">
          {view.error.message}
        </p>
      )}
      {view.notice && <Alert kind="info">{view.notice}</Alert>}
      <form method="get" action={view.path} class="filters" role="search">
        <label for="q">Search</label>
        <input id="q" name="q" type="search" value={view.q} />
        <button type="submit">Search</button>
      </form>
      <table class="admin-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Slug</th>
            <th scope="col">About</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r) => (
            <tr key={r.slug}>
              <td>
                <a href={`${view.path}?edit=${r.slug}`}>{r.name}</a>
              </td>
              <td>{r.slug}</td>
              <td>{r.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={view.page} pages={view.pages} link={(page) => `${view.path}?q=${encodeURIComponent(view.q)}&page=${page}`} />
      <h2 id="edit-form">{view.editing ? `Edit ${view.values.name ?? ''}` : 'Add'}</h2>
      <form method="post" action={view.path} class="stack" aria-labelledby="edit-form">
        <input type="hidden" name="_csrf" value={view.csrfToken} />
        {view.fields.map((f) =>
          f.kind === 'checkbox' ? (
            <label>
              <input type="checkbox" name={f.name} value="1" checked={view.values[f.name] === '1'} /> {f.label}
              {f.hint && <span class="hint"> ({f.hint})</span>}
            </label>
          ) : (
            <>
              <label for={`f-${f.name}`}>
                {f.label}
                {f.hint && <span class="hint"> ({f.hint})</span>}
              </label>
              {f.kind === 'textarea' ? (
                <textarea id={`f-${f.name}`} name={f.name} rows={4} required={f.required} {...invalid(f.name)}>
                  {view.values[f.name] ?? ''}
                </textarea>
              ) : (
                <input id={`f-${f.name}`} name={f.name} type={f.kind ?? 'text'} required={f.required} value={view.values[f.name] ?? ''} {...invalid(f.name)} />
              )}
            </>
          ),
        )}
        <button type="submit">Save</button>
      </form>
    </>
  );
}
