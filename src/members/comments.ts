import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import { surrogateKeys, type PurgeListener } from '../content/surrogate-keys.js';
import type { CommentStatus, Database } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import type { Messages } from '../i18n/messages.js';
import { rowId } from '../parse-input.js';
import { settingsSecret } from '../signing-key.js';
import type { Reader, ReaderDataHolder } from './accounts.js';
import { COMMENT_LIMITS, spamSignal } from './comment-signals.js';
import { countLinks, renderCommentMarkdown } from './markdown.js';

/** A comment as the article page shows it; `shown` false is a removed comment kept for its replies. */
export interface ShownComment {
  id: number;
  /** The author's display name; '' when they gave none; null when their account is gone. */
  authorName: string | null;
  bodyHtml: string;
  createdAt: string;
  shown: boolean;
  replies: ShownComment[];
}

export interface CommentThread {
  /** How many approved comments the article has. */
  count: number;
  comments: ShownComment[];
}

const minutesBefore = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

/**
 * Readers' comments: posting (limits, spam signals, moderation mode), the thread an article page
 * shows, reports, and the reader's part of an account export or deletion. Moderation is in
 * comment-moderation.ts.
 */
export function createComments(deps: {
  db: Kysely<Database>;
  clock: Clock;
  onPurge: PurgeListener;
  /** The site's moderation mode (the `commentModeration` setting). */
  moderation: () => Promise<'pre' | 'post'>;
  /** Told of a reply that has just become visible, so its parent's author may be mailed. */
  onReplyApproved: (commentId: number) => Promise<void>;
}) {
  const { db, clock } = deps;
  const ipKey = settingsSecret(deps, 'comment_ip_secret');

  async function ipHash(ip: string): Promise<string> {
    return createHmac('sha256', await ipKey()).update(`client-address:${ip}`).digest('hex');
  }

  async function countSince(q: Kysely<Database>, column: 'reader_id' | 'ip_hash', value: number | string, since: string): Promise<number> {
    const row = await q
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(column, '=', value)
      .where('created_at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** A reply hangs off a top-level comment of the same article: a reply to a reply joins its thread. */
  async function threadParent(q: Kysely<Database>, articleId: number, parentId: number | null, messages: Messages): Promise<number | null> {
    if (parentId === null) return null;
    const parent = await q.selectFrom('comments').select(['id', 'article_id', 'parent_id', 'status']).where('id', '=', parentId).executeTakeFirst();
    if (!parent || parent.article_id !== articleId || parent.status !== 'approved') {
      throw new AppError('invalid_parent', messages.t('comments.parentMissing'), 400, 'parentId');
    }
    return parent.parent_id ?? parent.id;
  }

  /**
   * Posts a comment for a reader allowed to comment on the article (the caller has checked their
   * membership and the article's visibility). Refuses bad input, floods and banned readers; holds
   * anything that looks like spam for a moderator even when the site post-moderates.
   */
  async function post(
    input: { article: { id: number; commentsEnabled: boolean }; reader: Reader; body: unknown; parentId: unknown; ip: string },
    messages: Messages,
  ): Promise<{ id: number; status: CommentStatus }> {
    const { article, reader } = input;
    if (!article.commentsEnabled) throw new AppError('comments_closed', messages.t('comments.closed'), 403);
    if (reader.banned) throw new AppError('banned', messages.t('comments.banned'), 403);
    const body = typeof input.body === 'string' ? input.body.replace(/\r\n?/g, '\n').trim() : '';
    if ([...body].length < COMMENT_LIMITS.minLength) throw new AppError('invalid_input', messages.t('comments.tooShort', { min: COMMENT_LIMITS.minLength }), 400, 'body');
    if ([...body].length > COMMENT_LIMITS.maxLength) throw new AppError('invalid_input', messages.t('comments.tooLong', { max: COMMENT_LIMITS.maxLength }), 400, 'body');
    if (countLinks(body) > COMMENT_LIMITS.maxLinks) throw new AppError('too_many_links', messages.t('comments.tooManyLinks', { max: COMMENT_LIMITS.maxLinks }), 400, 'body');
    const askedParent = input.parentId === undefined || input.parentId === '' ? null : rowId.safeParse(input.parentId).data;
    if (askedParent === undefined) throw new AppError('invalid_parent', messages.t('comments.parentMissing'), 400, 'parentId');

    const now = clock.now();
    const at = now.toISOString();
    const [hash, bodyHtml, moderation] = await Promise.all([ipHash(input.ip), renderCommentMarkdown(body), deps.moderation()]);
    const { row, status, parentId } = await db.transaction().execute(async (trx) => {
      // A no-op write to the reader's row holds it until commit, so two posts of one reader at the
      // same instant are counted one after the other (SQLite runs one transaction at a time anyway).
      await trx.updateTable('readers').set((eb) => ({ updated_at: eb.ref('updated_at') })).where('id', '=', reader.id).execute();
      const [byReader, byAddress] = await Promise.all([
        countSince(trx, 'reader_id', reader.id, minutesBefore(now, COMMENT_LIMITS.perReader.windowMinutes)),
        countSince(trx, 'ip_hash', hash, minutesBefore(now, COMMENT_LIMITS.perAddress.windowMinutes)),
      ]);
      if (byReader >= COMMENT_LIMITS.perReader.count || byAddress >= COMMENT_LIMITS.perAddress.count) {
        throw new AppError('rate_limited', messages.t('comments.rateLimited'), 429);
      }
      const parentId = await threadParent(trx, article.id, askedParent, messages);
      const repeated = await trx.selectFrom('comments').select('id').where('reader_id', '=', reader.id).where('body_markdown', '=', body).executeTakeFirst();
      const held = spamSignal(body, repeated !== undefined);
      const status: CommentStatus = held === null && moderation === 'post' ? 'approved' : 'pending';
      const row = await trx
        .insertInto('comments')
        .values({
          article_id: article.id,
          reader_id: reader.id,
          parent_id: parentId,
          body_markdown: body,
          body_html: bodyHtml,
          status,
          held_reason: held,
          created_at: at,
          updated_at: at,
          ip_hash: hash,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { row, status, parentId };
    });
    if (status === 'approved') {
      deps.onPurge([surrogateKeys.article(article.id)]);
      if (parentId !== null) await deps.onReplyApproved(row.id);
    }
    return { id: row.id, status };
  }

  /** The approved comments of an article, oldest first, replies under their comment. */
  async function threadOf(articleId: number): Promise<CommentThread> {
    const rows = await db
      .selectFrom('comments')
      .leftJoin('readers', 'readers.id', 'comments.reader_id')
      .select(['comments.id', 'comments.parent_id', 'comments.status', 'comments.body_html', 'comments.created_at', 'comments.reader_id', 'readers.display_name'])
      .where('comments.article_id', '=', articleId)
      .orderBy('comments.created_at')
      .orderBy('comments.id')
      .execute();
    const toShown = (r: (typeof rows)[number]): ShownComment => ({
      id: r.id,
      authorName: r.reader_id === null ? null : (r.display_name ?? ''),
      bodyHtml: r.status === 'approved' ? r.body_html : '',
      createdAt: r.created_at,
      shown: r.status === 'approved',
      replies: [],
    });
    const replies = new Map<number, ShownComment[]>();
    for (const r of rows) {
      if (r.parent_id === null || r.status !== 'approved') continue;
      replies.set(r.parent_id, [...(replies.get(r.parent_id) ?? []), toShown(r)]);
    }
    // A removed comment stays as a placeholder only when approved replies hang off it.
    const comments = rows
      .filter((r) => r.parent_id === null && (r.status === 'approved' || replies.has(r.id)))
      .map((r) => ({ ...toShown(r), replies: replies.get(r.id) ?? [] }));
    return { count: rows.filter((r) => r.status === 'approved').length, comments };
  }

  /**
   * A reader's report of a comment, once per reader. At the third report an approved comment goes
   * back to the moderators and off the page until one of them decides.
   */
  async function report(commentId: number, reader: Reader, reason: unknown, messages: Messages): Promise<void> {
    const text = typeof reason === 'string' ? reason.trim().slice(0, 500) : '';
    const articleId = await db.transaction().execute(async (trx) => {
      const comment = await trx.selectFrom('comments').select(['id', 'article_id', 'status']).where('id', '=', commentId).executeTakeFirst();
      if (!comment || comment.status !== 'approved') throw notFound('comment');
      const added = await trx
        .insertInto('comment_reports')
        .values({ comment_id: commentId, reader_id: reader.id, reason: text, created_at: clock.now().toISOString() })
        .onConflict((oc) => oc.columns(['comment_id', 'reader_id']).doNothing())
        .returning('comment_id')
        .executeTakeFirst();
      if (!added) throw new AppError('already_reported', messages.t('comments.alreadyReported'), 409);
      const updated = await trx
        .updateTable('comments')
        .set((eb) => ({ report_count: eb('report_count', '+', 1) }))
        .where('id', '=', commentId)
        .returning('report_count')
        .executeTakeFirstOrThrow();
      if (updated.report_count < 3) return null;
      await trx.updateTable('comments').set({ status: 'pending', updated_at: clock.now().toISOString() }).where('id', '=', commentId).execute();
      return comment.article_id;
    });
    if (articleId !== null) deps.onPurge([surrogateKeys.article(articleId)]);
  }

  /** An approved comment and the slug of its article, for the reply and report pages. */
  async function approved(commentId: number): Promise<{ id: number; articleSlug: string; parentId: number | null; bodyHtml: string }> {
    const row = await db
      .selectFrom('comments')
      .innerJoin('articles', 'articles.id', 'comments.article_id')
      .select(['comments.id', 'articles.slug', 'comments.parent_id', 'comments.body_html'])
      .where('comments.id', '=', commentId)
      .where('comments.status', '=', 'approved')
      .executeTakeFirst();
    if (!row) throw notFound('comment');
    return { id: row.id, articleSlug: row.slug, parentId: row.parent_id, bodyHtml: row.body_html };
  }

  /** What a reader's account export holds of their comments, and what deleting the account does to them. */
  const dataHolder: ReaderDataHolder = {
    name: 'comments',
    async export(readerId) {
      const [comments, reports] = await Promise.all([
        db
          .selectFrom('comments')
          .innerJoin('articles', 'articles.id', 'comments.article_id')
          .select(['comments.id', 'articles.slug as article', 'comments.parent_id', 'comments.body_markdown', 'comments.status', 'comments.created_at', 'comments.updated_at'])
          .where('comments.reader_id', '=', readerId)
          .orderBy('comments.id')
          .execute(),
        db.selectFrom('comment_reports').select(['comment_id', 'reason', 'created_at']).where('reader_id', '=', readerId).orderBy('created_at').execute(),
      ]);
      return {
        comments: comments.map((c) => ({ id: c.id, article: c.article, replyTo: c.parent_id, body: c.body_markdown, status: c.status, createdAt: c.created_at, updatedAt: c.updated_at })),
        reports: reports.map((r) => ({ commentId: r.comment_id, reason: r.reason, createdAt: r.created_at })),
      };
    },
    // The words go; the thread keeps its shape, so replies by others stay where they were.
    async erase(readerId, trx) {
      const articles = await trx
        .updateTable('comments')
        .set({ reader_id: null, body_markdown: '[deleted]', body_html: '<p>[deleted]</p>', status: 'deleted', updated_at: clock.now().toISOString() })
        .where('reader_id', '=', readerId)
        .returning('article_id')
        .execute();
      deps.onPurge([...new Set(articles.map((a) => surrogateKeys.article(a.article_id)))]);
    },
  };

  return { post, threadOf, approved, report, dataHolder };
}

export type Comments = ReturnType<typeof createComments>;
