import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FeedParseError, parseFeed } from '../../src/syndication/parse/index.js';
import { parseFixture } from '../fixtures/feeds/corpus.js';

const parseJson = (document: unknown) => parseFeed(new TextEncoder().encode(JSON.stringify(document)), { url: 'http://partner.test/feed.json' });
const refusedWith = (code: string) => (error: unknown) => error instanceof FeedParseError && error.code === code;

describe('JSON Feed', () => {
  test('1.0 takes authors from the singular author field, falling back to the feed author', () => {
    const feed = parseFixture('jsonfeed/v1-author.json');
    assert.equal(feed.format, 'jsonfeed');
    assert.deepEqual(feed.items.map((item) => item.authorNames), [['Tamsin Reyes'], ['Northline Dispatch newsroom']]);
  });

  test('1.1 takes authors from the authors list, and still honours a 1.0 author on an item', () => {
    const feed = parseFixture('jsonfeed/v1.1-authors.json');
    assert.deepEqual(feed.items.map((item) => item.authorNames), [['Maren Holt', 'Ivo Brandt'], ['Harbour Light newsroom'], ['Hal Orme']]);
  });

  test('maps feed and item fields', () => {
    const feed = parseFixture('jsonfeed/v1.1-authors.json');
    assert.deepEqual([feed.title, feed.homepageUrl, feed.language], ['Harbour Light Review', 'http://partner.test/harbour-light/', 'en-GB']);
    assert.deepEqual(feed.items[0], {
      guid: 'harbour-light-2024-1101',
      url: 'http://partner.test/harbour-light/2024/11/storm-shutters',
      title: 'Storm shutters fitted along the seafront',
      summaryHtml: '',
      contentHtml: '<p>Forty shops now have steel shutters ahead of the winter gales.</p>',
      authorNames: ['Maren Holt', 'Ivo Brandt'],
      publishedAt: '2024-11-01T09:00:00.000Z',
      updatedAt: null,
      imageUrl: null,
      language: 'en',
      categories: ['Weather'],
      baseUrl: 'http://partner.test/harbour-light/2024/11/storm-shutters',
    });
    assert.equal(feed.items[1]?.language, 'en-GB');
  });

  test('escapes content_text into paragraphs and prefers image to banner_image', () => {
    const [first, second] = parseFixture('jsonfeed/text-images-external.json').items;
    assert.equal(
      first?.contentHtml,
      '<p>The restored wheel turned at noon on Saturday.</p><p>About three hundred people watched from the bridge &amp; the mill yard.<br>The museum opens daily until October.</p>',
    );
    assert.equal(first?.summaryHtml, '<p>Volunteers finished the restoration in August.</p>');
    assert.equal(first?.imageUrl, 'http://partner.test/kestrel-courier/media/waterwheel.jpg');
    assert.equal(second?.url, 'http://partner.test/kestrel-courier/2024/09/mill-history');
    assert.equal(second?.imageUrl, 'http://partner.test/kestrel-courier/media/mill-1900.jpg');
  });

  test('resolves relative addresses against the home page and drops ones that are not http(s)', () => {
    const feed = parseFixture('jsonfeed/relative-urls.json');
    assert.deepEqual(feed.items.map((item) => item.url), ['http://partner.test/lindenmoor/2024/10/harvest-supper', null]);
    assert.equal(feed.items[0]?.imageUrl, 'http://partner.test/lindenmoor/media/harvest-supper.jpg');
    assert.equal(feed.items[1]?.baseUrl, 'http://partner.test/feeds/jsonfeed/relative-urls.json');
  });

  test('copes with numeric ids, stray values, untitled and empty items, and entities in titles', () => {
    const feed = parseFixture('jsonfeed/odd-items.json');
    assert.equal(feed.title, 'Coastal Wire & Friends');
    assert.deepEqual(feed.items.map((item) => item.guid), ['1201', 'cw-2024-1202', 'cw-2024-1204']);
    assert.equal(feed.items[1]?.title, 'This item has no title: the opening words of this paragraph, which is long enough to be…');
    assert.equal(feed.items[2]?.title, 'Café & bakery open on the quay');
    assert.deepEqual(feed.warnings, [
      '1 item was not a JSON object and was skipped',
      '1 item had no title; the first words of the text were used instead',
      '1 item had no title, link or content and was skipped',
      '1 date could not be read and was left empty (for example "last Tuesday")',
    ]);
  });

  test('strips tags from titles and drops hostile addresses, leaving content for the sanitiser', () => {
    const feed = parseFixture('hostile/hostile-jsonfeed.json');
    assert.equal(feed.homepageUrl, null);
    assert.equal(feed.items[0]?.title, 'Bus shelter vandalised again');
    assert.equal(feed.items[0]?.imageUrl, null);
    assert.match(feed.items[0]?.contentHtml ?? '', /<script>alert\('json script'\)<\/script>/);
    assert.deepEqual([feed.items[1]?.url, feed.items[1]?.imageUrl], [null, null]);
  });

  test('refuses cut-off JSON, a JSON Feed without an items list, and JSON of another kind', () => {
    assert.throws(() => parseFixture('broken/truncated.json'), refusedWith('malformed'));
    assert.throws(() => parseFixture('broken/jsonfeed-without-items.json'), refusedWith('malformed'));
    assert.throws(() => parseFixture('broken/unknown-json.json'), refusedWith('unknown_format'));
    assert.throws(() => parseJson({ version: 'https://example.test/feed/2', items: [] }), refusedWith('unknown_format'));
  });
});

describe('IPTC ninjs', () => {
  test('maps ninjs 2.0 headlines, descriptions, bodies, byline, subjects and the picture association', () => {
    const feed = parseFixture('ninjs/ninjs2.0-single.json');
    assert.deepEqual([feed.format, feed.title, feed.homepageUrl], ['ninjs', '', null]);
    assert.deepEqual(feed.items[0], {
      guid: 'http://partner.test/coastal-wire/2024/03/seagrass-meadow',
      url: 'http://partner.test/coastal-wire/2024/03/seagrass-meadow',
      title: 'Seagrass meadow found off Gull Point',
      summaryHtml: '<p>Divers mapped a meadow the size of four football pitches.</p>',
      contentHtml: '<p>Volunteer divers mapping the seabed off Gull Point have found a seagrass meadow covering about three hectares.</p><p>Seagrass stores carbon and shelters young fish.</p>',
      authorNames: ['Maren Holt', 'Obi Nakamura'],
      publishedAt: '2024-03-18T07:00:00.000Z',
      updatedAt: '2024-03-18T10:20:00.000Z',
      imageUrl: 'http://partner.test/coastal-wire/images/seagrass-1600.jpg',
      language: 'en',
      categories: ['Environment', 'Marine life'],
      baseUrl: 'http://partner.test/coastal-wire/2024/03/seagrass-meadow',
    });
  });

  test('reads ninjs 2.1 items wrapped in { items }, choosing readable bodies and authors by rel', () => {
    const feed = parseFixture('ninjs/ninjs2.1-items.json');
    assert.equal(feed.title, 'Coastal Wire ninjs export');
    const [railway, pier, huts] = feed.items;
    assert.deepEqual([railway?.guid, railway?.url], ['urn:partner-test:coastal-wire:2024:0412', null]);
    assert.equal(railway?.contentHtml, '<p>The two cars are balanced by water tanks.</p><p>A brass band played at the top station.</p>');
    assert.equal(railway?.summaryHtml, '<p>The water-powered railway still carries 90,000 passengers a year.</p>');
    assert.deepEqual(railway?.authorNames, ['Ruth Calloway']);
    assert.equal(pier?.title, 'Pier lights switched on again');
    assert.equal(pier?.imageUrl, 'http://partner.test/coastal-wire/images/pier-lights-1280.jpg');
    assert.equal(huts?.contentHtml, '<p>A body with no content type that holds markup.</p>');
  });

  test('accepts a bare array of ninjs objects', () => {
    const feed = parseFixture('ninjs/ninjs2-array.json');
    assert.deepEqual(feed.items.map((item) => item.title), ['Ferry strike averted after late-night talks', 'Normal ferry timetable from Friday']);
  });

  test('maps ninjs 1.x field names, with renditions and associations as maps', () => {
    const [item] = parseFixture('ninjs/ninjs1-style.json').items;
    assert.equal(item?.title, 'Hundreds brave the Boxing Day swim');
    assert.equal(item?.summaryHtml, '<p>The water was nine degrees.</p>');
    assert.match(item?.contentHtml ?? '', /^<p>More than three hundred swimmers/);
    assert.deepEqual(item?.authorNames, ['Ada Pennick']);
    assert.deepEqual(item?.categories, ['Community']);
    assert.equal(item?.imageUrl, 'http://partner.test/coastal-wire/images/winter-swim-1024.jpg');
  });

  test('escapes a 1.x body_text, and takes a picture item\'s own rendition as its image', () => {
    const [carols, frost] = parseFixture('ninjs/ninjs1-text-bodies.json').items;
    assert.equal(carols?.contentHtml, '<p>The church roof is being repaired.</p><p>The fish market will host the service for the first time.</p>');
    assert.deepEqual(carols?.authorNames, ['Hal Orme']);
    assert.equal(carols?.imageUrl, null);
    assert.equal(frost?.imageUrl, 'http://partner.test/coastal-wire/images/frost-rails-800.jpg');
    assert.equal(frost?.summaryHtml, '<p>Taken at dawn.</p>');
  });

  test('is told from JSON Feed and other JSON by its fields', () => {
    assert.equal(parseJson({ uri: 'urn:x:1', bodies: [{ value: 'Words.' }] }).format, 'ninjs');
    assert.equal(parseJson({ headline: 'Old style', body_html: '<p>x</p>' }).format, 'ninjs');
    assert.throws(() => parseJson({ uri: 'urn:x:1' }), refusedWith('unknown_format'));
    assert.throws(() => parseJson([1, 2, 3]), refusedWith('unknown_format'));
  });
});
