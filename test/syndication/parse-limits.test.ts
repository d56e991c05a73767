import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseFeed } from '../../src/syndication/parse/index.js';
import { parseFixture } from '../fixtures/feeds/corpus.js';

describe('feed limits and item rules', () => {
  test('keeps the first 1,000 items by default and says how many there were', () => {
    const feed = parseFixture('rss2/many-items.xml');
    assert.equal(feed.items.length, 1000);
    assert.equal(feed.items[0]?.guid, 'http://partner.test/northline/notices/1');
    assert.equal(feed.items[999]?.guid, 'http://partner.test/northline/notices/1000');
    assert.deepEqual(feed.warnings, ['The feed has 1,200 items; only the first 1,000 were read']);
  });

  test('honours a smaller maxItems in every format', () => {
    const cases: [file: string, all: number][] = [
      ['rss2/basic.xml', 3],
      ['rss1/basic.xml', 3],
      ['atom/basic.xml', 3],
      ['jsonfeed/v1.1-authors.json', 3],
      ['ninjs/ninjs2.1-items.json', 3],
    ];
    for (const [file, all] of cases) {
      const feed = parseFixture(file, { maxItems: 2 });
      assert.equal(feed.items.length, 2, file);
      assert.ok(feed.warnings.includes(`The feed has ${all} items; only the first 2 were read`), file);
    }
  });

  test('does not warn when the feed is within the cap', () => {
    assert.deepEqual(parseFixture('rss2/basic.xml', { maxItems: 3 }).warnings, []);
  });

  test('reads a 10,000-item feed whole when the cap allows it', () => {
    const items = Array.from(
      { length: 10_000 },
      (_, i) => `<item><title>Notice ${i}</title><link>http://partner.test/n/${i}</link><guid>n-${i}</guid><description>Text ${i}</description></item>`,
    );
    const body = new TextEncoder().encode(`<rss version="2.0"><channel><title>Bulk</title>${items.join('')}</channel></rss>`);
    const feed = parseFeed(body, { url: 'http://partner.test/bulk.xml', maxItems: 10_000 });
    assert.equal(feed.items.length, 10_000);
    assert.equal(feed.items[9_999]?.title, 'Notice 9999');
    assert.deepEqual(feed.warnings, []);
  });

  test('keeps an enormous item whole, and the items around it', () => {
    const feed = parseFixture('rss2/enormous-item.xml');
    assert.deepEqual(feed.items.map((item) => item.title), ['Before the big one', 'The complete tide log, 1990 to today', 'After the big one']);
    const content = feed.items[1]?.contentHtml ?? '';
    assert.ok(content.length > 1_900_000, `content is ${content.length} characters`);
    assert.ok(content.startsWith('<p>Paragraph 1 of the Marrow Bay tide log'));
    assert.ok(content.endsWith('reported no damage.</p>'));
  });

  test('skips items with no title, link or content, and names untitled items from their text', () => {
    const xml = `<rss version="2.0"><channel><title>Rules</title>
      <item><guid>only-a-guid</guid><pubDate>Tue, 05 Mar 2024 10:15:00 GMT</pubDate></item>
      <item><description>Harbour works resume on Monday after the storm damage was assessed by engineers from the county council and the port.</description></item>
      <item><link>http://partner.test/link-only</link></item>
      <item></item>
    </channel></rss>`;
    const feed = parseFeed(new TextEncoder().encode(xml), { url: 'http://partner.test/rules.xml' });
    assert.deepEqual(feed.items.map((item) => item.title), ['Harbour works resume on Monday after the storm damage was assessed by engineers from the…', '']);
    assert.equal(feed.items[1]?.url, 'http://partner.test/link-only');
    assert.deepEqual(feed.warnings, [
      '2 items had no title, link or content and were skipped',
      '1 item had no title; the first words of the text were used instead',
    ]);
  });

  test('keeps both items that share a GUID and warns once', () => {
    const feed = parseFixture('rss2/duplicate-guids.xml');
    assert.deepEqual(feed.items.map((item) => item.guid), ['northline-story-1041', 'northline-story-1041', 'northline-story-1043']);
    assert.deepEqual(feed.warnings, ['1 item repeats the GUID of an earlier item (for example "northline-story-1041")']);
  });

  test('gives the same link for the same article in two feeds, under different GUIDs', () => {
    const [a] = parseFixture('rss2/dup-across-a.xml').items;
    const [b] = parseFixture('atom/dup-across-b.xml').items;
    assert.equal(a?.url, b?.url);
    assert.notEqual(a?.guid, b?.guid);
    assert.equal(a?.title, b?.title);
  });

  test('reads an empty channel as a feed with no items', () => {
    const feed = parseFixture('rss2/empty-channel.xml');
    assert.deepEqual([feed.title, feed.items, feed.warnings], ['Lindenmoor Weekly', [], []]);
  });
});
