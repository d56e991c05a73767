import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { canonicalArticleUrl, contentFingerprint, itemVersionHash } from '../../src/syndication/item-identity.js';

const STORY = 'https://www.tidewater-ledger.example/news/harbour-vote?id=42';

describe('canonicalArticleUrl', () => {
  test('treats URLs that differ only in tracking, case, fragment, slash, port or parameter order as one article', () => {
    const variants = [
      STORY,
      'HTTPS://WWW.Tidewater-Ledger.EXAMPLE/news/harbour-vote?id=42',
      'https://www.tidewater-ledger.example/news/harbour-vote?id=42#comments',
      'https://www.tidewater-ledger.example/news/harbour-vote/?id=42',
      'https://www.tidewater-ledger.example:443/news/harbour-vote?id=42',
      'https://www.tidewater-ledger.example/news/harbour-vote?utm_source=rss&id=42&utm_medium=feed&UTM_Campaign=x',
      'https://www.tidewater-ledger.example/news/harbour-vote?fbclid=a&gclid=b&id=42&mc_cid=c&mc_eid=d&ref=e',
      '  https://www.tidewater-ledger.example/news/harbour-vote?id=42  ',
    ];
    for (const variant of variants) assert.equal(canonicalArticleUrl(variant), STORY, variant);
  });

  test('sorts the remaining query parameters by name', () => {
    assert.equal(
      canonicalArticleUrl('https://ledger.example/a?page=2&edition=west&id=9'),
      'https://ledger.example/a?edition=west&id=9&page=2',
    );
  });

  test('treats http and https as the same article, written as https', () => {
    assert.equal(canonicalArticleUrl('http://www.tidewater-ledger.example/news/harbour-vote?id=42'), STORY);
    assert.equal(canonicalArticleUrl('http://www.tidewater-ledger.example:80/news/harbour-vote?id=42'), STORY);
  });

  test('keeps the slash of the root path', () => {
    assert.equal(canonicalArticleUrl('https://ledger.example'), 'https://ledger.example/');
    assert.equal(canonicalArticleUrl('https://ledger.example/?utm_source=x'), 'https://ledger.example/');
  });

  test('keeps apart URLs that name different articles', () => {
    const different = [
      'https://www.tidewater-ledger.example/News/Harbour-Vote?id=42',
      'https://www.tidewater-ledger.example/news/harbour-vote?id=43',
      'https://www.tidewater-ledger.example/news/harbour-vote',
      'https://tidewater-ledger.example/news/harbour-vote?id=42',
      'https://www.tidewater-ledger.example:8443/news/harbour-vote?id=42',
      'https://www.tidewater-ledger.example/news/harbour-vote?id=42&tag=b&tag=a',
    ];
    const canonical = new Set([STORY, ...different].map((url) => canonicalArticleUrl(url)));
    assert.equal(canonical.size, different.length + 1);
  });

  test('keeps the order of repeated parameters', () => {
    assert.notEqual(canonicalArticleUrl('https://ledger.example/a?tag=a&tag=b'), canonicalArticleUrl('https://ledger.example/a?tag=b&tag=a'));
  });

  test('returns null for non-http(s) or unparseable input', () => {
    for (const url of ['ftp://ledger.example/a', 'mailto:desk@ledger.example', 'javascript:alert(1)', '/news/a', 'not a url', '']) {
      assert.equal(canonicalArticleUrl(url), null, url);
    }
  });
});

describe('contentFingerprint', () => {
  const title = 'Harbour board approves the new quay';
  const body =
    '<p>The harbour board voted "yes" on Tuesday night, after a three-hour debate.</p>' +
    "<p>It's the first new quay since 1987 &mdash; and it won't be the last, the chair said.</p>";

  test('matches the same story re-wrapped in other markup, whitespace, entities and quotes', () => {
    const rewrapped =
      '<div class="story">\n' +
      '<section><p>The <a href="/board">harbour board</a> voted &ldquo;yes&rdquo; on Tuesday&nbsp;night, after a three&#8209;hour debate.</p>\n' +
      '<p>It&#8217;s the first new quay since 1987 — and it won’t be the last,<br>the chair said.</p></section>' +
      '<script>track()</script></div>';
    assert.equal(contentFingerprint('<b>HARBOUR BOARD</b> approves the new quay', rewrapped), contentFingerprint(title, body));
  });

  test('matches text whose only differences are Unicode compatibility forms', () => {
    assert.equal(contentFingerprint('Ｑｕａｙ ﬁnished', '<p>Caf\u0065\u0301 opens</p>'), contentFingerprint('Quay finished', '<p>Caf\u00e9 opens</p>'));
  });

  test('is a SHA-256 hex digest', () => {
    assert.match(contentFingerprint(title, body) ?? '', /^[0-9a-f]{64}$/);
  });

  test('differs for a different story', () => {
    const other = '<p>The harbour board voted "no" on Tuesday night, after a three-hour debate.</p>';
    assert.notEqual(contentFingerprint(title, other), contentFingerprint(title, body));
    assert.notEqual(contentFingerprint('Ferry timetable changes', body), contentFingerprint(title, body));
  });

  test('looks only at the first 400 words, so a late addendum keeps the fingerprint', () => {
    const long = `<p>${'word '.repeat(450)}</p>`;
    assert.equal(contentFingerprint(title, `${long}<p>Correction: an earlier version misspelt a name.</p>`), contentFingerprint(title, long));
  });

  test('is null for empty content', () => {
    assert.equal(contentFingerprint('', ''), null);
    assert.equal(contentFingerprint('  ', '<p> &nbsp; </p><script>only()</script><p>— “ ”</p>'), null);
  });
});

type Parts = Record<string, string | string[] | null>;

describe('itemVersionHash', () => {
  const parts: Parts = {
    title: 'Harbour board approves the new quay',
    summary: 'A three-hour debate ends in a vote.',
    content: '<p>The board voted yes.</p>',
    publishedAt: '2024-05-14T20:00:00Z',
    updatedAt: null,
    categories: ['harbour', 'council'],
  };

  test('is stable across key order', () => {
    const reversed = Object.fromEntries(Object.entries(parts).reverse());
    assert.equal(itemVersionHash(reversed), itemVersionHash(parts));
  });

  test('changes when any part changes', () => {
    const original = itemVersionHash(parts);
    const changes: Parts[] = [
      { title: 'Harbour board approves a new quay' },
      { summary: 'A three-hour debate ends in a vote!' },
      { content: '<p>The board voted no.</p>' },
      { publishedAt: '2024-05-14T20:00:01Z' },
      { updatedAt: '2024-05-15T08:00:00Z' },
      { categories: ['harbour'] },
      { categories: ['council', 'harbour'] },
      { author: 'Ines Varga' },
    ];
    for (const change of changes) assert.notEqual(itemVersionHash({ ...parts, ...change }), original, JSON.stringify(change));
  });

  test('tells null, empty text and an empty list apart', () => {
    const hashes = new Set([null, '', []].map((value) => itemVersionHash({ ...parts, updatedAt: value })));
    assert.equal(hashes.size, 3);
  });
});
