/**
 * Translation: every demo article into Spanish through the local Apertium command (Debian's
 * apertium-eng-spa), then again after a one-paragraph edit of each, when the translation memory
 * should leave the provider only the sentence each edit added. Three runs on fresh SQLite databases;
 * medians. The first translation is the baseline of the second. Appends to bench/BENCH.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app.js';
import { systemClock } from '../src/clock.js';
import { demoArticles, seedDemo } from '../src/demo/seed.js';
import { runLine, writeSection } from './report.js';
import { scratchConfig } from './scratch-config.js';
import { median } from './wrk.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = path.join(root, 'bench', '.scratch', 'translation');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_SPEED_UP = 10;

interface Run {
  articles: number;
  firstSeconds: number;
  againSeconds: number;
  sentences: number;
  sentAgain: number;
}

async function oneRun(run: number): Promise<Run> {
  const dataDir = path.join(scratch, `run-${run}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dataDir, 'media'), { recursive: true });
  const config = scratchConfig(dataDir, { pageCacheBytes: 0, feedMaxBytes: 1024 * 1024 });
  const app = await createApp(config, { startScheduler: false });
  try {
    await seedDemo({ content: app.content, clock: systemClock, mediaDir: path.join(dataDir, 'media') });
    const ids: number[] = [];
    for (const a of demoArticles) ids.push((await app.content.editor.idBySlug(a.slug))!);

    let started = performance.now();
    let sentences = 0;
    for (const id of ids) {
      const result = await app.translation.articles.translateArticle(id, 'es');
      if (result.outcome !== 'translated') throw new Error(`article ${id} was not translated: ${result.outcome}`);
      sentences += result.counts.total;
    }
    const firstSeconds = (performance.now() - started) / 1000;

    // An editor's one-paragraph change to each article, written straight to its row: a sentence of its
    // own in each, so that the memory cannot answer one article's edit with another's.
    const db = app.database.db;
    for (const [i, id] of ids.entries()) {
      const { body_html } = await db.selectFrom('articles').select('body_html').where('id', '=', id).executeTakeFirstOrThrow();
      const edited = body_html.replace(/<p>/, `<p>The council confirmed ${i + 10} of the figures on Tuesday. `);
      await db.updateTable('articles').set({ body_html: edited }).where('id', '=', id).execute();
    }
    started = performance.now();
    let sentAgain = 0;
    for (const id of ids) {
      const result = await app.translation.articles.translateArticle(id, 'es');
      if (result.outcome !== 'translated') throw new Error(`article ${id} was not translated again: ${result.outcome}`);
      sentAgain += result.counts.sent;
    }
    const againSeconds = (performance.now() - started) / 1000;
    return { articles: ids.length, firstSeconds, againSeconds, sentences, sentAgain };
  } finally {
    await app.close();
  }
}

fs.rmSync(scratch, { recursive: true, force: true });
const runs: Run[] = [];
for (let i = 1; i <= RUNS; i++) runs.push(await oneRun(i));
fs.rmSync(scratch, { recursive: true, force: true });

const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const { articles, sentences, sentAgain } = runs[0]!;
const first = median(runs.map((r) => r.firstSeconds));
const again = median(runs.map((r) => r.againSeconds));
const speedUp = first / again;
const section = `## Translation

${runLine()}
The ${articles} demo articles (${fmt(sentences)} sentences of titles, deks, kickers, captions and body blocks, with their
inline links and emphasis) translated from English into Spanish by the local Apertium command (Debian's apertium-eng-spa), one
article after another, each stored only once all its parts were translated; then each article edited in one paragraph
and translated again, when the translation memory should send Apertium only the sentence added to it. Fresh SQLite database
with the demo newsroom per run; ${RUNS} runs; figures are medians. The first translation is the baseline of the second.

| measure | result | target | |
|---|---|---|---|
| first translation of every article | ${fmt(first, 1)} s (${fmt((articles / first) * 60, 1)} articles/minute) | | |
| translation after a one-paragraph edit of each | ${fmt(again, 2)} s (${fmt((articles / again) * 60)} articles/minute); ${fmt(sentAgain)} of ${fmt(sentences)} sentences sent to Apertium | | |
| speed-up from the translation memory | ${fmt(speedUp, 1)} × | ≥ ${TARGET_SPEED_UP} × | ${speedUp >= TARGET_SPEED_UP ? 'met' : '**missed**'} |

Per run — first: ${runs.map((r) => fmt(r.firstSeconds, 1)).join(', ')} s; after the edit: ${runs.map((r) => fmt(r.againSeconds, 2)).join(', ')} s.
`;
writeSection('Translation', section);
console.log(section);
