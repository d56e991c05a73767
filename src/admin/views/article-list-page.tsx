import type { EditorialListItem } from '../../content/editorial-reader.js';
import { Alert } from './admin-layout.js';
import { Pagination } from './pagination.js';

export interface ArticleListView {
  items: EditorialListItem[];
  total: number;
  page: number;
  pageSize: number;
  query: { q?: string; status?: string; review?: boolean };
  notice?: string;
}

const statusLabel = { draft: 'Draft', scheduled: 'Scheduled', published: 'Published' } as const;

/** Every article, newest change first, with search, status filter and pages. */
export function ArticleListPage({ view }: { view: ArticleListView }) {
  const { query } = view;
  const pages = Math.max(1, Math.ceil(view.total / view.pageSize));
  const link = (page: number) => {
    const params = new URLSearchParams();
    if (query.q) params.set('q', query.q);
    if (query.status) params.set('status', query.status);
    if (query.review) params.set('review', '1');
    if (page > 1) params.set('page', String(page));
    const s = params.toString();
    return s ? `/admin?${s}` : '/admin';
  };
  return (
    <>
      <h1>Articles</h1>
      {view.notice && <Alert kind="info">{view.notice}</Alert>}
      <form method="get" action="/admin" class="filters" role="search">
        <label for="q">Search titles</label>
        <input id="q" name="q" type="search" value={query.q ?? ''} />
        <label for="status">Status</label>
        <select id="status" name="status">
          <option value="">Any</option>
          {(['draft', 'scheduled', 'published'] as const).map((s) => (
            <option key={s} value={s} selected={query.status === s}>
              {statusLabel[s]}
            </option>
          ))}
        </select>
        <label>
          <input type="checkbox" name="review" value="1" checked={query.review} /> Awaiting review
        </label>
        <button type="submit">Filter</button>
      </form>
      <p>
        {view.total} {view.total === 1 ? 'article' : 'articles'}
      </p>
      <table class="admin-table">
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">By</th>
            <th scope="col">Status</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {view.items.map((a) => (
            <tr key={a.id}>
              <td>
                <a href={`/admin/articles/${a.id}`}>{a.title}</a>
                {a.reviewRequestedAt && <span class="badge"> awaiting review</span>}
              </td>
              <td>{a.authors.join(', ')}</td>
              <td>
                {statusLabel[a.status]}
                {a.status !== 'draft' && a.publishedAt && <> · <time datetime={a.publishedAt}>{a.publishedAt.slice(0, 16).replace('T', ' ')} UTC</time></>}
              </td>
              <td>
                <time datetime={a.updatedAt}>{a.updatedAt.slice(0, 16).replace('T', ' ')}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={view.page} pages={pages} link={link} />
    </>
  );
}
