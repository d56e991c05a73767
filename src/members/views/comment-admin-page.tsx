import { Alert } from '../../admin/views/admin-layout.js';
import type { QueueFilter, QueuedComment } from '../comment-moderation.js';

const filters: { value: QueueFilter; label: string }[] = [
  { value: 'waiting', label: 'Waiting (held and reported)' },
  { value: 'pending', label: 'Held' },
  { value: 'reported', label: 'Reported' },
  { value: 'approved', label: 'Approved' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'deleted', label: 'Deleted' },
];

const heldReasons: Record<string, string> = {
  links: 'several links',
  repeated: 'the same text posted before',
  shouting: 'mostly capitals',
  'spam-phrase': 'a known spam phrase',
};

/** The moderation queue: held comments first, then reported ones, each with its actions. */
export function CommentQueuePage({ comments, filter, csrfToken, done }: { comments: QueuedComment[]; filter: QueueFilter; csrfToken: string; done?: string }) {
  return (
    <>
      <h1>Comments</h1>
      {done && <Alert kind="info">{done}</Alert>}
      <form method="get" action="/admin/comments" class="inline-form">
        <label for="show">Show</label>
        <select id="show" name="show">
          {filters.map((f) => (
            <option key={f.value} value={f.value} selected={f.value === filter}>{f.label}</option>
          ))}
        </select>
        <button type="submit">Filter</button>
      </form>
      {comments.length === 0 ? (
        <p>No comments here.</p>
      ) : (
        <ol class="moderation-queue">
          {comments.map((c) => (
            <QueuedItem key={c.id} comment={c} csrfToken={csrfToken} />
          ))}
        </ol>
      )}
    </>
  );
}

function QueuedItem({ comment: c, csrfToken }: { comment: QueuedComment; csrfToken: string }) {
  const action = (verb: 'approve' | 'reject' | 'delete', label: string) => (
    <form method="post" action={`/admin/comments/${c.id}/${verb}`}>
      <input type="hidden" name="_csrf" value={csrfToken} />
      <button type="submit">{label}</button>
    </form>
  );
  return (
    <li class="queued-comment" id={`comment-${c.id}`}>
      <p>
        <strong>{c.status}</strong>
        {c.isReply && ' · reply'} · on <a href={`/articles/${c.article.slug}`}>{c.article.title}</a> · <time datetime={c.createdAt}>{c.createdAt.slice(0, 16).replace('T', ' ')} UTC</time>
        {' · '}
        {c.reader ? `${c.reader.displayName || '(no display name)'} <${c.reader.email}>${c.reader.banned ? ' (banned)' : ''}` : 'former reader'}
      </p>
      {c.heldReason && <p>Held for a moderator: {heldReasons[c.heldReason] ?? c.heldReason}.</p>}
      {c.reportCount > 0 && (
        <details>
          <summary>Reported {c.reportCount} {c.reportCount === 1 ? 'time' : 'times'}</summary>
          <ul>
            {c.reports.map((r) => (
              <li key={r.createdAt}>{r.reason || '(no reason given)'}</li>
            ))}
          </ul>
        </details>
      )}
      <div class="comment-body" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
      <div class="actions">
        {c.status !== 'approved' || c.reportCount > 0 ? action('approve', 'Approve') : null}
        {c.status !== 'rejected' && action('reject', 'Reject')}
        {c.status !== 'deleted' && action('delete', 'Delete')}
        {c.reader && !c.reader.banned && (
          <form method="post" action={`/admin/readers/${c.reader.id}/ban`}>
            <input type="hidden" name="_csrf" value={csrfToken} />
            <label for={`ban-reason-${c.id}`}>Reason</label>
            <input id={`ban-reason-${c.id}`} name="reason" required maxLength={500} />
            <button type="submit">Ban this reader</button>
          </form>
        )}
      </div>
    </li>
  );
}
