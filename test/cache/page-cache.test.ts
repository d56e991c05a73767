import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { PageCache, type CachedResponse } from '../../src/cache/page-cache.js';

/** A cached page whose body is `size` bytes of text, tagged with the given surrogate keys. */
function page(size: number, keys: string[] = ['home'], fill = 'x'): CachedResponse {
  const body = Buffer.from(fill.repeat(size));
  return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body, etag: `"${fill}${size}"`, keys };
}

/** What the cache charges for an entry, measured on a roomy cache rather than assumed. */
function costOf(entry: CachedResponse): number {
  const probe = new PageCache(1024 * 1024 * 1024);
  probe.set('/probe', entry);
  return probe.size.bytes;
}

const urls = (cache: PageCache, candidates: string[]) => candidates.filter((url) => cache.get(url) !== undefined);

describe('PageCache', () => {
  it('returns what was set for a URL and nothing for a URL never set', () => {
    const cache = new PageCache(1024 * 1024);
    const entry = page(100);
    cache.set('/articles/a', entry);
    assert.equal(cache.get('/articles/a'), entry);
    assert.equal(cache.get('/articles/b'), undefined);
    assert.deepEqual(cache.size, { entries: 1, bytes: costOf(entry) });
  });

  it('replacing the entry of a URL keeps one entry and charges only the new one', () => {
    const cache = new PageCache(1024 * 1024);
    cache.set('/', page(100));
    const newer = page(300, ['home'], 'y');
    cache.set('/', newer);
    assert.equal(cache.get('/'), newer);
    assert.deepEqual(cache.size, { entries: 1, bytes: costOf(newer) });
  });

  it('evicts the least recently set entry first once over its byte budget', () => {
    const cost = costOf(page(1000));
    // Room for four entries and half of a fifth.
    const cache = new PageCache(4 * cost + Math.floor(cost / 2));
    for (const url of ['/a', '/b', '/c', '/d']) cache.set(url, page(1000));
    assert.equal(cache.size.entries, 4);
    cache.set('/e', page(1000));
    assert.deepEqual(urls(cache, ['/a', '/b', '/c', '/d', '/e']), ['/b', '/c', '/d', '/e']);
    assert.ok(cache.size.bytes <= cache.maxBytes);
  });

  it('a get makes an entry recent again, so the next oldest goes instead', () => {
    const cost = costOf(page(1000));
    const cache = new PageCache(4 * cost + Math.floor(cost / 2));
    for (const url of ['/a', '/b', '/c', '/d']) cache.set(url, page(1000));
    assert.ok(cache.get('/a'));
    cache.set('/e', page(1000));
    assert.equal(cache.get('/b'), undefined);
    assert.deepEqual(urls(cache, ['/a', '/c', '/d', '/e']), ['/a', '/c', '/d', '/e']);
  });

  it('does not keep an entry costing more than a quarter of the budget, and evicts nothing for it', () => {
    const big = page(2000, ['article:9']);
    const cost = costOf(big);
    const cache = new PageCache(4 * cost - 1);
    const small = page(10);
    cache.set('/small', small);
    const before = cache.size;
    cache.set('/big', big);
    assert.equal(cache.get('/big'), undefined);
    assert.equal(cache.get('/small'), small);
    assert.deepEqual(cache.size, before);
    assert.equal(cache.purge(['article:9']), 0);
  });

  it('keeps an entry costing exactly a quarter of the budget', () => {
    const entry = page(2000);
    const cache = new PageCache(4 * costOf(entry));
    cache.set('/exact', entry);
    assert.equal(cache.get('/exact'), entry);
  });

  it('with maxBytes 0 is disabled and keeps nothing', () => {
    const cache = new PageCache(0);
    assert.equal(cache.enabled, false);
    cache.set('/', page(1));
    assert.equal(cache.get('/'), undefined);
    assert.deepEqual(cache.size, { entries: 0, bytes: 0 });
  });

  it('purging a key drops exactly the entries tagged with it and counts them', () => {
    const cache = new PageCache(1024 * 1024);
    cache.set('/articles/one', page(100, ['article:1', 'author:7']));
    cache.set('/articles/two', page(100, ['article:2', 'author:7']));
    cache.set('/authors/seven', page(100, ['author:7', 'article-lists']));
    cache.set('/articles/three', page(100, ['article:3', 'author:8']));
    cache.set('/', page(100, ['home', 'article-lists']));
    const all = ['/articles/one', '/articles/two', '/authors/seven', '/articles/three', '/'];

    assert.equal(cache.purge(['author:7']), 3);
    assert.deepEqual(urls(cache, all), ['/articles/three', '/']);
    assert.equal(cache.purge(['author:7']), 0, 'a purged key no longer names anything');
    assert.equal(cache.purge(['term:404']), 0);
    assert.deepEqual(urls(cache, all), ['/articles/three', '/']);
  });

  it('purging several keys drops an entry tagged with more than one of them only once', () => {
    const cache = new PageCache(1024 * 1024);
    cache.set('/', page(100, ['home', 'article-lists']));
    cache.set('/regions/europe', page(100, ['term:1', 'article-lists']));
    cache.set('/articles/kept', page(100, ['article:5']));
    assert.equal(cache.purge(['home', 'article-lists']), 2);
    assert.deepEqual(urls(cache, ['/', '/regions/europe', '/articles/kept']), ['/articles/kept']);
  });

  it('the key "all" empties the cache', () => {
    const cache = new PageCache(1024 * 1024);
    cache.set('/', page(100, ['home']));
    cache.set('/articles/a', page(100, ['article:1']));
    cache.set('/sources/s', page(100, ['source:2']));
    assert.equal(cache.purge(['all']), 3);
    assert.deepEqual(cache.size, { entries: 0, bytes: 0 });
    assert.equal(cache.get('/articles/a'), undefined);
    cache.set('/articles/a', page(100, ['article:1']));
    assert.equal(cache.purge(['article:1']), 1, 'keys still work after emptying');
  });

  it('counts bytes back to zero once every entry, gzipped or not, is purged by its keys', () => {
    const cache = new PageCache(1024 * 1024);
    const pages: [string, CachedResponse][] = [
      ['/a', page(3000, ['article:1', 'author:1'], 'abc ')],
      ['/b', page(2000, ['article:2', 'author:1'], 'def ')],
      ['/c', page(1000, ['home'], 'ghi ')],
    ];
    for (const [url, entry] of pages) cache.set(url, entry);
    cache.gzipped('/a', pages[0]![1]);
    cache.gzipped('/c', pages[2]![1]);
    assert.ok(cache.size.bytes > 0);
    cache.purge(['author:1']);
    cache.purge(['home']);
    assert.deepEqual(cache.size, { entries: 0, bytes: 0 });
  });

  it('counts bytes back to zero after entries are evicted and replaced', () => {
    const cost = costOf(page(1000, ['article:0']));
    const cache = new PageCache(4 * cost);
    for (let i = 0; i < 10; i++) {
      const entry = page(1000, [`article:${i}`]);
      cache.set(`/p${i % 6}`, entry);
      cache.gzipped(`/p${i % 6}`, entry);
    }
    assert.ok(cache.size.entries > 0);
    for (let i = 0; i < 10; i++) cache.purge([`article:${i}`]);
    assert.deepEqual(cache.size, { entries: 0, bytes: 0 });
  });

  it('gzipped() gives valid gzip of the body, made once and charged to the entry', () => {
    const cache = new PageCache(1024 * 1024);
    const entry = page(5000, ['home'], '<p>Broadsheet</p>');
    cache.set('/', entry);
    const plainBytes = cache.size.bytes;

    const gz = cache.gzipped('/', entry);
    assert.equal(gz[0], 0x1f);
    assert.equal(gz[1], 0x8b);
    assert.deepEqual(gunzipSync(gz), entry.body);
    assert.equal(cache.size.bytes, plainBytes + gz.length);

    assert.equal(cache.gzipped('/', entry), gz, 'the same buffer is returned again');
    assert.equal(cache.size.bytes, plainBytes + gz.length, 'and it is not charged twice');
  });

  it('gzipped() still compresses an entry the cache did not keep, without charging for it', () => {
    const cache = new PageCache(0);
    const entry = page(500, ['home'], 'hello ');
    const gz = cache.gzipped('/', entry);
    assert.deepEqual(gunzipSync(gz), entry.body);
    assert.deepEqual(cache.size, { entries: 0, bytes: 0 });
  });
});
