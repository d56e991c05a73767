import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { AppError } from '../../src/errors.js';
import { OPML_MAX_BYTES, readOpml, writeOpml } from '../../src/syndication/opml.js';
import { forEachDatabase } from '../helpers/databases.js';
import { makeSource } from '../helpers/factories.js';
import { useTestApp } from '../helpers/test-app.js';

const bytes = (text: string) => new TextEncoder().encode(text);

const opml = (body: string, head = '<?xml version="1.0" encoding="UTF-8"?>') => `${head}
<opml version="2.0"><head><title>Partners</title></head><body>
${body}
</body></opml>`;

/** The refusal readOpml gives a file, as its message. */
function refusalOf(text: string | Uint8Array): string {
  try {
    readOpml(typeof text === 'string' ? bytes(text) : text);
  } catch (error) {
    assert.ok(error instanceof AppError, `an AppError, not ${String(error)}`);
    assert.equal(error.status, 400);
    return error.message;
  }
  assert.fail('the file was accepted');
}

describe('reading and writing OPML', () => {
  it('reads back what it writes, names with markup characters included', () => {
    const feeds = [
      { name: 'Salt & Pepper <Weekly>', feedUrl: 'https://salt.test/feed?a=1&b=2', homepageUrl: 'https://salt.test/' },
      { name: 'The "Quay" Review', feedUrl: 'http://quay.test/rss', homepageUrl: 'http://quay.test/' },
    ];
    const text = writeOpml('Ledger partner feeds', feeds);
    assert.match(text, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<opml version="2.0">/);
    assert.deepEqual(readOpml(bytes(text)), feeds.map((f, i) => ({ ...f, position: i + 1 })));
  });

  it('flattens category outlines, reads attributes in any case, and falls back to the title, the host and the feed’s origin', () => {
    const outlines = readOpml(bytes(opml(`
      <outline text="Coast">
        <outline text="Tern Weekly" type="rss" xmlUrl="https://tern.test/feed.xml" htmlUrl="https://tern.test/news"/>
        <outline text="Inland"><outline title="Mill Gazette" xmlurl="https://mill.test/atom"/></outline>
      </outline>
      <outline XMLURL="https://bare.test/rss.xml"/>`)));
    assert.deepEqual(outlines, [
      { position: 1, name: 'Tern Weekly', feedUrl: 'https://tern.test/feed.xml', homepageUrl: 'https://tern.test/news' },
      { position: 2, name: 'Mill Gazette', feedUrl: 'https://mill.test/atom', homepageUrl: 'https://mill.test/' },
      { position: 3, name: 'bare.test', feedUrl: 'https://bare.test/rss.xml', homepageUrl: 'https://bare.test/' },
    ]);
  });

  it('refuses an outline whose feed address is not http(s), naming the entry', () => {
    const message = refusalOf(opml(`<outline text="Tern" xmlUrl="https://tern.test/feed"/><outline text="Old Archive" xmlUrl="ftp://archive.test/feed"/>`));
    assert.match(message, /^Entry 2 \(“Old Archive”\): its feed address "ftp:\/\/archive.test\/feed" is not an http\(s\) URL$/);
  });

  it('refuses an outline that is neither a feed nor a category', () => {
    assert.match(refusalOf(opml('<outline text="Just a note"/>')), /Entry 1 \(“Just a note”\): an outline with no feed address/);
  });

  it('refuses entity declarations, non-XML, XML that is not OPML, and text that is not UTF-8', () => {
    const entities = `<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<opml version="2.0"><head/><body><outline text="&b;" xmlUrl="https://x.test/feed"/></body></opml>`;
    assert.match(refusalOf(entities), /declares its own XML entities/);
    assert.match(refusalOf('Tern Weekly, https://tern.test/feed.xml\nMill Gazette, https://mill.test/atom\n'), /not well-formed XML/);
    assert.match(refusalOf('{"feeds": ["https://tern.test/feed.xml"]}'), /not well-formed XML/);
    assert.match(refusalOf('<?xml version="1.0"?><rss version="2.0"><channel/></rss>'), /XML but not OPML \(its top element is <rss>\)/);
    assert.match(refusalOf(new Uint8Array([...bytes(opml('<outline text="Caf')), 0xe9, ...bytes('" xmlUrl="https://cafe.test/"/>')])), /not UTF-8/);
  });

  it('refuses files over 1 MB and over 500 outlines', () => {
    const many = Array.from({ length: 501 }, (_, i) => `<outline text="Feed ${i}" xmlUrl="https://f${i}.test/rss"/>`).join('');
    assert.match(refusalOf(opml(many)), /more than 500 outlines/);
    const big = new Uint8Array(OPML_MAX_BYTES + 1).fill(0x20);
    assert.match(refusalOf(big), /larger than 1 MB/);
    assert.match(refusalOf(new Uint8Array()), /empty/);
  });
});

forEachDatabase('OPML export and import pages', (dialect) => {
  const t = useTestApp(dialect);
  let session: { cookie: string; csrf: string };

  before(async () => {
    const user = await t.app.staff.create({ email: 'desk@news.test', name: 'Desk', role: 'editor' });
    const s = await t.app.staff.startSession(user.id);
    session = { cookie: `bs_session=${s.token}`, csrf: s.csrfToken };
  });

  async function upload(text: string) {
    const form = new FormData();
    form.append('_csrf', session.csrf);
    form.append('file', new Blob([text], { type: 'text/x-opml' }), 'partners.opml');
    const res = await fetch(`${t.baseUrl}/admin/feeds.opml`, { method: 'POST', headers: { cookie: session.cookie }, body: form, redirect: 'manual' });
    return { status: res.status, html: await res.text() };
  }

  const counts = async () => ({ sources: (await t.app.content.directory.listSources()).length, feeds: (await t.app.syndication.feeds.list()).length });

  const three = opml(`
    <outline text="Coast">
      <outline text="Tern Weekly" type="rss" xmlUrl="https://tern.test/feed.xml" htmlUrl="https://tern.test/"/>
      <outline text="Gull Daily" type="rss" xmlUrl="https://gull.test/rss"/>
    </outline>
    <outline text="Mill Gazette" type="rss" xmlUrl="https://mill.test/atom.xml" htmlUrl="https://mill.test/news"/>`);

  it('imports a three-outline file as three partner sources with review-mode feeds, slugs kept unique', async () => {
    // Already taken, so the import's Tern Weekly becomes tern-weekly-2.
    await makeSource(t.app.content, { slug: 'tern-weekly', name: 'Another Tern' });
    const { status, html } = await upload(three);
    assert.equal(status, 200);
    assert.match(html, /Added 3 partner sources with their feeds: /);
    const feeds = await t.app.syndication.feeds.list();
    const imported = feeds.map((f) => [f.sourceSlug, f.sourceName, f.feedUrl, f.mode]);
    assert.deepEqual(imported, [
      ['gull-daily', 'Gull Daily', 'https://gull.test/rss', 'review'],
      ['mill-gazette', 'Mill Gazette', 'https://mill.test/atom.xml', 'review'],
      ['tern-weekly-2', 'Tern Weekly', 'https://tern.test/feed.xml', 'review'],
    ]);
    const mill = await t.app.content.directory.sourceBySlug('mill-gazette');
    assert.deepEqual([mill?.homepageUrl, mill?.copyrightHolder], ['https://mill.test/news', 'Mill Gazette']);
    assert.equal((await t.app.content.directory.sourceBySlug('gull-daily'))?.homepageUrl, 'https://gull.test/');
  });

  it('skips every feed already here when the same file comes again, and says so', async () => {
    const before = await counts();
    const { status, html } = await upload(three);
    assert.equal(status, 200);
    assert.match(html, /Added 0 partner sources with their feeds\. Skipped 3: Tern Weekly \(already a partner feed here\); Gull Daily/);
    assert.deepEqual(await counts(), before);
  });

  it('changes nothing when one outline is bad, and says which', async () => {
    const before = await counts();
    const { status, html } = await upload(opml(`
      <outline text="Heron Post" xmlUrl="https://heron.test/feed"/>
      <outline text="Old Archive" xmlUrl="ftp://archive.test/feed"/>`));
    assert.equal(status, 400);
    assert.match(html, /<p id="file-error" class="field-error" role="alert">Entry 2 \(“Old Archive”\): its feed address/);
    assert.deepEqual(await counts(), before);
    assert.equal(await t.app.content.directory.sourceBySlug('heron-post'), undefined);
  });

  it('refuses a file that declares entities and one that is not XML', async () => {
    const before = await counts();
    const entities = await upload(`<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x "Heron">]><opml version="2.0"><body><outline text="&x;" xmlUrl="https://heron.test/feed"/></body></opml>`);
    assert.equal(entities.status, 400);
    assert.match(entities.html, /declares its own XML entities/);
    const notXml = await upload('https://heron.test/feed\n');
    assert.equal(notXml.status, 400);
    assert.match(notXml.html, /not well-formed XML/);
    assert.deepEqual(await counts(), before);
  });

  it('exports every feed as an OPML download that reads back', async () => {
    const res = await fetch(`${t.baseUrl}/admin/feeds.opml`, { headers: { cookie: session.cookie } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/x-opml; charset=utf-8');
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="[\w-]+\.opml"$/);
    const outlines = readOpml(new Uint8Array(await res.arrayBuffer()));
    const feeds = await t.app.syndication.feeds.list();
    assert.deepEqual(
      outlines.map((o) => [o.name, o.feedUrl]),
      feeds.map((f) => [f.sourceName, f.feedUrl]),
    );
    assert.equal(outlines.find((o) => o.name === 'Mill Gazette')?.homepageUrl, 'https://mill.test/news');
  });
});
