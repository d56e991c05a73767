import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { forEachDatabase } from '../helpers/databases.js';
import { useTestApp } from '../helpers/test-app.js';
import { freshWindow, makeCommentedArticle, makeReader, postComment, postForm, setModeration, storedComments } from './comment-fixtures.js';

forEachDatabase('posting comments', (dialect) => {
  const t = useTestApp(dialect);
  beforeEach(async () => {
    freshWindow(t);
    await setModeration(t, 'pre');
  });

  describe('who may post', () => {
    it('sends a signed-out reader to sign in, and stores nothing', async () => {
      const article = await makeCommentedArticle(t);
      const res = await postForm(t, `/articles/${article.slug}/comments`, { body: 'Hello there' });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), `/signin?next=${encodeURIComponent(`/articles/${article.slug}#comments`)}`);
      assert.equal((await storedComments(t, article.id)).length, 0);
    });

    it('refuses a reader without a membership, pointing them to membership', async () => {
      const article = await makeCommentedArticle(t);
      const reader = await makeReader(t, { level: 'none' });
      const res = await postComment(t, reader, article.slug, 'I am not a member');
      assert.equal(res.status, 403);
      assert.match(await res.text(), /Only members may comment[\s\S]*href="\/membership"/);
      assert.equal((await storedComments(t, article.id)).length, 0);
    });

    it('refuses a free member on an article for paying supporters', async () => {
      const article = await makeCommentedArticle(t, { visibility: 'paid' });
      const reader = await makeReader(t, { level: 'member' });
      assert.equal((await postComment(t, reader, article.slug, 'Let me in')).status, 403);
      assert.equal((await storedComments(t, article.id)).length, 0);
    });

    it('refuses a banned reader', async () => {
      const article = await makeCommentedArticle(t);
      const reader = await makeReader(t);
      await t.app.database.db.updateTable('readers').set({ banned_at: t.clock.now().toISOString(), ban_reason: 'spam' }).where('id', '=', reader.id).execute();
      const res = await postComment(t, reader, article.slug, 'Still here');
      assert.equal(res.status, 403);
      assert.match(await res.text(), /Your account may not post comments/);
      assert.equal((await storedComments(t, article.id)).length, 0);
    });

    it('refuses a comment on an article closed to comments, which shows neither list nor form', async () => {
      const article = await makeCommentedArticle(t, { commentsEnabled: false });
      const reader = await makeReader(t);
      assert.equal((await postComment(t, reader, article.slug, 'Anyone?')).status, 403);
      assert.equal((await storedComments(t, article.id)).length, 0);
      const page = await t.html(`/articles/${article.slug}`);
      assert.doesNotMatch(page, /class="comments"|comment-form/);
      const open = await makeCommentedArticle(t);
      assert.match(await t.html(`/articles/${open.slug}`), /<form class="comment-form" method="post" action="\/articles\/[^"]+\/comments">/);
    });

    it('asks a post from another site (no token, foreign Origin) to be confirmed with a token, storing nothing', async () => {
      const article = await makeCommentedArticle(t);
      const reader = await makeReader(t);
      const res = await postForm(t, `/articles/${article.slug}/comments`, { body: 'Forged comment' }, { cookie: reader.cookie, origin: 'https://evil.example' });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'no-store, private');
      const html = await res.text();
      assert.match(html, new RegExp(`name="_csrf" value="${reader.csrf}"`));
      assert.match(html, />Forged comment<\/textarea>/);
      assert.equal((await storedComments(t, article.id)).length, 0);
    });

    it('refuses a wrong CSRF token, and takes the untokened form from the site itself', async () => {
      const article = await makeCommentedArticle(t);
      const reader = await makeReader(t);
      assert.equal((await postComment(t, reader, article.slug, 'Wrong token', { _csrf: 'nope' })).status, 403);
      assert.equal((await storedComments(t, article.id)).length, 0);
      const res = await postForm(t, `/articles/${article.slug}/comments`, { body: 'From the article page' }, { cookie: reader.cookie, origin: 'https://news.test' });
      assert.equal(res.status, 200);
      assert.deepEqual((await storedComments(t, article.id)).map((c) => c.body_markdown), ['From the article page']);
    });
  });

  describe('moderation modes', () => {
    it('holds a comment under pre-moderation: the reader is told, the page does not show it', async () => {
      await setModeration(t, 'pre');
      const article = await makeCommentedArticle(t);
      const reader = await makeReader(t);
      const res = await postComment(t, reader, article.slug, 'A considered view.');
      assert.equal(res.status, 200);
      assert.match(await res.text(), /Your comment awaits moderation/);
      assert.deepEqual((await storedComments(t, article.id)).map((c) => c.status), ['pending']);
      const page = await t.html(`/articles/${article.slug}`);
      assert.doesNotMatch(page, /A considered view/);
      assert.match(page, /No comments yet/);
    });

    it('shows a comment at once under post-moderation, counted through the catalog', async () => {
      await setModeration(t, 'post');
      const article = await makeCommentedArticle(t);
      const reader = await makeReader(t, { displayName: 'Ama Mensah' });
      await t.html(`/articles/${article.slug}`);
      const res = await postComment(t, reader, article.slug, 'Shown *straight* away.');
      assert.equal(res.status, 303);
      const [stored] = await storedComments(t, article.id);
      assert.equal(stored?.status, 'approved');
      assert.equal(res.headers.get('location'), `/articles/${article.slug}#comment-${stored!.id}`);
      const page = await t.html(`/articles/${article.slug}`);
      assert.match(page, /1 comment</);
      assert.match(page, /Ama Mensah/);
      assert.match(page, /<p>Shown <em>straight<\/em> away.<\/p>/);
      await postComment(t, await makeReader(t), article.slug, 'A second voice.');
      assert.match(await t.html(`/articles/${article.slug}`), /2 comments</);
    });

    it('escapes what a reader writes on the page', async () => {
      await setModeration(t, 'post');
      const article = await makeCommentedArticle(t);
      const reader = await makeReader(t, { displayName: '<img src=x onerror=alert(1)>' });
      await postComment(t, reader, article.slug, '<script>alert(1)</script> [x](javascript:alert(1)) </textarea> [ok](https://example.org)');
      const page = await t.html(`/articles/${article.slug}`);
      const section = page.slice(page.indexOf('id="comments"'));
      assert.doesNotMatch(section, /<script>alert|<img src=x|href="javascript:/);
      assert.match(section, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.match(section, /<a href="https:\/\/example.org\/" rel="nofollow ugc noopener">ok<\/a>/);
    });
  });

  describe('abuse limits', () => {
    it('refuses a body over 5,000 characters and stores nothing; a body over the request limit is 413', async () => {
      const article = await makeCommentedArticle(t);
      const reader = await makeReader(t);
      const res = await postComment(t, reader, article.slug, 'x'.repeat(5001));
      assert.equal(res.status, 400);
      assert.match(await res.text(), /at most 5,000 characters/);
      assert.equal((await postComment(t, reader, article.slug, 'y'.repeat(2 * 1024 * 1024))).status, 413);
      assert.equal((await postComment(t, reader, article.slug, 'x')).status, 400);
      assert.equal((await storedComments(t, article.id)).length, 0);
    });

    it('refuses the sixth comment from one reader within ten minutes', async () => {
      const article = await makeCommentedArticle(t);
      const reader = await makeReader(t);
      for (let i = 1; i <= 5; i++) assert.equal((await postComment(t, reader, article.slug, `Thought number ${i}`)).status, 200);
      const sixth = await postComment(t, reader, article.slug, 'Thought number 6');
      assert.equal(sixth.status, 429);
      assert.equal((await storedComments(t, article.id)).length, 5);
      t.clock.set(new Date(t.clock.now().getTime() + 11 * 60_000).toISOString());
      assert.equal((await postComment(t, reader, article.slug, 'Thought number 7')).status, 200);
    });

    it('holds to the limit when one reader sends many comments at the same instant', async () => {
      t.clock.set(new Date(t.clock.now().getTime() + 11 * 60_000).toISOString());
      const article = await makeCommentedArticle(t);
      const reader = await makeReader(t);
      const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => postComment(t, reader, article.slug, `Burst number ${i + 1}`)));
      assert.deepEqual(answers.map((a) => a.status).sort(), [200, 200, 200, 200, 200, 429, 429, 429]);
      assert.equal((await storedComments(t, article.id)).length, 5);
    });

    it('refuses the 21st comment from one network address within an hour, whoever posts it', async () => {
      const article = await makeCommentedArticle(t);
      // Five readers, four comments each: under each reader's own limit, at the address's.
      for (let r = 1; r <= 5; r++) {
        const reader = await makeReader(t);
        for (let i = 1; i <= 4; i++) assert.equal((await postComment(t, reader, article.slug, `Voice ${r}, point ${i}`)).status, 200);
      }
      assert.equal((await storedComments(t, article.id)).length, 20);
      assert.equal((await postComment(t, await makeReader(t), article.slug, 'One more voice')).status, 429);
    });

    it('refuses more than three links', async () => {
      const article = await makeCommentedArticle(t);
      const reader = await makeReader(t);
      const res = await postComment(t, reader, article.slug, 'https://a.example https://b.example https://c.example https://d.example');
      assert.equal(res.status, 400);
      assert.match(await res.text(), /at most 3 links/);
      assert.equal((await storedComments(t, article.id)).length, 0);
    });

    it('holds for a moderator, even under post-moderation: several links, a repeated body, shouting, spam phrases', async () => {
      await setModeration(t, 'post');
      const article = await makeCommentedArticle(t);
      const reader = await makeReader(t);
      await postComment(t, reader, article.slug, 'Read [this](https://a.example) and [that](https://b.example)');
      await postComment(t, reader, article.slug, 'Same words again');
      await postComment(t, reader, article.slug, 'Same words again');
      await postComment(t, reader, article.slug, 'THIS IS AN OUTRAGE AND EVERYONE SHOULD KNOW IT');
      await postComment(t, await makeReader(t), article.slug, 'Great casino bonus for you');
      const stored = await storedComments(t, article.id);
      assert.deepEqual(stored.map((c) => [c.status, c.held_reason]), [
        ['pending', 'links'],
        ['approved', null],
        ['pending', 'repeated'],
        ['pending', 'shouting'],
        ['pending', 'spam-phrase'],
      ]);
    });
  });

  describe('replies and reports', () => {
    it('threads a reply under its comment, and refuses a reply to a comment on another article', async () => {
      await setModeration(t, 'post');
      const article = await makeCommentedArticle(t);
      const other = await makeCommentedArticle(t);
      const reader = await makeReader(t);
      await postComment(t, reader, article.slug, 'Top-level comment');
      const [top] = await storedComments(t, article.id);
      assert.equal((await postComment(t, reader, other.slug, 'Misplaced reply', { parentId: String(top!.id) })).status, 400);
      assert.equal((await storedComments(t, other.id)).length, 0);
      const replier = await makeReader(t);
      assert.equal((await postComment(t, replier, article.slug, 'A reply', { parentId: String(top!.id) })).status, 303);
      const [, reply] = await storedComments(t, article.id);
      assert.equal(reply?.parent_id, top!.id);
      // A reply to the reply joins the same thread, one level deep.
      await postComment(t, reader, article.slug, 'A reply to the reply', { parentId: String(reply!.id) });
      const [, , nested] = await storedComments(t, article.id);
      assert.equal(nested?.parent_id, top!.id);
      const page = await t.html(`/articles/${article.slug}`);
      assert.match(page, new RegExp(`id="comment-${top!.id}"[\\s\\S]*<ol class="comment-replies"><li class="comment" id="comment-${reply!.id}"`));
    });

    it('takes each reader’s report once; the third report sends the comment back to the moderators', async () => {
      await setModeration(t, 'post');
      const article = await makeCommentedArticle(t);
      await postComment(t, await makeReader(t), article.slug, 'A contested claim');
      const [comment] = await storedComments(t, article.id);
      const path = `/comments/${comment!.id}/report`;
      const first = await makeReader(t, { level: 'none' });
      assert.equal((await postForm(t, path, { reason: 'wrong' })).status, 303);
      assert.equal((await postForm(t, path, { reason: 'wrong', _csrf: 'bad' }, { cookie: first.cookie })).status, 403);
      assert.equal((await postForm(t, path, { reason: 'wrong', _csrf: first.csrf }, { cookie: first.cookie })).status, 200);
      assert.equal((await postForm(t, path, { reason: 'again', _csrf: first.csrf }, { cookie: first.cookie })).status, 409);
      for (const reporter of [await makeReader(t), await makeReader(t)]) {
        assert.equal((await postForm(t, path, { _csrf: reporter.csrf }, { cookie: reporter.cookie })).status, 200);
      }
      const [after] = await storedComments(t, article.id);
      assert.equal(after?.status, 'pending');
      assert.equal(after?.report_count, 3);
      assert.doesNotMatch(await t.html(`/articles/${article.slug}`), /A contested claim/);
    });
  });
});
