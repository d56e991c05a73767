import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { forEachDatabase } from '../helpers/databases.js';
import { newestFirst as newestOf, pad, plantNewsroom, type PlannedArticle as Piece } from '../helpers/newsroom.js';
import { useTestApp, type RunningApp } from '../helpers/test-app.js';

const SITE = 'https://news.test';

/** Fourteen pieces, one a day in August 2026, filed so that every filter selects a different set. */
const pieces: Piece[] = Array.from({ length: 14 }, (_, i) => ({
  slug: `piece-${pad(i)}`,
  publishedAt: `2026-08-${pad(i + 1)}T07:30:00.000Z`,
  authors: i % 3 === 0 ? ['ada-lind', 'ben-okafor'] : i % 3 === 1 ? ['ada-lind'] : ['ben-okafor'],
  regions: i % 2 === 0 ? ['europe'] : ['africa'],
  themes: i % 4 === 1 ? ['water'] : ['energy'],
  ...(i % 5 === 2 ? { dossier: 'grid' } : {}),
  ...(i % 4 === 3 ? { source: 'partner' } : {}),
}));

const newestFirst = (match: (p: Piece) => boolean) => newestOf(pieces, match);

const DRAFT = 'embargoed-draft';

/** Every key anywhere in a JSON value that is not camelCase. */
function nonCamelKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(nonCamelKeys);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [...(/^[a-z][a-zA-Z0-9]*$/.test(key) ? [] : [key]), ...nonCamelKeys(inner)]);
}

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

/** A request that must fail: checks the status and the JSON error shape, and returns the error. */
async function failure(t: RunningApp, path: string, status: number): Promise<ErrorBody['error']> {
  const res = await t.get(path);
  assert.equal(res.status, status, path);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/, path);
  const body = (await res.json()) as ErrorBody;
  assert.deepEqual(Object.keys(body), ['error'], path);
  assert.equal(typeof body.error.code, 'string', path);
  assert.ok(body.error.message.length > 0, path);
  return body.error;
}

forEachDatabase('the public content API', (dialect) => {
  const t = useTestApp(dialect);
  const list = async (query = '') => {
    const res = await t.get(`/api/v1/articles${query}`);
    assert.equal(res.status, 200, query);
    return res.json();
  };
  const slugsOf = async (query: string) => (await list(query)).articles.map((a: { slug: string }) => a.slug);

  before(() =>
    plantNewsroom(t.app.content, pieces, { slug: DRAFT, title: 'Not yet', publishedAt: '2026-08-30T07:30:00.000Z' }, (p) => ({
      bodyHtml: `<p>Body of <a href="https://agency.example/${p.slug}">${p.slug}</a>.</p>`,
      ...(p.slug === 'piece-00' ? { image: { url: '/media/piece-00.jpg', alt: 'A substation' } } : {}),
    })),
  );

  describe('GET /api/v1/articles', () => {
    it('answers a page of published articles with its paging numbers, newest first', async () => {
      const body = await list();
      assert.deepEqual(Object.keys(body).sort(), ['articles', 'limit', 'page', 'total', 'totalPages']);
      assert.deepEqual(
        { page: body.page, limit: body.limit, total: body.total, totalPages: body.totalPages },
        { page: 1, limit: 20, total: pieces.length, totalPages: 1 },
      );
      assert.deepEqual(body.articles.map((a: { slug: string }) => a.slug), newestFirst(() => true));
    });

    it('uses camelCase keys and absolute URLs for the article, its image, authors and source', async () => {
      const { articles } = await list();
      assert.deepEqual(nonCamelKeys(articles), []);
      const crossPosted = articles.find((a: { slug: string }) => a.slug === 'piece-03');
      assert.equal(crossPosted.url, `${SITE}/articles/piece-03`);
      assert.equal(crossPosted.publishedAt, '2026-08-04T07:30:00.000Z');
      assert.deepEqual(crossPosted.authors, [
        { slug: 'ada-lind', name: 'Ada Lind', url: `${SITE}/authors/ada-lind` },
        { slug: 'ben-okafor', name: 'Ben Okafor', url: `${SITE}/authors/ben-okafor` },
      ]);
      assert.deepEqual(crossPosted.source, {
        slug: 'partner', name: 'Partner Weekly', homepageUrl: 'https://partner.example', copyrightHolder: 'Partner Media', allowRepublish: false, attribution: '', url: `${SITE}/sources/partner`,
      });
      assert.equal(crossPosted.originalUrl, 'https://partner.example/piece-03');
      const illustrated = articles.find((a: { slug: string }) => a.slug === 'piece-00');
      assert.equal(illustrated.image.url, `${SITE}/media/piece-00.jpg`);
      assert.equal('bodyHtml' in illustrated, false, 'lists leave the body out');
    });

    it('narrows by region, theme, dossier, author and source, and by several at once', async () => {
      const cases: [string, (p: Piece) => boolean][] = [
        ['region=africa', (p) => p.regions.includes('africa')],
        ['theme=water', (p) => p.themes.includes('water')],
        ['dossier=grid', (p) => p.dossier === 'grid'],
        ['author=ben-okafor', (p) => p.authors.includes('ben-okafor')],
        ['source=partner', (p) => p.source === 'partner'],
        ['region=europe&theme=energy&author=ada-lind', (p) => p.regions.includes('europe') && p.themes.includes('energy') && p.authors.includes('ada-lind')],
      ];
      for (const [query, match] of cases) {
        const body = await list(`?${query}`);
        const expected = newestFirst(match);
        assert.ok(expected.length > 0 && expected.length < pieces.length, `${query} should select some but not all`);
        assert.deepEqual(body.articles.map((a: { slug: string }) => a.slug), expected, query);
        assert.equal(body.total, expected.length, query);
      }
    });

    it('pages through with page and limit', async () => {
      const all = newestFirst(() => true);
      const second = await list('?limit=5&page=2');
      assert.deepEqual(second.articles.map((a: { slug: string }) => a.slug), all.slice(5, 10));
      assert.deepEqual([second.page, second.limit, second.total, second.totalPages], [2, 5, all.length, Math.ceil(all.length / 5)]);
      assert.deepEqual(await slugsOf('?limit=5&page=3'), all.slice(10));
      assert.deepEqual(await slugsOf('?limit=5&page=4'), []);
    });

    it('rejects malformed parameters with a 400 naming the problem, and caches nothing', async () => {
      const cachedBefore = t.app.cache.size.entries;
      const cases: [string, string | undefined, RegExp][] = [
        ['limit=0', 'limit', /limit/],
        ['limit=101', 'limit', /limit/],
        ['page=abc', 'page', /page/],
        ['page=0', 'page', /page/],
        ['foo=1', undefined, /foo/],
        ['region=Bad_Slug', 'region', /slug/i],
        ['author=-ada', 'author', /slug/i],
      ];
      for (const [query, field, message] of cases) {
        const error = await failure(t, `/api/v1/articles?${query}`, 400);
        assert.equal(error.code, 'invalid_input', query);
        assert.equal(error.field, field, query);
        assert.match(error.message, message, query);
      }
      assert.equal(t.app.cache.size.entries, cachedBefore);
    });

    it('an unknown region, or any other unknown reference, is a 400 naming the field', async () => {
      for (const field of ['region', 'theme', 'dossier', 'author', 'source']) {
        const error = await failure(t, `/api/v1/articles?${field}=atlantis`, 400);
        assert.deepEqual([error.code, error.field], ['unknown_reference', field]);
        assert.match(error.message, /atlantis/);
      }
      // A theme's slug is not a region's.
      assert.equal((await failure(t, '/api/v1/articles?region=energy', 400)).field, 'region');
    });

    it('never lists a draft, whatever the filter', async () => {
      for (const query of ['', '?dossier=grid', '?source=partner', '?author=ada-lind&region=africa']) {
        assert.ok(!(await slugsOf(query)).includes(DRAFT), query || 'no filter');
      }
    });
  });

  describe('GET /api/v1/articles/:slug', () => {
    it('returns the article with its body and its authors in full', async () => {
      const res = await t.get('/api/v1/articles/piece-03');
      assert.equal(res.status, 200);
      const { article } = await res.json();
      assert.deepEqual(nonCamelKeys(article), []);
      assert.equal(article.slug, 'piece-03');
      assert.equal(article.bodyHtml, '<p>Body of <a href="https://agency.example/piece-03">piece-03</a>.</p>');
      assert.deepEqual(article.authors[0], {
        slug: 'ada-lind',
        name: 'Ada Lind',
        url: `${SITE}/authors/ada-lind`,
        bio: 'Ada reports on power grids.',
        avatarUrl: `${SITE}/media/ada.jpg`,
        links: [{ label: 'Website', url: 'https://ada.example' }],
      });
      assert.equal(article.authors[1].bio, 'Ben follows rivers.');
      assert.deepEqual(article.regions, [{ slug: 'africa', name: 'Africa' }]);
    });

    it('an unknown slug, or a draft, is a 404 JSON error', async () => {
      for (const slug of ['no-such-piece', DRAFT]) {
        assert.equal((await failure(t, `/api/v1/articles/${slug}`, 404)).code, 'not_found');
      }
    });

    it('a malformed slug or an unexpected parameter is a 400', async () => {
      assert.equal((await failure(t, '/api/v1/articles/Piece_03', 400)).field, 'slug');
      assert.match((await failure(t, '/api/v1/articles/piece-03?full=1', 400)).message, /full/);
    });
  });

  describe('the directory endpoints', () => {
    it('/api/v1/authors lists every author with bio and absolute URLs, by name', async () => {
      const { authors } = await (await t.get('/api/v1/authors')).json();
      assert.deepEqual(authors.map((a: { slug: string }) => a.slug), ['ada-lind', 'ben-okafor']);
      assert.equal(authors[0].avatarUrl, `${SITE}/media/ada.jpg`);
      assert.equal(authors[1].avatarUrl, null);
      assert.equal(authors[1].bio, 'Ben follows rivers.');
      assert.equal(authors[1].url, `${SITE}/authors/ben-okafor`);
      assert.deepEqual(nonCamelKeys(authors), []);
    });

    it('/api/v1/terms?kind=region lists only regions; without kind, every term', async () => {
      const regions = (await (await t.get('/api/v1/terms?kind=region')).json()).terms;
      assert.deepEqual(regions, [
        { kind: 'region', slug: 'africa', name: 'Africa', description: 'About africa.' },
        { kind: 'region', slug: 'europe', name: 'Europe', description: 'About europe.' },
      ]);
      const all = (await (await t.get('/api/v1/terms')).json()).terms;
      assert.deepEqual(all.map((x: { slug: string }) => x.slug).sort(), ['africa', 'energy', 'europe', 'grid', 'water']);
    });

    it('/api/v1/terms with an unknown kind is a 400 naming kind', async () => {
      const error = await failure(t, '/api/v1/terms?kind=bogus', 400);
      assert.equal(error.field, 'kind');
    });

    it('/api/v1/sources lists partner sources with their attribution and absolute URL', async () => {
      const { sources } = await (await t.get('/api/v1/sources')).json();
      assert.deepEqual(sources, [
        { slug: 'partner', name: 'Partner Weekly', homepageUrl: 'https://partner.example', copyrightHolder: 'Partner Media', allowRepublish: false, attribution: '', url: `${SITE}/sources/partner` },
      ]);
    });

    it('/healthz answers {status:"ok"} and is never cached', async () => {
      const res = await t.get('/healthz');
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { status: 'ok' });
      assert.equal(res.headers.get('cache-control'), 'no-store');
    });
  });
});
