import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { after, before, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { forEachDatabase } from '../helpers/databases.js';
import { makeArticle, makeAuthor } from '../helpers/factories.js';
import { useTestApp, type RunningApp } from '../helpers/test-app.js';
import { addSubscribers } from './newsletter-client.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const SUBSCRIBERS = 2000;
/** The message during whose transfer the sending process is killed. */
const KILL_AT = 800;

/**
 * An SMTP relay that counts what it accepts, per recipient. A message counts once the server
 * acknowledges it (250 after the data), as a real relay takes responsibility for it only then.
 */
async function startCountingRelay(onMessageStart: (ordinal: number) => boolean) {
  const accepted = new Map<string, number>();
  let started = 0;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const go = onMessageStart(++started);
      stream.resume();
      if (!go) return; // never acknowledged: the sender is gone
      stream.on('end', () => {
        for (const r of session.envelope.rcptTo) accepted.set(r.address, (accepted.get(r.address) ?? 0) + 1);
        callback();
      });
    },
  });
  // The killed sender's connection ends in a reset, which the server reports as an error: expected here.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`, accepted, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The built CLI against the suite's database, as an operator would run it. */
function newsletterSend(t: RunningApp, smtpUrl: string): { child: ChildProcess; exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> } {
  const db = t.config.database;
  const env = {
    PATH: process.env.PATH ?? '',
    LOG_LEVEL: 'silent',
    DEMO_CONTENT: 'off',
    DATA_DIR: t.config.dataDir,
    SITE_URL: 'https://news.test',
    SMTP_URL: smtpUrl,
    MAIL_FROM: 'Newsroom <news@news.test>',
    // One connection: the kill then lands in a message the relay has not acknowledged, the case that must be
    // neither lost nor doubled. (Between a relay's 250 and our record of it no sender can be atomic.)
    SMTP_POOL: '1',
    SMTP_RATE: '10000',
    NEWSLETTER_CLAIM_SECONDS: '1',
    ...(db.dialect === 'sqlite' ? { DATABASE_URL: `sqlite:${db.file}` } : { DATABASE_URL: db.url, DATABASE_SCHEMA: db.schema ?? '' }),
  };
  const child = spawn(process.execPath, ['dist/cli.js', 'newsletter', 'send'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.resume();
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stdout })));
  return { child, exit };
}

forEachDatabase('a newsletter send killed part-way (SIGKILL)', (dialect) => {
  const t = useTestApp(dialect, { scheduler: false });
  let victim: ChildProcess | undefined;
  const relay = { current: undefined as Awaited<ReturnType<typeof startCountingRelay>> | undefined };
  const emails = Array.from({ length: SUBSCRIBERS }, (_, i) => `reader-${String(i + 1).padStart(4, '0')}@example.org`);
  let issueId: number;

  before(async () => {
    relay.current = await startCountingRelay((ordinal) => {
      if (ordinal !== KILL_AT || !victim) return true;
      victim.kill('SIGKILL');
      victim = undefined;
      return false;
    });
    await makeAuthor(t.app.content, { slug: 'crash-desk', name: 'Crash Desk' });
    await makeArticle(t.app.content, { slug: 'storm-warning', title: 'Storm warning for the coast', authors: ['crash-desk'], publishedAt: '2026-11-20T06:00:00.000Z' });
    await addSubscribers(t, emails);
    // Due at 07:00 on the 20th: long past for the CLI, which runs on the real clock.
    issueId = (await t.app.issues.assemble('2026-11-20')).id;
  });
  after(() => relay.current?.close());

  it('is finished by the next run with every subscriber mailed exactly once', { timeout: 120_000 }, async () => {
    const first = newsletterSend(t, relay.current!.url);
    victim = first.child;
    const killed = await first.exit;
    assert.equal(killed.signal, 'SIGKILL', `the first run was killed (exit ${killed.code}: ${killed.stdout})`);

    const midway = await t.app.delivery.figures(issueId);
    assert.equal(midway.sent, KILL_AT - 1, 'every acknowledged copy was recorded before the kill');
    assert.ok(midway.sending > 0, 'the batch on the wire was left claimed');
    assert.ok(midway.pending > 0, 'later batches were never claimed');
    assert.equal(relay.current!.accepted.size, KILL_AT - 1);

    const second = await newsletterSend(t, relay.current!.url).exit;
    assert.equal(second.code, 0, second.stdout);
    assert.match(second.stdout, new RegExp(`${SUBSCRIBERS} sent, 0 failed, done`));

    const copies = emails.map((e) => relay.current!.accepted.get(e) ?? 0);
    assert.deepEqual(
      emails.filter((_, i) => copies[i] !== 1),
      [],
      'subscribers mailed other than exactly once',
    );
    assert.equal(relay.current!.accepted.size, SUBSCRIBERS);
    assert.equal((await t.app.issues.get(issueId))?.status, 'sent');
  });
});
