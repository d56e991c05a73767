import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { englishMessages } from '../../src/i18n/messages-en.js';
import { pluralCategoriesOf } from '../../src/i18n/messages.js';
import { forEachDatabase } from '../helpers/databases.js';
import { useTestApp } from '../helpers/test-app.js';
import { useStaff } from '../newsletter/staff-client.js';
import { countingFakeProvider } from '../translation/counting-fake-provider.js';

const messageCount = Object.keys(englishMessages).length;

forEachDatabase('the newsroom’s language pages', (dialect) => {
  const fake = countingFakeProvider({ pairs: ['en-es', 'en-fr'] });
  const t = useTestApp(dialect, { scheduler: false, translationProviders: [fake] });
  const { get, post } = useStaff(t);
  const stored = (language: string) => t.app.database.db.selectFrom('message_translations').selectAll().where('language', '=', language).execute();
  const auditActions = async () => (await t.app.audit.page(1)).map((e) => `${e.action} ${e.subject}`);

  describe('the list of languages', () => {
    it('sends the signed-out to sign in, and shows every language to staff, with the produce button only to those who may use it', async () => {
      const signedOut = await fetch(`${t.baseUrl}/admin/languages`, { redirect: 'manual' });
      assert.equal(signedOut.status, 303);
      assert.match(signedOut.headers.get('location') ?? '', /^\/admin\/signin\?next=/);

      const contributor = await (await get('contributor', '/admin/languages')).text();
      assert.match(contributor, /<span lang="ar" dir="rtl">العربية<\/span> \(Arabic\)/);
      assert.match(contributor, /href="\/admin\/languages\/es\/messages"/);
      assert.doesNotMatch(contributor, /Produce machine translations/);
      assert.match(await (await get('editor', '/admin/languages')).text(), /action="\/admin\/languages\/es\/produce"/);
    });

    it('refuses to produce for a contributor or without the CSRF token, storing nothing', async () => {
      assert.equal((await post('contributor', '/admin/languages/es/produce', {})).status, 403);
      assert.equal((await post('editor', '/admin/languages/es/produce', {}, 'wrong')).status, 403);
      assert.deepEqual(await stored('es'), []);
      assert.equal(fake.calls.length, 0);
    });

    it('produces a language for an editor, says what it did, counts it and logs it', async () => {
      const res = await post('editor', '/admin/languages/es/produce', {});
      assert.equal(res.status, 200);
      assert.match(await res.text(), new RegExp(`role="status">es: ${messageCount} translated, 0 kept, 0 failed.<`));
      assert.equal((await stored('es')).length, messageCount);
      const row = /<tr id="lang-es">(.*?)<\/tr>/s.exec(await (await get('editor', '/admin/languages')).text())?.[1] ?? '';
      assert.match(row, new RegExp(`<td>${messageCount}</td><td>0</td><td>0</td><td>0</td>`));
      assert.ok((await auditActions()).includes('catalog.produce es'));
    });

    it('shows why a language cannot be produced', async () => {
      const res = await post('editor', '/admin/languages/ja/produce', {});
      assert.equal(res.status, 400);
      assert.match(await res.text(), /role="alert">No translation provider can translate from en to ja</);
      assert.deepEqual(await stored('ja'), []);
    });
  });

  describe('a language’s messages', () => {
    it('shows the English beside each translation, and filters by state', async () => {
      const all = await (await get('contributor', '/admin/languages/es/messages')).text();
      assert.match(all, /<p>Articles by \{name\}<\/p>/);
      assert.match(all, /name="text" value="ARTICLES BY \{name\}" lang="es" dir="ltr" disabled/);
      assert.doesNotMatch(all, /Save as reviewed/);
      const missing = await (await get('editor', '/admin/languages/fr/messages?show=missing')).text();
      assert.match(missing, new RegExp(`aria-current="page">Missing \\(${messageCount}\\)`));
      assert.match(missing, /Missing: readers see the English/);
      assert.equal((await get('editor', '/admin/languages/xx/messages')).status, 404);
    });

    it('saves an editor’s translation as reviewed, logs it, and shows markup in it as text', async () => {
      const res = await post('editor', '/admin/languages/es/messages', { key: 'search.submit', text: '<script>alert(1)</script> Buscar', show: 'all' });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/admin/languages/es/messages?show=all&saved=search.submit');
      const page = await (await get('editor', res.headers.get('location')!)).text();
      assert.match(page, /value="&lt;script>alert\(1\)&lt;\/script> Buscar"/);
      assert.doesNotMatch(page, /<script>alert/);
      assert.match(page, /Saved search.submit as reviewed/);
      const row = (await stored('es')).find((r) => r.key === 'search.submit');
      assert.equal(row?.status, 'reviewed');
      assert.ok((await auditActions()).includes('catalog.edit es/search.submit'));
    });

    it('saves every plural form from its own field', async () => {
      const fields = Object.fromEntries(pluralCategoriesOf('es').map((c) => [`text.${c}`, `{count} artículos (${c})`]));
      const res = await post('editor', '/admin/languages/es/messages', { key: 'archive.monthCount', ...fields, show: 'all' });
      assert.equal(res.status, 303);
      const es = await t.app.catalogs.messagesFor('es');
      assert.equal(es.t('archive.monthCount', { count: 1 }), '1 artículos (one)');
    });

    it('shows a refused edit again with the reason and the text as typed, and stores nothing', async () => {
      const before = (await stored('es')).find((r) => r.key === 'listing.articlesBy');
      const res = await post('editor', '/admin/languages/es/messages', { key: 'listing.articlesBy', text: 'Artículos de <b>alguien</b>', show: 'all' });
      assert.equal(res.status, 400);
      const page = await res.text();
      assert.match(page, /role="alert">listing.articlesBy: The translation must keep \{name\}</);
      assert.match(page, /value="Artículos de &lt;b>alguien&lt;\/b>"/);
      assert.deepEqual((await stored('es')).find((r) => r.key === 'listing.articlesBy'), before);
    });

    it('refuses an edit from an author or without the CSRF token', async () => {
      assert.equal((await post('author', '/admin/languages/es/messages', { key: 'home.latest', text: 'Lo último' })).status, 403);
      assert.equal((await post('owner', '/admin/languages/es/messages', { key: 'home.latest', text: 'Lo último' }, 'wrong')).status, 403);
      assert.equal((await stored('es')).find((r) => r.key === 'home.latest')?.text, 'LATEST');
    });

    it('shows a boilerplate setting’s text escaped', async () => {
      await t.app.content.settings.update({ disclaimer: 'Views are <script>alert(2)</script> the authors’ own.' });
      const page = await (await get('editor', '/admin/languages/fr/messages?show=missing')).text();
      assert.match(page, /<code>settings.disclaimer<\/code>/);
      assert.match(page, /Views are &lt;script>alert\(2\)&lt;\/script> the authors’ own./);
      assert.doesNotMatch(page, /<script>alert/);
    });
  });
});
