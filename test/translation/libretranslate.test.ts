import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createLibreTranslateProvider } from '../../src/translation/providers/libretranslate.js';
import type { FakeHttpServer } from '../helpers/fake-http.js';
import { startFakeLibreTranslate } from '../helpers/fake-libretranslate.js';
import { rejection } from './rejection.js';

const translateCalls = (fake: FakeHttpServer) => fake.received.filter((r) => r.path === '/translate');

describe('LibreTranslate provider (fake LibreTranslate server)', () => {
  let fake: FakeHttpServer;
  before(async () => {
    fake = await startFakeLibreTranslate({ apiKey: 'lt-secret-key' });
  });
  after(() => fake.close());
  const provider = (overrides: { apiKey?: string; timeoutMs?: number } = {}) =>
    createLibreTranslateProvider({ url: fake.url, apiKey: 'lt-secret-key', backoffMs: 1, ...overrides });

  it('sends every fragment in one HTML request with the key, and returns them in order', async () => {
    const before = translateCalls(fake).length;
    const result = await provider().translate(['Read the <a href="/plan">plan</a>.', 'Second <em>one</em>.'], 'en', 'es');
    assert.deepEqual(result, ['[es] Read the <a href="/plan">plan</a>.', '[es] Second <em>one</em>.']);
    const sent = translateCalls(fake).slice(before);
    assert.equal(sent.length, 1);
    assert.deepEqual(sent[0]!.body, {
      q: ['Read the <a href="/plan">plan</a>.', 'Second <em>one</em>.'],
      source: 'en',
      target: 'es',
      format: 'html',
      api_key: 'lt-secret-key',
    });
  });

  it('supports the pairs the server lists, matching a listed variant of the language', async () => {
    const lt = provider();
    assert.equal(await lt.supports('en', 'es'), true);
    assert.equal(await lt.supports('en', 'zh'), true);
    assert.equal(await lt.supports('en', 'ja'), false);
    assert.deepEqual(await lt.translate(['Hi'], 'en', 'zh'), ['[zh-Hans] Hi']);
  });

  it('refuses a pair the server does not list, without sending it', async () => {
    const before = translateCalls(fake).length;
    const error = await rejection(provider().translate(['Hi'], 'en', 'ja'));
    assert.equal(error.code, 'unsupported_pair');
    assert.equal(translateCalls(fake).length, before);
  });

  it('takes the server’s 400 "not supported" as an unsupported pair', async () => {
    fake.failNext('/translate', 400, { error: 'fr is not supported' });
    const error = await rejection(provider().translate(['Hi'], 'en', 'fr'));
    assert.equal(error.code, 'unsupported_pair');
    assert.equal(error.retryable, false);
  });

  it('reports a refused key as bad_key without retrying or quoting the key', async () => {
    const before = translateCalls(fake).length;
    const error = await rejection(provider({ apiKey: 'wrong-key-123' }).translate(['Hi'], 'en', 'es'));
    assert.equal(error.code, 'bad_key');
    assert.equal(error.retryable, false);
    assert.equal(translateCalls(fake).length, before + 1);
    assert.doesNotMatch(error.message, /wrong-key-123/);
  });

  it('retries after a 429 and succeeds', async () => {
    fake.failNext('/translate', 429, { error: 'Slowdown: 30 per 1 minute' });
    const before = translateCalls(fake).length;
    assert.deepEqual(await provider().translate(['Hi'], 'en', 'es'), ['[es] Hi']);
    assert.equal(translateCalls(fake).length, before + 2);
  });

  it('gives up after three 5xx answers as unavailable', async () => {
    fake.failNext('/translate', 503, { error: 'overloaded' }, 3);
    const before = translateCalls(fake).length;
    const error = await rejection(provider().translate(['Hi'], 'en', 'es'));
    assert.equal(error.code, 'unavailable');
    assert.equal(error.retryable, true);
    assert.equal(translateCalls(fake).length, before + 3);
  });

  it('times out on a server that never answers', async () => {
    fake.hangNext('/translate', 3);
    const error = await rejection(provider({ timeoutMs: 100 }).translate(['Hi'], 'en', 'es'));
    assert.equal(error.code, 'timeout');
    assert.equal(error.retryable, true);
  });

  it('says in its health line whether the server answers', async () => {
    const health = await provider().health();
    assert.deepEqual(health, { ok: true, detail: `${fake.url}: 4 languages` });
    const down = await createLibreTranslateProvider({ url: 'http://127.0.0.1:1', backoffMs: 1 }).health();
    assert.equal(down.ok, false);
    assert.match(down.detail, /unreachable/);
  });
});
