/**
 * Partner feed ingest: 50 local feeds of 200 items each (bench/partner-feeds.ts, served by a separate
 * process) are polled into a fresh SQLite database by a running Broadsheet, in auto-publish mode, while
 * wrk reads article pages from the same process. Three runs; medians. Appends to bench/BENCH.md.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app.js';
import { systemClock } from '../src/clock.js';
import { seedDemo } from '../src/demo/seed.js';
import { runLine, writeSection } from './report.js';
import { scratchConfig } from './scratch-config.js';
import { median, medianOf, startWrk, type LoadResult } from './wrk.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = path.join(root, 'bench', '.scratch', 'ingest');
const FEEDS = 50;
const ITEMS = 200;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_SECONDS = 30;
const BASELINE_SECONDS = 8;

/** The partner feeds, served by their own process; resolves with its port. */
async function startPartners() {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'partner-feeds.ts'), String(FEEDS), String(ITEMS)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the partner feed server exited (${code})`)));
    child.stdout.setEncoding('utf8').once('data', (line: string) => resolve(Number(line.trim())));
  });
  return { port, stop: () => child.kill('SIGTERM') };
}

interface Run {
  seconds: number;
  items: number;
  imported: number;
  idle: LoadResult;
  during: LoadResult;
  rssMiB: number;
}

async function oneRun(partnersPort: number, run: number): Promise<Run> {
  const dataDir = path.join(scratch, `run-${run}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dataDir, 'media'), { recursive: true });
  const config = scratchConfig(dataDir);
  const app = await createApp(config, { startScheduler: false });
  try {
    await seedDemo({ content: app.content, clock: systemClock, mediaDir: path.join(dataDir, 'media') });
    const [author] = await app.content.directory.listAuthors();
    await app.syndication.feeds.addSources(
      Array.from({ length: FEEDS }, (_, f) => ({
        source: { slug: `partner-${f}`, name: `Partner ${f}`, homepageUrl: `http://partner-${f}.test/`, copyrightHolder: `Partner ${f}` },
        feed: { feedUrl: `http://127.0.0.1:${partnersPort}/feeds/${f}`, mode: 'auto', defaultAuthor: author!.slug },
      })),
    );
    const base = await app.server.listen({ host: '127.0.0.1', port: 0 });
    const paths = (await app.content.articles.latest({}, 40)).map((a) => `/articles/${a.slug}`);
    const load = { connections: 2, paths, scratch };

    await startWrk(`${base}/`, { ...load, maxSeconds: 2 }).done; // warm-up
    const idle = await startWrk(`${base}/`, { ...load, maxSeconds: BASELINE_SECONDS }).done;

    const wrk = startWrk(`${base}/`, { ...load, maxSeconds: 600 });
    const started = performance.now();
    const reports = await app.syndication.poller.pollAll();
    const seconds = (performance.now() - started) / 1000;
    const during = await wrk.stop();

    const failed = reports.filter((r) => !r.ok || r.counts.failed > 0);
    if (failed.length) throw new Error(`polls failed: ${JSON.stringify(failed.slice(0, 3))}`);
    const count = (status?: 'imported') =>
      app.database.db
        .selectFrom('syndicated_items')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .$if(status !== undefined, (q) => q.where('status', '=', status!))
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    const result = { seconds, items: await count(), imported: await count('imported'), idle, during, rssMiB: process.memoryUsage().rss / 2 ** 20 };
    console.log(`run ${run}: ${result.items} items (${result.imported} published) in ${seconds.toFixed(1)} s; pages ${idle.requestsPerSecond.toFixed(0)} req/s idle, ${during.requestsPerSecond.toFixed(0)} req/s during (p99 ${during.p99Ms} ms)`);
    return result;
  } finally {
    await app.close();
  }
}

fs.rmSync(scratch, { recursive: true, force: true });
fs.mkdirSync(scratch, { recursive: true });
const partners = await startPartners();
const runs: Run[] = [];
try {
  for (let i = 1; i <= RUNS; i++) runs.push(await oneRun(partners.port, i));
} finally {
  partners.stop();
}
fs.rmSync(scratch, { recursive: true, force: true });

const seconds = median(runs.map((r) => r.seconds));
const items = runs[0]!.items;
const idle = medianOf(runs.map((r) => r.idle));
const during = medianOf(runs.map((r) => r.during));
const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const section = `## Partner feed ingest

${runLine()}
${FEEDS} partner feeds (RSS 2.0, Atom and JSON Feed in turn) of ${ITEMS} items each, about 450 words an item with links and
emphasis, served on loopback by a separate process. One Broadsheet process on a fresh SQLite database with the demo
newsroom polls all of them (4 feeds at a time) in auto-publish mode: fetch, parse, clean, dedupe, fingerprint, publish
each item as an article with its revision and search entry. Meanwhile wrk (2 connections, each asking again as soon as answered) reads 40 article pages from
the same process. ${RUNS} runs; figures are medians.

| measure | result | target | |
|---|---|---|---|
| ingest of ${fmt(items)} items, end to end | ${fmt(seconds, 1)} s (${fmt(items / seconds)} items/s) | < ${TARGET_SECONDS} s | ${seconds < TARGET_SECONDS ? 'met' : '**missed**'} |
| items published | ${fmt(runs[0]!.imported)} of ${fmt(items)} | all | ${runs.every((r) => r.imported === FEEDS * ITEMS) ? 'met' : '**missed**'} |
| article pages while idle | ${fmt(idle.requestsPerSecond)} req/s, p99 ${fmt(idle.p99Ms, 1)} ms | | |
| article pages during ingest | ${fmt(during.requestsPerSecond)} req/s, p99 ${fmt(during.p99Ms, 1)} ms (${fmt((100 * during.requestsPerSecond) / idle.requestsPerSecond)} % of idle) | still answering | ${during.requestsPerSecond > 0 && during.non2xx === 0 ? 'met' : '**missed**'} |
| process RSS after ingest | ${fmt(median(runs.map((r) => r.rssMiB)))} MiB | | |
`;
writeSection('Partner feed ingest', section);
console.log(section);
