import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { englishMessages } from '../../src/i18n/messages-en.js';
import { apertiumMissing } from '../translation/apertium-setup.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const messageCount = Object.keys(englishMessages).length;

/** The CLI from source on its own SQLite data folder, with only PATH from this environment. */
function cli(dataDir: string, args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', DATA_DIR: dataDir, DEMO_CONTENT: 'off' },
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('broadsheet translate --catalog', () => {
  let dataDir: string;

  before(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-catalog-cli-'));
    assert.equal(cli(dataDir, ['migrate']).status, 0);
  });
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('produces one language through Apertium and prints the counts, then keeps it all on a second run', { skip: apertiumMissing }, () => {
    const first = cli(dataDir, ['translate', '--catalog', '--lang', 'es']);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stdout, `Catalog es: ${messageCount} translated, 0 kept, 0 failed\n`);
    const second = cli(dataDir, ['translate', '--catalog', '--lang', 'es']);
    assert.equal(second.stdout, `Catalog es: 0 translated, ${messageCount} kept, 0 failed\n`);
  });

  it('with --lang all, prints a line for every language but the site’s, and exits 1 when some had no provider', { skip: apertiumMissing }, () => {
    const run = cli(dataDir, ['translate', '--catalog', '--lang', 'all']);
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines.length, 50);
    assert.equal(lines.some((l) => l.startsWith('Catalog en')), false);
    assert.ok(lines.includes(`Catalog es: 0 translated, ${messageCount} kept, 0 failed`));
    assert.match(run.stdout, new RegExp(`^Catalog ca: ${messageCount} translated, 0 kept, 0 failed$`, 'm'));
    assert.ok(lines.includes('Catalog ja: not produced: No translation provider can translate from en to ja'));
  });

  it('exits 1 with a plain message for a language no provider offers or the site does not have', () => {
    const unsupported = cli(dataDir, ['translate', '--catalog', '--lang', 'ja']);
    assert.deepEqual([unsupported.status, unsupported.stderr.trim()], [1, 'No translation provider can translate from en to ja']);
    const unknown = cli(dataDir, ['translate', '--catalog', '--lang', 'xx']);
    assert.deepEqual([unknown.status, unknown.stderr.trim()], [1, "xx is not one of the site's languages"]);
  });

  it('exits 2 with the usage for --catalog with --article, or without --lang', () => {
    const both = cli(dataDir, ['translate', '--catalog', '--article', 'a-slug', '--lang', 'es']);
    assert.equal(both.status, 2);
    assert.match(both.stderr, /^broadsheet: --catalog takes no --article\n/);
    assert.match(cli(dataDir, ['translate', '--catalog']).stderr, /^broadsheet: --lang is required\n/);
    assert.match(cli(dataDir, ['translate', '--help']).stdout, /^ {7}broadsheet translate --catalog --lang L\|all$/m);
  });
});
