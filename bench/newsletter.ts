/**
 * The newsletter send: one daily issue to 10,000 subscribers, by the real CLI (`node dist/cli.js
 * newsletter send --now`) as its own process, into a local SMTP sink (bench/smtp-sink.ts) in another.
 * Times it from spawn to exit, samples its memory, checks that every subscriber got exactly one copy,
 * and sets it against plain nodemailer sending pre-rendered copies to the same sink
 * (bench/newsletter-baseline.ts). Three runs; medians. Writes the Newsletter section of bench/BENCH.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { seedDemo } from '../src/demo/seed.js';
import { NEWSLETTER_LANGUAGES } from '../src/newsletter/languages.js';
import { dayIn } from '../src/newsletter/site-day.js';
import { rssMiB } from './processes.js';
import { runLine, writeSection } from './report.js';
import type { SinkCounts } from './smtp-sink.js';
import { median } from './wrk.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = path.join(root, 'bench', '.scratch', 'newsletter');
const cli = path.join(root, 'dist', 'cli.js');
const SUBSCRIBERS = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const POOL = 5;
/** SMTP_RATE's maximum: the sink answers at once, so nothing but the sender limits the pace. */
const RATE = 10_000;
const TARGET_SECONDS = 60;
/**
 * "Flat": from the 10 % point on, RSS rises less than this. Keeping 4.5 KB per copy (under a quarter
 * of one message) over the remaining 9,000 copies crosses it; a sender that keeps nothing per copy
 * still swings by up to about 30 MiB between garbage collections.
 */
const FLAT_MIB = 40;
const SAMPLE_MS = 250;
/** Near the end, sample often enough to catch the moment the last copy arrives before the process exits. */
const FINAL_SAMPLE_MS = 10;

if (!fs.existsSync(cli)) {
  console.error('bench/newsletter.ts runs the built CLI: run `node scripts/build.mjs` first');
  process.exit(1);
}

const children = new Set<ChildProcess>();
// However the bench ends, no process it started outlives it.
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

/** A node process of ours with its stdout collected; `exited` resolves with its exit code. */
function startNode(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      children.delete(child);
      resolve(code);
    });
  });
  return { child, exited, stdout: () => stdout };
}

async function startSink() {
  const { child } = startNode(['--import', 'tsx', path.join(root, 'bench', 'smtp-sink.ts')]);
  const ports = await new Promise<{ smtp: number; report: number }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the SMTP sink exited (${code})`)));
    child.stdout!.once('data', (line: string) => resolve(JSON.parse(line) as { smtp: number; report: number }));
  });
  const report = `http://127.0.0.1:${ports.report}`;
  return {
    smtpPort: ports.smtp,
    async counts(): Promise<SinkCounts> {
      const res = await fetch(`${report}/counts`);
      if (!res.ok) throw new Error(`the SMTP sink answered ${res.status}`);
      return (await res.json()) as SinkCounts;
    },
    async reset() {
      const res = await fetch(`${report}/reset`, { method: 'POST' });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`the SMTP sink answered ${res.status} to a reset`);
    },
    stop: () => child.kill('SIGTERM'),
  };
}
type Sink = Awaited<ReturnType<typeof startSink>>;

/**
 * A fresh database with the demo newsroom, SUBSCRIBERS active subscribers in every newsletter
 * language, and today's issue holding the demo's five newsletter picks. Returns the issue's day (the
 * CLI assembles the same day, finds this issue and sends it).
 */
async function prepare(env: Record<string, string>): Promise<{ day: string; articles: number }> {
  // The same configuration the CLI will read from this environment.
  const config = loadConfig(env);
  fs.rmSync(config.dataDir, { recursive: true, force: true });
  const app = await createApp(config, { startScheduler: false });
  try {
    await seedDemo({ content: app.content, clock: systemClock, mediaDir: path.join(config.dataDir, 'media') });
    const at = systemClock.now().toISOString();
    const rows = Array.from({ length: SUBSCRIBERS }, (_, i) => ({
      email: `reader-${String(i).padStart(5, '0')}@bench.example`,
      status: 'active' as const,
      language: NEWSLETTER_LANGUAGES[i % NEWSLETTER_LANGUAGES.length]!,
      created_at: at,
      confirmed_at: at,
      unsubscribed_at: null,
      confirmation_sent_at: at,
      updated_at: at,
    }));
    await app.database.db.transaction().execute(async (trx) => {
      // 500 rows a statement keeps within SQLite's limit on bound parameters.
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('newsletter_subscribers').values(rows.slice(i, i + 500)).execute();
    });
    // The demo's picks were published on earlier days; an editor puts them into today's issue at the desk.
    const picks = (await app.content.articles.latestWithBodies({}, 100)).filter((a) => a.newsletterPick).slice(0, 5);
    if (!picks.length) throw new Error('the demo newsroom has no newsletter picks to put in the issue');
    const { timeZone } = await app.content.settings.get();
    const issue = await app.issues.assemble(dayIn(systemClock.now(), timeZone));
    await app.issues.update(issue.id, { intro: 'Good morning. Five stories our editors picked for you today.', articleIds: picks.map((a) => a.id) });
    return { day: issue.day, articles: picks.length };
  } finally {
    await app.close();
  }
}

interface Memory {
  /** RSS in MiB at the first sample after 10 %, 50 % and all of the copies had arrived. */
  at10: number;
  at50: number;
  atEnd: number;
  /** Copies arrived at the `atEnd` sample: all of them, unless the process exited between samples. */
  endDelivered: number;
  peak: number;
  /** How far RSS rose above its 10 % value at any later sample. */
  growth: number;
}

interface Send {
  seconds: number;
  counts: SinkCounts;
  memory: Memory;
}

/** Runs one sender to its exit, sampling its RSS against the sink's count; checks the sink got one copy per recipient. */
async function timedSend(sink: Sink, args: string[], env: NodeJS.ProcessEnv, expect: (stdout: string) => boolean, label: string): Promise<Send> {
  await sink.reset();
  const started = performance.now();
  const sender = startNode(args, env);
  let seconds = 0;
  let running = true;
  const exited = sender.exited.then((code) => {
    seconds = (performance.now() - started) / 1000;
    running = false;
    return code;
  });
  const samples: { delivered: number; rss: number }[] = [];
  while (running) {
    const { messages } = await sink.counts();
    let rss = NaN;
    try {
      rss = rssMiB(sender.child.pid!);
    } catch {
      // gone between the count and the read
    }
    if (!running || !Number.isFinite(rss)) break;
    samples.push({ delivered: messages, rss });
    const nearEnd = messages >= SUBSCRIBERS * 0.95 && messages < SUBSCRIBERS;
    await Promise.race([exited, delay(nearEnd ? FINAL_SAMPLE_MS : SAMPLE_MS)]);
  }
  const code = await exited;
  const counts = await sink.counts();
  if (code !== 0 || !expect(sender.stdout())) throw new Error(`${label} exited with ${code}, printing:\n${sender.stdout()}`);
  if (counts.messages !== SUBSCRIBERS || counts.recipients !== SUBSCRIBERS || counts.distinctRecipients !== SUBSCRIBERS || counts.repeatedRecipients !== 0) {
    throw new Error(`${label}: the sink expected ${SUBSCRIBERS} recipients with one message each, and got ${JSON.stringify(counts)}`);
  }
  return { seconds, counts, memory: memoryOf(samples, label) };
}

function memoryOf(samples: { delivered: number; rss: number }[], label: string): Memory {
  const firstAt = (share: number) => samples.findIndex((s) => s.delivered >= SUBSCRIBERS * share);
  const from10 = firstAt(0.1);
  const at50 = firstAt(0.5);
  if (from10 === -1 || at50 === -1) throw new Error(`${label} finished before the 10 % and 50 % samples (${samples.length} samples)`);
  const all = firstAt(1);
  const end = samples[all === -1 ? samples.length - 1 : all]!;
  const later = samples.slice(from10);
  return {
    at10: samples[from10]!.rss,
    at50: samples[at50]!.rss,
    atEnd: end.rss,
    endDelivered: end.delivered,
    peak: Math.max(...samples.map((s) => s.rss)),
    growth: Math.max(...later.map((s) => s.rss)) - samples[from10]!.rss,
  };
}

interface Run {
  broadsheet: Send;
  baseline: Send;
}

async function oneRun(sink: Sink, run: number): Promise<Run> {
  // Only what the CLI needs: nothing from the caller's environment (a DATABASE_URL, say) leaks in.
  const env = {
    DATA_DIR: path.join(scratch, `run-${run}`),
    SITE_URL: 'https://ledger.example',
    LOG_LEVEL: 'warn',
    DEMO_CONTENT: 'off',
    SMTP_URL: `smtp://127.0.0.1:${sink.smtpPort}`,
    MAIL_FROM: 'The Meridian Ledger <newsletter@ledger.example>',
    SMTP_POOL: String(POOL),
    SMTP_RATE: String(RATE),
  };
  const { day, articles } = await prepare(env);
  const done = `Newsletter of ${day}: ${SUBSCRIBERS} sent, 0 failed, done`;
  const broadsheet = await timedSend(sink, [cli, 'newsletter', 'send', '--now'], { ...env, PATH: process.env.PATH ?? '' }, (out) => out.includes(done), 'broadsheet newsletter send');
  const baselineArgs = ['--import', 'tsx', path.join(root, 'bench', 'newsletter-baseline.ts'), String(sink.smtpPort), String(SUBSCRIBERS), String(POOL), String(RATE)];
  const baseline = await timedSend(sink, baselineArgs, process.env, (out) => out.includes(`${SUBSCRIBERS} sent`), 'the nodemailer baseline');
  const m = broadsheet.memory;
  console.log(
    `run ${run}: issue of ${day} (${articles} articles) to ${SUBSCRIBERS} in ${broadsheet.seconds.toFixed(1)} s, baseline ${baseline.seconds.toFixed(1)} s; ` +
      `RSS ${m.at10.toFixed(0)} → ${m.at50.toFixed(0)} → ${m.atEnd.toFixed(0)} MiB (peak ${m.peak.toFixed(0)}, growth ${m.growth.toFixed(1)})`,
  );
  return { broadsheet, baseline };
}

fs.rmSync(scratch, { recursive: true, force: true });
fs.mkdirSync(scratch, { recursive: true });
const sink = await startSink();
const runs: Run[] = [];
try {
  for (let i = 1; i <= RUNS; i++) runs.push(await oneRun(sink, i));
} finally {
  sink.stop();
}
fs.rmSync(scratch, { recursive: true, force: true });

const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const med = (pick: (r: Run) => number) => median(runs.map(pick));
const seconds = med((r) => r.broadsheet.seconds);
const baselineSeconds = med((r) => r.baseline.seconds);
const growth = med((r) => r.broadsheet.memory.growth);
const kib = (send: Send) => send.counts.bytes / send.counts.messages / 1024;
const endShare = Math.min(...runs.map((r) => r.broadsheet.memory.endDelivered)) / SUBSCRIBERS;
const list = (pick: (r: Run) => number, digits = 1) => runs.map((r) => fmt(pick(r), digits)).join(', ');

const section = `## Newsletter

${runLine()}
One daily issue (the demo's five newsletter picks, each with its image, and an intro) to ${fmt(SUBSCRIBERS)} active subscribers
in ${NEWSLETTER_LANGUAGES.length} languages, on a fresh SQLite database with the demo newsroom: \`node dist/cli.js newsletter send --now\`
as its own process, with SMTP_POOL=${POOL} and SMTP_RATE=${fmt(RATE)} (the most the configuration allows, so nothing is throttled;
a real relay sets its own pace), into a local SMTP server in a separate process that accepts everything and discards the
bodies. Timed from spawn to exit: start-up, a delivery record per subscriber, each copy rendered with the subscriber's
own links, sent and marked sent. The baseline is plain nodemailer with the same pool settings sending ${fmt(SUBSCRIBERS)} copies
of one pre-rendered message, on sockets set up like the mailer's (TCP_NODELAY), to the same server. RSS of the sending
process sampled every ${SAMPLE_MS} ms; "growth" is how far it rose above its value at the 10 % point at any later sample.
${RUNS} runs; figures are medians.

| measure | result | target | |
|---|---|---|---|
| one issue to ${fmt(SUBSCRIBERS)} subscribers, spawn to exit | ${fmt(seconds, 1)} s (${fmt(SUBSCRIBERS / seconds)} messages/s) | < ${TARGET_SECONDS} s | ${seconds < TARGET_SECONDS ? 'met' : '**missed**'} |
| copies received | ${fmt(SUBSCRIBERS)} messages to ${fmt(SUBSCRIBERS)} distinct recipients, none twice, in every run | one each | met |
| baseline: plain nodemailer, one pre-rendered message | ${fmt(baselineSeconds, 1)} s (${fmt(SUBSCRIBERS / baselineSeconds)} messages/s) | the floor | |
| Broadsheet / baseline | ${fmt(seconds / baselineSeconds, 2)} × | | |
| message size on the wire, average | ${fmt(med((r) => kib(r.broadsheet)), 1)} KiB (baseline ${fmt(med((r) => kib(r.baseline)), 1)} KiB) | | |
| sender RSS after 10 % / 50 % / 100 % of the copies arrived | ${fmt(med((r) => r.broadsheet.memory.at10))} / ${fmt(med((r) => r.broadsheet.memory.at50))} / ${fmt(med((r) => r.broadsheet.memory.atEnd))} MiB${endShare < 1 ? ` (last sample at ≥ ${fmt(100 * endShare, 1)} %)` : ''} | | |
| sender peak RSS | ${fmt(med((r) => r.broadsheet.memory.peak))} MiB (baseline ${fmt(med((r) => r.baseline.memory.peak))} MiB) | | |
| memory growth from the 10 % point to the end | ${fmt(growth, 1)} MiB | < ${FLAT_MIB} MiB (flat) | ${growth < FLAT_MIB ? 'met' : '**missed**'} |

Per run — seconds: ${list((r) => r.broadsheet.seconds)} (baseline ${list((r) => r.baseline.seconds)}); growth: ${list((r) => r.broadsheet.memory.growth)} MiB.
`;
writeSection('Newsletter', section);
console.log(section);
