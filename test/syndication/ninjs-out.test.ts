import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { Ajv } from 'ajv';
import { parseHTML } from 'linkedom';
import { parseFeed } from '../../src/syndication/parse/index.js';
import { forEachDatabase } from '../helpers/databases.js';
import { makeAuthor, makeSource, makeTerm } from '../helpers/factories.js';
import { useTestApp } from '../helpers/test-app.js';

const absoluteUrl = /^https?:\/\/[^\s/]+/;

/**
 * What we promise of every document: the ninjs 2.1 properties we write, each with its type, and
 * nothing else (a 2.1 validator refuses unknown properties).
 */
const text = { type: 'object', required: ['role', 'contenttype', 'value'], additionalProperties: false, properties: { role: { type: 'string' }, contenttype: { type: 'string' }, value: { type: 'string' } } };
const party = (roleKey: 'rel' | 'role') => ({
  type: 'object',
  required: ['name', 'uri', roleKey],
  additionalProperties: false,
  properties: { name: { type: 'string', minLength: 1 }, uri: { type: 'string', format: 'uri' }, [roleKey]: { type: 'string', minLength: 1 } },
});
const rendition = {
  type: 'object',
  required: ['name', 'href', 'contenttype'],
  additionalProperties: false,
  properties: { name: { type: 'string' }, href: { type: 'string', format: 'uri' }, contenttype: { type: 'string' }, title: { type: 'string' }, width: { type: 'integer', minimum: 1 } },
};
const ninjsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['uri', 'type', 'version', 'standard', 'firstcreated', 'versioncreated', 'pubstatus', 'language', 'headlines', 'bodies', 'by', 'people', 'copyrightholder', 'copyrightnotice', 'usageterms', 'altids'],
  properties: {
    uri: { type: 'string', format: 'uri' },
    type: { const: 'text' },
    profile: { enum: ['text-only', 'text-photo'] },
    version: { type: 'string', pattern: '^[0-9]+$' },
    standard: { type: 'object', required: ['name', 'version', 'schema'], additionalProperties: false, properties: { name: { const: 'ninjs' }, version: { const: '2.1' }, schema: { type: 'string', format: 'uri' } } },
    firstcreated: { type: 'string', format: 'date-time' },
    versioncreated: { type: 'string', format: 'date-time' },
    contentcreated: { type: 'string', format: 'date-time' },
    pubstatus: { const: 'usable' },
    language: { type: 'string', minLength: 2 },
    slugline: { type: 'string' },
    title: { type: 'string' },
    headlines: { type: 'array', minItems: 1, items: text },
    descriptions: { type: 'array', items: text },
    bodies: { type: 'array', items: { ...text, properties: { ...text.properties, wordcount: { type: 'integer', minimum: 0 } } } },
    by: { type: 'string' },
    people: { type: 'array', minItems: 1, items: party('rel') },
    subjects: { type: 'array', items: party('rel') },
    infosources: { type: 'array', minItems: 1, items: party('role') },
    copyrightholder: { type: 'string', minLength: 1 },
    copyrightnotice: { type: 'string', minLength: 1 },
    usageterms: { type: 'string', minLength: 1 },
    renditions: { type: 'array', items: rendition },
    associations: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'uri', 'type', 'renditions'],
        additionalProperties: false,
        properties: { name: { type: 'string' }, uri: { type: 'string', format: 'uri' }, type: { const: 'picture' }, descriptions: { type: 'array', items: text }, by: { type: 'string' }, renditions: { type: 'array', minItems: 1, items: rendition } },
      },
    },
    altids: { type: 'array', items: { type: 'object', required: ['role', 'value'], additionalProperties: false, properties: { role: { type: 'string' }, value: { type: 'string' } } } },
  },
};

// Our own strict formats: a date must be exactly what toISOString writes, a URI an absolute web address.
const validate = new Ajv({ allErrors: true })
  .addFormat('date-time', { validate: (s: string) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString() === s })
  .addFormat('uri', { validate: (s: string) => absoluteUrl.test(s) && URL.canParse(s) })
  .compile(ninjsSchema);

// Loosely typed on purpose: the test reads the document as any receiver would, from JSON.
type Json = Record<string, any>;

function assertValid(doc: Json) {
  // Kept a plain boolean: ajv's validator is a type guard that would narrow `doc` to unknown.
  const valid: boolean = validate(doc);
  assert.ok(valid, JSON.stringify(validate.errors, null, 2));
}

forEachDatabase('articles as IPTC ninjs', (dialect) => {
  const t = useTestApp(dialect);
  const get = async (slug: string) => {
    const res = await t.get(`/articles/${slug}.ninjs.json`);
    assert.equal(res.status, 200, `${slug}: ${res.status}`);
    return { res, doc: (await res.json()) as Json };
  };

  before(async () => {
    const { content } = t.app;
    await content.settings.update({ siteName: 'The Test Ledger', copyrightHolder: 'Test Ledger Ltd', republishingPolicy: 'Republish freely with credit and a link.' });
    await makeAuthor(content, { slug: 'ada-reporter', name: 'Ada Reporter' });
    await makeAuthor(content, { slug: 'ben-writer', name: 'Ben Writer' });
    await makeTerm(content, 'region', { slug: 'lowlands', name: 'Lowlands' });
    await makeTerm(content, 'theme', { slug: 'water', name: 'Water' });
    await makeSource(content, { slug: 'harbour', name: 'Harbour Voice', homepageUrl: 'https://harbour.example', copyrightHolder: 'Harbour Voice Cooperative' });
    await content.editor.create({
      slug: 'canal-locks',
      title: 'The canal locks reopen',
      dek: 'Barges return after a dry summer.',
      bodyHtml: '<p>See <a href="/articles/dry-summer">the dry summer</a> and <a href="plans/locks">the plans</a>.</p><p><img src="/media/lock.png" alt="A lock gate"></p>',
      status: 'published',
      publishedAt: '2026-04-02T07:30:00+02:00',
      authors: ['ada-reporter', 'ben-writer'],
      regions: ['lowlands'],
      themes: ['water'],
      image: {
        url: '/media/lock-hero.jpg',
        alt: 'Barges in the lock',
        caption: 'The first barges through.',
        credit: 'Photo: Dock Studio',
        srcset: '/media/lock-hero-480.webp 480w, /media/lock-hero-960.webp 960w',
      },
    });
    await content.editor.create({
      slug: 'harbour-tides',
      title: 'Tides at the harbour mouth',
      bodyHtml: '<p>The tide tables changed.</p>',
      status: 'published',
      publishedAt: '2025-07-01T10:00:00Z',
      authors: ['ada-reporter'],
      source: 'harbour',
      originalUrl: 'https://harbour.example/2025/tides',
    });
    await content.editor.create({ slug: 'locked-away', title: 'For members', bodyHtml: '<p>Members-only figures.</p>', status: 'published', authors: ['ada-reporter'], visibility: 'members' });
    await content.editor.create({ slug: 'draft-piece', title: 'Not yet', bodyHtml: '<p>Draft.</p>', status: 'draft', authors: ['ada-reporter'] });
  });

  it('serves a public article as JSON that matches the ninjs 2.1 subset we promise', async () => {
    const { res, doc } = await get('canal-locks');
    assert.match(res.headers.get('content-type') ?? '', /^application\/json; charset=utf-8/);
    assertValid(doc);
    assert.equal(doc.uri, 'https://news.test/articles/canal-locks');
    assert.deepEqual(doc.standard, { name: 'ninjs', version: '2.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json' });
    assert.deepEqual(doc.headlines, [{ role: 'main', contenttype: 'text/plain', value: 'The canal locks reopen' }]);
    assert.deepEqual(doc.descriptions, [{ role: 'summary', contenttype: 'text/plain', value: 'Barges return after a dry summer.' }]);
  });

  it('gives ISO 8601 UTC dates and a body whose links and images are absolute', async () => {
    const { doc } = await get('canal-locks');
    assert.equal(doc.firstcreated, '2026-04-02T05:30:00.000Z');
    assert.equal(doc.contentcreated, '2026-04-02T05:30:00.000Z');
    assert.ok(doc.versioncreated >= doc.firstcreated);
    const [body] = doc.bodies;
    assert.equal(body.role, 'main');
    assert.equal(body.contenttype, 'text/html');
    const { document } = parseHTML(`<!doctype html><html><body>${body.value}</body></html>`);
    const urls = Array.from(document.querySelectorAll('a[href], img[src]')).map((el) => el.getAttribute('href') ?? el.getAttribute('src'));
    assert.deepEqual(urls, ['https://news.test/articles/dry-summer', 'https://news.test/articles/plans/locks', 'https://news.test/media/lock.png']);
  });

  it('names the authors, sections, featured image and copyright with absolute URLs', async () => {
    const { doc } = await get('canal-locks');
    assert.equal(doc.by, 'Ada Reporter, Ben Writer');
    assert.deepEqual(doc.people.map((p: Json) => [p.name, p.uri]), [
      ['Ada Reporter', 'https://news.test/authors/ada-reporter'],
      ['Ben Writer', 'https://news.test/authors/ben-writer'],
    ]);
    assert.deepEqual(doc.subjects, [
      { name: 'Lowlands', rel: 'region', uri: 'https://news.test/regions/lowlands' },
      { name: 'Water', rel: 'theme', uri: 'https://news.test/themes/water' },
    ]);
    const [picture] = doc.associations;
    assert.equal(picture.uri, 'https://news.test/media/lock-hero.jpg');
    assert.equal(picture.by, 'Photo: Dock Studio');
    assert.deepEqual(picture.renditions.map((r: Json) => [r.href, r.width]), [
      ['https://news.test/media/lock-hero.jpg', undefined],
      ['https://news.test/media/lock-hero-480.webp', 480],
      ['https://news.test/media/lock-hero-960.webp', 960],
    ]);
    assert.equal(doc.profile, 'text-photo');
    assert.equal(doc.copyrightholder, 'Test Ledger Ltd');
    assert.equal(doc.copyrightnotice, 'Copyright © Ada Reporter and Ben Writer, The Test Ledger, 2026');
    assert.match(doc.usageterms, /^Republish freely with credit and a link. Keep the byline/);
    assert.deepEqual(doc.renditions.map((r: Json) => [r.contenttype, r.href]), [['text/html', 'https://news.test/articles/canal-locks']]);
    assert.deepEqual(doc.altids, [{ role: 'canonical', value: 'https://news.test/articles/canal-locks' }]);
  });

  it('credits the partner of a cross-posted piece and points at its original', async () => {
    const { doc } = await get('harbour-tides');
    assertValid(doc);
    assert.equal(doc.copyrightholder, 'Harbour Voice Cooperative');
    assert.equal(doc.copyrightnotice, 'Copyright © Ada Reporter, Harbour Voice, 2025');
    assert.equal(doc.usageterms, 'Not for republication.');
    assert.deepEqual(doc.infosources.map((s: Json) => [s.name, s.role.split('/').at(-1)]), [
      ['Harbour Voice', 'origcont'],
      ['The Test Ledger', 'distributor'],
    ]);
    assert.deepEqual(doc.altids, [
      { role: 'canonical', value: 'https://harbour.example/2025/tides' },
      { role: 'original', value: 'https://harbour.example/2025/tides' },
    ]);
  });

  it('answers members-only, draft and unknown articles with a JSON 404 that carries no text', async () => {
    for (const slug of ['locked-away', 'draft-piece', 'no-such-story']) {
      const res = await t.get(`/articles/${slug}.ninjs.json`);
      assert.equal(res.status, 404, slug);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      const body = await res.text();
      assert.deepEqual(JSON.parse(body), { error: { code: 'not_found', message: 'No such article' } });
    }
  });

  it('is read back by Broadsheet’s own ninjs reader with its title, authors, dates, image and sections', async () => {
    const res = await t.get('/articles/canal-locks.ninjs.json');
    const feed = parseFeed(new Uint8Array(await res.arrayBuffer()), { url: 'https://news.test/articles/canal-locks.ninjs.json' });
    assert.equal(feed.format, 'ninjs');
    const [item] = feed.items;
    assert.equal(item?.title, 'The canal locks reopen');
    assert.equal(item?.url, 'https://news.test/articles/canal-locks');
    assert.deepEqual(item?.authorNames, ['Ada Reporter', 'Ben Writer']);
    assert.equal(item?.publishedAt, '2026-04-02T05:30:00.000Z');
    assert.equal(item?.imageUrl, 'https://news.test/media/lock-hero-960.webp');
    assert.deepEqual(item?.categories, ['Lowlands', 'Water']);
    assert.match(item?.contentHtml ?? '', /href="https:\/\/news.test\/articles\/dry-summer"/);
  });
});
