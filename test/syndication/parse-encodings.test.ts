import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FeedParseError, parseFeed } from '../../src/syndication/parse/index.js';
import { fixtureBytes, fixtureUrl, parseFixture } from '../fixtures/feeds/corpus.js';

const titles = (file: string, contentType?: string | null) => parseFixture(file, { contentType }).items.map((item) => item.title);

describe('feed text encodings', () => {
  test('reads Windows-1252 bytes named in the XML declaration', () => {
    const feed = parseFixture('rss2/encoding-windows-1252.xml');
    assert.equal(feed.title, 'Harbour Light Review – Édition française');
    assert.equal(feed.items[0]?.title, 'Terrasse du café « approuvée » pour 12 000 €');
    assert.equal(feed.items[0]?.summaryHtml, '<p>Le conseil a dit “oui” au projet — après deux ans d’attente.</p>');
    assert.equal(feed.items[1]?.title, 'Fête de la mer : le programme complet');
    assert.deepEqual(feed.warnings, []);
  });

  test('reads ISO-8859-1 bytes named in the XML declaration', () => {
    assert.deepEqual(titles('rss2/encoding-iso-8859-1.xml'), ['Smørrebrød-festival på havnen i Ærøby', 'Færgen får ny kaptajn']);
  });

  test('reads KOI8-R bytes as Cyrillic', () => {
    const feed = parseFixture('rss1/encoding-koi8-r.xml');
    assert.equal(feed.title, 'Северная линия');
    assert.deepEqual(feed.items.map((item) => item.title), ['Новый мост через реку открыт', 'Паромная пристань закрыта на ремонт']);
    assert.deepEqual(feed.items[0]?.authorNames, ['Анна Соколова']);
  });

  test('reads Shift_JIS bytes as Japanese', () => {
    const feed = parseFixture('atom/encoding-shift-jis.xml');
    assert.equal(feed.title, '港町ニュース');
    assert.deepEqual(feed.items.map((item) => item.title), ['港の灯台が修復される', '朝市に新しい店が三軒']);
    assert.equal(feed.items[0]?.summaryHtml, '<p>地元の住民が修復作業を手伝った。</p>');
    assert.deepEqual(feed.items[1]?.authorNames, ['田中 一郎']);
    assert.equal(feed.language, 'ja');
  });

  test('uses the Content-Type charset when the document names no encoding', () => {
    assert.deepEqual(titles('rss2/encoding-header-only.xml', 'application/rss+xml; charset=ISO-8859-15'), ['Le musée expose une œuvre de 8 000 €']);
  });

  test('prefers the XML declaration to a Content-Type charset that contradicts it', () => {
    assert.deepEqual(titles('rss2/encoding-iso-8859-1.xml', 'text/xml; charset=utf-8'), ['Smørrebrød-festival på havnen i Ærøby', 'Færgen får ny kaptajn']);
  });

  test('skips a UTF-8 byte-order mark in XML and in JSON', () => {
    assert.deepEqual(titles('rss2/bom-utf8.xml'), ['Crème brûlée contest draws record entries']);
    const json = parseFixture('jsonfeed/bom.json');
    assert.equal(json.items[0]?.title, 'Sildefiskeriet åbner i næste uge');
  });

  test('follows a UTF-16 byte-order mark', () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Über den Fjord</title></channel></rss>';
    const body = new Uint8Array(2 + xml.length * 2);
    body.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i += 1) body[2 + i * 2] = xml.charCodeAt(i);
    assert.equal(parseFeed(body, { url: 'http://partner.test/feed' }).title, 'Über den Fjord');
  });

  test('reads undeclared bytes that are not UTF-8 as Windows-1252 and says so', () => {
    const feed = parseFixture('broken/undeclared-windows-1252.xml');
    assert.equal(feed.items[0]?.title, 'Chef’s “crème brûlée” wins the harbour bake-off');
    assert.deepEqual(feed.warnings, ['The feed did not name its text encoding and is not valid UTF-8; it was read as Windows-1252']);
  });

  test('replaces bytes that are not valid UTF-8 in a feed that claims UTF-8, with a warning', () => {
    const body = new Uint8Array([...new TextEncoder().encode('<?xml version="1.0" encoding="utf-8"?><rss><channel><title>Caf'), 0xe9, ...new TextEncoder().encode('</title></channel></rss>')]);
    const feed = parseFeed(body, { url: 'http://partner.test/feed' });
    assert.equal(feed.title, 'Caf\uFFFD');
    assert.deepEqual(feed.warnings, ['Some of the text was not valid UTF-8 as the feed claimed; those characters were replaced']);
  });

  test('refuses an encoding it cannot decode, naming it', () => {
    assert.throws(
      () => parseFeed(fixtureBytes('broken/unsupported-encoding.xml'), { url: fixtureUrl('broken/unsupported-encoding.xml') }),
      (error: unknown) => error instanceof FeedParseError && error.code === 'unsupported_encoding' && error.message.includes('x-harbour-7bit'),
    );
    assert.throws(
      () => parseFeed(new TextEncoder().encode('<rss/>'), { url: 'http://partner.test/feed', contentType: 'text/xml; charset=klingon-8' }),
      (error: unknown) => error instanceof FeedParseError && error.code === 'unsupported_encoding',
    );
  });
});
