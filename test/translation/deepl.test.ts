import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDeepLProvider, deeplBaseUrl } from '../../src/translation/providers/deepl.js';
import { startFakeDeepL } from '../helpers/fake-deepl.js';
import type { FakeHttpServer } from '../helpers/fake-http.js';
import { rejection } from './rejection.js';

const KEY = '0f1e2d3c-aaaa-bbbb-cccc-123456789abc:fx';
const translateCalls = (fake: FakeHttpServer) => fake.received.filter((r) => r.path === '/v2/translate');

describe('DeepL provider (fake DeepL API)', () => {
  let fake: FakeHttpServer;
  before(async () => {
    fake = await startFakeDeepL({ apiKey: KEY, characterLimit: 200 });
  });
  after(() => fake.close());
  const provider = (overrides: { apiKey?: string; timeoutMs?: number } = {}) =>
    createDeepLProvider({ apiKey: KEY, url: fake.url, backoffMs: 1, ...overrides });

  it('picks the free host for :fx keys and the pro host otherwise, unless told a URL', () => {
    assert.equal(deeplBaseUrl('abc:fx'), 'https://api-free.deepl.com');
    assert.equal(deeplBaseUrl('abc'), 'https://api.deepl.com');
    assert.equal(deeplBaseUrl('abc:fx', 'http://127.0.0.1:9'), 'http://127.0.0.1:9');
  });

  it('sends all fragments in one request with HTML tag handling and the key in the header', async () => {
    const before = translateCalls(fake).length;
    const result = await provider().translate(['Read the <a href="/plan">plan</a>.', 'Two'], 'en', 'de');
    assert.deepEqual(result, ['[DE] Read the <a href="/plan">plan</a>.', '[DE] Two']);
    const sent = translateCalls(fake).slice(before);
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.headers.authorization, `DeepL-Auth-Key ${KEY}`);
    assert.deepEqual(sent[0]!.body, { text: ['Read the <a href="/plan">plan</a>.', 'Two'], source_lang: 'EN', target_lang: 'DE', tag_handling: 'html' });
  });

  it('supports listed pairs, with a regional target for English and Portuguese', async () => {
    const deepl = provider();
    assert.equal(await deepl.supports('es', 'en'), true);
    assert.equal(await deepl.supports('en', 'ko'), false);
    assert.deepEqual(await deepl.translate(['Hola'], 'es', 'en'), ['[EN-GB] Hola']);
    assert.deepEqual(await deepl.translate(['Hola'], 'es', 'pt'), ['[PT-BR] Hola']);
  });

  it('refuses an unlisted pair without sending it, and takes the API’s own 400 as unsupported too', async () => {
    const before = translateCalls(fake).length;
    assert.equal((await rejection(provider().translate(['Hi'], 'en', 'ko'))).code, 'unsupported_pair');
    assert.equal(translateCalls(fake).length, before);
    fake.failNext('/v2/translate', 400, { message: "Value for 'target_lang' not supported." });
    assert.equal((await rejection(provider().translate(['Hi'], 'en', 'es'))).code, 'unsupported_pair');
  });

  it('reports a refused key as bad_key, never quoting the key', async () => {
    const error = await rejection(provider({ apiKey: 'not-the-key-42' }).translate(['Hi'], 'en', 'es'));
    assert.equal(error.code, 'bad_key');
    assert.equal(error.retryable, false);
    assert.doesNotMatch(error.message, /not-the-key-42/);
    const health = await provider({ apiKey: 'not-the-key-42' }).health();
    assert.equal(health.ok, false);
    assert.doesNotMatch(health.detail, /not-the-key-42/);
  });

  it('reports a used-up quota (456) as quota, without retrying', async () => {
    const before = translateCalls(fake).length;
    const error = await rejection(provider().translate(['x'.repeat(500)], 'en', 'es'));
    assert.equal(error.code, 'quota');
    assert.equal(error.retryable, false);
    assert.equal(translateCalls(fake).length, before + 1);
  });

  it('retries after a 429 and succeeds', async () => {
    fake.failNext('/v2/translate', 429, { message: 'Too many requests' });
    const before = translateCalls(fake).length;
    assert.deepEqual(await provider().translate(['Hi'], 'en', 'es'), ['[ES] Hi']);
    assert.equal(translateCalls(fake).length, before + 2);
  });

  it('reports 5xx as unavailable after its retries', async () => {
    fake.failNext('/v2/translate', 502, { message: 'Bad gateway' }, 3);
    const error = await rejection(provider().translate(['Hi'], 'en', 'es'));
    assert.equal(error.code, 'unavailable');
  });

  it('times out on an API that never answers', async () => {
    fake.hangNext('/v2/translate', 3);
    const error = await rejection(provider({ timeoutMs: 100 }).translate(['Hi'], 'en', 'es'));
    assert.equal(error.code, 'timeout');
  });

  it('shows the usage in its health line', async () => {
    const health = await provider().health();
    assert.equal(health.ok, true);
    assert.match(health.detail, new RegExp(`^${fake.url.replace(/\./g, '\\.')}, \\d+ of 200 characters used this period$`));
  });
});
