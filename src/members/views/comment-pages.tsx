import type { ComponentChildren } from 'preact';
import { useLocalPath, useMessages } from '../../site/views/page-context.js';
import { CommentForm } from './comment-section.js';

/** The form again, for the signed-in reader: to confirm a comment, to fix a refused one, or to reply. */
export function CommentFormPage(props: { slug: string; title: string; heading: string; intro?: ComponentChildren; body?: string; parentId?: number; csrfToken: string; error?: string }) {
  const local = useLocalPath();
  return (
    <div class="wrap narrow">
      <h1>{props.heading}</h1>
      {props.intro}
      <CommentForm
        action={local(`/articles/${props.slug}/comments`)}
        csrfToken={props.csrfToken}
        {...(props.body !== undefined ? { body: props.body } : {})}
        {...(props.parentId !== undefined ? { parentId: props.parentId } : {})}
        {...(props.error ? { error: props.error } : {})}
      />
      <BackLink slug={props.slug} title={props.title} />
    </div>
  );
}

export function PendingPage({ slug, title }: { slug: string; title: string }) {
  const messages = useMessages();
  return (
    <div class="wrap narrow">
      <h1>{messages.t('comments.pendingTitle')}</h1>
      <p role="status">{messages.t('comments.pendingText')}</p>
      <BackLink slug={slug} title={title} />
    </div>
  );
}

/** Why a reader may not comment (not a member, or banned), with the way in where there is one. */
export function RefusedPage({ heading, text, joinLink }: { heading: string; text: string; joinLink: boolean }) {
  const messages = useMessages();
  const local = useLocalPath();
  return (
    <div class="wrap narrow">
      <h1>{heading}</h1>
      <p>{text}</p>
      {joinLink && (
        <p>
          <a href={local('/membership')}>{messages.t('comments.becomeMember')}</a>
        </p>
      )}
    </div>
  );
}

export function ReportPage({ commentId, bodyHtml, csrfToken }: { commentId: number; bodyHtml: string; csrfToken: string }) {
  const messages = useMessages();
  const local = useLocalPath();
  return (
    <div class="wrap narrow">
      <h1>{messages.t('comments.reportTitle')}</h1>
      <blockquote class="comment-body" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
      <form method="post" action={local(`/comments/${commentId}/report`)}>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <label for="report-reason">{messages.t('comments.reportReason')}</label>
        <textarea id="report-reason" name="reason" rows={3} maxLength={500} />
        <button type="submit">{messages.t('comments.reportSubmit')}</button>
      </form>
    </div>
  );
}

export function ReportedPage({ slug, title }: { slug: string; title: string }) {
  const messages = useMessages();
  return (
    <div class="wrap narrow">
      <h1>{messages.t('comments.reportedTitle')}</h1>
      <p role="status">{messages.t('comments.reportedText')}</p>
      <BackLink slug={slug} title={title} />
    </div>
  );
}

function BackLink({ slug, title }: { slug: string; title: string }) {
  const messages = useMessages();
  const local = useLocalPath();
  return (
    <p>
      <a href={local(`/articles/${slug}`)}>{messages.t('comments.backToArticle', { title })}</a>
    </p>
  );
}
