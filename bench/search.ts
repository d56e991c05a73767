/**
 * `npm run bench` (after the page benchmarks), or `tsx bench/search.ts` alone: full-text search over
 * 100,000 small articles in a scratch SQLite database. Rows go in directly through Kysely in one
 * transaction (the content writer would take many minutes), the index is then filled from them, and
 * ~500 varied queries run in-process through the search service. Median and p95 latency are written
 * to the "Search" section of bench/BENCH.md; the rest of that file is kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../src/clock.js';
import { createContentService } from '../src/content/index.js';
import { connectDatabase } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { demoArticles } from '../src/demo/seed.js';
import { htmlToText, storeDocument } from '../src/search/documents.js';
import { createSearchService, type SearchRequest } from '../src/search/index.js';
import { runLine, writeSection } from './report.js';

const root = fileURLToPath(new URL('..', import.meta.url));
// Under bench/.scratch (ignored by git), which the page benchmarks have removed by the time this runs.
const scratch = path.join(root, 'bench', '.scratch', 'search');
const ARTICLES = Number(process.env.BENCH_SEARCH_ARTICLES ?? 100_000);
const QUERIES = 500;
const TARGET_P95_MS = 30;

// A fixed seed: every run searches the same corpus with the same queries.
let seed = 20261129;
// mulberry32: a plain LCG's short cycles would repeat articles and make many queries find the same set.
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;

// The demo articles' own words, drawn with a skew towards the front so some words are common and most rare.
const vocabulary = [...new Set(demoArticles.flatMap((a) => htmlToText(`${a.title} ${a.dek} ${a.body}`).toLowerCase().match(/\p{L}{3,}/gu) ?? []))];
const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 2)]!;
const words = (n: number) => Array.from({ length: n }, word).join(' ');

fs.rmSync(scratch, { recursive: true, force: true });
const handle = await connectDatabase({ dialect: 'sqlite', file: path.join(scratch, 'search.db') });
await migrateToLatest(handle);
const { db } = handle;

console.log(`Search bench: seeding ${ARTICLES.toLocaleString('en-GB')} articles (vocabulary of ${vocabulary.length} words)…`);
const seedStarted = performance.now();
const now = new Date().toISOString();
const DAY = 86_400_000;
await db.transaction().execute(async (trx) => {
  const authors = await trx
    .insertInto('authors')
    .values(Array.from({ length: 50 }, (_, i) => ({ slug: `author-${i}`, name: `Author ${words(1)} ${i}`, bio: '', links: '[]', created_at: now, updated_at: now })))
    .returning('id')
    .execute();
  const terms = await trx
    .insertInto('terms')
    .values(Array.from({ length: 20 }, (_, i) => ({ kind: i < 8 ? ('region' as const) : ('theme' as const), slug: `term-${i}`, name: `Term ${i}`, description: '', created_at: now, updated_at: now })))
    .returning('id')
    .execute();
  for (let start = 0; start < ARTICLES; start += 500) {
    const batch = Array.from({ length: Math.min(500, ARTICLES - start) }, (_, k) => {
      const i = start + k;
      return {
        slug: `search-bench-${i}`,
        kicker: '',
        title: words(6),
        dek: words(14),
        body_html: `<p>${words(40)}</p><p>${words(40)}</p>`,
        status: 'published' as const,
        published_at: new Date(Date.now() - (i / ARTICLES) * 5 * 365 * DAY).toISOString(),
        created_at: now,
        updated_at: now,
        word_count: 80,
        visibility: 'public' as const,
        language: 'en',
        image_alt: '',
        image_caption: '',
        image_credit: '',
        newsletter_pick: 0,
      };
    });
    const ids = await trx.insertInto('articles').values(batch).returning('id').execute();
    await trx.insertInto('article_authors').values(ids.map(({ id }) => ({ article_id: id, author_id: pick(authors).id, position: 0 }))).execute();
    await trx
      .insertInto('article_terms')
      .values(ids.flatMap(({ id }) => [{ article_id: id, term_id: terms[id % 8]!.id }, { article_id: id, term_id: terms[8 + (id % 12)]!.id }]))
      .execute();
  }
});
// Fill the index from the rows, as the migration's backfill does.
await db.transaction().execute(async (trx) => {
  const rows = await trx.selectFrom('articles').select(['id', 'title', 'dek', 'body_html', 'published_at']).execute();
  const byline = new Map((await trx.selectFrom('article_authors').select(['article_id', 'author_id']).execute()).map((r) => [r.article_id, r.author_id]));
  const filed = await trx.selectFrom('article_terms').select(['article_id', 'term_id']).execute();
  const termsOf = new Map<number, number[]>();
  for (const r of filed) termsOf.set(r.article_id, [...(termsOf.get(r.article_id) ?? []), r.term_id]);
  for (const r of rows) {
    await storeDocument(trx, {
      articleId: r.id,
      publishedAt: r.published_at ?? '',
      sourceId: null,
      title: r.title,
      dek: r.dek,
      body: htmlToText(r.body_html),
      names: '',
      authorIds: [byline.get(r.id)!],
      termIds: termsOf.get(r.id) ?? [],
    });
  }
});
const seedSeconds = (performance.now() - seedStarted) / 1000;

const content = createContentService({ db, clock: systemClock, onPurge: () => {} });
const search = createSearchService({ db, dialect: 'sqlite', articles: content.articles });
const termIds = (await db.selectFrom('terms').select('id').execute()).map((t) => t.id);
const authorIds = (await db.selectFrom('authors').select('id').execute()).map((a) => a.id);

/** One, two and three words, common and rare; some filtered, some deeper pages, some hostile. */
function makeQuery(i: number): SearchRequest {
  const kind = i % 10;
  if (kind === 9) return { text: pick(['"unbalanced', 'NEAR(a b', '*', `${word()} -${word()}`, 'x'.repeat(5000), "' or 1=1 --"]) };
  const text = words(1 + (i % 3));
  if (kind === 6) return { text, filter: { termIds: [pick(termIds)] } };
  if (kind === 7) return { text, filter: { authorId: pick(authorIds), publishedFrom: '2024-01-01T00:00:00.000Z' } };
  if (kind === 8) return { text, page: 2 };
  return { text };
}
const queries = Array.from({ length: QUERIES }, (_, i) => makeQuery(i));

for (const q of queries.slice(0, 50)) await search.search(q); // warm-up: JIT and SQLite's page cache
const times: number[] = [];
const slowest: { ms: number; q: SearchRequest; total: number }[] = [];
let hits = 0;
for (const q of queries) {
  const started = performance.now();
  const result = await search.search(q);
  const ms = performance.now() - started;
  times.push(ms);
  slowest.push({ ms, q, total: result.total });
  hits += result.total;
}
slowest.sort((a, b) => b.ms - a.ms);
for (const s of slowest.slice(0, 8)) console.log(`${s.ms.toFixed(1)} ms, ${s.total} matches: ${JSON.stringify({ ...s.q, text: s.q.text.slice(0, 60) })}`);
await handle.close();
fs.rmSync(scratch, { recursive: true, force: true });

times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
const fmt = (n: number, digits = 1) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const p95 = at(0.95);
const section = `## Search

${runLine()}
${ARTICLES.toLocaleString('en-GB')} published articles (about 100 words each) in SQLite, seeded and indexed in ${fmt(seedSeconds)} s. ${QUERIES} queries
in-process through the search service (FTS5 match, bm25 ranking, snippets, total count and the result summaries):
one to three words drawn from a skewed vocabulary, a tenth each narrowed by a section, by author and date, asking for page 2, or hostile.
Matches per query averaged ${fmt(hits / QUERIES, 0)}.

| measure | result | target | |
|---|---|---|---|
| search latency, median | ${fmt(at(0.5), 2)} ms | | |
| search latency, p95 | ${fmt(p95, 2)} ms | < ${TARGET_P95_MS} ms | ${p95 < TARGET_P95_MS ? 'met' : '**missed**'} |
| slowest query | ${fmt(times[times.length - 1]!, 2)} ms | | |
`;
writeSection('Search', section);
console.log(section);
