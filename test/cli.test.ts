import assert from 'node:assert/strict';
import { migrationNames } from '../src/db/migrate.js';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { demoArticles } from '../src/demo/seed.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const scratchDirs: string[] = [];

/** An empty folder to use as DATA_DIR, removed after the suite. */
function scratchDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-cli-'));
  scratchDirs.push(dir);
  return dir;
}

/**
 * Runs the CLI from source as a user would, on an environment holding only what the test gives
 * (plus PATH), so a developer's own DATABASE_URL or PORT cannot leak in.
 */
function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env, DATA_DIR: env.DATA_DIR ?? scratchDataDir() },
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const usageLine = /^Usage: broadsheet <command> \[options\]$/m;
const filesIn = (dir: string) => fs.readdirSync(dir);

describe('the broadsheet command', () => {
  after(() => {
    for (const dir of scratchDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('--help prints the usage with every command and exits 0', () => {
    const run = cli(['--help']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, usageLine);
    for (const command of ['serve', 'migrate', 'seed']) assert.match(run.stdout, new RegExp(`^\\s+${command}\\s+\\S`, 'm'), command);
    assert.equal(run.stderr, '');
  });

  it('serve --help prints the help of serve rather than the general usage', () => {
    const run = cli(['serve', '--help']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^Usage: broadsheet serve$/m);
    assert.doesNotMatch(run.stdout, usageLine);
    assert.equal(run.stderr, '');
  });

  it('no command exits 2 saying so, followed by the usage', () => {
    const dataDir = scratchDataDir();
    const run = cli([], { DATA_DIR: dataDir });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^broadsheet: No command given$/m);
    assert.match(run.stderr, usageLine);
    assert.equal(run.stdout, '');
    assert.deepEqual(filesIn(dataDir), []);
  });

  it('an unknown command exits 2 naming it, followed by the usage', () => {
    const dataDir = scratchDataDir();
    const run = cli(['publish-everything'], { DATA_DIR: dataDir });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /Unknown command "publish-everything"/);
    assert.match(run.stderr, usageLine);
    assert.equal(run.stdout, '');
    assert.deepEqual(filesIn(dataDir), []);
  });

  it('migrate with an extra argument exits 2 naming it, and touches no database', () => {
    const dataDir = scratchDataDir();
    const run = cli(['migrate', 'extra'], { DATA_DIR: dataDir });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /"migrate" takes no arguments, got "extra"/);
    assert.match(run.stderr, usageLine);
    assert.deepEqual(filesIn(dataDir), []);
  });

  it('an invalid PORT exits 1 with exactly one stderr line naming PORT, and touches no database', () => {
    const dataDir = scratchDataDir();
    const run = cli(['migrate'], { DATA_DIR: dataDir, PORT: 'abc' });
    assert.equal(run.status, 1);
    const lines = run.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0]!, /\bPORT\b/);
    assert.doesNotMatch(lines[0]!, /abc/, 'the bad value is not echoed');
    assert.equal(run.stdout, '');
    assert.deepEqual(filesIn(dataDir), []);
  });

  it('migrate applies every migration to a fresh SQLite database, then reports it up to date', () => {
    const dataDir = scratchDataDir();
    const first = cli(['migrate'], { DATA_DIR: dataDir });
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, new RegExp(`^Applied ${migrationNames().join(', ')} to sqlite:.*broadsheet\\.db$`, 'm'));
    assert.ok(first.stdout.includes(path.join(dataDir, 'broadsheet.db')), 'it names the database under DATA_DIR');
    assert.ok(fs.existsSync(path.join(dataDir, 'broadsheet.db')));

    const second = cli(['migrate'], { DATA_DIR: dataDir });
    assert.equal(second.status, 0, second.stderr);
    assert.equal(second.stdout.trim(), 'The database is up to date');
  });

  it('seed fills a fresh SQLite database with the demo newsroom and says it is ready', () => {
    const dataDir = scratchDataDir();
    const run = cli(['seed'], { DATA_DIR: dataDir });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`^Demo newsroom ready: ${demoArticles.length} new articles$`, 'm'));
    assert.ok(fs.existsSync(path.join(dataDir, 'broadsheet.db')));
    const illustrations = filesIn(path.join(dataDir, 'media', 'demo'));
    assert.equal(illustrations.length, demoArticles.length);
  });

  it('newsletter send says when nothing is due, and --now refuses to mail a day with no article', () => {
    const dataDir = scratchDataDir();
    const idle = cli(['newsletter', 'send'], { DATA_DIR: dataDir, DEMO_CONTENT: 'off' });
    assert.equal(idle.status, 0, idle.stderr);
    assert.equal(idle.stdout.trim(), 'No newsletter issue is due');
    const now = cli(['newsletter', 'send', '--now'], { DATA_DIR: dataDir, DEMO_CONTENT: 'off' });
    assert.equal(now.status, 1, now.stdout);
    assert.match(now.stderr, /This issue has no published article, so there is nothing to send/);
    assert.equal(now.stdout, '');
    assert.match(cli(['newsletter', 'send', '--help']).stdout, /^Usage: broadsheet newsletter send \[--now\]$/m);
  });
});
