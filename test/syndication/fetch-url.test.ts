import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { FEED_ACCEPT, FetchError, fetchUrl, type FetchErrorCode, type FetchLimits } from '../../src/syndication/fetch-url.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';

const MB = 1024 * 1024;
const limits: FetchLimits = { timeoutMs: 5000, maxBytes: 5 * MB, maxRedirects: 5, userAgent: 'Broadsheet-test/1.0' };

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>The Harbour Gazette</title></channel></rss>';

/** Runs `fetching` and returns the FetchError it must fail with, checking its code. */
async function failure(fetching: Promise<unknown>, code: FetchErrorCode): Promise<FetchError> {
  const error = await fetching.then(
    () => assert.fail(`expected a ${code} failure`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof FetchError, `expected a FetchError, got ${String(error)}`);
  assert.equal(error.code, code, error.message);
  return error;
}

/** A loopback port nothing listens on: bound once to learn a free number, then released. */
async function refusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('fetchUrl', () => {
  let server: FeedServer;
  before(async () => {
    server = await startFeedServer();
  });
  after(() => server.close());

  test('a 200 returns the body with its validators, final URL and content type', async () => {
    server.file('/ok.xml', FEED, { contentType: 'application/rss+xml', etag: '"v1"', lastModified: 'Tue, 03 Mar 2026 08:00:00 GMT' });
    const outcome = await fetchUrl(`${server.url}/ok.xml`, limits);
    assert.equal(outcome.kind, 'ok');
    assert.ok(outcome.kind === 'ok');
    assert.equal(outcome.url, `${server.url}/ok.xml`);
    assert.equal(outcome.status, 200);
    assert.equal(Buffer.from(outcome.body).toString(), FEED);
    assert.equal(outcome.contentType, 'application/rss+xml');
    assert.equal(outcome.etag, '"v1"');
    assert.equal(outcome.lastModified, 'Tue, 03 Mar 2026 08:00:00 GMT');
  });

  test('sends the user agent and the feed Accept header by default, or the Accept it is given', async () => {
    server.file('/accept.xml', FEED);
    await fetchUrl(`${server.url}/accept.xml`, limits);
    await fetchUrl(`${server.url}/accept.xml`, limits, undefined, 'text/html');
    const [first, second] = server.requests('/accept.xml');
    assert.equal(first?.headers['user-agent'], 'Broadsheet-test/1.0');
    assert.equal(first?.headers.accept, FEED_ACCEPT);
    assert.equal(second?.headers.accept, 'text/html');
  });

  test('a conditional GET sends If-None-Match and If-Modified-Since and reports not_modified on 304', async () => {
    server.file('/conditional.xml', FEED);
    const first = await fetchUrl(`${server.url}/conditional.xml`, limits);
    assert.ok(first.kind === 'ok' && first.etag && first.lastModified);

    const second = await fetchUrl(`${server.url}/conditional.xml`, limits, { etag: first.etag, lastModified: first.lastModified });
    assert.deepEqual(second, { kind: 'not_modified', url: `${server.url}/conditional.xml` });
    const seen = server.requests('/conditional.xml')[1]!;
    assert.equal(seen.headers['if-none-match'], first.etag);
    assert.equal(seen.headers['if-modified-since'], first.lastModified);
  });

  test('a changed feed answers a conditional GET with the new body', async () => {
    server.file('/changed.xml', FEED, { etag: '"v2"' });
    const outcome = await fetchUrl(`${server.url}/changed.xml`, limits, { etag: '"v1"' });
    assert.equal(outcome.kind, 'ok');
  });

  test('follows a redirect chain and reports the final URL', async () => {
    server.redirect('/chain/1', `${server.url}/chain/2`, 301);
    server.redirect('/chain/2', `${server.url}/chain/3`, 307);
    server.redirect('/chain/3', `${server.url}/chain/end.xml`, 308);
    server.file('/chain/end.xml', FEED);
    const outcome = await fetchUrl(`${server.url}/chain/1`, limits);
    assert.ok(outcome.kind === 'ok');
    assert.equal(outcome.url, `${server.url}/chain/end.xml`);
    assert.equal(Buffer.from(outcome.body).toString(), FEED);
  });

  test('resolves a relative Location against the current URL', async () => {
    server.redirect('/moved/old/feed', '../new/feed.xml', 302);
    server.file('/moved/new/feed.xml', FEED);
    const outcome = await fetchUrl(`${server.url}/moved/old/feed`, limits);
    assert.equal(outcome.url, `${server.url}/moved/new/feed.xml`);
  });

  test('a redirect loop fails as too_many_redirects', async () => {
    server.redirect('/loop/a', '/loop/b');
    server.redirect('/loop/b', '/loop/a');
    const error = await failure(fetchUrl(`${server.url}/loop/a`, limits), 'too_many_redirects');
    assert.match(error.message, /more than 5 times/);
    assert.equal(server.requests('/loop/a').length + server.requests('/loop/b').length, 6);
  });

  test('a chain of exactly maxRedirects hops is followed, one more is refused', async () => {
    server.redirect('/hops/1', '/hops/2');
    server.redirect('/hops/2', '/hops/3');
    server.file('/hops/3', FEED);
    assert.equal((await fetchUrl(`${server.url}/hops/1`, { ...limits, maxRedirects: 2 })).kind, 'ok');
    await failure(fetchUrl(`${server.url}/hops/1`, { ...limits, maxRedirects: 1 }), 'too_many_redirects');
  });

  test('a redirect to ftp: or file: is refused as bad_url', async () => {
    server.redirect('/to-ftp', 'ftp://files.example/feed.xml');
    server.redirect('/to-file', 'file:///etc/passwd', 301);
    const ftp = await failure(fetchUrl(`${server.url}/to-ftp`, limits), 'bad_url');
    assert.match(ftp.message, /ftp:/);
    await failure(fetchUrl(`${server.url}/to-file`, limits), 'bad_url');
  });

  test('a start URL that is not http or https is refused as bad_url', async () => {
    await failure(fetchUrl('file:///etc/passwd', limits), 'bad_url');
    await failure(fetchUrl('not a url at all', limits), 'bad_url');
  });

  test('404 and 500 fail as http_status with the status and plain words', async () => {
    server.file('/gone.xml', 'nothing here', { status: 404 });
    server.file('/broken.xml', 'oops', { status: 500 });
    const missing = await failure(fetchUrl(`${server.url}/gone.xml`, limits), 'http_status');
    assert.equal(missing.status, 404);
    assert.equal(missing.message, 'The server answered 404 Not Found');
    const broken = await failure(fetchUrl(`${server.url}/broken.xml`, limits), 'http_status');
    assert.equal(broken.status, 500);
    assert.equal(broken.message, 'The server answered 500 Internal Server Error (try later)');
  });

  test('a server that never answers fails as timeout', async () => {
    server.hang('/hang.xml');
    const error = await failure(fetchUrl(`${server.url}/hang.xml`, { ...limits, timeoutMs: 300 }), 'timeout');
    assert.match(error.message, /0\.3 seconds/);
    await server.requests('/hang.xml')[0]!.closed;
  });

  test('a body that trickles forever fails as timeout and the connection is dropped', async () => {
    server.trickle('/trickle.xml');
    await failure(fetchUrl(`${server.url}/trickle.xml`, { ...limits, timeoutMs: 300 }), 'timeout');
    const seen = server.requests('/trickle.xml')[0]!;
    await seen.closed;
    assert.equal(seen.finished, false);
  });

  for (const contentLength of [true, false]) {
    test(`a 500 MB body ${contentLength ? 'with' : 'without'} Content-Length fails as too_large and the server stops writing`, async () => {
      const route = `/huge-${contentLength ? 'declared' : 'chunked'}.xml`;
      server.huge(route, 500 * MB, { contentLength });
      const error = await failure(fetchUrl(`${server.url}${route}`, { ...limits, maxBytes: MB }), 'too_large');
      assert.equal(error.message, 'The answer is larger than 1 MB; Broadsheet stopped reading it');
      const seen = server.requests(route)[0]!;
      await seen.closed;
      assert.equal(seen.finished, false);
      assert.ok(seen.bytesSent < 50 * MB, `the server wrote ${seen.bytesSent} bytes`);
    });
  }

  test('a body exactly at the cap is read whole', async () => {
    server.huge('/fits.xml', MB);
    const outcome = await fetchUrl(`${server.url}/fits.xml`, { ...limits, maxBytes: MB });
    assert.ok(outcome.kind === 'ok');
    assert.equal(outcome.body.byteLength, MB);
  });

  test('a refused connection fails as network with the host in plain words', async () => {
    const port = await refusedPort();
    const error = await failure(fetchUrl(`http://127.0.0.1:${port}/feed.xml`, limits), 'network');
    assert.equal(error.message, `Could not connect to 127.0.0.1:${port}: connection refused`);
  });

  test('URL credentials never appear in messages', async () => {
    const port = await refusedPort();
    server.file('/private/missing.xml', 'no', { status: 404 });
    server.hang('/private/hang.xml');
    server.redirect('/private/out', 'ftp://editor:hunter2@files.example/feed.xml');
    const at = (base: string) => base.replace('http://', 'http://editor:hunter2@');
    const errors = [
      await failure(fetchUrl(`http://editor:hunter2@127.0.0.1:${port}/feed.xml`, limits), 'network'),
      await failure(fetchUrl(`${at(server.url)}/private/missing.xml`, limits), 'http_status'),
      await failure(fetchUrl(`${at(server.url)}/private/hang.xml`, { ...limits, timeoutMs: 200 }), 'timeout'),
      await failure(fetchUrl(`${at(server.url)}/private/out`, limits), 'bad_url'),
      await failure(fetchUrl('ftp://editor:hunter2@files.example/feed.xml', limits), 'bad_url'),
    ];
    for (const error of errors) {
      assert.doesNotMatch(error.message, /hunter2|editor/, error.message);
    }
  });

  test('URL credentials are sent as Basic auth to their own origin only, and left out of the final URL', async () => {
    const other = await startFeedServer();
    try {
      other.file('/feed.xml', FEED);
      server.redirect('/auth/start', '/auth/next');
      server.redirect('/auth/next', `${other.url}/feed.xml`);
      const outcome = await fetchUrl(`${server.url.replace('http://', 'http://editor:p%40ss@')}/auth/start`, limits);
      assert.equal(outcome.url, `${other.url}/feed.xml`);
      const expected = `Basic ${Buffer.from('editor:p@ss').toString('base64')}`;
      assert.equal(server.requests('/auth/start')[0]?.headers.authorization, expected);
      assert.equal(server.requests('/auth/next')[0]?.headers.authorization, expected);
      assert.equal(other.requests('/feed.xml')[0]?.headers.authorization, undefined);
    } finally {
      await other.close();
    }
  });
});
