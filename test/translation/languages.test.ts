import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_LANGUAGES, languageByCode, matchListedCode } from '../../src/translation/languages.js';

describe('default languages', () => {
  it('lists 51 languages, each code once, with names and an ISO 639-3 code', () => {
    assert.equal(DEFAULT_LANGUAGES.length, 51);
    assert.equal(new Set(DEFAULT_LANGUAGES.map((l) => l.code)).size, 51);
    for (const language of DEFAULT_LANGUAGES) {
      assert.match(language.code, /^[a-z]{2,3}$/);
      assert.match(language.iso639_3, /^[a-z]{3}$/);
      assert.ok(language.englishName && language.nativeName, language.code);
      assert.equal(language.nativeName, language.nativeName.normalize('NFC'), `${language.code} native name is NFC`);
    }
  });

  it('writes right to left exactly Arabic, Persian, Hebrew and Urdu', () => {
    assert.deepEqual(DEFAULT_LANGUAGES.filter((l) => l.direction === 'rtl').map((l) => l.code).sort(), ['ar', 'fa', 'he', 'ur']);
  });

  it('finds a language by code, case-insensitively, Norwegian as Bokmål', () => {
    assert.equal(languageByCode('es')?.nativeName, 'Español');
    assert.equal(languageByCode('DE')?.englishName, 'German');
    assert.equal(languageByCode('no')?.code, 'nb');
    assert.equal(languageByCode('xx'), undefined);
  });

  it('matches a service’s listed code: the same tag, else its first variant', () => {
    assert.equal(matchListedCode(['EN-GB', 'EN-US', 'ES'], 'en'), 'EN-GB');
    assert.equal(matchListedCode(['en', 'zh-Hans'], 'zh'), 'zh-Hans');
    assert.equal(matchListedCode(['PT-BR', 'PT-PT'], 'pt-PT'), 'PT-PT');
    assert.equal(matchListedCode(['en'], 'ja'), undefined);
  });
});
