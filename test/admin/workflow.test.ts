import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { createApp } from '../../src/app.js';
import type { StaffUser } from '../../src/admin/staff-service.js';
import { forEachDatabase } from '../helpers/databases.js';
import { makeAuthor } from '../helpers/factories.js';
import { fixedClock, useTestApp } from '../helpers/test-app.js';

const T0 = '2026-11-20T12:00:00.000Z';
const plusMinutes = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

forEachDatabase('the editorial workflow through the staff API', (dialect) => {
  const t = useTestApp(dialect);
  let editor: StaffUser;
  let editorToken: string;
  let contributorToken: string;
  let byline: string;
  let n = 0;

  before(async () => {
    // These tests move time by hand and run the scheduler themselves, so its own timer must not race them.
    await t.app.scheduler.stop();
    t.clock.set(T0);
    editor = await t.app.staff.create({ email: 'editor@news.test', name: 'Eda Editor', role: 'editor' });
    editorToken = (await t.app.staff.createApiToken(editor.id, 'workflow')).token;
    const contributor = await t.app.staff.create({ email: 'contributor@news.test', name: 'Cole Contributor', role: 'contributor' });
    contributorToken = (await t.app.staff.createApiToken(contributor.id, 'workflow')).token;
    byline = (await makeAuthor(t.app.content)).slug;
  });

  async function api(method: string, path: string, body?: unknown, token = editorToken) {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const res = await fetch(`${t.baseUrl}/api/admin/v1${path}`, { method, headers, ...(payload === undefined ? {} : { body: payload }) });
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : undefined) as any };
  }

  /** A complete article for the staff API: a PUT replaces every field, so each call sends them all. */
  const article = (over: Record<string, unknown> = {}) => ({
    title: `Story ${++n}`,
    bodyHtml: `<p>Body of story ${n}.</p>`,
    status: 'published',
    authors: [byline],
    ...over,
  });

  async function created(over: Record<string, unknown> = {}) {
    const res = await api('POST', '/articles', article(over));
    assert.equal(res.status, 201, JSON.stringify(res.json));
    return res.json.article as { id: number; slug: string; title: string; bodyHtml: string; status: string };
  }

  async function counts() {
    const { db } = t.app.database;
    const count = async (table: 'articles' | 'article_revisions' | 'audit_log') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { articles: await count('articles'), revisions: await count('article_revisions'), audit: await count('audit_log') };
  }

  it('keeps a revision of every save, listed newest first with the name of who saved it', async () => {
    t.clock.set(T0);
    const { id } = await created({ title: 'First take', status: 'draft' });
    for (const title of ['Second take', 'Third take']) {
      assert.equal((await api('PUT', `/articles/${id}`, article({ title, status: 'draft' }))).status, 200);
    }
    const { status, json } = await api('GET', `/articles/${id}/revisions`);
    assert.equal(status, 200);
    const revisions = json.revisions as { id: number; actor: string; snapshot: { title: string } }[];
    assert.deepEqual(revisions.map((r) => r.snapshot.title), ['Third take', 'Second take', 'First take']);
    assert.deepEqual(revisions.map((r) => r.actor), [editor.name, editor.name, editor.name]);
    assert.ok(revisions[0]!.id > revisions[1]!.id && revisions[1]!.id > revisions[2]!.id, 'ids run newest first');
  });

  it('restores an older revision’s title and body, as a new revision, on the public page too', async () => {
    t.clock.set(T0);
    const original = await created({ title: 'Original headline', bodyHtml: '<p>Original words.</p>' });
    await api('PUT', `/articles/${original.id}`, article({ title: 'Rewritten headline', bodyHtml: '<p>Rewritten words.</p>' }));
    assert.match(await t.html(`/articles/${original.slug}`), /Rewritten words\./);
    const [, oldest] = (await api('GET', `/articles/${original.id}/revisions`)).json.revisions;
    const restored = await api('POST', `/articles/${original.id}/revisions/${oldest.id}/restore`);
    assert.equal(restored.status, 200, JSON.stringify(restored.json));
    assert.equal(restored.json.article.title, 'Original headline');
    assert.equal(restored.json.article.bodyHtml, '<p>Original words.</p>');
    const revisions = (await api('GET', `/articles/${original.id}/revisions`)).json.revisions;
    assert.equal(revisions.length, 3);
    assert.equal(revisions[0].snapshot.title, 'Original headline');
    const page = await t.html(`/articles/${original.slug}`);
    assert.match(page, /Original words\./);
    assert.doesNotMatch(page, /Rewritten words\./);
  });

  it('answers the old address of a renamed article with a 301 to the new one', async () => {
    t.clock.set(T0);
    const story = await created({ slug: 'harbour-first-name' });
    assert.equal((await t.get('/articles/harbour-first-name')).status, 200);
    await api('PUT', `/articles/${story.id}`, article({ title: story.title, slug: 'harbour-second-name' }));
    const moved = await t.get('/articles/harbour-first-name');
    assert.equal(moved.status, 301);
    assert.equal(moved.headers.get('location'), '/articles/harbour-second-name');
    assert.equal((await t.get('/articles/harbour-second-name')).status, 200);
  });

  it('lets an article take its old slug back, the newer one then redirecting to it', async () => {
    t.clock.set(T0);
    const story = await created({ slug: 'river-old' });
    await api('PUT', `/articles/${story.id}`, article({ title: story.title, slug: 'river-new' }));
    const back = await api('PUT', `/articles/${story.id}`, article({ title: story.title, slug: 'river-old' }));
    assert.equal(back.status, 200, JSON.stringify(back.json));
    assert.equal((await t.get('/articles/river-old')).status, 200);
    const moved = await t.get('/articles/river-new');
    assert.equal(moved.status, 301);
    assert.equal(moved.headers.get('location'), '/articles/river-old');
  });

  it('publishes a scheduled article when its time comes, purging the home page, and only once', async () => {
    const at = '2026-11-21T08:00:00.000Z';
    t.clock.set(at);
    const story = await created({ title: 'Dawn delivery', status: 'scheduled', publishedAt: plusMinutes(at, 60) });
    assert.equal(story.status, 'scheduled');
    assert.equal((await t.get(`/articles/${story.slug}`)).status, 404);
    assert.doesNotMatch(await t.html('/'), /Dawn delivery/, 'not on the home page before its time');
    assert.ok(t.app.cache.get('/'), 'the home page is now cached, so only a purge can change it');

    t.clock.set(plusMinutes(at, 60));
    await t.app.scheduler.runOnce();
    assert.equal((await api('GET', `/articles/${story.id}`)).json.article.status, 'published');
    assert.equal((await t.get(`/articles/${story.slug}`)).status, 200);
    assert.match(await t.html('/'), /Dawn delivery/, 'the cached home page was purged');

    const rowsBefore = await t.app.database.db.selectFrom('articles').selectAll().orderBy('id').execute();
    t.clock.set(plusMinutes(at, 120));
    await t.app.scheduler.runOnce();
    assert.deepEqual(await t.app.database.db.selectFrom('articles').selectAll().orderBy('id').execute(), rowsBefore, 'a second run published nothing');
  });

  it('publishes an overdue article from a second instance started on the same database', async () => {
    const at = '2026-11-22T08:00:00.000Z';
    t.clock.set(at);
    const story = await created({ title: 'Waited through a restart', status: 'scheduled', publishedAt: plusMinutes(at, 30) });
    const restarted = await createApp(t.config, { clock: fixedClock(plusMinutes(at, 45)), startScheduler: false });
    try {
      assert.equal(await restarted.content.articles.publishedBySlug(story.slug), undefined);
      await restarted.scheduler.runOnce();
      assert.equal((await restarted.content.articles.publishedBySlug(story.slug))?.title, 'Waited through a restart');
    } finally {
      await restarted.close();
    }
    assert.equal((await t.get(`/articles/${story.slug}`)).status, 200);
  });

  it('lists a contributor’s draft as awaiting review once they ask for it', async () => {
    t.clock.set(T0);
    const draft = await api('POST', '/articles', article({ title: 'Please look', status: 'draft' }), contributorToken);
    assert.equal(draft.status, 201, JSON.stringify(draft.json));
    const id = draft.json.article.id;
    const awaiting = async () => (await api('GET', '/articles?review=1')).json.articles as { id: number; reviewRequestedAt: string | null }[];
    assert.equal((await awaiting()).find((a) => a.id === id), undefined);

    t.clock.set(plusMinutes(T0, 5));
    assert.equal((await api('POST', `/articles/${id}/review`, undefined, contributorToken)).status, 200);
    assert.equal((await awaiting()).find((a) => a.id === id)?.reviewRequestedAt, plusMinutes(T0, 5));
  });

  /** Sends a create that must be refused, and checks the status, the error shape and that nothing was written. */
  async function assertCreateRefused(body: unknown, status: number, code?: string, field?: string) {
    const before = await counts();
    const res = await api('POST', '/articles', body);
    assert.equal(res.status, status, JSON.stringify(res.json));
    assert.equal(typeof res.json?.error?.code, 'string');
    assert.equal(typeof res.json?.error?.message, 'string');
    if (code) assert.equal(res.json.error.code, code);
    if (field) assert.equal(res.json.error.field, field);
    assert.deepEqual(await counts(), before, 'no article, revision or audit entry was written');
  }

  it('refuses a body that is not JSON with a 400 error, creating nothing', async () => {
    await assertCreateRefused('{"title": "Half a', 400);
  });

  it('refuses an article without a title with 400 invalid_input naming the field, creating nothing', async () => {
    const { title: _title, ...untitled } = article();
    await assertCreateRefused(untitled, 400, 'invalid_input', 'title');
  });

  it('refuses an article id too large for the database with a 400, on every route that takes one', async () => {
    const before = await counts();
    for (const [method, path] of [['GET', '/articles/99999999999'], ['PUT', '/articles/99999999999'], ['POST', '/articles/1/revisions/99999999999/restore']] as const) {
      const res = await api(method, path, method === 'PUT' ? article() : undefined);
      assert.equal(res.status, 400, `${method} ${path}`);
    }
    assert.equal((await t.get('/preview/99999999999?expires=1&sig=x')).status, 400);
    assert.deepEqual(await counts(), before);
  });

  it('refuses an unknown author with 400 unknown_reference, creating nothing', async () => {
    await assertCreateRefused(article({ authors: ['nobody-we-know'] }), 400, 'unknown_reference', 'authors');
  });

  it('refuses a slug already in use with 409 slug_taken, creating nothing', async () => {
    await created({ slug: 'only-once' });
    await assertCreateRefused(article({ slug: 'only-once' }), 409, 'slug_taken', 'slug');
  });
});
