import type { CommentThread, ShownComment } from '../comments.js';
import { longDate, type DateContext } from '../../site/views/format.js';
import { useLocalPath, useMessages } from '../../site/views/page-context.js';
import { COMMENT_LIMITS } from '../comment-signals.js';

/**
 * An article's comments and the form to add one. The same for every reader, so the page stays
 * cacheable: who may post is decided when the form arrives (signed-out readers are sent to sign in).
 */
export function CommentSection({ slug, thread, dates }: { slug: string; thread: CommentThread; dates: DateContext }) {
  const messages = useMessages();
  const local = useLocalPath();
  return (
    <section class="comments" id="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{messages.t('comments.heading')}</h2>
      <p class="comment-count">{thread.count === 0 ? messages.t('comments.none') : messages.t('comments.count', { count: thread.count })}</p>
      {thread.comments.length > 0 && (
        <ol class="comment-list">
          {thread.comments.map((c) => (
            <CommentItem key={c.id} comment={c} dates={dates} canReply />
          ))}
        </ol>
      )}
      <CommentForm action={local(`/articles/${slug}/comments`)} heading={messages.t('comments.formHeading')} />
    </section>
  );
}

function CommentItem({ comment, dates, canReply }: { comment: ShownComment; dates: DateContext; canReply: boolean }) {
  const messages = useMessages();
  const local = useLocalPath();
  const author = comment.authorName === null ? messages.t('comments.formerReader') : comment.authorName || messages.t('comments.anonymousReader');
  return (
    <li class="comment" id={`comment-${comment.id}`}>
      {comment.shown ? (
        <article>
          <p class="comment-meta">
            <span class="comment-author">{author}</span> · <time datetime={comment.createdAt}>{longDate(comment.createdAt, dates)}</time>
          </p>
          <div class="comment-body" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
          <p class="comment-actions">
            {canReply && <a href={local(`/comments/${comment.id}/reply`)} rel="nofollow">{messages.t('comments.reply')}</a>}{' '}
            <a href={local(`/comments/${comment.id}/report`)} rel="nofollow">{messages.t('comments.report')}</a>
          </p>
        </article>
      ) : (
        <p class="comment-removed">{messages.t('comments.removed')}</p>
      )}
      {comment.replies.length > 0 && (
        <ol class="comment-replies">
          {comment.replies.map((r) => (
            <CommentItem key={r.id} comment={r} dates={dates} canReply={false} />
          ))}
        </ol>
      )}
    </li>
  );
}

/** The comment form: on the article page without a token, on the reader's own pages with their CSRF token. */
export function CommentForm({ action, heading, body = '', parentId, csrfToken, error }: { action: string; heading?: string; body?: string; parentId?: number; csrfToken?: string; error?: string }) {
  const messages = useMessages();
  return (
    <form class="comment-form" method="post" action={action}>
      {heading && <h3>{heading}</h3>}
      {error && (
        <p class="form-error" role="alert" id="comment-error">
          {messages.t('comments.notPosted', { reason: error })}
        </p>
      )}
      {csrfToken && <input type="hidden" name="_csrf" value={csrfToken} />}
      {parentId !== undefined && <input type="hidden" name="parentId" value={String(parentId)} />}
      <label for="comment-body">{messages.t('comments.bodyLabel')}</label>
      <textarea
        id="comment-body"
        name="body"
        rows={6}
        required
        minLength={COMMENT_LIMITS.minLength}
        maxLength={COMMENT_LIMITS.maxLength}
        aria-describedby={error ? 'comment-error comment-hint' : 'comment-hint'}
      >
        {body}
      </textarea>
      <p class="hint" id="comment-hint">{messages.t('comments.formatHint')}</p>
      <button type="submit">{messages.t('comments.submit')}</button>
    </form>
  );
}
