import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { StaffRole } from '../../src/db/schema.js';
import type { StaffUser } from '../../src/admin/staff-service.js';
import { forEachDatabase } from '../helpers/databases.js';
import { makeAuthor, makeTerm } from '../helpers/factories.js';
import { useTestApp } from '../helpers/test-app.js';

/** A signed-in browser: its session cookie and the CSRF token its pages carry. */
interface Session {
  user: StaffUser;
  cookie: string;
  csrf: string;
}

/** Form fields in order; a key may repeat, as a multiple select or checkboxes send it. */
type Fields = [string, string][];

/** The opening tag of the form control with this id. */
function control(html: string, id: string): string {
  const tag = new RegExp(`<(?:input|select|textarea)\\b[^>]*\\bid="${id}"[^>]*>`).exec(html)?.[0];
  assert.ok(tag, `the page has a control #${id}`);
  return tag;
}

/** The inside of the element with this id (a select's options, a textarea's text). */
function inside(html: string, id: string, element: 'select' | 'textarea'): string {
  const match = new RegExp(`<${element}\\b[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</${element}>`).exec(html);
  assert.ok(match, `the page has a ${element} #${id}`);
  return match[1]!;
}

/** An attribute's value in an opening tag; '' for one written bare (`value`) or missing. */
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? '';

const optionValues = (html: string) => [...html.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);

forEachDatabase('the article pages, signed in by cookie', (dialect) => {
  const t = useTestApp(dialect);
  const as = {} as Record<'editor' | 'author' | 'contributor', Session>;
  let bylines: string[];
  let regions: string[];
  let n = 0;

  before(async () => {
    for (const role of ['editor', 'author', 'contributor'] as const satisfies readonly StaffRole[]) {
      const user = await t.app.staff.create({ email: `${role}@news.test`, name: `Pat the ${role}`, role });
      const session = await t.app.staff.startSession(user.id);
      as[role] = { user, cookie: `bs_session=${session.token}`, csrf: session.csrfToken };
    }
    bylines = [(await makeAuthor(t.app.content, { name: 'Ada Byline' })).slug, (await makeAuthor(t.app.content, { name: 'Bo Byline' })).slug];
    regions = [(await makeTerm(t.app.content, 'region')).slug, (await makeTerm(t.app.content, 'region')).slug, (await makeTerm(t.app.content, 'region')).slug];
  });

  async function get(path: string, who: Session) {
    const res = await fetch(t.baseUrl + path, { headers: { cookie: who.cookie }, redirect: 'manual' });
    return { status: res.status, location: res.headers.get('location'), html: await res.text() };
  }

  /** A form POST as the browser sends it: urlencoded, the session's token in _csrf unless told otherwise. */
  async function postForm(path: string, who: Session, fields: Fields, opts: { csrf?: string } = { csrf: who.csrf }) {
    const body = new URLSearchParams(opts.csrf === undefined ? fields : [['_csrf', opts.csrf], ...fields]);
    const res = await fetch(t.baseUrl + path, {
      method: 'POST',
      headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
      redirect: 'manual',
    });
    return { status: res.status, location: res.headers.get('location'), html: await res.text() };
  }

  /** A complete article form; `over` replaces fields by name (every value given for a repeated key). */
  function articleForm(over: Record<string, string | string[]> = {}): Fields {
    const base: Record<string, string | string[]> = {
      title: `Story ${++n}`,
      dek: `Standfirst ${n}`,
      bodyHtml: `<p>Reporting for story ${n}.</p>`,
      status: 'draft',
      authors: [bylines[0]!],
      ...over,
    };
    return Object.entries(base).flatMap(([key, value]) => (Array.isArray(value) ? value.map((v): [string, string] => [key, v]) : [[key, value]]));
  }

  async function createdFromForm(who: Session, over: Record<string, string | string[]> = {}) {
    const res = await postForm('/admin/articles', who, articleForm(over));
    assert.equal(res.status, 303, res.html.slice(0, 400));
    const id = Number(/^\/admin\/articles\/(\d+)\?saved=1$/.exec(res.location ?? '')?.[1]);
    assert.ok(id > 0, `redirected to the saved article, not ${res.location}`);
    return id;
  }

  const editable = async (id: number) => (await t.app.content.editorial.editable(id))!;

  /** Everything a refused save must leave alone. */
  async function counts() {
    const { db } = t.app.database;
    const count = async (table: 'articles' | 'article_revisions' | 'article_authors' | 'article_terms') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { articles: await count('articles'), revisions: await count('article_revisions'), authors: await count('article_authors'), terms: await count('article_terms') };
  }

  it('creates an article from an urlencoded form with repeated authors and regions, then redirects to it with ?saved=1', async () => {
    const id = await createdFromForm(as.editor, { title: 'Two bylines, two places', authors: bylines, regions: [regions[0]!, regions[2]!] });
    const saved = await editable(id);
    assert.equal(saved.snapshot.title, 'Two bylines, two places');
    assert.deepEqual(saved.snapshot.authors, bylines);
    assert.deepEqual(saved.snapshot.regions, [regions[0], regions[2]]);
    assert.equal(saved.status, 'draft');
  });

  it('shows the stored title, selected authors and checked regions in the article form', async () => {
    const id = await createdFromForm(as.editor, { title: 'Bridges & tunnels', authors: [bylines[1]!], regions: [regions[1]!] });
    const { status, html } = await get(`/admin/articles/${id}`, as.editor);
    assert.equal(status, 200);
    assert.match(control(html, 'title'), /value="Bridges &amp; tunnels"/);
    const authors = inside(html, 'authors', 'select');
    assert.match(authors, new RegExp(`<option value="${bylines[1]}" selected`));
    assert.doesNotMatch(authors, new RegExp(`<option value="${bylines[0]}" selected`));
    const box = (slug: string) => new RegExp(`<input type="checkbox" name="regions" value="${slug}"[^>]*>`).exec(html)?.[0] ?? '';
    assert.match(box(regions[1]!), /\bchecked\b/);
    assert.doesNotMatch(box(regions[0]!), /\bchecked\b/);
  });

  const refusals: { what: string; over: () => Promise<Record<string, string | string[]>>; status: number; field: string; message: RegExp }[] = [
    { what: 'an unknown author', over: async () => ({ authors: ['nobody-by-that-name'] }), status: 400, field: 'authors', message: /no author &quot;nobody-by-that-name&quot;/ },
    {
      what: 'a slug another article uses',
      over: async () => ({ slug: (await editable(await createdFromForm(as.editor))).snapshot.slug! }),
      status: 409,
      field: 'slug',
      message: /already used/,
    },
    { what: 'a missing title', over: async () => ({ title: '' }), status: 400, field: 'title', message: /title is required/ },
    { what: 'a body of nothing but a script', over: async () => ({ bodyHtml: '<script>alert(1)</script>' }), status: 400, field: 'bodyHtml', message: /nothing is left/ },
  ];

  for (const refusal of refusals) {
    it(`answers ${refusal.what} with the form again (${refusal.status}), the error announced and the field marked, keeping what was typed and saving nothing`, async () => {
      const over = await refusal.over();
      const before = await counts();
      const form = articleForm({ dek: 'What the writer typed first', ...over });
      const res = await postForm('/admin/articles', as.editor, form);
      assert.equal(res.status, refusal.status, res.html.slice(0, 400));
      assert.match(res.html, new RegExp(`role="alert"[^>]*>[^<]*${refusal.message.source}`));
      assert.match(control(res.html, refusal.field), /aria-invalid="true"/);
      assert.equal(inside(res.html, 'dek', 'textarea'), 'What the writer typed first');
      const typedTitle = form.find(([k]) => k === 'title')![1];
      assert.equal(attr(control(res.html, 'title'), 'value'), typedTitle);
      assert.deepEqual(await counts(), before);
    });
  }

  it('offers a contributor only Draft in the status select, and an editor all three', async () => {
    const contributor = await get('/admin/articles/new', as.contributor);
    assert.equal(contributor.status, 200);
    assert.deepEqual(optionValues(inside(contributor.html, 'status', 'select')), ['draft']);
    const editor = await get('/admin/articles/new', as.editor);
    assert.deepEqual(optionValues(inside(editor.html, 'status', 'select')), ['draft', 'scheduled', 'published']);
  });

  it('refuses a contributor posting status=published with 403, saving nothing', async () => {
    const before = await counts();
    const res = await postForm('/admin/articles', as.contributor, articleForm({ status: 'published' }));
    assert.equal(res.status, 403);
    assert.deepEqual(await counts(), before);
  });

  /** The editor island's autosave: JSON, with the session's token in the x-csrf-token header. */
  async function autosave(id: number, who: Session, body: unknown, opts: { csrf?: string } = { csrf: who.csrf }) {
    const headers: Record<string, string> = { cookie: who.cookie, 'content-type': 'application/json' };
    if (opts.csrf !== undefined) headers['x-csrf-token'] = opts.csrf;
    const res = await fetch(`${t.baseUrl}/admin/articles/${id}/autosave`, { method: 'POST', headers, body: JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as Record<string, any> };
  }

  const autosaveBody = (title: string) => ({ title, bodyHtml: '<p>Half-written.</p>', status: 'draft', authors: [bylines[0]] });

  it('autosaves a draft from JSON with the x-csrf-token header and answers { savedAt }', async () => {
    const id = await createdFromForm(as.author);
    const res = await autosave(id, as.author, autosaveBody('Saved while typing'));
    assert.equal(res.status, 200, JSON.stringify(res.json));
    assert.deepEqual(Object.keys(res.json), ['savedAt']);
    assert.ok(!Number.isNaN(Date.parse(res.json.savedAt)));
    const saved = await editable(id);
    assert.equal(saved.snapshot.title, 'Saved while typing');
    assert.equal(saved.status, 'draft');
  });

  it('refuses to autosave a published article with 409 and a JSON error, changing nothing', async () => {
    const id = await createdFromForm(as.editor, { status: 'published' });
    const before = await editable(id);
    const res = await autosave(id, as.editor, autosaveBody('Not like this'));
    assert.equal(res.status, 409);
    assert.equal(res.json.error?.code, 'not_a_draft', 'the island shows error.message, so the answer is JSON');
    assert.deepEqual(await editable(id), before);
  });

  it('refuses an autosave without the CSRF header with 403 csrf_failed, changing nothing', async () => {
    const id = await createdFromForm(as.author);
    const before = await counts();
    const res = await autosave(id, as.author, autosaveBody('Forged autosave'), {});
    assert.equal(res.status, 403);
    assert.equal(res.json.error?.code, 'csrf_failed');
    assert.notEqual((await editable(id)).snapshot.title, 'Forged autosave');
    assert.deepEqual(await counts(), before);
  });

  it('lists revisions with who saved them and a diff, and its restore button brings back the old title', async () => {
    const id = await createdFromForm(as.editor, { title: 'Old harbour plan' });
    const edited = await postForm(`/admin/articles/${id}`, as.editor, articleForm({ title: 'New harbour plan' }));
    assert.equal(edited.status, 303);
    const page = await get(`/admin/articles/${id}/revisions`, as.editor);
    assert.equal(page.status, 200);
    assert.equal(page.html.match(/ by Pat the editor /g)?.length, 2);
    assert.match(page.html, /<del>Old\s*<\/del>/);
    assert.match(page.html, /<ins>New\s*<\/ins>/);
    const restore = new RegExp(`action="(/admin/articles/${id}/revisions/\\d+/restore)"`).exec(page.html)?.[1];
    assert.ok(restore, 'the older revision has a restore button');
    const res = await postForm(restore, as.editor, []);
    assert.equal(res.status, 303);
    assert.equal(res.location, `/admin/articles/${id}?saved=1`);
    assert.equal((await editable(id)).snapshot.title, 'Old harbour plan');
  });

  it('filters the article list by words and status, and ?review=1 shows only articles awaiting review', async () => {
    await createdFromForm(as.editor, { title: 'Tidal survey draft' });
    await createdFromForm(as.editor, { title: 'Tidal survey published', status: 'published' });
    await createdFromForm(as.editor, { title: 'Inland survey draft' });
    const waiting = await createdFromForm(as.contributor, { title: 'Upland survey for review' });
    await t.app.content.editor.requestReview(waiting);

    const titles = (html: string) => [...html.matchAll(/<a href="\/admin\/articles\/\d+">([^<]*)<\/a>/g)].map((m) => m[1]);
    const filtered = await get('/admin?q=tidal&status=draft', as.editor);
    assert.equal(filtered.status, 200);
    assert.deepEqual(titles(filtered.html), ['Tidal survey draft']);
    const review = await get('/admin?review=1', as.editor);
    assert.deepEqual(titles(review.html), ['Upland survey for review']);
  });
});
