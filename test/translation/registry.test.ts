import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { TranslationError, type TranslationProvider } from '../../src/translation/provider.js';
import { createTranslationRegistry, registryOf } from '../../src/translation/providers/registry.js';

/** A stand-in provider supporting exactly the pairs given as 'en-es'. */
function stub(id: string, pairs: string[], health = { ok: true, detail: 'fine' }): TranslationProvider {
  return {
    id,
    supports: async (source, target) => pairs.includes(`${source}-${target}`),
    translate: async () => {
      throw new TranslationError('not used here', 'unavailable', false);
    },
    health: async () => health,
    close: async () => {},
  };
}

describe('translation registry', () => {
  it('picks, per pair, the first provider in order that supports it', async () => {
    const registry = registryOf([stub('apertium', ['en-es', 'en-ca']), stub('libretranslate', ['en-es', 'en-fr']), stub('deepl', ['en-fr', 'en-ja'])]);
    assert.equal((await registry.providerFor('en', 'es'))?.id, 'apertium');
    assert.equal((await registry.providerFor('en', 'fr'))?.id, 'libretranslate');
    assert.equal((await registry.providerFor('en', 'ja'))?.id, 'deepl');
    assert.equal(await registry.providerFor('en', 'ko'), undefined);
  });

  it('gives one health line per provider, and says when there is none', async () => {
    const registry = registryOf([stub('apertium', []), stub('deepl', [], { ok: false, detail: 'DeepL refused the API key' })]);
    assert.deepEqual(await registry.healthLines(), ['apertium: ok, fine', 'deepl: failing, DeepL refused the API key']);
    assert.match((await registryOf([]).healthLines())[0]!, /no translation provider/);
  });

  it('builds the configured providers in order of preference: local Apertium, APY, LibreTranslate, DeepL', () => {
    const { translation } = loadConfig({
      APERTIUM_URL: 'http://127.0.0.1:2737',
      LIBRETRANSLATE_URL: 'http://127.0.0.1:5000',
      DEEPL_API_KEY: 'abcdefgh-1234:fx',
    });
    const all = createTranslationRegistry(translation, { command: '/bin/true' });
    assert.deepEqual(all.providers.map((p) => p.id), ['apertium', 'apertium-apy', 'libretranslate', 'deepl']);
    const none = createTranslationRegistry({}, { command: '/no/such/apertium' });
    assert.deepEqual(none.providers, []);
  });
});

describe('translation configuration', () => {
  it('reads the services and keys', () => {
    assert.deepEqual(
      loadConfig({ LIBRETRANSLATE_URL: 'https://lt.example', LIBRETRANSLATE_API_KEY: 'k3y', DEEPL_API_KEY: 'abcdefgh-1234', DEEPL_URL: 'http://127.0.0.1:9' }).translation,
      { libreTranslateUrl: 'https://lt.example', libreTranslateApiKey: 'k3y', deeplApiKey: 'abcdefgh-1234', deeplUrl: 'http://127.0.0.1:9' },
    );
    assert.deepEqual(loadConfig({}).translation, {});
  });

  it('refuses bad values naming the variable, never echoing a key', () => {
    for (const [env, variable] of [
      [{ APERTIUM_URL: 'ftp://x' }, 'APERTIUM_URL'],
      [{ LIBRETRANSLATE_URL: 'not a url' }, 'LIBRETRANSLATE_URL'],
      [{ DEEPL_API_KEY: 'has a space in it' }, 'DEEPL_API_KEY'],
      [{ LIBRETRANSLATE_API_KEY: 'secret-key-1' }, 'LIBRETRANSLATE_URL'],
      [{ DEEPL_URL: 'http://127.0.0.1:9' }, 'DEEPL_API_KEY'],
    ] as const) {
      assert.throws(
        () => loadConfig(env),
        (error: Error) => error.message.includes(variable) && !error.message.includes('secret-key-1') && !error.message.includes('has a space'),
        variable,
      );
    }
  });
});
