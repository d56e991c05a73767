import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { englishMessages } from '../../src/i18n/messages-en.js';
import { createMessages, pluralCategoriesOf, templatesOf } from '../../src/i18n/messages.js';

describe('the English catalog', () => {
  it('has every placeholder well-formed: braces only around a name of letters and digits', () => {
    for (const [key, message] of Object.entries(englishMessages)) {
      for (const template of templatesOf(message)) {
        const withoutPlaceholders = template.replace(/\{[A-Za-z][A-Za-z0-9]*\}/g, '');
        assert.doesNotMatch(withoutPlaceholders, /[{}]/, `${key}: ${template}`);
      }
    }
  });

  it('names each key once, in the source as well (an object literal would silently keep the last)', () => {
    const source = readFileSync(new URL('../../src/i18n/messages-en.ts', import.meta.url), 'utf8');
    const declared = [...source.matchAll(/^ {2}'([a-zA-Z.]+)':/gm)].map((m) => m[1]);
    assert.equal(declared.length, Object.keys(englishMessages).length);
    assert.equal(new Set(declared).size, declared.length);
    for (const key of declared) assert.match(key!, /^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*)+$/);
  });

  it('gives every plural message the English forms one and other, with {count} in each', () => {
    const plurals = Object.entries(englishMessages).filter(([, m]) => typeof m !== 'string');
    assert.ok(plurals.length >= 2);
    for (const [key, forms] of plurals) {
      assert.deepEqual(Object.keys(forms).sort(), ['one', 'other'], key);
      for (const text of Object.values(forms)) assert.match(text as string, /\{count\}/, key);
    }
  });
});

describe('Messages', () => {
  it('fills placeholders, formatting numbers for the language', () => {
    const en = createMessages('en');
    assert.equal(en.t('listing.articlesBy', { name: 'Ada Lind' }), 'Articles by Ada Lind');
    assert.equal(en.t('pagination.position', { page: 2, total: 1200 }), 'Page 2 of 1,200');
    const de = createMessages('de', { 'pagination.position': 'Seite {page} von {total}' });
    assert.equal(de.t('pagination.position', { page: 2, total: 1200 }), 'Seite 2 von 1.200');
    assert.equal(de.number(1234.5), '1.234,5');
  });

  it('uses the translation of a key when there is one, and the English otherwise', () => {
    const es = createMessages('es', { 'language.control': 'Traducir' });
    assert.equal(es.t('language.control'), 'Traducir');
    assert.equal(es.t('search.submit'), 'Search');
  });

  it('picks the English plural form by the count', () => {
    const en = createMessages('en');
    assert.equal(en.t('search.resultCount', { count: 1, query: 'grid' }), '1 article matches grid.');
    assert.equal(en.t('search.resultCount', { count: 0, query: 'grid' }), '0 articles match grid.');
    assert.equal(en.t('search.resultCount', { count: 1500, query: 'grid' }), '1,500 articles match grid.');
  });

  it('resolves Polish one, few, many and other', () => {
    assert.deepEqual(pluralCategoriesOf('pl'), ['few', 'many', 'one', 'other']);
    const pl = createMessages('pl', { 'archive.monthCount': { one: '{count} artykuł', few: '{count} artykuły', many: '{count} artykułów', other: '{count} artykułu' } });
    const shown = [1, 2, 5, 22, 25, 1.5].map((count) => pl.t('archive.monthCount', { count }));
    assert.deepEqual(shown, ['1 artykuł', '2 artykuły', '5 artykułów', '22 artykuły', '25 artykułów', '1,5 artykułu']);
  });

  it('resolves all six Arabic categories, and may leave {count} out of a form', () => {
    const forms = { zero: 'لا مقالات', one: 'مقالة واحدة', two: 'مقالتان', few: '{count} مقالات', many: '{count} مقالة', other: '{count} مقالة_' };
    const ar = createMessages('ar', { 'archive.monthCount': forms });
    const shown = [0, 1, 2, 3, 11, 100].map((count) => ar.t('archive.monthCount', { count }));
    const n = (value: number) => new Intl.NumberFormat('ar').format(value);
    assert.deepEqual(shown, ['لا مقالات', 'مقالة واحدة', 'مقالتان', `${n(3)} مقالات`, `${n(11)} مقالة`, `${n(100)} مقالة_`]);
  });

  it('falls back to the English when a translation names a placeholder the page does not give, and never throws', () => {
    const fr = createMessages('fr', { 'listing.articlesBy': 'Articles de {author}' });
    assert.equal(fr.t('listing.articlesBy', { name: 'Ada' }), 'Articles by Ada');
    // A caller that forgot a value gets the placeholder as written rather than an exception.
    const t = fr.t as (key: string, params?: object) => string;
    assert.equal(t('listing.articlesBy'), 'Articles by {name}');
    assert.equal(t('archive.monthCount', {}), '{count} articles');
  });

  it('gives the message in pieces around values that are elements, in the translation’s order', () => {
    const link = { element: 'a' };
    const ja = createMessages('ja', { 'article.originalSource': 'この記事の元の出典は{source}です' });
    assert.deepEqual(ja.parts('article.originalSource', { source: link }), ['この記事の元の出典は', link, 'です']);
    // Text around text values stays one piece; a year is text, not a quantity to group by thousands.
    assert.deepEqual(createMessages('en').parts('footer.copyright', { holder: 'Ledger', year: '2026' }), ['Copyright © Ledger, 2026']);
  });

  it('joins a list the language’s way, keeping the items', () => {
    const [a, b, c] = [{ n: 'A' }, { n: 'B' }, { n: 'C' }];
    assert.deepEqual(createMessages('en').list([a, b, c]), [a, ', ', b, ', and ', c]);
    assert.deepEqual(createMessages('es').list([a, b]), [a, ' y ', b]);
    assert.deepEqual(createMessages('en').list([a]), [a]);
  });
});
