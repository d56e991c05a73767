import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { createApertiumCommandProvider } from '../../src/translation/providers/apertium-command.js';
import { apertiumMissing, fakeDataDir, isRunning, scratchDir, writeScript } from './apertium-setup.js';
import { rejection } from './rejection.js';

const real = { skip: apertiumMissing };

const lines = async (file: string) => (await readFile(file, 'utf8')).split('\n').filter(Boolean);

describe('Apertium command provider, real Apertium', real, () => {
  const provider = createApertiumCommandProvider();
  after(() => provider.close());

  it('says which pairs are installed, Serbian, Croatian and Bosnian through hbs', async () => {
    assert.equal(await provider.supports('en', 'es'), true);
    assert.equal(await provider.supports('es', 'en'), true);
    assert.equal(await provider.supports('en', 'ja'), false);
    assert.equal(await provider.supports('ja', 'en'), false);
    if ((await provider.health()).detail.includes('eng-hbs_SR')) {
      assert.equal(await provider.supports('en', 'sr'), true);
      assert.equal(await provider.supports('hr', 'en'), true);
    }
    const health = await provider.health();
    assert.equal(health.ok, true);
    assert.match(health.detail, /\beng-spa\b/);
  });

  it('translates English to Spanish keeping each inline tag, with its attributes, around the right words', async () => {
    const [first, second, third] = await provider.translate(
      [
        'Read the <a href="/plan?x=1&amp;y=2" class="ref">plan</a> for the <em>new</em> budget.',
        'The <strong>mayor</strong> said nothing today.',
        'Line one<br>line two &amp; <code>x &lt; y</code>',
      ],
      'en',
      'es',
    );
    assert.match(first!, /<a href="\/plan\?x=1&amp;y=2" class="ref">plan<\/a>/);
    assert.match(first!, /<em>nuevo<\/em>/);
    assert.match(first!, /presupuesto/);
    assert.match(second!, /<strong>alcalde<\/strong>/);
    assert.match(second!, /hoy/);
    assert.match(third!, /<br>/);
    assert.match(third!, /&amp;/);
    assert.match(third!, /<code>x &lt; y<\/code>/);
  });

  it('keeps the fragments in order, one result per fragment, empty ones included', async () => {
    const result = await provider.translate(['The house.', '', 'The dog.', 'The cat.'], 'en', 'es');
    assert.equal(result.length, 4);
    assert.match(result[0]!, /casa/);
    assert.equal(result[1], '');
    assert.match(result[2]!, /perro/);
    assert.match(result[3]!, /gato/);
  });

  it('refuses a pair that is not installed', async () => {
    const error = await rejection(provider.translate(['Hello'], 'en', 'ja'));
    assert.equal(error.code, 'unsupported_pair');
    assert.equal(error.retryable, false);
  });

  it('runs no more pipelines per mode than its pool allows, each call getting its own translation', async () => {
    const pooled = createApertiumCommandProvider({ maxProcesses: 2 });
    try {
      const calls = Array.from({ length: 6 }, (_, i) => pooled.translate([`The house number ${i}.`], 'en', 'es'));
      const results = await Promise.all(calls);
      results.forEach((result, i) => assert.match(result[0]!, new RegExp(`casa.*${i}`)));
      assert.equal(pooled.pipelines().length, 2, 'two at once, never more, and kept for the next calls');
    } finally {
      await pooled.close();
    }
  });
});

/**
 * A data folder whose eng-spa mode runs a fake lt-proc from `dir`/bin, found first on the pipeline's
 * PATH through the `command` option, with the real apertium-wblank-attach after it.
 */
async function fakeInstallation(dir: string, ltProc: string) {
  const dataDir = await fakeDataDir(dir, ['eng-spa']);
  await writeFile(path.join(dataDir, 'modes', 'eng-spa.mode'), `lt-proc '${dataDir}/eng-spa.automorf.bin'\n`);
  const bin = await scratchDir();
  await writeScript(bin, 'lt-proc', ltProc);
  return { dataDir, command: path.join(bin, 'apertium') };
}

describe('Apertium command provider, failures (fake programs in the mode)', () => {
  it('kills the whole pipeline when a call runs out of time, and retries a timeout', async () => {
    const dir = await scratchDir();
    const pids = path.join(dir, 'pids');
    // A program of the pipeline that starts another and never answers.
    const installation = await fakeInstallation(dir, `echo $$ >> '${pids}'\nsleep 600 &\necho $! >> '${pids}'\nwait`);
    const provider = createApertiumCommandProvider({ ...installation, timeoutMs: 300, attempts: 2, backoffMs: 1 });
    const error = await rejection(provider.translate(['Hello.'], 'en', 'es'));
    assert.equal(error.code, 'timeout');
    assert.equal(error.retryable, true);
    const started = (await lines(pids)).map(Number);
    assert.equal(started.length, 4, 'two attempts, a program and its child each');
    for (const pid of started) assert.equal(isRunning(pid), false, `process ${pid} was killed`);
    await provider.close();
  });

  it('reports a failing pipeline as unavailable with its first error line, after retrying', async () => {
    const dir = await scratchDir();
    const calls = path.join(dir, 'calls');
    const installation = await fakeInstallation(dir, `echo call >> '${calls}'\necho 'Error: mode broken' >&2\nexit 1`);
    const provider = createApertiumCommandProvider({ ...installation, attempts: 3, backoffMs: 1 });
    const error = await rejection(provider.translate(['Hello.'], 'en', 'es'));
    assert.equal(error.code, 'unavailable');
    assert.match(error.message, /Error: mode broken/);
    assert.equal((await lines(calls)).length, 3);
    await provider.close();
  });

  it('reports a program of the mode that is not installed as unavailable without retrying', async () => {
    const dir = await scratchDir();
    const dataDir = await fakeDataDir(dir, ['eng-spa']);
    const missing = path.join(dir, 'no-such-dir', 'lt-proc');
    await writeFile(path.join(dataDir, 'modes', 'eng-spa.mode'), `${missing} '${dataDir}/eng-spa.automorf.bin'`);
    const provider = createApertiumCommandProvider({ dataDir, backoffMs: 1 });
    const error = await rejection(provider.translate(['Hello.'], 'en', 'es'));
    assert.equal(error.code, 'unavailable');
    assert.equal(error.retryable, false);
    assert.ok(error.message.includes(`${missing} is not installed`), error.message);
    assert.deepEqual(provider.pipelines(), []);
  });

  it('says why a mode cannot run as a persistent pipeline, without retrying', async () => {
    const dir = await scratchDir();
    const provider = createApertiumCommandProvider({ dataDir: await fakeDataDir(dir, ['eng-spa']), backoffMs: 1 });
    const error = await rejection(provider.translate(['Hello.'], 'en', 'es'));
    assert.equal(error.code, 'unavailable');
    assert.equal(error.retryable, false);
    assert.match(error.message, /eng-spa.*the mode file is empty/);
  });

  it('starts no process for no fragments', async () => {
    const dir = await scratchDir();
    const calls = path.join(dir, 'calls');
    const provider = createApertiumCommandProvider(await fakeInstallation(dir, `echo call >> '${calls}'`));
    assert.deepEqual(await provider.translate([], 'en', 'es'), []);
    assert.deepEqual(provider.pipelines(), []);
    await assert.rejects(readFile(calls), { code: 'ENOENT' });
  });

  it('reads supported pairs from the mode files, hbs variants for Serbian, Croatian and Bosnian', async () => {
    const dir = await scratchDir();
    const provider = createApertiumCommandProvider({ dataDir: await fakeDataDir(dir, ['eng-spa', 'en-gl', 'hbs-eng', 'eng-hbs_HR', 'Cyrl-Latn']) });
    assert.equal(await provider.supports('en', 'es'), true);
    assert.equal(await provider.supports('en', 'gl'), true);
    assert.equal(await provider.supports('sr', 'en'), true);
    assert.equal(await provider.supports('en', 'hr'), true);
    assert.equal(await provider.supports('en', 'sr'), false, 'no plain eng-hbs and no eng-hbs_SR');
    assert.equal(await provider.supports('es', 'en'), false);
    assert.deepEqual(await provider.health(), { ok: true, detail: 'local command, pairs: en-gl, eng-hbs_HR, eng-spa, hbs-eng' });
  });

  it('is unhealthy without any mode installed', async () => {
    const dir = await scratchDir();
    const provider = createApertiumCommandProvider({ dataDir: dir });
    assert.equal((await provider.health()).ok, false);
    assert.equal(await provider.supports('en', 'es'), false);
  });
});
