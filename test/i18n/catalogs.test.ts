import assert from 'node:assert/strict';
import { it } from 'node:test';
import { catalogEntries } from '../../src/i18n/catalog-entries.js';
import { createCatalogs } from '../../src/i18n/catalogs.js';
import { englishMessages } from '../../src/i18n/messages-en.js';
import { pluralCategoriesOf } from '../../src/i18n/messages.js';
import type { TranslationProvider } from '../../src/translation/provider.js';
import { createApertiumCommandProvider } from '../../src/translation/providers/apertium-command.js';
import { registryOf } from '../../src/translation/providers/registry.js';
import { appError } from '../helpers/assertions.js';
import { forEachDatabase } from '../helpers/databases.js';
import { useTestApp, type RunningApp } from '../helpers/test-app.js';
import { apertiumMissing } from '../translation/apertium-setup.js';
import { countingFakeProvider, shout } from '../translation/counting-fake-provider.js';

const messageCount = Object.keys(englishMessages).length;
const everyPair = ['es', 'fr', 'de', 'it', 'pl', 'ar', 'nl', 'pt', 'sv', 'da', 'fi'].map((l) => `en-${l}`);

const rowsOf = async (t: RunningApp, language: string) =>
  t.app.database.db.selectFrom('message_translations').selectAll().where('language', '=', language).orderBy('key').execute();

forEachDatabase('the message catalogs', (dialect) => {
  const t = useTestApp(dialect, { scheduler: false });
  const purged: string[][] = [];
  const catalogsWith = (...providers: TranslationProvider[]) =>
    createCatalogs({ db: t.app.database.db, clock: t.clock, settings: t.app.content.settings, terms: () => t.app.content.directory.listTerms(), providerFor: registryOf(providers).providerFor, onPurge: (keys) => purged.push(keys) });

  it('produces a language in one provider call, and its pages then read the stored translations', async () => {
    const fake = countingFakeProvider({ pairs: everyPair });
    const catalogs = catalogsWith(fake);
    const result = await catalogs.produce('es');
    assert.deepEqual(result, { language: 'es', translated: messageCount, kept: 0, failed: 0, failures: [] });
    assert.equal(fake.calls.length, 1);
    assert.deepEqual(purged.at(-1), ['all']);

    const es = await catalogs.messagesFor('es');
    assert.equal(es.t('language.control'), 'TRANSLATE');
    assert.equal(es.t('listing.articlesBy', { name: 'Ada Lind' }), 'ARTICLES BY Ada Lind');
    assert.equal(es.t('translation.machine', { language: 'English' }), 'TRANSLATED BY MACHINE FROM English.');
    assert.equal(es.t('search.resultCount', { count: 1, query: 'grid' }), '1 ARTICLE MATCHES grid.');
    assert.equal(es.t('search.resultCount', { count: 2000, query: 'grid' }), `${new Intl.NumberFormat('es').format(2000)} ARTICLES MATCH grid.`);
    // A page asks on every render: the same messages come from memory until something changes.
    assert.equal(await catalogs.messagesFor('es'), es);
    // A regional tag reads its language's catalog, with its own number formatting.
    assert.equal((await catalogs.messagesFor('es-MX')).t('language.control'), 'TRANSLATE');
    const rows = await rowsOf(t, 'es');
    assert.ok(rows.every((r) => r.status === 'machine' && r.provider === 'fake' && r.updated_by === null));
  });

  it('translates again only what is missing or outdated, and never replaces a reviewed entry', async () => {
    const catalogs = catalogsWith(countingFakeProvider({ pairs: everyPair }));
    await catalogs.produce('fr');
    const { db } = t.app.database;
    await db.deleteFrom('message_translations').where('language', '=', 'fr').where('key', '=', 'search.submit').execute();
    // Made from an English "Latest" that has changed since.
    await db.updateTable('message_translations').set({ source_hash: 'f'.repeat(64) }).where('language', '=', 'fr').where('key', '=', 'home.latest').execute();
    await catalogs.edit('fr', 'footer.archive', 'Archives', null);
    await db.updateTable('message_translations').set({ source_hash: 'f'.repeat(64) }).where('language', '=', 'fr').where('key', '=', 'footer.archive').execute();

    const fake = countingFakeProvider({ pairs: everyPair });
    const again = await catalogsWith(fake).produce('fr');
    assert.deepEqual(again, { language: 'fr', translated: 2, kept: messageCount - 2, failed: 0, failures: [] });
    assert.deepEqual(fake.sentFragments().sort(), ['Latest', 'Search']);
    const archive = (await rowsOf(t, 'fr')).find((r) => r.key === 'footer.archive');
    assert.deepEqual([archive?.text, archive?.status], ['Archives', 'reviewed']);

    const nothing = countingFakeProvider({ pairs: everyPair });
    assert.deepEqual(await catalogsWith(nothing).produce('fr'), { language: 'fr', translated: 0, kept: messageCount, failed: 0, failures: [] });
    assert.equal(nothing.calls.length, 0);
  });

  it('shows the English for a translation made from English that has changed since', async () => {
    const catalogs = catalogsWith(countingFakeProvider({ pairs: everyPair }));
    await catalogs.produce('nl');
    assert.equal((await catalogs.messagesFor('nl')).t('home.latest'), 'LATEST');
    await t.app.database.db.updateTable('message_translations').set({ source_hash: 'f'.repeat(64) }).where('language', '=', 'nl').where('key', '=', 'home.latest').execute();
    const nl = await catalogsWith().messagesFor('nl');
    assert.equal(nl.t('home.latest'), 'Latest');
    assert.equal(nl.t('search.submit'), 'SEARCH');
  });

  it('stores nothing when the provider fails', async () => {
    const fake = countingFakeProvider({ pairs: everyPair, failOn: (f) => f === 'Latest' });
    await assert.rejects(catalogsWith(fake).produce('de'), /the fake provider refused/);
    assert.deepEqual(await rowsOf(t, 'de'), []);
    assert.equal((await catalogsWith().messagesFor('de')).t('language.control'), 'Translate');
  });

  it('stores nothing when the second of two provider calls fails, on a site written in French', async () => {
    await t.app.content.settings.update({ language: 'fr', disclaimer: 'Les opinions sont celles des auteurs.' });
    try {
      const fake = countingFakeProvider({ pairs: ['en-it', 'fr-it'], failOn: (f) => f.startsWith('Les opinions') });
      await assert.rejects(catalogsWith(fake).produce('it'), /the fake provider refused/);
      assert.deepEqual(fake.calls.map((c) => `${c.source}-${c.target}`), ['en-it', 'fr-it']);
      assert.deepEqual(await rowsOf(t, 'it'), []);
    } finally {
      await t.app.content.settings.update({ language: 'en', disclaimer: '' });
    }
  });

  it('leaves a message whose placeholder did not survive in English, and reports it', async () => {
    const lose = (f: string) => (f.startsWith('Articles by <span') ? shout(f).replace(/<span[^>]*>\d+<\/span>/, 'SOMEONE') : shout(f));
    const catalogs = catalogsWith(countingFakeProvider({ pairs: everyPair, rewrite: lose }));
    const result = await catalogs.produce('pt');
    assert.deepEqual(result.failures, [{ key: 'listing.articlesBy', reason: 'a placeholder did not come back from the provider' }]);
    assert.deepEqual([result.translated, result.failed], [messageCount - 1, 1]);
    const pt = await catalogs.messagesFor('pt');
    assert.equal(pt.t('listing.articlesBy', { name: 'Ada' }), 'Articles by Ada');
    assert.equal(pt.t('author.elsewhere', { name: 'Ada' }), 'Ada ELSEWHERE');
    assert.equal((await rowsOf(t, 'pt')).some((r) => r.key === 'listing.articlesBy'), false);
  });

  it('gives a machine-made plural message every category of the language', async () => {
    const catalogs = catalogsWith(countingFakeProvider({ pairs: everyPair }));
    await catalogs.produce('ar');
    const row = (await rowsOf(t, 'ar')).find((r) => r.key === 'archive.monthCount');
    const forms = JSON.parse(row!.text) as Record<string, string>;
    assert.deepEqual(Object.keys(forms).sort(), [...pluralCategoriesOf('ar')].sort());
    assert.deepEqual([forms.one, forms.two, forms.other], ['{count} ARTICLE', '{count} ARTICLES', '{count} ARTICLES']);
  });

  it('checks a staff edit: the key, the length, the placeholders and every plural form; a refused edit changes nothing', async () => {
    const catalogs = catalogsWith();
    await assert.rejects(catalogs.edit('sv', 'no.such.key', 'Hej', 1), appError('unknown_message', 404, 'key'));
    await assert.rejects(catalogs.edit('xx', 'search.submit', 'Sök', 1), appError('unknown_language', 404, 'lang'));
    await assert.rejects(catalogs.edit('en', 'search.submit', 'Find', 1), appError('source_language', 400, 'lang'));
    await assert.rejects(catalogs.edit('sv', 'search.submit', 'S'.repeat(1001), 1), appError('translation_too_long', 400, 'text'));
    await assert.rejects(catalogs.edit('sv', 'search.submit', '   ', 1), appError('empty_translation', 400, 'text'));
    await assert.rejects(catalogs.edit('sv', 'listing.articlesBy', 'Artiklar', 1), appError('missing_placeholder', 400, 'text'));
    await assert.rejects(catalogs.edit('sv', 'listing.articlesBy', 'Artiklar av {namn}', 1), appError('unknown_placeholder', 400, 'text'));
    await assert.rejects(catalogs.edit('sv', 'archive.monthCount', { other: '{count} artiklar' }, 1), appError('invalid_translation', 400, 'text.one'));
    await assert.rejects(
      catalogs.edit('sv', 'search.resultCount', { one: 'En artikel', other: '{count} artiklar' }, 1),
      appError('missing_placeholder', 400, 'text.one'),
    );
    assert.deepEqual(await rowsOf(t, 'sv'), []);

    const staff = await t.app.staff.create({ email: 'catalog-editor@news.test', name: 'Catalog Editor', role: 'editor' });
    const before = await catalogs.messagesFor('sv');
    await catalogs.edit('sv', 'listing.articlesBy', '  Artiklar av {name} ', staff.id);
    await catalogs.edit('sv', 'archive.monthCount', { one: 'en artikel', other: '{count} artiklar', ignored: 'x' }, staff.id);
    const sv = await catalogs.messagesFor('sv');
    assert.notEqual(sv, before);
    assert.equal(sv.t('listing.articlesBy', { name: 'Ada' }), 'Artiklar av Ada');
    assert.deepEqual([1, 4].map((count) => sv.t('archive.monthCount', { count })), ['en artikel', '4 artiklar']);
    const stored = await rowsOf(t, 'sv');
    assert.deepEqual(stored.map((r) => [r.key, r.status, r.updated_by, r.provider]), [
      ['archive.monthCount', 'reviewed', staff.id, null],
      ['listing.articlesBy', 'reviewed', staff.id, null],
    ]);
    assert.deepEqual(JSON.parse(stored[0]!.text), { one: 'en artikel', other: '{count} artiklar' });
  });

  it('translates the boilerplate settings, and shows a changed setting in its new English until produced again', async () => {
    await t.app.content.settings.update({ noteToReaders: 'Read us with care.\nWe check every fact.', fairUseNotice: '' });
    try {
      const fake = countingFakeProvider({ pairs: everyPair });
      const catalogs = catalogsWith(fake);
      const first = await catalogs.produce('da');
      assert.equal(first.translated, messageCount + 1);
      assert.ok(fake.sentFragments().includes('Read us with care.<br>We check every fact.'));
      assert.deepEqual(await catalogs.boilerplateFor('da'), { noteToReaders: 'READ US WITH CARE.\nWE CHECK EVERY FACT.', republishingPolicy: '', disclaimer: '', fairUseNotice: '' });
      // The site's own language shows the setting itself.
      assert.equal((await catalogs.boilerplateFor('en')).noteToReaders, 'Read us with care.\nWe check every fact.');

      await t.app.content.settings.update({ noteToReaders: 'Corrections are marked.' });
      assert.equal((await catalogs.boilerplateFor('da')).noteToReaders, 'Corrections are marked.');
      const second = await catalogs.produce('da');
      assert.deepEqual([second.translated, second.kept], [1, messageCount]);
      assert.equal((await catalogs.boilerplateFor('da')).noteToReaders, 'CORRECTIONS ARE MARKED.');

      await catalogs.edit('da', 'settings.noteToReaders', 'Rettelser er markeret.', null);
      assert.equal((await catalogs.boilerplateFor('da')).noteToReaders, 'Rettelser er markeret.');
      await assert.rejects(catalogs.edit('da', 'settings.fairUseNotice', 'Rimelig brug.', null), appError('unknown_message', 404, 'key'));
    } finally {
      await t.app.content.settings.update({ noteToReaders: '' });
    }
  });

  it('counts each language’s entries by state for the newsroom', async () => {
    const overview = await catalogsWith().overview();
    assert.equal(overview.some((s) => s.language.code === 'en'), false);
    assert.equal(overview.length, 50);
    const fr = overview.find((s) => s.language.code === 'fr')!;
    // Its reviewed "Archive" was made from English that has changed since (the second test).
    assert.deepEqual(fr, { language: fr.language, total: messageCount, machine: messageCount - 1, reviewed: 0, outdated: 1, missing: 0 });
    const ja = overview.find((s) => s.language.code === 'ja')!;
    assert.deepEqual([ja.missing, ja.machine], [catalogEntries(await t.app.content.settings.get(), await t.app.content.directory.listTerms()).length, 0]);
  });

  it('keeps every placeholder through the real Apertium', { skip: apertiumMissing }, async () => {
    const apertium = createApertiumCommandProvider();
    try {
      const catalogs = catalogsWith(apertium);
      const result = await catalogs.produce('es');
      // The fake's Spanish from the first test is current: only a fresh language goes to Apertium.
      assert.equal(result.translated, 0);
      await t.app.database.db.deleteFrom('message_translations').where('language', '=', 'es').execute();
      const fresh = await catalogs.produce('es');
      assert.equal(fresh.failed, 0, JSON.stringify(fresh.failures));
      const es = await catalogs.messagesFor('es');
      assert.match(es.t('pagination.position', { page: 2, total: 9 }), /^Página 2 de 9$/);
      assert.match(es.t('listing.articlesBy', { name: 'Ada Lind' }), /Ada Lind$/);
      assert.notEqual(es.t('language.control'), 'Translate');
    } finally {
      await apertium.close();
    }
  });
});
