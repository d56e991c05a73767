import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createApertiumCommandProvider, type ApertiumCommandProvider } from '../../src/translation/providers/apertium-command.js';
import { apertiumMissing, isRunning } from './apertium-setup.js';
import { rejection } from './rejection.js';

const real = { skip: apertiumMissing };

/** The live processes of a process group, read from /proc: a pipeline's shell and its programs. */
function groupMembers(group: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // After "pid (comm) ": state, ppid, pgrp.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === group && state !== 'Z') members.push(Number(entry));
    } catch {
      // Exited while we looked.
    }
  }
  return members.sort((a, b) => a - b);
}

async function withProvider(options: Parameters<typeof createApertiumCommandProvider>[0], test: (provider: ApertiumCommandProvider) => Promise<void>) {
  const provider = createApertiumCommandProvider(options);
  try {
    await test(provider);
  } finally {
    await provider.close();
  }
}

describe('Apertium pipelines kept running, real Apertium', real, () => {
  it('serves several calls from one pipeline without starting any process', async () => {
    await withProvider({ maxProcesses: 1 }, async (provider) => {
      assert.match((await provider.translate(['The house.'], 'en', 'es'))[0]!, /casa/);
      const [pipeline] = provider.pipelines();
      assert.equal(pipeline?.mode, 'eng-spa');
      const processes = groupMembers(pipeline!.pid);
      assert.ok(processes.length > 10, `a shell and the programs of the mode, not ${processes.length}`);
      for (const [english, spanish] of [['The dog.', /perro/], ['The cat.', /gato/], ['The <em>new</em> plan.', /<em>nuevo<\/em>/]] as const) {
        assert.match((await provider.translate([english], 'en', 'es'))[0]!, spanish);
        assert.deepEqual(provider.pipelines(), [pipeline]);
        assert.deepEqual(groupMembers(pipeline!.pid), processes);
      }
    });
  });

  for (const maxProcesses of [1, 2]) {
    it(`gives each of several concurrent calls its own translation, on a pool of ${maxProcesses}`, async () => {
      await withProvider({ maxProcesses }, async (provider) => {
        const nouns = [
          ['house', 'casa'],
          ['dog', 'perro'],
          ['cat', 'gato'],
          ['tree', 'árbol'],
          ['book', 'libro'],
          ['city', 'ciudad'],
        ];
        const results = await Promise.all(nouns.map(([noun], i) => provider.translate([`The ${noun} number ${i}.`, `The <strong>${noun}</strong>.`], 'en', 'es')));
        results.forEach(([sentence, strong], i) => {
          const spanish = nouns[i]![1]!;
          assert.match(sentence!, new RegExp(`${spanish}.*${i}`));
          for (const [other] of nouns.filter((_, j) => j !== i)) assert.doesNotMatch(sentence!, new RegExp(`\\b${other}\\b`));
          assert.match(strong!, new RegExp(`^\\S+ <strong>${spanish}</strong>\\.$`));
        });
        assert.equal(provider.pipelines().length, maxProcesses);
      });
    });
  }

  it('replaces a pipeline killed from outside, and the next call succeeds', async () => {
    await withProvider({ maxProcesses: 1, backoffMs: 1 }, async (provider) => {
      await provider.translate(['The house.'], 'en', 'es');
      const [killed] = provider.pipelines();
      const processes = groupMembers(killed!.pid);
      process.kill(-killed!.pid, 'SIGKILL');

      assert.match((await provider.translate(['The dog.'], 'en', 'es'))[0]!, /perro/);
      const [replacement] = provider.pipelines();
      assert.notEqual(replacement!.pid, killed!.pid);
      assert.equal(provider.pipelines().length, 1);
      for (const pid of processes) assert.equal(isRunning(pid), false, `process ${pid} is gone`);
    });
  });

  it('times out a call on a large input with a retryable error, kills its pipeline, and the next call works', async () => {
    // A small call takes a few milliseconds; this input takes Apertium many seconds.
    const large = Array.from({ length: 20_000 }, (_, i) => `The council met on Tuesday to discuss the new budget for the library, item ${i}.`);
    await withProvider({ maxProcesses: 1, timeoutMs: 1_000, attempts: 1 }, async (provider) => {
      await provider.translate(['The house.'], 'en', 'es');
      const [timedOut] = provider.pipelines();
      const processes = groupMembers(timedOut!.pid);

      const error = await rejection(provider.translate(large, 'en', 'es'));
      assert.equal(error.code, 'timeout');
      assert.equal(error.retryable, true);
      for (const pid of processes) assert.equal(isRunning(pid), false, `process ${pid} was killed`);

      assert.match((await provider.translate(['The dog.'], 'en', 'es'))[0]!, /perro/);
      assert.notEqual(provider.pipelines()[0]!.pid, timedOut!.pid);
    });
  });

  it('ends every process of every pipeline on close(), and refuses calls after it', async () => {
    const provider = createApertiumCommandProvider({ maxProcesses: 2 });
    await Promise.all([
      provider.translate(['The house.'], 'en', 'es'),
      provider.translate(['The dog.'], 'en', 'es'),
      provider.translate(['The house.'], 'en', 'gl'),
    ]);
    const pipelines = provider.pipelines();
    assert.deepEqual(pipelines.map((p) => p.mode).sort(), ['en-gl', 'eng-spa', 'eng-spa']);
    const processes = pipelines.flatMap((p) => groupMembers(p.pid));

    await provider.close();
    for (const pid of processes) assert.equal(isRunning(pid), false, `process ${pid} is gone`);
    assert.deepEqual(provider.pipelines(), []);
    const error = await rejection(provider.translate(['The cat.'], 'en', 'es'));
    assert.equal(error.code, 'unavailable');
    assert.equal(error.retryable, false);
  });
});
