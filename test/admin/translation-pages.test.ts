import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ArticleInput } from '../../src/content/inputs.js';
import type { StaffRole } from '../../src/db/schema.js';
import { forEachDatabase } from '../helpers/databases.js';
import { makeAuthor } from '../helpers/factories.js';
import { useTestApp } from '../helpers/test-app.js';
import { useStaff } from '../newsletter/staff-client.js';
import { countingFakeProvider } from '../translation/counting-fake-provider.js';

/** A provider that is down: it translates nothing and its health check says why. */
const offline = { ...countingFakeProvider({ id: 'offline', pairs: [] }), health: async () => ({ ok: false, detail: 'connection refused' }) };

forEachDatabase('the translation screens', (dialect) => {
  const t = useTestApp(dialect, {
    scheduler: false,
    translationProviders: [countingFakeProvider({ pairs: ['en-es', 'en-fr', 'en-ar'] }), countingFakeProvider({ id: 'broken', pairs: ['en-de'], failOn: () => true }), offline],
  });
  const staff = useStaff(t);
  let input: ArticleInput & { authors: string[] };

  before(async () => {
    const author = await makeAuthor(t.app.content);
    input = {
      title: 'The ferry that stopped',
      kicker: 'Islands',
      dek: 'Why the boat no longer comes',
      bodyHtml: '<p>The ferry stopped in March.</p>\n<p>Fishers say the harbour silted up.</p>',
      status: 'published',
      authors: [author.slug],
    };
  });

  const translator = () => t.app.translation.articles;
  const article = async (over: Partial<ArticleInput> = {}) => (await t.app.content.editor.create({ ...input, ...over })).id;
  const { get } = staff;
  // An empty token stands for a form sent without one.
  const post = (role: StaffRole | null, path: string, fields: Record<string, string>, csrf?: string) => staff.post(role, path, fields, csrf === '' ? null : csrf);
  const review = { kicker: 'Islas', title: 'El ferry que se detuvo', dek: 'Por qué el barco ya no viene', imageAlt: '', imageCaption: '', bodyHtml: '<p>El ferry se detuvo en marzo.</p>' };

  /** An article with a reviewed translation whose original's second paragraph was then rewritten. */
  async function staleTranslation(lang: string) {
    const id = await article();
    await translator().saveReview(id, lang, review, staff.ids.editor);
    await t.app.content.editor.update(id, { ...input, bodyHtml: '<p>The ferry stopped in March.</p>\n<p>Fishers say the harbour was dredged.</p>' });
    // Saving the original marks the reviewed translation stale on its own.
    assert.equal((await translator().get(id, lang))?.status, 'stale');
    return id;
  }

  describe('the list', () => {
    it('shows each provider’s health, one that is down as failing', async () => {
      const html = await (await get('editor', '/admin/translations')).text();
      assert.match(html, /<li>fake: ok, a fake for tests<\/li>/);
      assert.match(html, /<li>offline: failing, connection refused<\/li>/);
      assert.match(html, /<li><a href="\/admin\/translations">Translations<\/a><\/li>/, 'in the menu');
    });

    it('lists stale translations first, then the newest, and leaves reviewed ones to their filter', async () => {
      t.clock.set('2026-11-21T09:00:00.000Z');
      const stale = await staleTranslation('fr');
      t.clock.set('2026-11-21T10:00:00.000Z');
      const newer = await article({ title: 'A newer piece' });
      await translator().translateArticle(newer, 'fr');
      const reviewed = await article({ title: 'A reviewed piece' });
      await translator().saveReview(reviewed, 'fr', review, staff.ids.editor);

      const html = await (await get('editor', '/admin/translations?lang=fr')).text();
      const rows = [...html.matchAll(/href="\/admin\/articles\/(\d+)\/translations\/fr"/g)].map((m) => Number(m[1]));
      assert.deepEqual(rows, [stale, newer]);
      assert.match(html, /<span lang="fr" dir="ltr">Français<\/span> \(French\)/);
      const reviewedOnly = await (await get('editor', '/admin/translations?lang=fr&status=reviewed')).text();
      assert.deepEqual([...reviewedOnly.matchAll(/href="\/admin\/articles\/(\d+)\/translations\/fr"/g)].map((m) => Number(m[1])), [reviewed]);
    });

    it('refuses a bad filter with a 400', async () => {
      assert.equal((await get('editor', '/admin/translations?status=lost')).status, 400);
    });
  });

  describe('the review screen', () => {
    it('shows the original beside the translation, and what changed in the original since it was reviewed', async () => {
      const id = await staleTranslation('es');
      const html = await (await get('editor', `/admin/articles/${id}/translations/es`)).text();
      assert.match(html, /<td class="translation-original" lang="en" dir="ltr">The ferry that stopped<\/td><td class="translation-edit" lang="es" dir="ltr"><input id="t-title" name="title" value="El ferry que se detuvo"/);
      assert.match(html, /<td class="translation-original" lang="en" dir="ltr"><div><p>The ferry stopped in March.<\/p>\n<p>Fishers say the harbour was dredged.<\/p><\/div><\/td>/);
      assert.match(html, /<textarea id="t-bodyHtml" name="bodyHtml" rows="20">&lt;p>El ferry se detuvo en marzo.&lt;\/p><\/textarea>/);
      assert.match(html, /What changed in the original since this translation/);
      assert.match(html, /<del>silted up\. <\/del><ins>was dredged\. <\/ins>/);
      assert.doesNotMatch(html, /<h3>Headline<\/h3>/, 'unchanged parts are not listed');
    });

    it('shows no changes for a machine translation of the current original', async () => {
      const id = await article();
      await translator().translateArticle(id, 'es');
      const html = await (await get('editor', `/admin/articles/${id}/translations/es`)).text();
      assert.match(html, /value="THE FERRY THAT STOPPED"/);
      assert.doesNotMatch(html, /What changed in the original/);
    });

    it('sets the translation column right to left for Arabic', async () => {
      const id = await article();
      await translator().translateArticle(id, 'ar');
      const html = await (await get('editor', `/admin/articles/${id}/translations/ar`)).text();
      const cells = [...html.matchAll(/<td class="translation-edit" ([^>]*)>/g)].map((m) => m[1]);
      assert.equal(cells.length, 6);
      for (const attrs of cells) assert.equal(attrs, 'lang="ar" dir="rtl"');
    });

    it('saves the edited translation as reviewed, sanitised, audit-logged, and comes back with a notice', async () => {
      const id = await staleTranslation('es');
      const res = await post('editor', `/admin/articles/${id}/translations/es`, { ...review, title: 'El ferry ya no viene', bodyHtml: '<p>El puerto fue dragado.</p><script>alert(1)</script>' });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), `/admin/articles/${id}/translations/es?saved=1`);
      const stored = await translator().get(id, 'es');
      assert.equal(stored?.status, 'reviewed');
      assert.equal(stored?.title, 'El ferry ya no viene');
      assert.equal(stored?.bodyHtml, '<p>El puerto fue dragado.</p>');
      assert.equal(stored?.reviewedBy, staff.ids.editor);
      assert.match(stored!.source.bodyHtml, /was dredged/, 'made from the original as it is now');
      const [entry] = await t.app.audit.page(1, 1);
      assert.deepEqual([entry?.action, entry?.subject], ['translation.review', `${id}/es`]);
      const html = await (await get('editor', res.headers.get('location')!)).text();
      assert.match(html, /Saved as reviewed\./);
      assert.doesNotMatch(html, /What changed in the original/);
    });

    it('a saved review reaches readers at once, though the page was cached', async () => {
      const id = await article({ slug: 'cached-ferry' });
      await translator().translateArticle(id, 'es');
      assert.match(await t.html('/es/articles/cached-ferry'), /THE FERRY THAT STOPPED/);
      assert.ok(t.app.cache.get('/es/articles/cached-ferry'), 'the translated page is cached');
      assert.equal((await post('editor', `/admin/articles/${id}/translations/es`, review)).status, 303);
      assert.match(await t.html('/es/articles/cached-ferry'), /El ferry que se detuvo/);
    });

    it('refuses an empty title, showing the form with the error and what was typed, storing nothing', async () => {
      const id = await article();
      await translator().translateArticle(id, 'es');
      const before = await translator().get(id, 'es');
      const res = await post('editor', `/admin/articles/${id}/translations/es`, { ...review, title: '  ', dek: 'Lo que escribí' });
      assert.equal(res.status, 400);
      const html = await res.text();
      assert.match(html, /<p id="form-error" class="alert alert-error" role="alert">title: A title is required<\/p>/);
      assert.match(html, /<input id="t-title" name="title" aria-invalid="true" aria-describedby="form-error" value required/);
      assert.match(html, /<textarea id="t-dek" name="dek" rows="3">Lo que escribí<\/textarea>/);
      assert.deepEqual(await translator().get(id, 'es'), before);
    });

    it('refuses a save without the CSRF token', async () => {
      const id = await article();
      await translator().translateArticle(id, 'es');
      const before = await translator().get(id, 'es');
      assert.equal((await post('editor', `/admin/articles/${id}/translations/es`, review, '')).status, 403);
      assert.deepEqual(await translator().get(id, 'es'), before);
    });

    it('sends the signed-out to sign in, and lets a contributor look but not save', async () => {
      const id = await article();
      await translator().translateArticle(id, 'es');
      const before = await translator().get(id, 'es');
      for (const path of ['/admin/translations', `/admin/articles/${id}/translations`, `/admin/articles/${id}/translations/es`]) {
        const res = await fetch(t.baseUrl + path, { redirect: 'manual' });
        assert.equal(res.status, 303, path);
        assert.equal(res.headers.get('location'), `/admin/signin?next=${encodeURIComponent(path)}`);
      }
      assert.equal((await post(null, `/admin/articles/${id}/translations/es`, review)).status, 401);
      const html = await (await get('contributor', `/admin/articles/${id}/translations/es`)).text();
      assert.match(html, /<input id="t-title" name="title" readonly/);
      assert.doesNotMatch(html, /Save as reviewed/);
      assert.equal((await post('contributor', `/admin/articles/${id}/translations/es`, review)).status, 403);
      assert.equal((await post('contributor', `/admin/articles/${id}/translations`, { lang: 'fr' })).status, 403);
      assert.deepEqual(await translator().get(id, 'es'), before);
      assert.equal(await translator().get(id, 'fr'), undefined);
    });

    it('answers 404 for a language the article has no translation into', async () => {
      const id = await article();
      assert.equal((await get('editor', `/admin/articles/${id}/translations/es`)).status, 404);
    });
  });

  describe("an article's translations", () => {
    it('is linked from the article page and translates into a language now', async () => {
      const id = await article();
      assert.match(await (await get('editor', `/admin/articles/${id}`)).text(), new RegExp(`<a href="/admin/articles/${id}/translations">Translations</a>`));
      const res = await post('editor', `/admin/articles/${id}/translations`, { lang: 'es' });
      assert.equal(res.status, 303);
      assert.equal((await translator().get(id, 'es'))?.status, 'machine');
      const html = await (await get('editor', res.headers.get('location')!)).text();
      assert.match(html, /Translated into Spanish\./);
      assert.match(html, new RegExp(`<a href="/admin/articles/${id}/translations/es"><span lang="es" dir="ltr">Español</span> \\(Spanish\\)</a>`));
      assert.doesNotMatch(html, /<option value="en"/, 'not into its own language');
    });

    it("shows a failing provider's message and stores nothing", async () => {
      const id = await article();
      const res = await post('editor', `/admin/articles/${id}/translations`, { lang: 'de' });
      assert.equal(res.status, 502);
      const html = await res.text();
      assert.match(html, /role="alert">The translation provider failed: the fake provider refused</);
      assert.match(html, /<option value="de" selected>/);
      assert.equal(await translator().get(id, 'de'), undefined);
      assert.deepEqual(await translator().forArticle(id), []);
    });

    it('says so when no provider has the language pair', async () => {
      const id = await article();
      const res = await post('editor', `/admin/articles/${id}/translations`, { lang: 'ja' });
      assert.equal(res.status, 400);
      assert.match(await res.text(), /No translation provider can translate from en to ja/);
    });
  });
});
