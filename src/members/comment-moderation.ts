import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { surrogateKeys, type PurgeListener } from '../content/surrogate-keys.js';
import type { CommentStatus, Database } from '../db/schema.js';
import { notFound } from '../errors.js';
import type { Messages } from '../i18n/messages.js';
import type { Mailer } from '../mail/mailer.js';

/** Which comments the moderation queue lists. */
export const queueFilter = z.enum(['waiting', 'pending', 'reported', 'approved', 'rejected', 'deleted']).catch('waiting');
export type QueueFilter = z.infer<typeof queueFilter>;

export type ModerationAction = 'approve' | 'reject' | 'delete';
const statusAfter: Record<ModerationAction, CommentStatus> = { approve: 'approved', reject: 'rejected', delete: 'deleted' };

/** A comment as a moderator sees it. */
export interface QueuedComment {
  id: number;
  status: CommentStatus;
  bodyHtml: string;
  createdAt: string;
  heldReason: string | null;
  reportCount: number;
  reports: { reason: string; createdAt: string }[];
  article: { id: number; slug: string; title: string };
  reader: { id: number; displayName: string; email: string; banned: boolean } | null;
  isReply: boolean;
}

const PAGE_SIZE = 50;

/**
 * The newsroom's side of comments: the queue (held comments first, then reported ones), approving,
 * rejecting and deleting, banning a reader, and the reply mail an approval may send.
 */
export function createCommentModeration(deps: {
  db: Kysely<Database>;
  clock: Clock;
  mailer: Mailer;
  siteUrl: string;
  onPurge: PurgeListener;
  /** The messages mail to readers is written in (the site's language). */
  mailMessages: () => Promise<Messages>;
  log: { error(obj: object, msg: string): void };
}) {
  const { db, clock } = deps;

  async function queue(filter: QueueFilter): Promise<QueuedComment[]> {
    let q = db
      .selectFrom('comments')
      .innerJoin('articles', 'articles.id', 'comments.article_id')
      .leftJoin('readers', 'readers.id', 'comments.reader_id')
      .select([
        'comments.id', 'comments.status', 'comments.body_html', 'comments.created_at', 'comments.held_reason', 'comments.report_count',
        'comments.parent_id', 'articles.id as article_id', 'articles.slug', 'articles.title', 'readers.id as reader_id',
        'readers.display_name', 'readers.email', 'readers.banned_at',
      ]);
    if (filter === 'waiting') q = q.where((eb) => eb.or([eb('comments.status', '=', 'pending'), eb.and([eb('comments.status', '=', 'approved'), eb('comments.report_count', '>', 0)])]));
    else if (filter === 'reported') q = q.where('comments.report_count', '>', 0);
    else q = q.where('comments.status', '=', filter);
    // Held comments first (the oldest has waited longest), then the most reported.
    const rows = await q
      .orderBy((eb) => eb.case().when('comments.status', '=', 'pending').then(0).else(1).end())
      .orderBy('comments.report_count', 'desc')
      .orderBy('comments.id')
      .limit(PAGE_SIZE)
      .execute();
    const ids = rows.map((r) => r.id);
    const reports = ids.length ? await db.selectFrom('comment_reports').select(['comment_id', 'reason', 'created_at']).where('comment_id', 'in', ids).orderBy('created_at').execute() : [];
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      bodyHtml: r.body_html,
      createdAt: r.created_at,
      heldReason: r.held_reason,
      reportCount: r.report_count,
      reports: reports.filter((p) => p.comment_id === r.id).map((p) => ({ reason: p.reason, createdAt: p.created_at })),
      article: { id: r.article_id, slug: r.slug, title: r.title },
      reader: r.reader_id === null ? null : { id: r.reader_id, displayName: r.display_name ?? '', email: r.email ?? '', banned: r.banned_at !== null },
      isReply: r.parent_id !== null,
    }));
  }

  /** Approves, rejects or deletes a comment; the article page changes at once. Approving clears its reports. */
  async function moderate(commentId: number, action: ModerationAction, staffId: number): Promise<{ articleId: number }> {
    const at = clock.now().toISOString();
    const changed = await db
      .updateTable('comments')
      .set({ status: statusAfter[action], moderated_by: staffId, moderated_at: at, updated_at: at, ...(action === 'approve' ? { report_count: 0 } : {}) })
      .where('id', '=', commentId)
      .returning(['article_id', 'parent_id'])
      .executeTakeFirst();
    if (!changed) throw notFound('comment');
    if (action === 'approve') await db.deleteFrom('comment_reports').where('comment_id', '=', commentId).execute();
    deps.onPurge([surrogateKeys.article(changed.article_id)]);
    if (action === 'approve' && changed.parent_id !== null) await notifyReply(commentId);
    return { articleId: changed.article_id };
  }

  /** Bars a reader from commenting, and rejects whatever of theirs is still waiting. */
  async function ban(readerId: number, reason: string, staffId: number): Promise<void> {
    const at = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      const reader = await trx.updateTable('readers').set({ banned_at: at, ban_reason: reason.trim().slice(0, 500), updated_at: at }).where('id', '=', readerId).returning('id').executeTakeFirst();
      if (!reader) throw notFound('reader');
      await trx.updateTable('comments').set({ status: 'rejected', moderated_by: staffId, moderated_at: at, updated_at: at }).where('reader_id', '=', readerId).where('status', '=', 'pending').execute();
    });
  }

  /**
   * Mails the author of a reply's parent, once, when they asked to hear of replies and the reply is
   * not their own. The approval is already saved: a mail that fails is logged, not thrown.
   */
  async function notifyReply(replyId: number): Promise<void> {
    const found = await db
      .selectFrom('comments as reply')
      .innerJoin('comments as parent', 'parent.id', 'reply.parent_id')
      .innerJoin('readers as author', 'author.id', 'parent.reader_id')
      .leftJoin('readers as replier', 'replier.id', 'reply.reader_id')
      .innerJoin('articles', 'articles.id', 'reply.article_id')
      .select(['reply.id', 'reply.reader_id', 'parent.reader_id as parent_reader_id', 'author.email', 'author.reply_notifications', 'replier.display_name', 'articles.slug', 'articles.title'])
      .where('reply.id', '=', replyId)
      .where('reply.status', '=', 'approved')
      .where('reply.reply_notified_at', 'is', null)
      .executeTakeFirst();
    if (!found || found.reply_notifications !== 1 || found.reader_id === found.parent_reader_id) return;
    // Claimed before sending, so two moderators approving at once send one mail.
    const claimed = await db.updateTable('comments').set({ reply_notified_at: clock.now().toISOString() }).where('id', '=', replyId).where('reply_notified_at', 'is', null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) return;
    const messages = await deps.mailMessages();
    const name = found.display_name || messages.t('comments.anonymousReader');
    const replyUrl = `${deps.siteUrl}/articles/${found.slug}#comment-${found.id}`;
    const accountUrl = `${deps.siteUrl}/account`;
    try {
      await deps.mailer.send({
        to: found.email,
        subject: messages.t('comments.replyMailSubject', { name, title: found.title }),
        text: [messages.t('comments.replyMailIntro', { name, title: found.title }), replyUrl, messages.t('comments.replyMailStop', { url: accountUrl })].join('\n\n') + '\n',
        headers: { 'List-Unsubscribe': `<${accountUrl}>` },
      });
    } catch (err) {
      deps.log.error({ err, replyId }, 'could not mail the reply notification');
    }
  }

  return { queue, moderate, ban, notifyReply };
}

export type CommentModeration = ReturnType<typeof createCommentModeration>;
