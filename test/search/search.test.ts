import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ArticleInput } from '../../src/content/inputs.js';
import { sql } from 'kysely';
import { systemClock } from '../../src/clock.js';
import { createContentService } from '../../src/content/index.js';
import { connectDatabase } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { searchIndex } from '../../src/db/migrations/0005-search.js';
import { createSearchService, queryWords, type SearchService } from '../../src/search/index.js';
import { snippetHtml } from '../../src/search/snippet.js';
import { forEachDatabase, scratchDatabase, type TestDialect } from '../helpers/databases.js';
import { makeArticle, makeAuthor, makeSource, makeTerm } from '../helpers/factories.js';
import { useTestApp } from '../helpers/test-app.js';

/** A small newsroom where every query below selects a different set. */
const corpus: (Partial<ArticleInput> & { slug: string; authors: string[] })[] = [
  {
    slug: 'grid-title',
    title: 'Grid operators brace for winter',
    bodyHtml: '<p>Operators expect record demand in the cold months.</p>',
    authors: ['ada-lind'],
    regions: ['europe'],
    themes: ['energy'],
    publishedAt: '2026-08-01T08:00:00.000Z',
  },
  {
    slug: 'grid-body',
    title: 'A quiet week in parliament',
    bodyHtml: '<p>Lawmakers briefly mentioned the grid before the recess, then went running.</p>',
    authors: ['ben-okafor'],
    regions: ['africa'],
    themes: ['energy'],
    // Newer than the title match: ranking, not recency, must put the title match first.
    publishedAt: '2026-08-05T08:00:00.000Z',
  },
  {
    slug: 'river-piece',
    title: 'The river runs low',
    dek: 'Drought across the delta',
    bodyHtml: '<p>Farmers along the river watch the delta dry out.</p>',
    authors: ['ben-okafor'],
    regions: ['africa'],
    themes: ['water'],
    source: 'partner',
    originalUrl: 'https://partner.example/river',
    publishedAt: '2026-08-03T08:00:00.000Z',
  },
  {
    slug: 'markup-piece',
    title: 'Markup in the wild',
    bodyHtml: '<p>Someone typed &lt;script&gt;alert(1)&lt;/script&gt; &amp; praised the turbines.</p>',
    authors: ['ada-lind'],
    regions: ['europe'],
    themes: ['energy'],
    publishedAt: '2026-08-10T08:00:00.000Z',
  },
  ...Array.from({ length: 25 }, (_, i) => ({
    slug: `bulletin-${String(i).padStart(2, '0')}`,
    title: `Morning bulletin number ${i}`,
    bodyHtml: `<p>The bulletin for day ${i}.</p>`,
    authors: ['ada-lind'],
    regions: ['europe'],
    themes: ['water'],
    publishedAt: `2026-09-${String(i + 1).padStart(2, '0')}T06:00:00.000Z`,
  })),
];

/** Queries whose result sets both databases must agree on. */
const agreementQueries = [
  'grid', 'Grid operators', 'rivers', 'drought delta', 'Okafor', 'water', 'turbines', 'bulletin', 'the grid',
  'lawmakers mentioned', 'running', 'record demand', 'partner weekly', 'zebra', 'bulletin 7', 'script alert',
];

const resultSets = new Map<TestDialect, Map<string, string[]>>();

async function plant(t: ReturnType<typeof useTestApp>) {
  const { content } = t.app;
  await makeAuthor(content, { slug: 'ada-lind', name: 'Ada Lind' });
  await makeAuthor(content, { slug: 'ben-okafor', name: 'Ben Okafor' });
  await makeTerm(content, 'region', { slug: 'europe', name: 'Europe' });
  await makeTerm(content, 'region', { slug: 'africa', name: 'Africa' });
  await makeTerm(content, 'theme', { slug: 'energy', name: 'Energy' });
  await makeTerm(content, 'theme', { slug: 'water', name: 'Water' });
  await makeSource(content, { slug: 'partner', name: 'Partner Weekly', homepageUrl: 'https://partner.example', copyrightHolder: 'Partner Media' });
  for (const a of corpus) await makeArticle(content, a);
  await makeArticle(content, { slug: 'secret-draft', title: 'Grid turbines secret', status: 'draft', authors: ['ada-lind'] });
}

forEachDatabase('search', (dialect) => {
  const t = useTestApp(dialect);
  let search: SearchService;
  const slugs = async (text: string, more: Parameters<SearchService['search']>[0] = { text }) =>
    (await search.search({ ...more, text })).items.map((h) => h.article.slug);

  before(async () => {
    await plant(t);
    search = t.app.search;
  });

  it('ranks a title match before a body match', async () => {
    assert.deepEqual(await slugs('grid'), ['grid-title', 'grid-body']);
  });

  it('finds words by their stem, in the dek, and by author and section names', async () => {
    assert.deepEqual(await slugs('rivers'), ['river-piece']);
    assert.deepEqual(await slugs('drought'), ['river-piece']);
    assert.deepEqual((await slugs('Okafor')).sort(), ['grid-body', 'river-piece']);
    assert.deepEqual((await slugs('partner weekly')).sort(), ['river-piece']);
  });

  it('needs every word to match', async () => {
    assert.deepEqual(await slugs('grid winter'), ['grid-title']);
    assert.deepEqual(await slugs('grid zebra'), []);
  });

  it('never finds drafts', async () => {
    assert.deepEqual(await slugs('secret'), []);
  });

  it('narrows by region, theme, author, source and date range', async () => {
    assert.deepEqual(await slugs('grid', { text: '', filter: { termIds: [(await t.app.content.directory.termBySlug('region', 'africa'))!.id] } }), ['grid-body']);
    const res = async (query: string) => {
      const r = await t.get(`/api/v1/search?q=${query}`);
      assert.equal(r.status, 200, query);
      return ((await r.json()).articles as { slug: string }[]).map((a) => a.slug).sort();
    };
    assert.deepEqual(await res('grid&region=europe'), ['grid-title']);
    assert.deepEqual(await res('turbines&theme=energy'), ['markup-piece']);
    assert.deepEqual(await res('turbines&theme=water'), []);
    assert.deepEqual(await res('grid&author=ben-okafor'), ['grid-body']);
    assert.deepEqual(await res('delta&source=partner'), ['river-piece']);
    assert.deepEqual(await res('grid&source=partner'), []);
    assert.deepEqual(await res('grid&from=2026-08-02'), ['grid-body']);
    assert.deepEqual(await res('grid&to=2026-08-01'), ['grid-title']);
    assert.deepEqual(await res('grid&from=2026-08-01&to=2026-08-05'), ['grid-body', 'grid-title']);
  });

  it('pages through results twenty at a time without repeating one', async () => {
    const first = await search.search({ text: 'bulletin', page: 1 });
    const second = await search.search({ text: 'bulletin', page: 2 });
    assert.equal(first.total, 25);
    assert.equal(first.totalPages, 2);
    assert.equal(first.items.length, 20);
    assert.equal(second.items.length, 5);
    const all = [...first.items, ...second.items].map((h) => h.article.slug);
    assert.equal(new Set(all).size, 25);
    assert.equal((await search.search({ text: 'bulletin', page: 3 })).items.length, 0);
  });

  it('marks hits in the snippet and escapes the article text', async () => {
    const [hit] = (await search.search({ text: 'turbines' })).items;
    assert.ok(hit, 'a hit');
    assert.match(hit.snippetHtml, /<mark>turbines<\/mark>/);
    assert.match(hit.snippetHtml, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; praised/);
    assert.doesNotMatch(hit.snippetHtml, /<script/);
    const page = await t.html('/search?q=turbines');
    assert.match(page, /<mark>turbines<\/mark>/);
    assert.doesNotMatch(page, /<script>alert/);
  });

  it('follows publish, edit, unpublish and delete', async () => {
    const { editor } = t.app.content;
    const base = { title: 'Quokka census delayed', bodyHtml: '<p>Counting continues.</p>', authors: ['ada-lind'] };
    const { id } = await editor.create({ ...base, status: 'draft' });
    assert.deepEqual(await slugs('quokka'), []);
    await editor.update(id, { ...base, status: 'published' });
    assert.deepEqual(await slugs('quokka'), ['quokka-census-delayed']);
    await editor.update(id, { ...base, title: 'Wombat census delayed', status: 'published' });
    assert.deepEqual(await slugs('quokka'), []);
    assert.deepEqual(await slugs('wombat'), ['quokka-census-delayed']);
    await editor.update(id, { ...base, title: 'Wombat census delayed', status: 'draft' });
    assert.deepEqual(await slugs('wombat'), []);
    await editor.update(id, { ...base, title: 'Wombat census delayed', status: 'published' });
    assert.deepEqual(await slugs('wombat'), ['quokka-census-delayed']);
    await editor.remove(id);
    assert.deepEqual(await slugs('wombat'), []);
  });

  it('finds articles by an author\'s or a section\'s new name once renamed', async () => {
    const { directory } = t.app.content;
    await directory.saveAuthor({ slug: 'ben-okafor', name: 'Benedict Okafor' });
    assert.deepEqual((await slugs('benedict')).sort(), ['grid-body', 'river-piece']);
    await directory.saveTerm({ kind: 'theme', slug: 'water', name: 'Hydrology' });
    assert.deepEqual(await slugs('hydrology', { text: '', pageSize: 100 }).then((x) => x.length), 26);
    await directory.saveSource({ slug: 'partner', name: 'Partner Daily', homepageUrl: 'https://partner.example', copyrightHolder: 'Partner Media' });
    assert.deepEqual(await slugs('partner daily'), ['river-piece']);
    // Not "weekly" alone: PostgreSQL's stemmer makes it "week", which another article has.
    assert.deepEqual(await slugs('partner weekly'), []);
    // Back as they were, for the tests after this one.
    await directory.saveAuthor({ slug: 'ben-okafor', name: 'Ben Okafor' });
    await directory.saveTerm({ kind: 'theme', slug: 'water', name: 'Water' });
    await directory.saveSource({ slug: 'partner', name: 'Partner Weekly', homepageUrl: 'https://partner.example', copyrightHolder: 'Partner Media' });
    assert.deepEqual(await slugs('partner weekly'), ['river-piece']);
  });

  it('indexes a scheduled article when it goes live', async () => {
    const { editor } = t.app.content;
    const at = new Date(t.clock.now().getTime() + 60_000).toISOString();
    await editor.create({ title: 'Platypus sighting', bodyHtml: '<p>By the creek.</p>', authors: ['ada-lind'], status: 'scheduled', publishedAt: at });
    assert.deepEqual(await slugs('platypus'), []);
    t.clock.set(new Date(t.clock.now().getTime() + 120_000).toISOString());
    await editor.publishDue();
    assert.deepEqual(await slugs('platypus'), ['platypus-sighting']);
  });

  it('answers hostile queries without an error, reading them as plain words', async () => {
    const hostile: [string, string[] | null][] = [
      ['"', []],
      ['grid"', ['grid-title', 'grid-body']],
      // Operator names are ordinary words here, and every word must match: no article says "near".
      ['NEAR(grid', []],
      ['NEAR(grid winter, 5)', []],
      ['(grid)', ['grid-title', 'grid-body']],
      ['-grid', ['grid-title', 'grid-body']],
      ['grid:', ['grid-title', 'grid-body']],
      ['^grid', ['grid-title', 'grid-body']],
      ['title:grid', []],
      ['grid*', ['grid-title', 'grid-body']],
      ['(grid OR zebra)', []],
      // Only the words survive: "1" is in "alert(1)" and in bulletin number 1.
      ["' or 1=1 --", ['bulletin-01', 'markup-piece']],
      ["grid'; drop table articles; --", []],
      ['🔥 grid 🔥', ['grid-title', 'grid-body']],
      ['*', []],
      [':', []],
      ['AND OR NOT', []],
      ['x'.repeat(10_000), []],
      [`grid ${'a '.repeat(2500)}`, ['grid-title', 'grid-body']],
      ['\u0000\uE000grid\uE001', ['grid-title', 'grid-body']],
    ];
    for (const [text, expected] of hostile) {
      const got = await slugs(text);
      if (expected) assert.deepEqual(got.sort(), expected.sort(), JSON.stringify(text.slice(0, 40)));
      const res = await t.get(`/api/v1/search?q=${encodeURIComponent(text)}`);
      assert.equal(res.status, 200, JSON.stringify(text.slice(0, 40)));
      const page = await t.get(`/search?q=${encodeURIComponent(text)}`);
      assert.equal(page.status, 200, JSON.stringify(text.slice(0, 40)));
    }
    // Still there afterwards.
    assert.deepEqual(await slugs('grid'), ['grid-title', 'grid-body']);
  });

  it('shows results, "no results" and an empty form on the search page, and a search box on every page', async () => {
    const results = await t.html('/search?q=grid');
    assert.match(results, /href="\/articles\/grid-title"/);
    assert.match(results, /Ada Lind/);
    assert.match(results, /<time datetime="2026-08-01T08:00:00.000Z">/);
    assert.match(results, /2 articles match/);
    assert.match(await t.html('/search?q=zebra'), /No articles match/);
    const empty = await t.html('/search');
    assert.match(empty, /Type one or more words/);
    assert.match(empty, /<select id="search-region" name="region">/);
    assert.match(await t.html('/'), /<form class="site-search" action="\/search" method="get" role="search"/);
    const paged = await t.html('/search?q=bulletin&region=europe');
    assert.match(paged, /href="\/search\?q=bulletin&amp;region=europe&amp;page=2"/);
  });

  it('refuses malformed parameters with a 400 that says why, on the page and the API', async () => {
    for (const query of ['q=grid&page=abc', 'q=grid&page=0', 'q=grid&region=Not_A_Slug', 'q=grid&region=nowhere', 'q=grid&from=2026-13-01', 'q=grid&from=2026-08-05&to=2026-08-01', 'q=a&q=b']) {
      const page = await t.get(`/search?${query}`);
      assert.equal(page.status, 400, query);
      assert.match(page.headers.get('content-type') ?? '', /text\/html/, query);
      const api = await t.get(`/api/v1/search?${query}`);
      assert.equal(api.status, 400, query);
      const body = await api.json();
      assert.ok(body.error.message.length > 0, query);
    }
    assert.equal((await t.get('/api/v1/search')).status, 400);
    assert.equal((await t.get('/api/v1/search?q=grid&colour=red')).status, 400);
  });

  it('answers the API in the articles list shape with a snippet, cacheable and tagged as a list', async () => {
    const res = await t.get('/api/v1/search?q=grid&limit=1');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('cache-control') ?? '', /public/);
    assert.match(res.headers.get('surrogate-key') ?? '', /article-lists/);
    const body = await res.json();
    assert.deepEqual({ page: body.page, limit: body.limit, total: body.total, totalPages: body.totalPages }, { page: 1, limit: 1, total: 2, totalPages: 2 });
    assert.equal(body.articles[0].slug, 'grid-title');
    assert.equal(body.articles[0].url, 'https://news.test/articles/grid-title');
    assert.match(body.articles[0].snippetHtml, /Operators/);
    assert.match((await (await t.get('/api/v1/search?q=grid+lawmakers')).json()).articles[0].snippetHtml, /<mark>grid<\/mark>/);
  });

  it('records its answers for the cross-database comparison', async () => {
    const answers = new Map<string, string[]>();
    for (const q of agreementQueries) answers.set(q, (await search.search({ text: q, pageSize: 100 })).items.map((h) => h.article.slug).sort());
    resultSets.set(dialect, answers);
  });
});

forEachDatabase('the search migration', (dialect) => {
  it('indexes the articles published before it ran, and no drafts', async () => {
    const scratch = await scratchDatabase(dialect);
    const handle = await connectDatabase(scratch.config);
    try {
      await migrateToLatest(handle, scratch.config.dialect === 'postgres' ? scratch.config.schema : undefined);
      // Written with no search listener, then the index is made afresh: as on a site upgraded to search.
      const content = createContentService({ db: handle.db, clock: systemClock, onPurge: () => {} });
      await makeAuthor(content, { slug: 'old-hand', name: 'Old Hand' });
      await makeArticle(content, { slug: 'archive-piece', title: 'Lighthouse keepers remember', authors: ['old-hand'] });
      await makeArticle(content, { slug: 'draft-piece', title: 'Lighthouse draft', status: 'draft', authors: ['old-hand'] });
      for (const table of dialect === 'sqlite' ? ['search_index', 'search_documents', 'search_facets'] : ['search_documents', 'search_facets']) {
        await sql`drop table ${sql.id(table)}`.execute(handle.db);
      }
      await searchIndex(dialect).up(handle.db);
      const search = createSearchService({ db: handle.db, dialect, articles: content.articles });
      assert.deepEqual((await search.search({ text: 'lighthouse' })).items.map((h) => h.article.slug), ['archive-piece']);
      assert.deepEqual((await search.search({ text: 'old hand' })).items.map((h) => h.article.slug), ['archive-piece']);
    } finally {
      await handle.close();
      await scratch.drop();
    }
  });
});

describe('search on both databases', () => {
  it('SQLite and PostgreSQL find the same articles for every query of the fixed corpus', (ctx) => {
    const sqlite = resultSets.get('sqlite');
    const postgres = resultSets.get('postgres');
    if (!sqlite || !postgres) return ctx.skip('PostgreSQL suite did not run');
    for (const q of agreementQueries) assert.deepEqual(postgres.get(q), sqlite.get(q), q);
    // The comparison means something only if the queries find things.
    assert.ok([...sqlite.values()].filter((s) => s.length > 0).length >= 10);
  });
});

describe('query words', () => {
  it('keeps letters and digits only, drops stop words and repeats, and stops at 200 characters and 20 words', () => {
    assert.deepEqual(queryWords('"Grid" NEAR(power, 5) -coal title:wind*'), ['grid', 'near', 'power', '5', 'coal', 'title', 'wind']);
    assert.deepEqual(queryWords('the grid and THE Grid'), ['grid']);
    assert.deepEqual(queryWords('x'.repeat(10_000)), ['x'.repeat(200)]);
    assert.equal(queryWords(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')).length, 20);
    assert.deepEqual(queryWords('Café Zürich 🔥'), ['café', 'zürich']);
  });

  it('builds snippets whose marks are balanced and whose text is escaped', () => {
    assert.equal(snippetHtml('a \uE000<b>\uE001 c'), 'a <mark>&lt;b&gt;</mark> c');
    assert.equal(snippetHtml('\uE001stray \uE000open'), 'stray <mark>open</mark>');
  });
});
