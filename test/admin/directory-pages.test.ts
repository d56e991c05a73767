import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { StaffRole } from '../../src/db/schema.js';
import { forEachDatabase } from '../helpers/databases.js';
import { useTestApp } from '../helpers/test-app.js';

forEachDatabase('the directory, settings, staff and audit pages', (dialect) => {
  const t = useTestApp(dialect);
  const sessions = {} as Record<StaffRole, { cookie: string; csrf: string }>;

  before(async () => {
    for (const role of ['owner', 'editor', 'author', 'contributor'] as const) {
      const user = await t.app.staff.create({ email: `${role}@news.test`, name: `${role} person`, role });
      const s = await t.app.staff.startSession(user.id);
      sessions[role] = { cookie: `bs_session=${s.token}`, csrf: s.csrfToken };
    }
  });

  const get = (role: StaffRole, path: string) => fetch(t.baseUrl + path, { headers: { cookie: sessions[role].cookie }, redirect: 'manual' });

  function post(role: StaffRole, path: string, fields: Record<string, string>, csrf = sessions[role].csrf) {
    const body = new URLSearchParams({ _csrf: csrf, ...fields });
    return fetch(t.baseUrl + path, {
      method: 'POST',
      headers: { cookie: sessions[role].cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body,
      redirect: 'manual',
    });
  }

  describe('authors and sources', () => {
    it('an editor adds an author from the form, and it is listed and live at once', async () => {
      const res = await post('editor', '/admin/authors', { slug: 'nia-osei', name: 'Nia Osei', bio: 'Nia covers ports.', links: 'Website | https://nia.example' });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/admin/authors?saved=nia-osei');
      assert.match(await (await get('editor', '/admin/authors?q=osei')).text(), /<a href="\/admin\/authors\?edit=nia-osei">Nia Osei<\/a>/);
      const author = await t.app.content.directory.authorBySlug('nia-osei');
      assert.deepEqual(author?.links, [{ label: 'Website', url: 'https://nia.example' }]);
      await post('editor', '/admin/authors', { slug: 'nia-osei', name: 'Nia A. Osei', bio: 'Nia covers ports.' });
      assert.match(await t.html('/authors/nia-osei'), /Articles by Nia A. Osei/);
    });

    it('refuses a source with a bad home page, showing the form with the reason and saving nothing', async () => {
      const res = await post('editor', '/admin/sources', { slug: 'bad-source', name: 'Bad', homepageUrl: 'javascript:alert(1)', copyrightHolder: 'Bad Co' });
      assert.equal(res.status, 400);
      const html = await res.text();
      assert.match(html, /role="alert"/);
      assert.match(html, /id="f-homepageUrl" name="homepageUrl" type="url" required value="javascript:alert\(1\)" aria-invalid="true"/);
      assert.equal(await t.app.content.directory.sourceBySlug('bad-source'), undefined);
    });

    it('lets a contributor look but not change, and refuses a missing CSRF token', async () => {
      assert.equal((await get('contributor', '/admin/themes')).status, 200);
      assert.equal((await post('contributor', '/admin/themes', { slug: 'sport', name: 'Sport' })).status, 403);
      assert.equal((await post('editor', '/admin/themes', { slug: 'sport', name: 'Sport' }, 'wrong')).status, 403);
      assert.equal(await t.app.content.directory.termBySlug('theme', 'sport'), undefined);
    });
  });

  describe('settings', () => {
    it('the owner changes the tagline and every page shows it at once', async () => {
      await t.html('/');
      const settings = await t.app.content.settings.get();
      const fields = { siteName: settings.siteName, tagline: 'Fresh from the settings page', language: 'en', timeZone: 'UTC', copyrightHolder: 'Ledger', mediaInquiriesEmail: 'press@news.test', noteToReaders: '', republishingPolicy: '', disclaimer: '', fairUseNotice: '', socialLinks: 'x | X | https://x.com/ledger' };
      const res = await post('owner', '/admin/settings', fields);
      assert.equal(res.status, 303);
      assert.match(await t.html('/'), /Fresh from the settings page/);
      assert.deepEqual((await t.app.content.settings.get()).socialLinks, [{ network: 'x', label: 'X', url: 'https://x.com/ledger' }]);
    });

    it('refuses a bad address with the reason, keeping the stored settings', async () => {
      const before = await t.app.content.settings.get();
      const res = await post('owner', '/admin/settings', { siteName: 'Ledger', tagline: 'Changed?', language: 'en', timeZone: 'UTC', copyrightHolder: 'L', mediaInquiriesEmail: 'not an email', socialLinks: '' });
      assert.equal(res.status, 400);
      assert.match(await res.text(), /id="mediaInquiriesEmail" name="mediaInquiriesEmail" type="email" value="not an email" aria-invalid="true"/);
      assert.deepEqual(await t.app.content.settings.get(), before);
    });

    it('sets full-text feeds from its checkbox, checked or not', async () => {
      const base = { siteName: 'Ledger', tagline: '', language: 'en', timeZone: 'UTC', copyrightHolder: 'L', mediaInquiriesEmail: 'press@news.test', socialLinks: '' };
      assert.equal((await post('owner', '/admin/settings', base)).status, 303);
      assert.equal((await t.app.content.settings.get()).feedFullText, false);
      assert.match(await (await get('owner', '/admin/settings')).text(), /<input type="checkbox" name="feedFullText" value="1"\/>/);
      assert.equal((await post('owner', '/admin/settings', { ...base, feedFullText: '1' })).status, 303);
      assert.equal((await t.app.content.settings.get()).feedFullText, true);
    });

    it('answers a form sent as multipart where text was expected with a 400, not a crash', async () => {
      const body = new FormData();
      body.set('_csrf', sessions.editor.csrf);
      body.set('slug', 'multi-part');
      body.set('name', 'Multi Part');
      const res = await fetch(`${t.baseUrl}/admin/authors`, { method: 'POST', headers: { cookie: sessions.editor.cookie }, body, redirect: 'manual' });
      assert.equal(res.status, 400);
      assert.equal(await t.app.content.directory.authorBySlug('multi-part'), undefined);
    });

    it('is the owner’s alone', async () => {
      assert.equal((await get('editor', '/admin/settings')).status, 403);
      assert.equal((await post('editor', '/admin/settings', { tagline: 'x' })).status, 403);
    });
  });

  describe('staff and the audit log', () => {
    it('the owner adds a contributor and is shown a single-use setup link', async () => {
      const res = await post('owner', '/admin/staff', { email: 'new@news.test', name: 'New Person', role: 'contributor' });
      assert.equal(res.status, 201);
      const link = /<code>(https:\/\/news\.test\/admin\/reset\/[A-Za-z0-9_-]+)<\/code>/.exec(await res.text())?.[1];
      assert.ok(link, 'a setup link is shown');
      assert.equal((await t.app.staff.byEmail('new@news.test'))?.role, 'contributor');
      assert.equal((await post('owner', '/admin/staff', { email: 'new@news.test', name: 'Again', role: 'editor' })).status, 409);
      assert.equal((await post('editor', '/admin/staff', { email: 'other@news.test', name: 'Other', role: 'owner' })).status, 403);
      assert.equal(await t.app.staff.byEmail('other@news.test'), undefined);
    });

    it('editors read the audit log, which names who did what; contributors may not', async () => {
      const html = await (await get('editor', '/admin/audit')).text();
      assert.match(html, /<td>owner person<\/td><td>staff\.create<\/td><td>new@news\.test<\/td>/);
      assert.equal((await get('contributor', '/admin/audit')).status, 403);
    });

    it('anyone signed in creates an API token, shown once and working, and revokes it', async () => {
      const res = await post('contributor', '/admin/tokens', { name: 'my script' });
      assert.equal(res.status, 201);
      const token = /<code>(bst_[A-Za-z0-9_-]+)<\/code>/.exec(await res.text())?.[1];
      assert.ok(token, 'the token is shown');
      const me = () => fetch(`${t.baseUrl}/api/admin/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal((await me()).status, 200);
      const list = await (await get('contributor', '/admin/tokens')).text();
      assert.doesNotMatch(list, new RegExp(token!), 'the list never shows a token again');
      const id = /action="\/admin\/tokens\/(\d+)\/revoke"/.exec(list)?.[1];
      assert.equal((await post('author', `/admin/tokens/${id}/revoke`, {})).status, 404, 'another member cannot revoke it');
      assert.equal((await me()).status, 200);
      assert.equal((await post('contributor', `/admin/tokens/${id}/revoke`, {})).status, 303);
      assert.equal((await me()).status, 401);
    });

    it('a contributor submits their own draft for review from its form; others’ drafts are not theirs to submit', async () => {
      const contributor = await t.app.staff.byEmail('contributor@news.test');
      const author = await t.app.content.directory.saveAuthor({ slug: 'draft-writer', name: 'Draft Writer' });
      const { id } = await t.app.content.editor.create({ title: 'Needs a second pair of eyes', bodyHtml: '<p>Draft.</p>', status: 'draft', authors: [author.slug] }, { actorId: contributor!.id });
      const form = await (await get('contributor', `/admin/articles/${id}`)).text();
      assert.match(form, new RegExp(`<form method="post" action="/admin/articles/${id}/review"`));
      assert.equal((await post('author', `/admin/articles/${id}/review`, {})).status, 403);
      assert.equal((await t.app.content.editorial.editable(id))?.reviewRequestedAt, null);
      assert.equal((await post('contributor', `/admin/articles/${id}/review`, {})).status, 303);
      assert.ok((await t.app.content.editorial.editable(id))?.reviewRequestedAt);
      assert.match(await (await get('contributor', `/admin/articles/${id}`)).text(), /Submitted for review/);
      assert.match(await (await get('editor', '/admin?review=1')).text(), /Needs a second pair of eyes<\/a><span class="badge"> awaiting review<\/span>/);
    });

    it('offers "sign out everywhere" on the account page, and it ends that member’s sessions', async () => {
      const user = await t.app.staff.create({ email: 'leaving@news.test', name: 'Leaving', role: 'author' });
      const [a, b] = [await t.app.staff.startSession(user.id), await t.app.staff.startSession(user.id)];
      const page = await (await fetch(`${t.baseUrl}/admin/tokens`, { headers: { cookie: `bs_session=${a.token}` } })).text();
      assert.match(page, /<form method="post" action="\/admin\/signout-everywhere">/);
      const res = await fetch(`${t.baseUrl}/admin/signout-everywhere`, {
        method: 'POST',
        headers: { cookie: `bs_session=${a.token}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: a.csrfToken }),
        redirect: 'manual',
      });
      assert.equal(res.status, 303);
      assert.equal(await t.app.staff.resolveSession(b.token), undefined);
    });

    it('sends a signed-out visitor to sign in first', async () => {
      const res = await fetch(`${t.baseUrl}/admin/authors`, { redirect: 'manual' });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/admin/signin?next=%2Fadmin%2Fauthors');
    });
  });
});
