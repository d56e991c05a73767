import { Alert } from '../../admin/views/admin-layout.js';
import type { Source } from '../../content/index.js';
import type { SyndicatedItemStatus } from '../../db/schema.js';
import type { QueueItem } from '../review-queue.js';
import { When } from './parts.js';
import { Pagination } from '../../admin/views/pagination.js';

const QUEUE_STATUSES: { value: SyndicatedItemStatus; label: string }[] = [
  { value: 'pending', label: 'Waiting for review' },
  { value: 'imported', label: 'Accepted or published' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'blocked', label: 'Blocked' },
  { value: 'duplicate', label: 'Duplicates' },
];

export interface QueueView {
  items: QueueItem[];
  total: number;
  page: number;
  pageSize: number;
  status: SyndicatedItemStatus;
  /** The source filtered on, '' for all. */
  source: string;
  sources: Source[];
  notice?: string;
}

/** Partner items by status (waiting ones by default), newest first, filtered by source, in pages. */
export function QueuePage({ view }: { view: QueueView }) {
  const pages = Math.max(1, Math.ceil(view.total / view.pageSize));
  const link = (page: number) => {
    const params = new URLSearchParams({ status: view.status });
    if (view.source) params.set('source', view.source);
    if (page > 1) params.set('page', String(page));
    return `/admin/queue?${params.toString()}`;
  };
  const statusLabel = QUEUE_STATUSES.find((s) => s.value === view.status)?.label ?? view.status;
  return (
    <>
      <h1>Review queue</h1>
      {view.notice && <Alert kind="info">{view.notice}</Alert>}
      <form method="get" action="/admin/queue" class="filters" role="search">
        <label for="status">Status</label>
        <select id="status" name="status">
          {QUEUE_STATUSES.map((s) => (
            <option key={s.value} value={s.value} selected={view.status === s.value}>
              {s.label}
            </option>
          ))}
        </select>
        <label for="source">Source</label>
        <select id="source" name="source">
          <option value="">Every source</option>
          {view.sources.map((s) => (
            <option key={s.slug} value={s.slug} selected={view.source === s.slug}>
              {s.name}
            </option>
          ))}
        </select>
        <button type="submit">Filter</button>
      </form>
      <p>
        {statusLabel}: {view.total} {view.total === 1 ? 'item' : 'items'}
      </p>
      {view.items.length > 0 && (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Source</th>
              <th scope="col">Partner byline</th>
              <th scope="col">Partner date</th>
              <th scope="col">First seen</th>
            </tr>
          </thead>
          <tbody>
            {view.items.map((item) => (
              <tr key={item.id}>
                <td>
                  <a href={`/admin/queue/${item.id}`}>{item.title || '(untitled)'}</a>
                </td>
                <td>{item.sourceName}</td>
                <td>{item.authorNames.join(', ')}</td>
                <td>
                  <When iso={item.publishedAt} never="none given" />
                </td>
                <td>
                  <When iso={item.firstSeenAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={view.page} pages={pages} link={link} />
    </>
  );
}
