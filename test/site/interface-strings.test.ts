import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { BOILERPLATE_SETTINGS, boilerplateKey, termKey } from '../../src/i18n/catalog-entries.js';
import { englishMessages, type Message } from '../../src/i18n/messages-en.js';
import { isPlural, PLACEHOLDER, placeholdersIn, pluralCategoriesOf, templatesOf } from '../../src/i18n/messages.js';
import { forEachDatabase } from '../helpers/databases.js';
import { makeArticle, makeAuthor, makeSource, makeTerm } from '../helpers/factories.js';
import { useTestApp } from '../helpers/test-app.js';
import { countingFakeProvider, shout } from '../translation/counting-fake-provider.js';

const entries = Object.entries(englishMessages) as [keyof typeof englishMessages, Message][];

/**
 * A stand-in translation of message number `i` with no English in it: a numbered marker, then the
 * English placeholders so the catalog accepts it. A plural message gets the same in every category.
 */
function marker(message: Message, i: number, language: string): Message {
  const names = [...new Set(templatesOf(message).flatMap(placeholdersIn))];
  const text = [`⟦${i}⟧`, ...names.map((n) => `{${n}}`)].join(' ');
  return isPlural(message) ? (Object.fromEntries(pluralCategoriesOf(language).map((c) => [c, text])) as Message) : text;
}

/** The English words of every message: each piece between placeholders that has a letter in it. */
const englishPieces = [
  ...new Set(entries.flatMap(([, message]) => templatesOf(message).flatMap((t) => t.split(PLACEHOLDER).filter((_, i) => i % 2 === 0)))),
]
  .map((piece) => piece.trim())
  .filter((piece) => /\p{L}/u.test(piece));

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, name: string) =>
    name.startsWith('#x') || name.startsWith('#X') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (entities[name] ?? m),
  );

/**
 * What a reader meets on a page: its text without tags, scripts or styles, and the attributes read
 * aloud or shown (labels, placeholders, titles, alt text, the descriptions and titles shared). Feeds carry HTML
 * escaped inside XML, so tags are stripped again after decoding.
 */
function readerText(document: string): string {
  // The republish tool's snippet is the article itself, in the article's language, and marked so.
  const withoutCode = document.replace(/<(script|style)\b[\s\S]*?<\/\1>|<textarea [^>]*lang="en"[^>]*>[\s\S]*?<\/textarea>/gi, ' ');
  const attributes = [
    ...withoutCode.matchAll(/\s(?:aria-label|placeholder|title|alt)="([^"]*)"/g),
    ...withoutCode.matchAll(/<meta (?:name|property)="(?:description|og:title|og:description|twitter:title|twitter:description)" content="([^"]*)"/g),
  ].map((m) => m[1]);
  const text = withoutCode.replace(/<[^>]*>/g, ' ');
  // Addresses are not words: a feed has its links as text.
  return decode(decode([text, ...attributes].join(' ')).replace(/<[^>]*>/g, ' '))
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\s+/g, ' ');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The English message words found in `text` as words of their own (not inside longer words). */
function englishIn(text: string): string[] {
  return englishPieces.filter((piece) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(piece)}(?![\\p{L}\\p{N}])`, 'u').test(text));
}

forEachDatabase('the public site’s interface strings', (dialect) => {
  const provider = countingFakeProvider({ pairs: ['en-fi'] });
  const t = useTestApp(dialect, { scheduler: false, translationProviders: [provider] });
  let staffId: number;
  // Everything the test writes itself: names and words that are data, not interface strings.
  const data: string[] = [];
  const boilerplate = {
    noteToReaders: 'Readers please note this piece.',
    republishingPolicy: 'You may republish our reporting with credit.',
    disclaimer: 'Views are those of the writers.',
    fairUseNotice: 'Some material is used under fair use.',
  };
  const translatedBoilerplate = {
    noteToReaders: 'Lukijoille tiedoksi.',
    republishingPolicy: 'Juttujamme saa julkaista uudelleen.',
    disclaimer: 'Näkemykset ovat kirjoittajien omia.',
    fairUseNotice: 'Osaa aineistosta käytetään kohtuullisen käytön nojalla.',
  };
  // The sections as staff name them (the site is in English, the names need not be), and in the Finnish catalog.
  const terms = {
    pohjola: { kind: 'region', name: 'Pohjola', description: 'Pohjoisen uutiset.', translated: { name: 'Pohjoinen', description: 'Uutisia pohjoisesta.' } },
    merenkulku: { kind: 'theme', name: 'Merenkulku', description: 'Laivat ja satamat.', translated: { name: 'Meriliikenne', description: 'Alukset ja laiturit.' } },
    jaanmurto: { kind: 'dossier', name: 'Jäänmurto', description: 'Talven väylät.', translated: { name: 'Jäänsärkijät', description: 'Talviset reitit.' } },
  } as const;

  before(async () => {
    const { content, catalogs } = t.app;
    staffId = (await t.app.staff.create({ email: 'kaantaja@news.test', name: 'Kaisa Kääntäjä', role: 'editor' })).id;
    await content.settings.update({ siteName: 'Pohjoisviesti', copyrightHolder: 'Pohjoisviesti Oy', mediaInquiriesEmail: 'lehdisto@news.test', ...boilerplate });
    await makeAuthor(content, { slug: 'aino-virtanen', name: 'Aino Virtanen', bio: 'Aino kirjoittaa satamista.' });
    await makeAuthor(content, { slug: 'eero-laine', name: 'Eero Laine', bio: 'Eero kuvaa.' });
    const termIds = new Map<string, number>();
    for (const [slug, term] of Object.entries(terms)) termIds.set(slug, (await makeTerm(content, term.kind, { slug, name: term.name, description: term.description })).id);
    await makeSource(content, { slug: 'rannikko', name: 'Rannikkolehti', homepageUrl: 'https://rannikko.example', copyrightHolder: 'Rannikko Media', allowRepublish: true, attribution: 'Rannikkolehden luvalla.' });
    const common = { status: 'published' as const, publishedAt: '2026-11-10T08:00:00.000Z', regions: ['pohjola'], themes: ['merenkulku'], dossier: 'jaanmurto' };
    await makeArticle(content, { ...common, slug: 'satama', title: 'Satama avautuu', dek: 'Jäät lähtivät.', bodyHtml: '<p>Satama avautuu taas keväällä.</p>', authors: ['aino-virtanen', 'eero-laine'], kicker: 'Uutinen' });
    await makeArticle(content, { ...common, slug: 'lautta', title: 'Lautta kulkee', bodyHtml: '<p>Lautta kulkee satama väliä.</p>', authors: ['aino-virtanen'], source: 'rannikko', originalUrl: 'https://rannikko.example/lautta' });
    data.push(
      'Pohjoisviesti Oy', 'Pohjoisviesti', 'lehdisto@news.test', 'Aino Virtanen', 'Aino kirjoittaa satamista.', 'Eero Laine', 'Eero kuvaa.', 'Pohjola', 'Pohjoisen uutiset.',
      'Merenkulku', 'Laivat ja satamat.', 'Jäänmurto', 'Talven väylät.', 'Rannikkolehti', 'Rannikko Media', 'Rannikkolehden luvalla.', 'Satama avautuu taas keväällä.',
      'Satama avautuu', 'Jäät lähtivät.', 'Uutinen', 'Lautta kulkee satama väliä.', 'Lautta kulkee', ...Object.values(translatedBoilerplate),
      ...Object.values(terms).flatMap((term) => Object.values(term.translated)),
    );

    // Finnish gets a whole catalog of markers; the boilerplate settings get real words.
    for (const [i, [key, message]] of entries.entries()) await catalogs.edit('fi', key, marker(message, i, 'fi'), staffId);
    for (const name of BOILERPLATE_SETTINGS) await catalogs.edit('fi', boilerplateKey(name), translatedBoilerplate[name], staffId);
    for (const [slug, term] of Object.entries(terms)) {
      for (const field of ['name', 'description'] as const) await catalogs.edit('fi', termKey(termIds.get(slug)!, field), term.translated[field], staffId);
    }
  });

  it('shows a staff-edited catalog entry on the Spanish pages and not on the English ones', async () => {
    await t.app.catalogs.edit('es', 'language.control', 'Traducir', staffId);
    assert.match(await t.html('/es'), /<summary>Traducir <span lang="es">\(Español\)<\/span><\/summary>/);
    const english = await t.html('/');
    assert.match(english, /<summary>Translate <span lang="en">\(English\)<\/span><\/summary>/);
    assert.doesNotMatch(english, /Traducir/);
  });

  describe('a language whose catalog is complete', () => {
    /** The English message words a page shows once the test's own data is taken out. */
    async function englishOn(path: string, status = 200, init?: RequestInit): Promise<string[]> {
      const res = init ? await fetch(t.baseUrl + path, init) : await t.get(path);
      assert.equal(res.status, status, path);
      let text = readerText(await res.text());
      // Longest first, so a name inside a longer one goes with it; machine "translations" shout the data.
      for (const item of [...data, ...data.map(shout)].sort((a, b) => b.length - a.length)) text = text.split(item).join(' ');
      return englishIn(text);
    }

    it('finds every message English on the English pages (the check itself works)', async () => {
      const found = await englishOn('/articles/satama');
      for (const piece of ['By', 'Note to readers', 'Republish this article', 'Skip to content', 'Fair use notice']) assert.ok(found.includes(piece), piece);
    });

    it('shows no English interface words on any kind of public page', async () => {
      const pages = [
        '/fi',
        '/fi/articles/satama',
        '/fi/articles/lautta',
        '/fi/authors/aino-virtanen',
        '/fi/regions/pohjola',
        '/fi/themes/merenkulku',
        '/fi/dossiers/jaanmurto',
        '/fi/sources/rannikko',
        '/fi/archive',
        '/fi/archive/2026/11',
        '/fi/search',
        '/fi/search?q=zzyzx',
        '/fi/newsletter',
        '/fi/articles/satama/republish',
        '/fi/articles/lautta/republish',
      ];
      for (const path of pages) assert.deepEqual(await englishOn(path), [], path);
      assert.deepEqual(await englishOn('/fi/articles/no-such-article', 404), [], 'a 404');
      const signUp = (email: string): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email }) });
      assert.deepEqual(await englishOn('/fi/newsletter', 200, signUp('lukija@news.test')), [], 'check your inbox');

      // The articles were shown as originals while their translations were queued; now they are translated.
      await t.app.translation.queue.runDue({ limit: 10 });
      for (const path of ['/fi/articles/satama', '/fi/search?q=satama', '/fi/feed.xml', '/fi/authors/aino-virtanen/atom.xml', '/fi/sources/rannikko/feed.json']) {
        assert.deepEqual(await englishOn(path), [], path);
      }
    });

    it('puts the markers where the English was: notices, counts, feeds', async () => {
      const index = (key: keyof typeof englishMessages) => entries.findIndex(([k]) => k === key);
      // The first visit queues the translation; once it is made the page is a machine translation.
      await t.get('/fi/articles/satama');
      await t.app.translation.queue.runDue({ limit: 10 });
      const article = await t.html('/fi/articles/satama');
      assert.match(article, new RegExp(`class="translation-notice">⟦${index('translation.machine')}⟧ English <a [^>]*>⟦${index('translation.readOriginal')}⟧ English</a>`));
      assert.match(article, new RegExp(`⟦${index('article.byline')}⟧ <a href="/fi/authors/aino-virtanen" rel="author">Aino Virtanen</a> ja <a`), 'authors listed the Finnish way');
      assert.match(await t.html('/fi/archive'), new RegExp(`⟦${index('archive.month')}⟧ <a href="/fi/archive/2026/11">marraskuu 2026</a> 2`));
      assert.match(await t.html('/fi/search?q=satama'), new RegExp(`role="status">⟦${index('search.resultCount')}⟧ 2 <q>satama</q>`));
      const feed = await (await t.get('/fi/authors/aino-virtanen/feed.xml')).text();
      assert.match(feed, new RegExp(`<title>⟦${index('feed.title')}⟧ ⟦${index('listing.articlesBy')}⟧ Aino Virtanen Pohjoisviesti</title>`));
    });

    it('shows the boilerplate settings translated on its article pages, and the original on the site’s own', async () => {
      const finnish = readerText(await t.html('/fi/articles/satama'));
      const english = readerText(await t.html('/articles/satama'));
      for (const name of BOILERPLATE_SETTINGS) {
        assert.ok(finnish.includes(translatedBoilerplate[name]), name);
        assert.ok(!finnish.includes(boilerplate[name]), name);
        assert.ok(english.includes(boilerplate[name]), name);
        assert.ok(!english.includes(translatedBoilerplate[name]), name);
      }
    });

    it('names the sections in Finnish on its pages, and as staff typed them on the site’s own', async () => {
      const finnish = readerText(await t.html('/fi/articles/satama'));
      const english = readerText(await t.html('/articles/satama'));
      for (const term of Object.values(terms)) {
        assert.ok(finnish.includes(term.translated.name), term.name);
        assert.ok(!new RegExp(`(?<!\\p{L})${term.name}(?!\\p{L})`, 'u').test(finnish), term.name);
        assert.ok(english.includes(term.name), term.name);
        assert.ok(!english.includes(term.translated.name), term.name);
      }
      assert.ok(readerText(await t.html('/fi/regions/pohjola')).includes(terms.pohjola.translated.description));
    });
  });
});
