import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createApertiumCommandProvider } from '../../src/translation/providers/apertium-command.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const noApertium = (await createApertiumCommandProvider().supports('en', 'es')) ? undefined : 'the apertium command with the eng-spa pair is not installed';

/** The CLI from source on its own SQLite data folder, with only PATH from this environment. */
function cli(dataDir: string, args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('broadsheet translate', () => {
  let dataDir: string;
  const slug = 'a-regional-library-scans-its-past';

  before(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-translate-cli-'));
    assert.equal(cli(dataDir, ['seed']).status, 0);
  });
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('translates a demo article with Apertium and says what it sent, then answers a second run from the memory', { skip: noApertium }, () => {
    const first = cli(dataDir, ['translate', '--article', slug, '--lang', 'es']);
    assert.equal(first.status, 0, first.stderr);
    const [, total] = first.stdout.match(/^Translated a-regional-library-scans-its-past into es with apertium: (\d+) segments, 0 from the translation memory, (\d+) sent to the provider$/m) ?? [];
    assert.ok(total && Number(total) > 10, first.stdout);
    assert.match(first.stdout, new RegExp(`${total} sent to the provider`));

    const second = cli(dataDir, ['translate', '--article', slug, '--lang', 'es']);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, new RegExp(`: ${total} segments, ${total} from the translation memory, 0 sent to the provider$`, 'm'));
  });

  it('exits 1 with a plain message for an unknown article or a language no provider offers', () => {
    const unknown = cli(dataDir, ['translate', '--article', 'no-such-article', '--lang', 'es']);
    assert.deepEqual([unknown.status, unknown.stderr.trim()], [1, 'No such article with the slug "no-such-article"']);
    const unsupported = cli(dataDir, ['translate', '--article', slug, '--lang', 'ja']);
    assert.deepEqual([unsupported.status, unsupported.stderr.trim()], [1, 'No translation provider can translate from en to ja']);
    const sameLanguage = cli(dataDir, ['translate', '--article', slug, '--lang', 'en']);
    assert.deepEqual([sameLanguage.status, sameLanguage.stderr.trim()], [1, 'The article is written in en already']);
  });

  it('exits 2 with the usage when --article or --lang is missing', () => {
    const run = cli(dataDir, ['translate', '--article', slug]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^broadsheet: --lang is required\n/);
    assert.match(cli(dataDir, ['translate', '--help']).stdout, /^Usage: broadsheet translate --article SLUG --lang L$/m);
  });
});
