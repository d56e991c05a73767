import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FeedParseError, parseFeed, type ParsedFeed } from '../../src/syndication/parse/index.js';
import { parseFixture } from '../fixtures/feeds/corpus.js';

const parseText = (xml: string) => parseFeed(new TextEncoder().encode(xml), { url: 'http://partner.test/feed.xml' });
const refusedWith = (code: string) => (error: unknown) => error instanceof FeedParseError && error.code === code;
const field = <K extends keyof ParsedFeed['items'][number]>(feed: ParsedFeed, key: K) => feed.items.map((item) => item[key]);

describe('XML feeds: CDATA and entities', () => {
  test('reads CDATA as written, including "]]>" split across two sections', () => {
    const [first, second, third] = parseFixture('rss2/cdata.xml').items;
    assert.equal(first?.title, 'Snow closes the Kestrel Falls road again');
    assert.equal(first?.summaryHtml, '<p>The pass was shut at dawn for the <strong>third</strong> time this winter.</p>');
    assert.match(second?.summaryHtml ?? '', /the sequence <code>\]\]><\/code> has to be split/);
    assert.match(second?.contentHtml ?? '', /<code>\]\]><\/code> end a CDATA block.*<p>Readers see one unbroken paragraph\.<\/p>$/);
    assert.equal(third?.title, 'Mixed: text & CDATA & markup in one title');
  });

  test('decodes named, numeric and double-escaped entities in titles exactly once', () => {
    const feed = parseFixture('rss2/entities-in-titles.xml');
    assert.equal(feed.title, 'Harbour Light Review & Friends');
    assert.deepEqual(field(feed, 'title'), [
      'Café owners welcome the new quay',
      'Mayor’s budget — what it means for schools',
      'Fish & chips shop wins regional award',
      'Web desk explains the &amp; bug',
      'Opinion: the tide <and> the timetable',
    ]);
  });

  test('keeps an Atom text title literal: its ampersands and angle brackets are not markup', () => {
    const titles = field(parseFixture('atom/basic.xml'), 'title');
    assert.deepEqual(titles, ['Valley bus routes merged into one timetable', 'Reservoir walk reopens', 'Council: 5 < 6 and other sums in the budget']);
    assert.equal(parseText('<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>AT&amp;amp;T</title><id>x</id></entry></feed>').items[0]?.title, 'AT&amp;T');
  });

  test('passes HTML through raw and escapes plain text into paragraphs', () => {
    const [entry, , textEntry] = parseFixture('atom/basic.xml').items;
    assert.equal(entry?.summaryHtml, '<p>Three operators will sell one ticket from July.</p>');
    assert.match(entry?.contentHtml ?? '', /^<p>The three companies .*<strong>one timetable<\/strong>/);
    assert.equal(textEntry?.contentHtml, "<p>The council's budget adds up.</p><p>A second paragraph of plain text &amp; an ampersand.</p>");
  });

  test('unwraps Atom xhtml content and writes its markup back out', () => {
    const feed = parseFixture('atom/xhtml-content.xml');
    assert.equal(feed.title, 'Harbour Light Review');
    assert.equal(feed.items[0]?.title, "Lighthouse keeper's diary published");
    assert.match(feed.items[0]?.contentHtml ?? '', /^<p>The diary covers .* &amp; records every ship that passed\.<\/p>/);
    assert.match(feed.items[0]?.contentHtml ?? '', /<img src="http:\/\/partner\.test\/harbour-light\/media\/diary-page\.jpg" alt="A page of the diary"><br>A page/);
    assert.equal(feed.items[1]?.contentHtml, '<p>Written with an <em>x:</em> prefix.</p>');
  });
});

describe('XML feeds: links and bases', () => {
  test('resolves relative links against xml:base on the root and on an item', () => {
    const feed = parseFixture('rss2/xml-base.xml');
    assert.equal(feed.homepageUrl, 'http://partner.test/northline/');
    assert.deepEqual(field(feed, 'url'), ['http://partner.test/northline/2024/06/reservoir-levels', 'http://media.partner.test/northline/archive/1963-freeze']);
    assert.deepEqual(field(feed, 'baseUrl'), ['http://partner.test/northline/', 'http://media.partner.test/northline/archive/']);
    assert.equal(feed.items[1]?.imageUrl, 'http://media.partner.test/northline/archive/images/frozen-river.jpg');
  });

  test('nests Atom xml:base from feed to entry to content, and resolves each link at its own base', () => {
    const feed = parseFixture('atom/xml-base.xml');
    assert.deepEqual(field(feed, 'url'), [
      'http://partner.test/northline/2024/07/feed-level-base',
      'http://partner.test/northline/archive/2019/flood-anniversary',
      'http://elsewhere.partner.test/stories/own-base',
    ]);
    assert.deepEqual(field(feed, 'baseUrl'), ['http://partner.test/northline/', 'http://partner.test/northline/archive/2019/photos/', 'http://partner.test/northline/']);
    assert.equal(feed.items[1]?.imageUrl, 'http://partner.test/northline/archive/2019/photos/river-1.jpg');
  });

  test('without xml:base, an item resolves against its own link, else the feed address', () => {
    const feed = parseFixture('rss2/relative-urls.xml');
    assert.equal(feed.homepageUrl, 'http://partner.test/harbour-light/');
    assert.deepEqual(field(feed, 'url'), ['http://partner.test/harbour-light/2024/06/pier-photographs', null]);
    assert.deepEqual(field(feed, 'baseUrl'), ['http://partner.test/harbour-light/2024/06/pier-photographs', 'http://partner.test/feeds/rss2/relative-urls.xml']);
    assert.equal(feed.items[0]?.imageUrl, 'http://partner.test/harbour-light/media/pier-1950.jpg');
  });

  test('uses a GUID as the link only when it is a permalink and an address', () => {
    const feed = parseFixture('rss2/guid-not-permalink.xml');
    assert.deepEqual(field(feed, 'guid'), [
      'tag:partner.test,2024:northline/tram-consultation',
      'http://partner.test/northline/2024/04/tram-depot-shortlist',
      'http://partner.test/northline/cms/node/5521',
      'northline-5530',
    ]);
    assert.deepEqual(field(feed, 'url'), [null, 'http://partner.test/northline/2024/04/tram-depot-shortlist', 'http://partner.test/northline/2024/04/tram-fares-capped', null]);
  });

  test('takes RSS 1.0 GUIDs from rdf:about, whatever its prefix', () => {
    assert.deepEqual(field(parseFixture('rss1/unusual-prefixes.xml'), 'guid'), ['http://partner.test/lindenmoor/2024/03/market-hall', 'http://partner.test/lindenmoor/2024/03/allotments']);
    assert.deepEqual(field(parseFixture('rss1/xml-base-and-bad-dates.xml'), 'guid'), ['http://partner.test/harbour-light/2024/05/net-loft', null]);
  });

  test('drops javascript: and data: links and images with a warning, keeping the items', () => {
    const feed = parseFixture('hostile/hostile-markup.xml');
    assert.equal(feed.items[1]?.url, null);
    assert.equal(feed.items[1]?.imageUrl, null);
    assert.deepEqual(feed.warnings, ['2 addresses were not a usable http(s) link and were dropped (for example "javascript:alert(\'item link\')")']);
    const atom = parseFixture('hostile/hostile-atom.xml');
    assert.deepEqual(field(atom, 'url'), [null, null]);
    assert.deepEqual(field(atom, 'imageUrl'), [null, null]);
    // A javascript: xml:base is ignored, so relative links still resolve against the feed address.
    assert.equal(atom.items[0]?.baseUrl, 'http://partner.test/feeds/hostile/hostile-atom.xml');
  });
});

describe('XML feeds: namespaces, authors and images', () => {
  test('finds extension elements by namespace, whatever prefix they use, and ignores look-alike prefixes', () => {
    const feed = parseFixture('rss2/unusual-prefixes.xml');
    assert.equal(feed.language, 'en');
    assert.equal(feed.items[0]?.url, 'http://partner.test/northline/2024/03/early-blossom');
    assert.match(feed.items[0]?.contentHtml ?? '', /^<p>Apple growers above Lindenmoor/);
    assert.deepEqual(feed.items[0]?.categories, ['Farming']);
    assert.deepEqual(feed.items[1]?.authorNames, ['Tamsin Reyes', 'Obi Nakamura']);
    assert.equal(feed.items[1]?.imageUrl, 'http://partner.test/northline/media/crane-hill-large.jpg');
  });

  test('reads content:, dc: and media: even when the feed forgot to declare them', () => {
    const [item] = parseFixture('rss2/undeclared-prefixes.xml').items;
    assert.deepEqual(item?.authorNames, ['Ivo Brandt']);
    assert.match(item?.contentHtml ?? '', /^<p>The volunteer crew at Port Ellery/);
    assert.equal(item?.imageUrl, 'http://partner.test/harbour-light/media/lifeboat-thumb.jpg');
  });

  test('reads Atom written with a prefix', () => {
    const feed = parseFixture('atom/prefixed-atom.xml');
    assert.equal(feed.title, 'Kestrel Falls Courier');
    assert.deepEqual(feed.items[0]?.authorNames, ['Ruth Calloway']);
    assert.equal(feed.items[0]?.imageUrl, 'http://partner.test/kestrel-courier/media/falls-night.jpg');
  });

  test('takes names from dc:creator, RSS <author> and Atom authors, falling back to the feed author', () => {
    assert.deepEqual(field(parseFixture('rss2/basic.xml'), 'authorNames'), [['Maren Holt'], ['Ivo Brandt'], ['Maren Holt']]);
    assert.deepEqual(field(parseFixture('atom/basic.xml'), 'authorNames'), [['Obi Nakamura', 'Tamsin Reyes'], ['Northline Dispatch newsroom'], ['Northline Dispatch newsroom']]);
    assert.deepEqual(field(parseFixture('atom/updated-only-feed-author.xml'), 'authorNames'), [['Petra Voss'], ['Guest writer: Hal Orme']]);
  });

  test('chooses an image as the lead image, never audio or video', () => {
    assert.deepEqual(field(parseFixture('rss2/media-rss.xml'), 'imageUrl'), [
      'http://partner.test/harbour-light/media/seal-pups.jpg',
      'http://partner.test/harbour-light/media/net-maker-cover.png',
      'http://partner.test/harbour-light/media/webcam-still.webp',
      null,
    ]);
    assert.equal(parseFixture('atom/basic.xml').items[0]?.imageUrl, 'http://partner.test/northline/media/bus-station.jpg');
  });

  test('reads categories from RSS, Dublin Core and Atom', () => {
    assert.deepEqual(field(parseFixture('rss2/basic.xml'), 'categories'), [['Transport', 'Port Ellery'], ['Culture'], ['Politics']]);
    assert.deepEqual(field(parseFixture('rss1/basic.xml'), 'categories'), [['Infrastructure'], ['Sport', 'Lindenmoor'], []]);
    assert.deepEqual(parseFixture('atom/basic.xml').items[0]?.categories, ['Transport', 'lindenmoor']);
  });

  test('gives items the feed language unless they name their own', () => {
    assert.deepEqual(field(parseFixture('rss1/basic.xml'), 'language'), ['en', 'en', 'en-gb']);
  });
});

describe('XML feeds: refusals', () => {
  test('refuses documents that declare entities: billion laughs, external and parameter entities', () => {
    for (const file of ['hostile/billion-laughs.xml', 'hostile/xxe-file.xml', 'hostile/xxe-parameter-entity.xml']) {
      assert.throws(() => parseFixture(file), (error: unknown) => {
        assert.ok(error instanceof FeedParseError);
        assert.equal(error.code, 'entity_declarations');
        assert.equal(error.message, 'The feed declares its own XML entities, which Broadsheet refuses to expand');
        return true;
      });
    }
  });

  test('accepts a plain DOCTYPE and the words "<!ENTITY" inside CDATA', () => {
    assert.equal(parseFixture('rss2/rss091-doctype.xml').items.length, 2);
    assert.match(parseFixture('hostile/entity-words-in-cdata.xml').items[0]?.summaryHtml ?? '', /<code><!ENTITY x SYSTEM/);
  });

  test('recognises a web page given as the feed address', () => {
    for (const file of ['hostile/html-page.html', 'hostile/xhtml-page.xml', 'hostile/html-without-doctype.xml']) {
      assert.throws(() => parseFixture(file), (error: unknown) => {
        assert.ok(error instanceof FeedParseError);
        assert.equal(error.code, 'web_page');
        assert.equal(error.message, 'The address returned a web page, not a feed');
        return true;
      });
    }
  });

  test('refuses nesting deeper than 100 elements as malformed', () => {
    assert.throws(() => parseFixture('hostile/deep-nesting.xml'), refusedWith('malformed'));
    const deepButAllowed = `<rss><channel><item><title>x</title><description>${'<b>'.repeat(90)}y${'</b>'.repeat(90)}</description></item></channel></rss>`;
    assert.equal(parseText(deepButAllowed).items.length, 1);
  });

  test('refuses documents with no channel, no element, or an unknown root', () => {
    assert.throws(() => parseFixture('broken/cut-off-in-header.xml'), refusedWith('malformed'));
    assert.throws(() => parseFixture('broken/rdf-without-channel.xml'), refusedWith('malformed'));
    assert.throws(() => parseFixture('broken/not-xml.xml'), refusedWith('malformed'));
    assert.throws(() => parseFixture('broken/opml.xml'), (error: unknown) => refusedWith('unknown_format')(error) && /<opml>/.test((error as Error).message));
  });

  test('refuses bodies that are neither XML nor JSON, or empty', () => {
    for (const file of ['broken/plain-text.txt', 'broken/empty.xml', 'broken/whitespace-only.xml', 'broken/image-instead-of-feed.png']) {
      assert.throws(() => parseFixture(file), refusedWith('not_a_feed'), file);
    }
  });
});

describe('XML feeds: damage that is tolerated', () => {
  test('reads items that were never closed', () => {
    const feed = parseFixture('broken/unclosed-items.xml');
    assert.deepEqual(field(feed, 'title'), ['Sheep escape onto the bypass', 'Cattle grid replaced on the moor road', 'Farm shop wins a national prize']);
    assert.deepEqual(field(feed, 'summaryHtml'), ['<p>Traffic was held for an hour.</p>', '<p>The old grid had rusted through.</p>', '<p>Judges praised its cheese counter.</p>']);
  });

  test('keeps the items of a download cut off mid-item', () => {
    const [, partial] = parseFixture('broken/truncated-mid-item.xml').items;
    assert.equal(partial?.title, 'Road resurfacing starts on Monday');
    assert.equal(partial?.contentHtml, '<p>The valley road will be closed between the bridge and the');
  });

  test('writes raw HTML elements inside a description back out as HTML', () => {
    const [first, second] = parseFixture('broken/unescaped-html-in-description.xml').items;
    assert.equal(first?.title, 'Bakery & tearoom to reopen under new owners');
    assert.equal(
      first?.summaryHtml,
      '<p>The new owners trained in <a href="http://partner.test/lindenmoor/places/port-ellery">Port Ellery</a>.<br>They will bake rye &amp; spelt loaves.</p>',
    );
    assert.equal(second?.summaryHtml, 'Stops: <b>church</b>, <i>school</i> &amp; the green.');
  });

  test('passes hostile markup through untouched for the sanitiser', () => {
    const items = parseFixture('hostile/hostile-markup.xml').items;
    assert.equal(items[0]?.title, 'Ferry fares frozen for pensioners');
    assert.match(items[0]?.contentHtml ?? '', /<script>document\.location/);
    assert.match(items[3]?.contentHtml ?? '', /youtube-nocookie\.com.*player\.vimeo\.com.*evil\.partner\.test/s);
    assert.match(items[5]?.contentHtml ?? '', /<meta http-equiv="refresh".*<base href=.*<form action=/s);
  });
});
