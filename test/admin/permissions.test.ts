import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { StaffRole } from '../../src/db/schema.js';
import type { StaffUser } from '../../src/admin/staff-service.js';
import { forEachDatabase } from '../helpers/databases.js';
import { makeAuthor } from '../helpers/factories.js';
import { useTestApp } from '../helpers/test-app.js';

const ROLES = ['owner', 'editor', 'author', 'contributor'] as const;
type Outcome = [owner: number, editor: number, author: number, contributor: number];

/**
 * What each role gets from each state-changing staff route, written out by hand from the rules in
 * DESIGN.md and src/admin/roles.ts (not computed from them): a test of the rules, not a copy.
 */
const EXPECTED = {
  //                                             owner editor author contributor
  'create a draft':                              [201,  201,   201,   201],
  'create a published article':                  [201,  201,   201,   403],
  'update their own draft':                      [200,  200,   200,   200],
  'publish their own draft':                     [200,  200,   200,   403],
  "update someone else's draft":                 [200,  200,   403,   403],
  'delete their own draft':                      [204,  204,   204,   204],
  'delete their own published article':          [204,  204,   403,   403],
  'request review of their own draft':           [200,  200,   200,   200],
  'restore a revision of their own draft':       [200,  200,   200,   200],
  "restore a revision of someone else's draft":  [200,  200,   403,   403],
  'save an author':                              [200,  200,   403,   403],
  'save a source':                               [200,  200,   403,   403],
  'save a term':                                 [200,  200,   403,   403],
  'update the site settings':                    [200,  403,   403,   403],
  'create a staff member':                       [201,  403,   403,   403],
  'create an API token':                         [201,  201,   201,   201],
  'revoke their own API token':                  [204,  204,   204,   204],
  // Not a 403: a token that is not one's own is "not found", which reveals nothing about it.
  "revoke someone else's API token":             [204,  404,   404,   404],
  'read the audit log':                          [200,  200,   403,   403],
} satisfies Record<string, Outcome>;

type CaseName = keyof typeof EXPECTED;

interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  /** The audit entry an allowed call writes; none for a read. */
  audit?: { action: string; subject: string };
  /** Checks the change an allowed call made. */
  effect?: (response: unknown) => Promise<void>;
}

forEachDatabase('the staff API role matrix', (dialect) => {
  const t = useTestApp(dialect);
  const callers = {} as Record<StaffRole, { user: StaffUser; token: string }>;
  let other: StaffUser;
  let byline: string;
  let n = 0;
  const unique = (prefix: string) => `${prefix}-${++n}`;

  before(async () => {
    for (const role of ROLES) {
      const user = await t.app.staff.create({ email: `${role}@news.test`, name: `The ${role}`, role });
      callers[role] = { user, token: (await t.app.staff.createApiToken(user.id, 'matrix')).token };
    }
    other = await t.app.staff.create({ email: 'other@news.test', name: 'Someone else', role: 'author' });
    byline = (await makeAuthor(t.app.content)).slug;
  });

  async function call(token: string | undefined, { method, path, body }: Pick<Call, 'method' | 'path' | 'body'>) {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${t.baseUrl}/api/admin/v1${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as Record<string, any>) : undefined };
  }

  /** Everything a staff route could change, except tokens' last-used times, which every call sets. */
  async function snapshot() {
    const { db } = t.app.database;
    const table = (name: 'articles' | 'article_revisions' | 'authors' | 'sources' | 'terms' | 'staff_users' | 'audit_log') =>
      db.selectFrom(name).selectAll().orderBy('id').execute();
    return {
      articles: await table('articles'),
      revisions: await table('article_revisions'),
      authors: await table('authors'),
      sources: await table('sources'),
      terms: await table('terms'),
      staff: await table('staff_users'),
      audit: await table('audit_log'),
      settings: await db.selectFrom('settings').selectAll().orderBy('key').execute(),
      tokens: await db.selectFrom('api_tokens').select(['id', 'user_id', 'name', 'revoked_at']).orderBy('id').execute(),
    };
  }

  const articleBody = (over: Record<string, unknown> = {}) => ({ title: unique('Title'), bodyHtml: '<p>Words.</p>', status: 'draft', authors: [byline], ...over });
  /** An article saved straight through the content service (no role check), created by `owner`. */
  async function savedArticle(owner: StaffUser, status: 'draft' | 'published' = 'draft') {
    const input = articleBody({ status });
    const { id, slug } = await t.app.content.editor.create(input, { actorId: owner.id });
    return { id, slug, title: input.title };
  }
  const article = (id: number) => t.app.content.editorial.editable(id);

  const cases: Record<CaseName, (me: StaffUser) => Promise<Call>> = {
    'create a draft': async (me) => createCall(me, 'draft'),
    'create a published article': async (me) => createCall(me, 'published'),
    'update their own draft': async (me) => {
      const a = await savedArticle(me);
      const body = articleBody({ title: 'Retitled' });
      return { method: 'PUT', path: `/articles/${a.id}`, body, audit: { action: 'article.update', subject: a.slug }, effect: async () => assert.equal((await article(a.id))?.snapshot.title, 'Retitled') };
    },
    'publish their own draft': async (me) => {
      const a = await savedArticle(me);
      return { method: 'PUT', path: `/articles/${a.id}`, body: articleBody({ title: a.title, status: 'published' }), audit: { action: 'article.update', subject: a.slug }, effect: async () => assert.equal((await article(a.id))?.status, 'published') };
    },
    "update someone else's draft": async () => {
      const a = await savedArticle(other);
      return { method: 'PUT', path: `/articles/${a.id}`, body: articleBody({ title: 'Retitled' }), audit: { action: 'article.update', subject: a.slug }, effect: async () => assert.equal((await article(a.id))?.snapshot.title, 'Retitled') };
    },
    'delete their own draft': async (me) => {
      const a = await savedArticle(me);
      return { method: 'DELETE', path: `/articles/${a.id}`, audit: { action: 'article.delete', subject: String(a.id) }, effect: async () => assert.equal(await article(a.id), undefined) };
    },
    'delete their own published article': async (me) => {
      const a = await savedArticle(me, 'published');
      return { method: 'DELETE', path: `/articles/${a.id}`, audit: { action: 'article.delete', subject: String(a.id) }, effect: async () => assert.equal(await article(a.id), undefined) };
    },
    'request review of their own draft': async (me) => {
      const a = await savedArticle(me);
      return {
        method: 'POST', path: `/articles/${a.id}/review`, audit: { action: 'article.review-requested', subject: String(a.id) },
        effect: async () => assert.ok((await t.app.content.editorial.page({ awaitingReview: true }, 1)).items.some((i) => i.id === a.id)),
      };
    },
    'restore a revision of their own draft': async (me) => restoreCall(await savedArticle(me), me),
    "restore a revision of someone else's draft": async () => restoreCall(await savedArticle(other), other),
    'save an author': async () => {
      const slug = unique('writer');
      return { method: 'POST', path: '/authors', body: { slug, name: 'A Writer' }, audit: { action: 'authors.save', subject: slug }, effect: async () => assert.ok(await t.app.content.directory.authorBySlug(slug)) };
    },
    'save a source': async () => {
      const slug = unique('outlet');
      const body = { slug, name: 'An Outlet', homepageUrl: 'https://outlet.example', copyrightHolder: 'Outlet Media' };
      return { method: 'POST', path: '/sources', body, audit: { action: 'sources.save', subject: slug }, effect: async () => assert.ok(await t.app.content.directory.sourceBySlug(slug)) };
    },
    'save a term': async () => {
      const slug = unique('place');
      return { method: 'POST', path: '/terms', body: { kind: 'region', slug, name: 'A Place' }, audit: { action: 'terms.save', subject: slug }, effect: async () => assert.ok(await t.app.content.directory.termBySlug('region', slug)) };
    },
    'update the site settings': async () => {
      const tagline = unique('Tagline');
      return { method: 'PUT', path: '/settings', body: { tagline }, audit: { action: 'settings.update', subject: 'site' }, effect: async () => assert.equal((await t.app.content.settings.get()).tagline, tagline) };
    },
    'create a staff member': async () => {
      const email = `${unique('new')}@news.test`;
      const body = { email, name: 'New Hire', role: 'contributor', password: 'a long enough password' };
      return { method: 'POST', path: '/staff', body, audit: { action: 'staff.create', subject: email }, effect: async () => assert.equal((await t.app.staff.byEmail(email))?.role, 'contributor') };
    },
    'create an API token': async (me) => {
      const name = unique('script');
      return {
        method: 'POST', path: '/tokens', body: { name }, audit: { action: 'token.create', subject: name },
        effect: async (res: any) => assert.deepEqual(await t.app.staff.resolveApiToken(res.token), me),
      };
    },
    'revoke their own API token': async (me) => revokeCall(me),
    "revoke someone else's API token": async () => revokeCall(other),
    'read the audit log': async () => ({ method: 'GET', path: '/audit', effect: async (res: any) => assert.ok(Array.isArray(res.entries)) }),
  };

  async function createCall(me: StaffUser, status: 'draft' | 'published'): Promise<Call> {
    const slug = unique(status);
    return {
      method: 'POST', path: '/articles', body: articleBody({ slug, status }), audit: { action: 'article.create', subject: slug },
      effect: async (res: any) => {
        const saved = await article(res.article.id);
        assert.deepEqual([saved?.status, saved?.createdBy], [status, me.id]);
      },
    };
  }

  async function restoreCall(a: { id: number; slug: string; title: string }, owner: StaffUser): Promise<Call> {
    const [first] = await t.app.content.editorial.revisions(a.id);
    await t.app.content.editor.update(a.id, articleBody({ title: 'Second thoughts' }), { actorId: owner.id });
    return {
      method: 'POST', path: `/articles/${a.id}/revisions/${first!.id}/restore`, audit: { action: 'article.restore', subject: a.slug },
      effect: async () => assert.equal((await article(a.id))?.snapshot.title, a.title),
    };
  }

  async function revokeCall(owner: StaffUser): Promise<Call> {
    const { id, token } = await t.app.staff.createApiToken(owner.id, unique('old'));
    return {
      method: 'DELETE', path: `/tokens/${id}`, audit: { action: 'token.revoke', subject: String(id) },
      effect: async () => assert.equal(await t.app.staff.resolveApiToken(token), undefined),
    };
  }

  for (const [name, outcome] of Object.entries(EXPECTED) as [CaseName, Outcome][]) {
    describe(name, () => {
      ROLES.forEach((role, i) => {
        const status = outcome[i]!;
        const allowed = status < 300;
        it(`${allowed ? 'lets' : 'refuses'} the ${role} (${status})${allowed ? '' : ', changing nothing and auditing nothing'}`, async () => {
          const { user, token } = callers[role];
          const planned = await cases[name](user);
          const before = await snapshot();
          const res = await call(token, planned);
          assert.equal(res.status, status, JSON.stringify(res.json));
          if (!allowed) {
            assert.equal(res.json?.error?.code, status === 403 ? 'forbidden' : 'not_found');
            assert.deepEqual(await snapshot(), before, 'a refused call changed something');
            return;
          }
          await planned.effect?.(res.json);
          if (!planned.audit) {
            assert.deepEqual(await snapshot(), before, 'a read changed something');
            return;
          }
          const after = await snapshot();
          assert.equal(after.audit.length, before.audit.length + 1, 'exactly one audit entry');
          const [latest] = await t.app.audit.page(1);
          assert.deepEqual({ actor: latest!.actor, action: latest!.action, subject: latest!.subject }, { actor: user.name, ...planned.audit });
        });
      });
    });
  }

  it('answers 401 to a call without a token, saving and auditing nothing', async () => {
    const before = await snapshot();
    const res = await call(undefined, { method: 'POST', path: '/articles', body: articleBody() });
    assert.equal(res.status, 401);
    assert.equal(res.json?.error?.code, 'unauthorized');
    assert.deepEqual(await snapshot(), before);
  });

  it('answers 401 to a revoked token, saving and auditing nothing', async () => {
    const { id, token } = await t.app.staff.createApiToken(callers.owner.user.id, 'soon revoked');
    assert.equal((await call(token, { method: 'GET', path: '/me' })).status, 200);
    await t.app.staff.revokeApiToken(callers.owner.user.id, id, false);
    const before = await snapshot();
    const res = await call(token, { method: 'POST', path: '/articles', body: articleBody() });
    assert.equal(res.status, 401);
    assert.equal(res.json?.error?.code, 'unauthorized');
    assert.deepEqual(await snapshot(), before);
  });
});
