import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseFeedDate } from '../../src/syndication/parse/dates.js';
import { parseFixture } from '../fixtures/feeds/corpus.js';

describe('feed dates', () => {
  const instant = '2024-03-05T10:15:00.000Z';
  const readable: [form: string, text: string, expected: string][] = [
    ['RFC 1123 with GMT', 'Tue, 05 Mar 2024 10:15:00 GMT', instant],
    ['RFC 822 with UT', 'Tue, 05 Mar 2024 10:15:00 UT', instant],
    ['a +0000 offset', 'Tue, 05 Mar 2024 10:15:00 +0000', instant],
    ['a positive offset', 'Tue, 05 Mar 2024 12:15:00 +0200', instant],
    ['a negative offset with a colon', 'Tue, 05 Mar 2024 05:15:00 -05:00', instant],
    ['EST', 'Tue, 05 Mar 2024 05:15:00 EST', instant],
    ['EDT', 'Fri, 05 Jul 2024 06:15:00 EDT', '2024-07-05T10:15:00.000Z'],
    ['CST', 'Tue, 05 Mar 2024 04:15:00 CST', instant],
    ['MDT', 'Fri, 05 Jul 2024 04:15:00 MDT', '2024-07-05T10:15:00.000Z'],
    ['PST', 'Tue, 05 Mar 2024 02:15:00 PST', instant],
    ['PDT', 'Fri, 05 Jul 2024 03:15:00 PDT', '2024-07-05T10:15:00.000Z'],
    ['a European zone name', 'Tue, 05 Mar 2024 11:15:00 CET', instant],
    ['no seconds', 'Tue, 05 Mar 2024 10:15 GMT', instant],
    ['no weekday', '05 Mar 2024 10:15:00 GMT', instant],
    ['a one-digit day', 'Tue, 5 Mar 2024 10:15:00 GMT', instant],
    ['a two-digit year in the 2000s', '05 Mar 24 10:15:00 GMT', instant],
    ['a two-digit year in the 1900s', '05 Mar 99 10:15:00 GMT', '1999-03-05T10:15:00.000Z'],
    ['full day and month names', 'Tuesday, 5 March 2024 10:15:00 GMT', instant],
    ['no zone at all (UTC)', 'Tue, 05 Mar 2024 10:15:00', instant],
    ['a trailing zone comment', 'Tue, 05 Mar 2024 10:15:00 +0000 (UTC)', instant],
    ['a date without a time', '05 Mar 2024', '2024-03-05T00:00:00.000Z'],
    ['ISO 8601 with Z', '2024-03-05T10:15:00Z', instant],
    ['ISO 8601 with an offset', '2024-03-05T11:15:00+01:00', instant],
    ['ISO 8601 with fractional seconds', '2024-03-05T10:15:00.250Z', '2024-03-05T10:15:00.250Z'],
    ['ISO 8601 without zone (UTC)', '2024-03-05T10:15:00', instant],
    ['ISO 8601 with a space and no seconds', '2024-03-05 10:15', instant],
    ['an ISO date only', '2024-03-05', '2024-03-05T00:00:00.000Z'],
    ['surrounding whitespace', '\n   2024-03-05T10:15:00Z  \n', instant],
  ];
  for (const [form, text, expected] of readable) {
    test(`reads ${form}`, () => assert.equal(parseFeedDate(text), expected));
  }

  const unreadable: [what: string, text: string][] = [
    ['words', 'yesterday afternoon'],
    ['a day past the end of the month', 'Fri, 31 Feb 2024 10:00:00 GMT'],
    ['an unknown month', 'Mon, 06 Mag 2024 10:00:00 GMT'],
    ['an impossible hour', 'Mon, 06 May 2024 25:00:00 GMT'],
    ['an unknown zone', 'Tue, 07 May 2024 12:00:00 XYZ'],
    ['an impossible ISO month', '2024-13-05'],
    ['blank text', '   '],
  ];
  for (const [what, text] of unreadable) {
    test(`gives null for ${what}`, () => assert.equal(parseFeedDate(text), null));
  }

  test('every form in the date-forms fixture means the same instant', () => {
    const feed = parseFixture('rss2/date-forms.xml');
    const dates = feed.items.map((item) => item.publishedAt);
    assert.equal(dates.length, 9);
    for (const date of dates) assert.match(date ?? '', /^2024-0[37]-05T10:15:00\.000Z$/);
    assert.deepEqual(feed.warnings, []);
  });

  test('unreadable dates become null with one counted warning quoting the first', () => {
    const feed = parseFixture('rss2/bad-dates.xml');
    assert.deepEqual(feed.items.map((item) => item.publishedAt), [null, null, null, null, null, '2024-05-08T12:00:00.000Z']);
    assert.deepEqual(feed.warnings, ['5 dates could not be read and were left empty (for example "yesterday afternoon")']);
  });

  test('missing and empty dates become null without a warning', () => {
    const feed = parseFixture('rss2/missing-dates.xml');
    assert.deepEqual(feed.items.map((item) => item.publishedAt), [null, null]);
    assert.deepEqual(feed.warnings, []);
  });

  test('dc:date, Atom published/updated, JSON Feed and ninjs dates are all read', () => {
    assert.equal(parseFixture('rss1/basic.xml').items[0]?.publishedAt, '2024-05-14T07:30:00.000Z');
    const atom = parseFixture('atom/basic.xml').items[0];
    assert.deepEqual([atom?.publishedAt, atom?.updatedAt], ['2024-06-10T08:00:00.000Z', '2024-06-11T09:30:00.000Z']);
    const json = parseFixture('jsonfeed/v1-author.json').items[1];
    assert.deepEqual([json?.publishedAt, json?.updatedAt], ['2024-10-13T14:00:00.000Z', '2024-10-13T17:30:00.000Z']);
    const ninjs = parseFixture('ninjs/ninjs2.0-single.json').items[0];
    assert.deepEqual([ninjs?.publishedAt, ninjs?.updatedAt], ['2024-03-18T07:00:00.000Z', '2024-03-18T10:20:00.000Z']);
  });

  test('an Atom entry with only <updated> is published when it was updated', () => {
    const [entry] = parseFixture('atom/updated-only-feed-author.xml').items;
    assert.equal(entry?.publishedAt, '2024-08-08T16:00:00.000Z');
    assert.equal(entry?.updatedAt, '2024-08-08T16:00:00.000Z');
  });

  test('a ninjs item without firstcreated is dated by versioncreated, and by contentcreated when that is all it has', () => {
    const [withVersion] = parseFixture('ninjs/ninjs2.1-items.json').items;
    assert.equal(withVersion?.publishedAt, '2024-04-12T09:00:00.000Z');
    const [, contentOnly] = parseFixture('ninjs/ninjs1-text-bodies.json').items;
    assert.equal(contentOnly?.publishedAt, '2023-12-02T07:45:00.000Z');
  });
});
