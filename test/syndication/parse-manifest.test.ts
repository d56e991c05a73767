import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import { FeedParseError } from '../../src/syndication/parse/index.js';
import { manifest, parseFixture } from '../fixtures/feeds/corpus.js';

const folder = new URL('../fixtures/feeds/', import.meta.url);
const NOT_FIXTURES = new Set(['manifest.json', 'README.md', 'corpus.ts']);

describe('the feed fixture corpus', () => {
  test('lists every fixture file in the manifest exactly once', () => {
    const onDisk = readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !NOT_FIXTURES.has(entry.name))
      .map((entry) => `${entry.parentPath.slice(folder.pathname.length)}/${entry.name}`.replace(/^\//, ''))
      .sort();
    const listed = manifest.feeds.map((entry) => entry.file).sort();
    assert.deepEqual(listed, onDisk);
    assert.equal(new Set(listed).size, listed.length);
  });

  test('holds at least 44 fixtures across every format, hostile and broken', () => {
    assert.ok(manifest.feeds.length >= 44);
    const folders = new Set(manifest.feeds.map((entry) => entry.file.split('/')[0]));
    assert.deepEqual([...folders].sort(), ['atom', 'broken', 'hostile', 'jsonfeed', 'ninjs', 'rss1', 'rss2']);
  });
});

describe('every manifest fixture parses as the manifest says', () => {
  for (const entry of manifest.feeds) {
    if (entry.error === undefined) {
      test(`${entry.file} reads as ${entry.format} with ${entry.items} items`, () => {
        const feed = parseFixture(entry.file);
        assert.equal(feed.format, entry.format);
        assert.equal(feed.items.length, entry.items);
      });
    } else {
      test(`${entry.file} is refused with ${entry.error}`, () => {
        assert.throws(
          () => parseFixture(entry.file),
          (error: unknown) => error instanceof FeedParseError && error.code === entry.error && error.message.length > 0,
        );
      });
    }
  }
});
