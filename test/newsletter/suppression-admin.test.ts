import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { StaffRole } from '../../src/db/schema.js';
import { forEachDatabase } from '../helpers/databases.js';
import { useTestApp } from '../helpers/test-app.js';

const PAGE = '/admin/newsletter/suppressions';
const HOSTILE = '<script>alert("note")</script> & <img src=x onerror=alert(1)>';

forEachDatabase('the newsroom’s suppression list page', (dialect) => {
  const t = useTestApp(dialect, { scheduler: false });
  const sessions = {} as Record<StaffRole, { cookie: string; csrf: string; id: number }>;

  before(async () => {
    for (const role of ['owner', 'editor', 'author', 'contributor'] as const) {
      const user = await t.app.staff.create({ email: `${role}@news.test`, name: `${role} person`, role });
      const s = await t.app.staff.startSession(user.id);
      sessions[role] = { cookie: `bs_session=${s.token}`, csrf: s.csrfToken, id: user.id };
    }
    await t.app.suppressions.add({ email: 'bounced@example.org', reason: 'bounce', detail: '550 5.1.1 unknown user' }, 'webhook');
    await t.app.suppressions.add({ email: 'angry@example.org', reason: 'complaint' }, 'webhook');
  });

  const get = (role: StaffRole, path: string) => fetch(t.baseUrl + path, { headers: { cookie: sessions[role].cookie }, redirect: 'manual' });
  const text = async (role: StaffRole, path: string) => {
    const res = await get(role, path);
    assert.equal(res.status, 200, path);
    return res.text();
  };

  function post(role: StaffRole, path: string, fields: Record<string, string>, csrf = sessions[role].csrf) {
    return fetch(t.baseUrl + path, {
      method: 'POST',
      headers: { cookie: sessions[role].cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, ...fields }),
      redirect: 'manual',
    });
  }

  const auditOf = (action: string) =>
    t.app.database.db.selectFrom('audit_log').select(['actor_id', 'subject', 'detail']).where('action', '=', action).orderBy('id').execute();

  it('is for editors and owners: others get 403 on every route, the signed-out the sign-in form', async () => {
    assert.equal((await get('editor', PAGE)).status, 200);
    assert.equal((await get('owner', PAGE)).status, 200);
    for (const role of ['author', 'contributor'] as const) {
      assert.equal((await get(role, PAGE)).status, 403);
      assert.equal((await post(role, PAGE, { email: 'sneaky@example.org' })).status, 403);
      assert.equal((await post(role, `${PAGE}/remove`, { email: 'bounced@example.org' })).status, 403);
    }
    assert.equal(await t.app.suppressions.isSuppressed('sneaky@example.org'), false);
    assert.equal(await t.app.suppressions.isSuppressed('bounced@example.org'), true);
    const signedOut = await fetch(t.baseUrl + PAGE, { redirect: 'manual' });
    assert.equal(signedOut.status, 303);
    assert.equal(signedOut.headers.get('location'), `/admin/signin?next=${encodeURIComponent(PAGE)}`);
  });

  it('is linked from the newsletter page', async () => {
    assert.match(await text('editor', '/admin/newsletter'), /<a href="\/admin\/newsletter\/suppressions">Suppression list<\/a>/);
  });

  it('lists each address with its reason, time and detail, and a remove button carrying the CSRF token', async () => {
    const html = await text('editor', PAGE);
    assert.match(html, /2 addresses/);
    assert.match(html, /<td>bounced@example\.org<\/td><td>Bounced<\/td>/);
    assert.match(html, /550 5\.1\.1 unknown user/);
    assert.match(html, /<td>angry@example\.org<\/td><td>Complaint<\/td>/);
    assert.match(html, new RegExp(`<form method="post" action="/admin/newsletter/suppressions/remove"><input type="hidden" name="_csrf" value="${sessions.editor.csrf}"/><input type="hidden" name="email" value="bounced@example.org"/>`));
  });

  it('adds an address by hand with a note (reason manual), recording who did it; a bad CSRF token changes nothing', async () => {
    assert.equal((await post('editor', PAGE, { email: 'by-hand@example.org', detail: 'asked by phone' }, 'wrong')).status, 403);
    assert.equal(await t.app.suppressions.isSuppressed('by-hand@example.org'), false);

    const res = await post('editor', PAGE, { email: ' By-Hand@Example.org ', detail: 'asked by phone' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${PAGE}?q=by-hand%40example.org&done=added`);
    const entry = await t.app.suppressions.get('by-hand@example.org');
    assert.equal(entry?.reason, 'manual');
    assert.equal(entry?.detail, 'asked by phone');
    assert.deepEqual(
      (await auditOf('newsletter.suppress')).map((a) => [a.actor_id, a.subject, JSON.parse(a.detail)]),
      [[sessions.editor.id, 'by-hand@example.org', { reason: 'manual', note: 'asked by phone' }]],
    );
    const shown = await text('editor', res.headers.get('location')!);
    assert.match(shown, /The address is on the suppression list/);
    assert.match(shown, /1 address</);

    const again = await post('owner', PAGE, { email: 'by-hand@example.org', detail: 'again' });
    assert.equal(again.headers.get('location'), `${PAGE}?q=by-hand%40example.org&done=already`);
    assert.equal((await t.app.suppressions.get('by-hand@example.org'))?.detail, 'asked by phone');
    assert.equal((await auditOf('newsletter.suppress')).length, 1, 'nothing changed, nothing recorded');
  });

  it('refuses a bad address with the form again, its value kept and escaped, the reason beside the field, and nothing written', async () => {
    const before = (await t.app.suppressions.list()).total;
    const res = await post('editor', PAGE, { email: '<b>nobody</b>', detail: HOSTILE });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /<p id="email-error" class="field-error" role="alert">An email address has exactly one @<\/p>/);
    assert.match(html, /aria-invalid="true" aria-describedby="email-error"/);
    assert.match(html, /value="&lt;b>nobody&lt;\/b>"/);
    assert.doesNotMatch(html, /<script>alert|<img src=x/);
    assert.equal((await t.app.suppressions.list()).total, before);
  });

  it('escapes a hostile note in the list', async () => {
    await post('editor', PAGE, { email: 'hostile@example.org', detail: HOSTILE });
    const html = await text('editor', `${PAGE}?q=hostile`);
    assert.doesNotMatch(html, /<script>alert|<img src=x/);
    assert.match(html, /&lt;script>alert\(&quot;note&quot;\)&lt;\/script> &amp; &lt;img src=x onerror=alert\(1\)>/);
  });

  it('searches by address and filters by reason, keeping both in the form and the page links', async () => {
    for (let i = 0; i < 52; i += 1) await t.app.suppressions.add({ email: `list-${String(i).padStart(2, '0')}@example.net`, reason: 'manual' }, 'cli');
    const bounces = await text('editor', `${PAGE}?reason=bounce`);
    assert.match(bounces, /1 address</);
    assert.match(bounces, /bounced@example\.org/);
    assert.doesNotMatch(bounces, /angry@example\.org/);
    assert.match(bounces, /<option value="bounce" selected>/);

    const searched = await text('editor', `${PAGE}?q=LIST-&reason=manual`);
    assert.match(searched, /52 addresses/);
    assert.match(searched, /<input id="q" name="q" type="search" value="LIST-"\/>/);
    assert.match(searched, /href="\/admin\/newsletter\/suppressions\?q=LIST-&amp;reason=manual&amp;page=2">Next/);
    const second = await text('editor', `${PAGE}?q=LIST-&reason=manual&page=2`);
    assert.match(second, /Page 2 of 2/);

    assert.equal((await get('editor', `${PAGE}?reason=spam`)).status, 400);
    assert.equal((await get('editor', `${PAGE}?page=0`)).status, 400);
  });

  it('removes an address, recording who did it; a bad CSRF token or an address not listed changes nothing', async () => {
    assert.equal((await post('owner', `${PAGE}/remove`, { email: 'bounced@example.org' }, 'wrong')).status, 403);
    assert.equal(await t.app.suppressions.isSuppressed('bounced@example.org'), true);

    const res = await post('owner', `${PAGE}/remove`, { email: 'bounced@example.org' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${PAGE}?done=removed`);
    assert.equal(await t.app.suppressions.isSuppressed('bounced@example.org'), false);
    assert.deepEqual(
      (await auditOf('newsletter.unsuppress')).map((a) => [a.actor_id, a.subject]),
      [[sessions.owner.id, 'bounced@example.org']],
    );
    assert.match(await text('owner', res.headers.get('location')!), /The address is off the suppression list/);

    const missing = await post('owner', `${PAGE}/remove`, { email: 'bounced@example.org' });
    assert.equal(missing.status, 404);
    assert.match(await missing.text(), /role="alert">bounced@example\.org is not on the suppression list/);
    assert.equal((await auditOf('newsletter.unsuppress')).length, 1);
  });
});
