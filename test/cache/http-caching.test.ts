import assert from 'node:assert/strict';
import http from 'node:http';
import { before, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import type { ArticleInput } from '../../src/content/inputs.js';
import { forEachDatabase } from '../helpers/databases.js';
import { makeArticle, makeAuthor, makeTerm } from '../helpers/factories.js';
import { useTestApp, type RunningApp } from '../helpers/test-app.js';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET that sends exactly the given headers and hands back the bytes as they came (fetch would decompress). */
function rawGet(t: RunningApp, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.get(t.baseUrl + path, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

forEachDatabase('HTTP caching of pages', (dialect) => {
  const t = useTestApp(dialect);
  const input = (slug: string, title: string): ArticleInput => ({
    slug,
    title,
    bodyHtml: `<p>Reporting for ${slug}.</p>`,
    status: 'published',
    authors: ['nell-byline'],
    regions: ['baltic'],
    themes: ['shipping'],
  });

  before(async () => {
    const { content } = t.app;
    await content.settings.update({ siteName: 'The Harbour Gazette' });
    await makeAuthor(content, { slug: 'nell-byline', name: 'Nell Byline' });
    await makeAuthor(content, { slug: 'otto-elsewhere', name: 'Otto Elsewhere' });
    await makeTerm(content, 'region', { slug: 'baltic', name: 'Baltic' });
    await makeTerm(content, 'region', { slug: 'andes', name: 'Andes' });
    await makeTerm(content, 'theme', { slug: 'shipping', name: 'Shipping' });
    for (const slug of ['headers', 'conditional', 'gzip', 'cached', 'edited', 'renamed']) {
      await content.editor.create(input(`${slug}-story`, `The ${slug} story`));
    }
    await makeArticle(content, { slug: 'unrelated-story', title: 'An Andean story', authors: ['otto-elsewhere'], regions: ['andes'] });
  });

  it('gives a page an ETag, a CDN-friendly Cache-Control, Vary: Accept-Encoding and its surrogate keys', async () => {
    const res = await t.get('/articles/headers-story');
    assert.equal(res.status, 200);
    await res.text();
    assert.match(res.headers.get('etag') ?? '', /^"[^"]+"$/);
    const cacheControl = res.headers.get('cache-control') ?? '';
    assert.match(cacheControl, /\bpublic\b/);
    assert.match(cacheControl, /\bs-maxage=[1-9]\d*\b/);
    assert.match(cacheControl, /\bstale-while-revalidate=[1-9]\d*\b/);
    assert.equal(res.headers.get('vary'), 'Accept-Encoding');
    const id = await t.app.content.editor.idBySlug('headers-story');
    const author = await t.app.content.directory.authorBySlug('nell-byline');
    const keys = (res.headers.get('surrogate-key') ?? '').split(' ');
    assert.ok(keys.includes(`article:${id}`), `surrogate keys ${keys.join(' ')} name the article`);
    assert.ok(keys.includes(`author:${author!.id}`), `surrogate keys ${keys.join(' ')} name its author`);
  });

  it('answers If-None-Match with its ETag by a bodiless 304, when rendering and on a cache hit', async () => {
    const path = '/articles/conditional-story';
    const first = await rawGet(t, path);
    const etag = first.headers.etag as string;
    const gzipped = await rawGet(t, path, { 'accept-encoding': 'gzip' });
    assert.notEqual(gzipped.headers.etag, etag, 'the gzip representation has its own strong tag');
    assert.equal((await rawGet(t, path, { 'accept-encoding': 'gzip', 'if-none-match': gzipped.headers.etag as string })).status, 304);

    t.app.cache.purge(['all']);
    assert.equal(t.app.cache.get(path), undefined);
    const rendered = await rawGet(t, path, { 'if-none-match': etag });
    assert.equal(rendered.status, 304);
    assert.equal(rendered.body.length, 0);
    assert.equal(rendered.headers.etag, etag);

    assert.ok(t.app.cache.get(path), 'the rendered page was kept');
    const hit = await rawGet(t, path, { 'if-none-match': etag });
    assert.equal(hit.status, 304);
    assert.equal(hit.body.length, 0);
    assert.equal(hit.headers.etag, etag);

    const stale = await rawGet(t, path, { 'if-none-match': '"some-other-version"' });
    assert.equal(stale.status, 200);
    assert.match(stale.body.toString(), /The conditional story/);
  });

  it('sends gzip to a client that accepts it, decompressing to the same HTML, rendered or cached', async () => {
    const path = '/articles/gzip-story';
    t.app.cache.purge(['all']);
    const rendered = await rawGet(t, path, { 'accept-encoding': 'gzip' });
    const cached = await rawGet(t, path, { 'accept-encoding': 'gzip' });
    const identity = await rawGet(t, path);
    assert.equal(identity.status, 200);
    assert.equal(identity.headers['content-encoding'], undefined);
    assert.match(identity.body.toString(), /The gzip story/);
    for (const res of [rendered, cached]) {
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(res.body).toString(), identity.body.toString());
    }
  });

  it('serves a second request from the cache: a change made behind the service does not show', async () => {
    const path = '/articles/cached-story';
    t.app.cache.purge(['all']);
    const first = await t.html(path);
    assert.equal(t.app.cache.size.entries, 1);
    assert.equal(await t.html(path), first);
    assert.equal(t.app.cache.size.entries, 1);

    await t.app.database.db.updateTable('articles').set({ title: 'A sneaky headline' }).where('slug', '=', 'cached-story').execute();
    const cached = await t.html(path);
    assert.match(cached, /The cached story/);
    assert.doesNotMatch(cached, /A sneaky headline/);

    const id = await t.app.content.editor.idBySlug('cached-story');
    t.app.cache.purge([`article:${id}`]);
    assert.match(await t.html(path), /A sneaky headline/, 'the row really changed; only the cache hid it');
  });

  it('shows an edit made through the editor at once', async () => {
    const path = '/articles/edited-story';
    assert.match(await t.html(path), /The edited story/);
    assert.ok(t.app.cache.get(path));
    const id = (await t.app.content.editor.idBySlug('edited-story'))!;
    await t.app.content.editor.update(id, input('edited-story', 'A corrected headline'));
    const html = await t.html(path);
    assert.match(html, /A corrected headline/);
    assert.doesNotMatch(html, /The edited story/);
  });

  it('shows a renamed author on the article page and the author page at once', async () => {
    const pages = ['/articles/renamed-story', '/authors/nell-byline'];
    for (const path of pages) assert.match(await t.html(path), /Nell Byline/);
    await t.app.content.directory.saveAuthor({ slug: 'nell-byline', name: 'Nell Masthead', bio: 'Now on the desk.' });
    for (const path of pages) {
      const html = await t.html(path);
      assert.match(html, /Nell Masthead/, path);
      assert.doesNotMatch(html, /Nell Byline/, path);
    }
  });

  it('shows changed settings on every page at once', async () => {
    const pages = ['/', '/articles/headers-story', '/authors/otto-elsewhere', '/regions/baltic', '/themes/shipping', '/archive'];
    for (const path of pages) assert.match(await t.html(path), /The Harbour Gazette/, path);
    await t.app.content.settings.update({ siteName: 'The Estuary Courier' });
    for (const path of pages) {
      const html = await t.html(path);
      assert.match(html, /The Estuary Courier/, path);
      assert.doesNotMatch(html, /The Harbour Gazette/, path);
    }
  });

  it('a new article purges the home page and its region page, and leaves unrelated pages cached', async () => {
    for (const path of ['/', '/regions/baltic', '/articles/unrelated-story']) await t.html(path);
    assert.ok(t.app.cache.get('/articles/unrelated-story'));
    await t.app.content.editor.create(input('breaking-story', 'A breaking Baltic story'));
    assert.match(await t.html('/'), /A breaking Baltic story/);
    assert.match(await t.html('/regions/baltic'), /A breaking Baltic story/);
    assert.ok(t.app.cache.get('/articles/unrelated-story'), 'a page showing nothing it touched stays cached');
  });

  it('does not cache a 404, which says no-store', async () => {
    const before = t.app.cache.size.entries;
    const res = await t.get('/articles/later-story');
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.headers.get('etag'), null);
    await res.text();
    assert.equal(t.app.cache.size.entries, before);
    assert.equal(t.app.cache.get('/articles/later-story'), undefined);

    await t.app.content.editor.create(input('later-story', 'A story that came later'));
    assert.match(await t.html('/articles/later-story'), /A story that came later/);
  });
});

forEachDatabase('HTTP caching with the page cache turned off', (dialect) => {
  const t = useTestApp(dialect, { pageCacheBytes: 0 });

  before(async () => {
    await makeAuthor(t.app.content, { slug: 'ida-nocache' });
    await makeArticle(t.app.content, { slug: 'uncached-story', title: 'The uncached story', authors: ['ida-nocache'] });
  });

  it('keeps nothing, so a change made behind the service shows at once', async () => {
    assert.match(await t.html('/articles/uncached-story'), /The uncached story/);
    assert.deepEqual(t.app.cache.size, { entries: 0, bytes: 0 });
    await t.app.database.db.updateTable('articles').set({ title: 'A direct edit' }).where('slug', '=', 'uncached-story').execute();
    assert.match(await t.html('/articles/uncached-story'), /A direct edit/);
    assert.equal(t.app.cache.size.entries, 0);
  });

  it('still answers If-None-Match with its ETag by a bodiless 304', async () => {
    const res = await t.get('/articles/uncached-story');
    const etag = res.headers.get('etag');
    assert.match(etag ?? '', /^"[^"]+"$/);
    await res.text();
    const again = await rawGet(t, '/articles/uncached-story', { 'if-none-match': etag! });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(t.app.cache.size.entries, 0);
  });
});
