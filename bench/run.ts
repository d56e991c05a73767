/**
 * `npm run bench`: seeds 10,000 articles into a scratch SQLite database, serves them with the built
 * server, and measures with wrk on loopback: (a) one article page from the page cache, (b) 1,000
 * distinct article pages with the cache off, (c) the same HTML from nginx in the same run, plus
 * cold start, memory and page weight. Writes bench/BENCH.md.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Config } from '../src/config.js';
import { startNginx } from './nginx.js';
import { freePort, rssMiB, serverPid, startGroup, stopGroup, waitFor200 } from './processes.js';
import { seedBulk } from './seed-bulk.js';
import { median, medianOf, runWrk, type LoadResult } from './wrk.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = path.join(root, 'bench', '.scratch');
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RUNS = 3;

for (const tool of ['wrk', 'nginx']) {
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
    console.error(`bench needs ${tool}: apt-get install -y wrk nginx-light`);
    process.exit(1);
  }
}

fs.rmSync(scratch, { recursive: true, force: true });
fs.mkdirSync(scratch, { recursive: true });
const dataDir = path.join(scratch, 'data');
const config = {
  dataDir,
  database: { dialect: 'sqlite', file: path.join(dataDir, 'broadsheet.db') },
} as Config;

console.log(`Seeding ${ARTICLES} articles…`);
const seedStarted = performance.now();
const slugs = await seedBulk(config, ARTICLES);
const seedSeconds = (performance.now() - seedStarted) / 1000;

async function startServer(extraEnv: Record<string, string> = {}) {
  const port = await freePort();
  const env = { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', DEMO_CONTENT: 'off', ...extraEnv };
  const startedAt = performance.now();
  const child = startGroup('npm', ['start', '--silent'], env, root);
  const base = `http://127.0.0.1:${port}`;
  const coldStartMs = await waitFor200(`${base}/`, startedAt);
  const pid = serverPid(child.pid!);
  if (!pid) throw new Error('could not find the server process under npm start');
  return { child, base, coldStartMs, pid };
}

// Cold start: `npm start` to the first 200, three times; bench built dist/ just before, so start skips the build.
const coldStarts: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const s = await startServer();
  coldStarts.push(s.coldStartMs);
  await stopGroup(s.child);
}

// (a) and (c), interleaved so both see the same machine.
const cached = await startServer();
const articlePath = `/articles/${slugs[0]}`;
const pageRes = await fetch(cached.base + articlePath);
const html = Buffer.from(await pageRes.arrayBuffer());
const nginxPort = await freePort();
const nginx = startNginx(scratch, nginxPort, html);
await waitFor200(`http://127.0.0.1:${nginxPort}/article.html`, performance.now());
const cachedRuns: LoadResult[] = [];
const nginxRuns: LoadResult[] = [];
for (let i = 0; i < RUNS; i++) {
  cachedRuns.push(runWrk(cached.base + articlePath, { seconds: SECONDS, connections: 32, scratch }));
  nginxRuns.push(runWrk(`http://127.0.0.1:${nginxPort}/article.html`, { seconds: SECONDS, connections: 32, scratch }));
}
await stopGroup(nginx);

// The site-wide RSS feed, from the page cache like any page. Warmed by wrk, not fetch: fetch would reuse
// a keep-alive connection left idle through the runs above, which the server may already have closed.
runWrk(`${cached.base}/feed.xml`, { seconds: 1, connections: 1, scratch });
const feedRuns: LoadResult[] = [];
for (let i = 0; i < RUNS; i++) feedRuns.push(runWrk(`${cached.base}/feed.xml`, { seconds: SECONDS, connections: 32, scratch }));

// Memory: every article page requested (wrk walks the list in turn), so the page cache fills to its bound.
const rssAfterHotLoad = rssMiB(cached.pid);
const crawl = runWrk(cached.base + '/', { seconds: Math.max(5, Math.ceil(slugs.length / 1500)), connections: 16, paths: slugs.map((x) => `/articles/${x}`), scratch });
const rssAfterCrawl = rssMiB(cached.pid);

// Page weight: the article page and its stylesheet, gzipped as served.
const cssHref = /<link rel="stylesheet" href="([^"]+)"/.exec(html.toString())?.[1] ?? '';
const css = Buffer.from(await (await fetch(cached.base + cssHref)).arrayBuffer());
const pageWeight = gzipSync(html, { level: 6 }).length + gzipSync(css, { level: 9 }).length;
const thirdParty = [...html.toString().matchAll(/<(?:script|img|link|iframe|source)\b[^>]*?(?:src|href)="(https?:)?\/\/[^"]*"/g)]
  .map((m) => m[0])
  .filter((tag) => !/rel="(canonical|me|alternate)"/.test(tag));
await stopGroup(cached.child);

// (b) 1,000 distinct article pages, page cache off.
const uncached = await startServer({ PAGE_CACHE_MB: '0' });
const paths = slugs.slice(0, 1000).map((s) => `/articles/${s}`);
runWrk(uncached.base + '/', { seconds: 2, connections: 16, paths, scratch }); // warm-up: JIT and SQLite page cache
const uncachedRuns: LoadResult[] = [];
for (let i = 0; i < RUNS; i++) uncachedRuns.push(runWrk(uncached.base + '/', { seconds: SECONDS, connections: 16, paths, scratch }));
const rssUncached = rssMiB(uncached.pid);
await stopGroup(uncached.child);

const a = medianOf(cachedRuns);
const feed = medianOf(feedRuns);
const b = medianOf(uncachedRuns);
const c = medianOf(nginxRuns);
const ratio = a.requestsPerSecond / c.requestsPerSecond;
const cold = median(coldStarts);
const memory = Math.max(rssAfterHotLoad, rssAfterCrawl, rssUncached);
const ok = (pass: boolean) => (pass ? 'met' : '**missed**');
const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const report = `# Benchmarks

Last run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${fmt(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.
${fmt(ARTICLES)} articles in SQLite (seeded in ${fmt(seedSeconds, 1)} s). One server process (\`npm start\`), wrk with one thread on loopback,
${RUNS} runs of ${SECONDS} s each; figures are medians. nginx runs one worker process, serving the same bytes, in the same run.

| measure | result | target | |
|---|---|---|---|
| (a) cached article page | ${fmt(a.requestsPerSecond)} req/s, p99 ${fmt(a.p99Ms, 2)} ms (32 connections) | ≥ 50 % of nginx | ${ok(ratio >= 0.5)} |
| feed (/feed.xml, 20 full-text items) from the cache | ${fmt(feed.requestsPerSecond)} req/s, p99 ${fmt(feed.p99Ms, 2)} ms (32 connections) | the cached-page rate | ${fmt((feed.requestsPerSecond / a.requestsPerSecond) * 100)} % of (a) |
| (c) nginx, same HTML file | ${fmt(c.requestsPerSecond)} req/s, p99 ${fmt(c.p99Ms, 2)} ms (32 connections) | ceiling | |
| ratio (a) / (c) | ${fmt(ratio * 100, 1)} % | ≥ 50 % | ${ok(ratio >= 0.5)} |
| (b) 1,000 distinct article pages, cache off | ${fmt(b.requestsPerSecond)} req/s, p99 ${fmt(b.p99Ms, 2)} ms (16 connections) | ≥ 2,500 req/s, p99 < 25 ms | ${ok(b.requestsPerSecond >= 2500 && b.p99Ms < 25)} |
| server memory (RSS) after load and after all ${fmt(ARTICLES)} pages were cached | ${fmt(rssAfterHotLoad)} MiB → ${fmt(rssAfterCrawl)} MiB (cache off: ${fmt(rssUncached)} MiB) | < 200 MB | ${ok(memory < 200)} |
| cold start, \`npm start\` (dist/ already built, so the build step is skipped) to first 200 | ${fmt(cold)} ms (runs: ${coldStarts.map((x) => fmt(x)).join(', ')}) | < 1,500 ms | ${ok(cold < 1500)} |
| article page weight, HTML + CSS gzipped | ${fmt(pageWeight / 1024, 1)} KB | < 15 KB | ${ok(pageWeight < 15 * 1024)} |
| third-party requests from the article page | ${thirdParty.length} | 0 | ${ok(thirdParty.length === 0)} |

Non-2xx answers during the load runs: ${a.non2xx + b.non2xx + c.non2xx + feed.non2xx + crawl.non2xx}. The crawl of every article page ran at ${fmt(crawl.requestsPerSecond)} req/s.
Per-run requests/s — (a): ${cachedRuns.map((r) => fmt(r.requestsPerSecond)).join(', ')}; (c): ${nginxRuns.map((r) => fmt(r.requestsPerSecond)).join(', ')}; (b): ${uncachedRuns.map((r) => fmt(r.requestsPerSecond)).join(', ')}.
`;
fs.writeFileSync(path.join(root, 'bench', 'BENCH.md'), report);
console.log(report);
fs.rmSync(scratch, { recursive: true, force: true });
