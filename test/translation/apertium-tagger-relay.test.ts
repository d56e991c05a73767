import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createApertiumCommandProvider } from '../../src/translation/providers/apertium-command.js';
import { apertiumMissing } from './apertium-setup.js';

const real = { skip: apertiumMissing };

/** Sentences whose unknown or ambiguous words the tagger reads by its open class. */
const PROBES = [
  'Before the first rains arrive on the Gourmadji plateau, the fields look pockmarked.',
  'Elected ward delegates monitor construction and report back at a closing assembly.',
  'Open assemblies in each of the city’s 14 wards collect proposals between January and March.',
  'That was how Quispe Mendoza described the negotiations, which took most of a year.',
];

/**
 * Other text, as a newsroom sends it: quotes with "I", and words such as "known" and "near" whose
 * ambiguity classes the English model lacks, which is what changed a long-lived tagger.
 */
const others = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    [
      `“I told them in ${1990 + (i % 30)} that the road was closed,” said the farmer.`,
      `The lot had a known origin near the river, item ${i}.`,
      `Elected officials met the <em>council</em> on day ${i}.`,
      `Prices near the market rose by ${i} per cent.`,
    ][i % 4]!,
  );

/** This process's taggers that have not exited, read from /proc. */
function runningTaggers(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return stat.includes('(apertium-tagge') && Number(ppid) === process.pid && state !== 'Z';
      } catch {
        return false; // Exited while we looked.
      }
    })
    .map(Number);
}

describe('Apertium pipelines forget each block, real Apertium', real, () => {
  it('translates the same sentences alike on a fresh pipeline and after several hundred other blocks', async () => {
    const provider = createApertiumCommandProvider({ maxProcesses: 1 });
    try {
      const fresh = await provider.translate(PROBES, 'en', 'es');
      const [pipeline] = provider.pipelines();
      for (let call = 0; call < 10; call++) await provider.translate(others(40), 'en', 'es');
      for (const text of others(40)) await provider.translate([text], 'en', 'es');

      assert.deepEqual(provider.pipelines(), [pipeline], 'still the same pipeline');
      assert.deepEqual(await provider.translate(PROBES, 'en', 'es'), fresh);
      // Within one call too, a block is translated as if it came first.
      assert.deepEqual((await provider.translate([...others(60), ...PROBES], 'en', 'es')).slice(60), fresh);
    } finally {
      await provider.close();
    }
    assert.deepEqual(runningTaggers(), [], 'no tagger outlives its pipeline');
  });

  it('translates each sentence after others in the same call as it does alone on a fresh pipeline', async () => {
    const alone: string[] = [];
    for (const probe of PROBES) {
      const fresh = createApertiumCommandProvider({ maxProcesses: 1 });
      try {
        alone.push((await fresh.translate([probe], 'en', 'es'))[0]!);
      } finally {
        await fresh.close();
      }
    }
    const provider = createApertiumCommandProvider({ maxProcesses: 1 });
    try {
      assert.deepEqual((await provider.translate([...others(8), ...PROBES], 'en', 'es')).slice(8), alone);
    } finally {
      await provider.close();
    }
  });
});
