import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { forEachDatabase } from '../helpers/databases.js';
import { useSmtpServer } from '../helpers/smtp.js';
import { useTestApp, type RunningApp } from '../helpers/test-app.js';
import { freshWindow, makeCommentedArticle, makeReader, makeStaff, postComment, postForm, setModeration, storedComments } from './comment-fixtures.js';

/** A staff member's form post to the newsroom, with their session's CSRF token unless told otherwise. */
const staffPost = (t: RunningApp, staff: { cookie: string; csrf: string }, path: string, fields: Record<string, string> = {}, csrf = staff.csrf) =>
  postForm(t, path, { _csrf: csrf, ...fields }, { cookie: staff.cookie });

forEachDatabase('moderating comments', (dialect) => {
  const smtp = useSmtpServer();
  const t = useTestApp(dialect, { smtpUrl: () => smtp.url });
  beforeEach(async () => {
    freshWindow(t);
    await setModeration(t, 'pre');
  });

  describe('the queue', () => {
    it('lists held comments first, then reported ones, for editors and owners only', async () => {
      const editor = await makeStaff(t, 'editor');
      const article = await makeCommentedArticle(t);
      await postComment(t, await makeReader(t), article.slug, 'Waiting for a moderator');
      const queue = await fetch(`${t.baseUrl}/admin/comments`, { headers: { cookie: editor.cookie } });
      assert.equal(queue.status, 200);
      assert.match(await queue.text(), /Waiting for a moderator/);
      const owner = await makeStaff(t, 'owner');
      assert.equal((await fetch(`${t.baseUrl}/admin/comments`, { headers: { cookie: owner.cookie } })).status, 200);
      for (const role of ['author', 'contributor'] as const) {
        const someone = await makeStaff(t, role);
        assert.equal((await fetch(`${t.baseUrl}/admin/comments`, { headers: { cookie: someone.cookie } })).status, 403);
      }
      assert.equal((await fetch(`${t.baseUrl}/admin/comments`, { redirect: 'manual' })).status, 303);
    });

    it('approving purges the cached article page, which then shows the comment', async () => {
      const editor = await makeStaff(t, 'editor');
      const article = await makeCommentedArticle(t);
      await postComment(t, await makeReader(t, { displayName: 'Kofi' }), article.slug, 'Worth the wait');
      const [comment] = await storedComments(t, article.id);
      const path = `/articles/${article.slug}`;
      const before = await t.html(path);
      assert.doesNotMatch(before, /Worth the wait/);
      assert.ok(t.app.cache.get(path), 'the page is cached');
      const res = await staffPost(t, editor, `/admin/comments/${comment!.id}/approve`);
      assert.equal(res.status, 303);
      assert.equal(t.app.cache.get(path), undefined);
      const after = await t.html(path);
      assert.match(after, /Worth the wait/);
      assert.match(after, /1 comment</);
    });

    it('rejecting and deleting take a comment off the page; each action is audit-logged', async () => {
      await setModeration(t, 'post');
      const editor = await makeStaff(t, 'editor');
      const article = await makeCommentedArticle(t);
      await postComment(t, await makeReader(t), article.slug, 'First to go');
      await postComment(t, await makeReader(t), article.slug, 'Second to go');
      const [first, second] = await storedComments(t, article.id);
      const path = `/articles/${article.slug}`;
      assert.match(await t.html(path), /First to go[\s\S]*Second to go/);
      await staffPost(t, editor, `/admin/comments/${first!.id}/reject`);
      await staffPost(t, editor, `/admin/comments/${second!.id}/delete`);
      const page = await t.html(path);
      assert.doesNotMatch(page, /First to go|Second to go/);
      assert.deepEqual((await storedComments(t, article.id)).map((c) => [c.status, c.moderated_by]), [['rejected', editor.id], ['deleted', editor.id]]);
      const audit = await t.app.audit.page(1);
      assert.ok(audit.some((e) => e.action === 'comment.reject' && e.subject === `comment:${first!.id}`));
      assert.ok(audit.some((e) => e.action === 'comment.delete' && e.subject === `comment:${second!.id}`));
    });

    it('refuses a moderation without the CSRF token, or by a role that may not moderate', async () => {
      const article = await makeCommentedArticle(t);
      await postComment(t, await makeReader(t), article.slug, 'Still held');
      const [comment] = await storedComments(t, article.id);
      const editor = await makeStaff(t, 'editor');
      assert.equal((await staffPost(t, editor, `/admin/comments/${comment!.id}/approve`, {}, 'forged')).status, 403);
      const author = await makeStaff(t, 'author');
      assert.equal((await staffPost(t, author, `/admin/comments/${comment!.id}/approve`)).status, 403);
      assert.equal((await storedComments(t, article.id))[0]?.status, 'pending');
    });

    it('banning a reader rejects what they have waiting and stops them posting', async () => {
      const editor = await makeStaff(t, 'editor');
      const article = await makeCommentedArticle(t);
      const troll = await makeReader(t);
      await postComment(t, troll, article.slug, 'Provocation one');
      assert.equal((await staffPost(t, editor, `/admin/readers/${troll.id}/ban`, { reason: '' })).status, 400);
      assert.equal((await staffPost(t, editor, `/admin/readers/${troll.id}/ban`, { reason: 'Repeated abuse' })).status, 303);
      const row = await t.app.database.db.selectFrom('readers').select(['banned_at', 'ban_reason']).where('id', '=', troll.id).executeTakeFirstOrThrow();
      assert.ok(row.banned_at);
      assert.equal(row.ban_reason, 'Repeated abuse');
      assert.deepEqual((await storedComments(t, article.id)).map((c) => c.status), ['rejected']);
      assert.equal((await postComment(t, troll, article.slug, 'Provocation two')).status, 403);
      assert.equal((await storedComments(t, article.id)).length, 1);
      assert.ok((await t.app.audit.page(1)).some((e) => e.action === 'reader.ban' && e.subject === `reader:${troll.id}`));
    });
  });

  describe('reply notifications', () => {
    async function threadWithReply(parentAuthor: Awaited<ReturnType<typeof makeReader>>, replier: Awaited<ReturnType<typeof makeReader>>) {
      const editor = await makeStaff(t, 'editor');
      const article = await makeCommentedArticle(t);
      await postComment(t, parentAuthor, article.slug, 'The opening comment');
      const [parent] = await storedComments(t, article.id);
      await staffPost(t, editor, `/admin/comments/${parent!.id}/approve`);
      await postComment(t, replier, article.slug, 'An answer to it', { parentId: String(parent!.id) });
      const [, reply] = await storedComments(t, article.id);
      return { editor, article, reply: reply! };
    }

    it('mails the parent’s author, who opted in, when a reply is approved; once, with a way to stop', async () => {
      const author = await makeReader(t, { replyNotifications: true });
      const { editor, article, reply } = await threadWithReply(author, await makeReader(t, { displayName: 'Efua' }));
      const mailed = smtp.received.length;
      await staffPost(t, editor, `/admin/comments/${reply.id}/approve`);
      const mail = await smtp.nextMessage(author.email);
      assert.match(mail.subject, /Efua replied to your comment/);
      assert.match(mail.text, new RegExp(`https://news.test/articles/${article.slug}#comment-${reply.id}`));
      assert.match(mail.text, /https:\/\/news.test\/account/);
      // Approving it again (after a report, say) sends nothing more.
      await staffPost(t, editor, `/admin/comments/${reply.id}/reject`);
      await staffPost(t, editor, `/admin/comments/${reply.id}/approve`);
      assert.equal(smtp.received.length, mailed + 1);
    });

    it('sends nothing to an author who did not opt in, nor for a reply to one’s own comment', async () => {
      const quiet = await makeReader(t, { replyNotifications: false });
      const first = await threadWithReply(quiet, await makeReader(t));
      const mailed = smtp.received.length;
      await staffPost(t, first.editor, `/admin/comments/${first.reply.id}/approve`);
      const talker = await makeReader(t, { replyNotifications: true });
      const second = await threadWithReply(talker, talker);
      await staffPost(t, second.editor, `/admin/comments/${second.reply.id}/approve`);
      // Each approval has answered only after any mail was accepted by the SMTP server.
      assert.equal(smtp.received.length, mailed);
    });
  });

  describe('the reader’s account', () => {
    it('exports their comments, and deleting the account anonymises them, keeping the thread', async () => {
      await setModeration(t, 'post');
      const article = await makeCommentedArticle(t);
      const leaving = await makeReader(t, { displayName: 'Leaving Reader' });
      await postComment(t, leaving, article.slug, 'My parting words');
      const [mine] = await storedComments(t, article.id);
      await postComment(t, await makeReader(t), article.slug, 'A reply that stays', { parentId: String(mine!.id) });
      const exported = (await t.app.readers.exportData(leaving.id)) as { comments: { comments: { body: string; article: string }[] } };
      assert.deepEqual(exported.comments.comments.map((c) => [c.article, c.body]), [[article.slug, 'My parting words']]);

      await t.html(`/articles/${article.slug}`);
      await t.app.readers.deleteAccount(leaving.id, leaving.email, () => new Error('mismatch') as never);
      const [gone, reply] = await storedComments(t, article.id);
      assert.equal(gone?.reader_id, null);
      assert.equal(gone?.body_markdown, '[deleted]');
      assert.equal(gone?.status, 'deleted');
      assert.equal(reply?.parent_id, gone!.id);
      const page = await t.html(`/articles/${article.slug}`);
      assert.doesNotMatch(page, /My parting words|Leaving Reader/);
      assert.match(page, /This comment is no longer shown[\s\S]*A reply that stays/);
    });
  });
});
