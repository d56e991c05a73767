import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FeedParseError, parseFeed } from '../../src/syndication/parse/index.js';
import { fixtureBytes, fixtureUrl, manifest } from '../fixtures/feeds/corpus.js';

/** Parses and reports the outcome; anything thrown that is not a FeedParseError is returned as a failure. */
function outcome(body: Uint8Array, url: string): 'parsed' | 'refused' | Error {
  try {
    parseFeed(body, { url });
    return 'parsed';
  } catch (error) {
    return error instanceof FeedParseError ? 'refused' : (error as Error);
  }
}

const smallFixtures = manifest.feeds.filter((entry) => fixtureBytes(entry.file).length < 100_000);

describe('damaged feeds never escape as unexpected errors', () => {
  test('every fixture cut off at any of 25 points either parses or is refused with a FeedParseError', () => {
    for (const { file } of smallFixtures) {
      const bytes = fixtureBytes(file);
      const step = Math.max(1, Math.floor(bytes.length / 25));
      for (let cut = 0; cut < bytes.length; cut += step) {
        for (const part of [bytes.subarray(0, cut), bytes.subarray(cut)]) {
          const result = outcome(part, fixtureUrl(file));
          assert.ok(result === 'parsed' || result === 'refused', `${file} cut at ${cut}: ${String(result)}`);
        }
      }
    }
  });

  test('every fixture with bytes overwritten at fixed positions either parses or is refused with a FeedParseError', () => {
    for (const { file } of smallFixtures) {
      const bytes = fixtureBytes(file);
      for (let round = 1; round <= 10; round += 1) {
        const copy = new Uint8Array(bytes);
        // Deterministic positions and values, so a failure reproduces exactly.
        for (let k = 1; k <= 5; k += 1) copy[(round * 7919 * k) % Math.max(1, copy.length)] = (round * 31 + k * 17) % 256;
        const result = outcome(copy, fixtureUrl(file));
        assert.ok(result === 'parsed' || result === 'refused', `${file} round ${round}: ${String(result)}`);
      }
    }
  });
});
