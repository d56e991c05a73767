import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Term } from '../../src/content/index.js';
import { termKey } from '../../src/i18n/catalog-entries.js';
import { englishMessages } from '../../src/i18n/messages-en.js';
import { appError } from '../helpers/assertions.js';
import { forEachDatabase } from '../helpers/databases.js';
import { makeTerm } from '../helpers/factories.js';
import { useTestApp } from '../helpers/test-app.js';
import { useStaff } from '../newsletter/staff-client.js';
import { countingFakeProvider } from '../translation/counting-fake-provider.js';

const messageCount = Object.keys(englishMessages).length;

forEachDatabase('regions, themes and dossiers in the message catalogs', (dialect) => {
  const fake = countingFakeProvider({ pairs: ['en-de', 'en-sv'] });
  const t = useTestApp(dialect, { scheduler: false, translationProviders: [fake] });
  const { get, post } = useStaff(t);
  let nordic: Term;
  let alps: Term;
  let energy: Term;

  before(async () => {
    nordic = await makeTerm(t.app.content, 'region', { slug: 'nordic', name: 'Nordic', description: 'Five countries\nand their seas.' });
    alps = await makeTerm(t.app.content, 'region', { slug: 'alps', name: 'Alps', description: '' });
    energy = await makeTerm(t.app.content, 'theme', { slug: 'energy', name: 'Energy', description: 'Power {and} grids.' });
  });

  it('produces each term’s name and description with the interface strings, in one provider call', async () => {
    const result = await t.app.catalogs.produce('de');
    // Five term texts: a term without a description has nothing there to translate.
    assert.deepEqual([result.translated, result.failed], [messageCount + 5, 0]);
    assert.equal(fake.calls.length, 1);
    for (const text of ['Nordic', 'Five countries<br>and their seas.', 'Alps', 'Energy', 'Power {and} grids.']) assert.ok(fake.sentFragments().includes(text), text);

    const de = await t.app.catalogs.termsFor('de');
    assert.deepEqual(de.of(nordic), { ...nordic, name: 'NORDIC', description: 'FIVE COUNTRIES\nAND THEIR SEAS.' });
    assert.deepEqual(de.of(energy), { ...energy, name: 'ENERGY', description: 'POWER {AND} GRIDS.' });
    assert.deepEqual(de.of(alps), { ...alps, name: 'ALPS' });
    // Pages ask on every render: the same answer comes from memory until something changes.
    assert.equal(await t.app.catalogs.termsFor('de-AT'), de);
  });

  it('keeps the site’s own language as staff typed it', async () => {
    const en = await t.app.catalogs.termsFor('en');
    assert.equal(en.of(nordic), nordic);
    assert.deepEqual(en.list.map((term) => term.name), ['Alps', 'Nordic', 'Energy']);
  });

  it('lists each kind in the order of its names in the language', async () => {
    await t.app.catalogs.edit('sv', termKey(alps.id, 'name'), 'Österrike och Schweiz', null);
    await t.app.catalogs.edit('sv', termKey(nordic.id, 'name'), 'Norden', null);
    const sv = await t.app.catalogs.termsFor('sv');
    assert.deepEqual(sv.list.map((term) => `${term.kind} ${term.name}`), ['region Norden', 'region Österrike och Schweiz', 'theme Energy']);
  });

  it('shows a renamed term in its new original until produced again, and then translates only that', async () => {
    await t.app.content.directory.saveTerm({ kind: 'theme', slug: 'energy', name: 'Power', description: 'Power {and} grids.' });
    const renamed = (await t.app.content.directory.termBySlug('theme', 'energy'))!;
    assert.equal((await t.app.catalogs.termsFor('de')).of(renamed).name, 'Power');
    const row = (await t.app.catalogs.rows('de')).rows.find((r) => r.key === termKey(energy.id, 'name'));
    assert.deepEqual([row?.kind, row?.outdated, row?.translation], ['term', true, 'ENERGY']);

    const again = await t.app.catalogs.produce('de');
    assert.deepEqual([again.translated, again.kept], [1, messageCount + 4]);
    assert.deepEqual(fake.calls.at(-1)?.fragments, ['Power']);
    assert.equal((await t.app.catalogs.termsFor('de')).of(renamed).name, 'POWER');
  });

  it('never lets a machine replace a term’s translation that staff edited', async () => {
    await t.app.catalogs.edit('de', termKey(nordic.id, 'name'), '  Nordeuropa ', null);
    await t.app.catalogs.produce('de');
    assert.equal((await t.app.catalogs.termsFor('de')).of(nordic).name, 'Nordeuropa');
  });

  it('checks a staff edit of a term against the term’s own limits, and takes braces as plain text', async () => {
    await assert.rejects(t.app.catalogs.edit('de', termKey(nordic.id, 'name'), 'N'.repeat(201), null), appError('translation_too_long', 400, 'text'));
    await assert.rejects(t.app.catalogs.edit('de', termKey(alps.id, 'description'), 'Berge.', null), appError('unknown_message', 404, 'key'));
    await assert.rejects(t.app.catalogs.edit('de', 'term.999999.name', 'Nirgendwo', null), appError('unknown_message', 404, 'key'));
    assert.equal((await t.app.catalogs.termsFor('de')).of(nordic).name, 'Nordeuropa');
    await t.app.catalogs.edit('de', termKey(energy.id, 'description'), 'Strom {und} Netze.', null);
    assert.equal((await t.app.catalogs.termsFor('de')).of(energy).description, 'Strom {und} Netze.');
  });

  it('lists the terms under “Sections” on a language’s messages page, and saves an editor’s translation there', async () => {
    const page = await (await get('editor', '/admin/languages/sv/messages')).text();
    const sections = page.slice(page.indexOf('<h2>Sections</h2>'));
    assert.ok(page.indexOf('<h2>Interface strings</h2>') < page.indexOf('<h2>Sections</h2>'));
    assert.match(sections, new RegExp(`<code>${termKey(nordic.id, 'description')}</code>`));
    assert.match(sections, /<p>Five countries<\/p><p>and their seas.<\/p>/);
    assert.doesNotMatch(sections, /<code>search\.submit<\/code>/);

    const key = termKey(energy.id, 'name');
    const res = await post('editor', '/admin/languages/sv/messages', { key, text: 'Kraft', show: 'all' });
    assert.equal(res.status, 303);
    assert.equal((await t.app.catalogs.termsFor('sv')).of({ ...energy, name: 'Power' }).name, 'Kraft');
  });
});
