import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Term } from '../../src/content/index.js';
import { termKey } from '../../src/i18n/catalog-entries.js';
import { forEachDatabase } from '../helpers/databases.js';
import { makeArticle, makeAuthor, makeTerm } from '../helpers/factories.js';
import { useTestApp } from '../helpers/test-app.js';
import { countingFakeProvider } from '../translation/counting-fake-provider.js';

const SLUG = 'ferries-resume';

forEachDatabase('region, theme and dossier names in the page’s language', (dialect) => {
  const t = useTestApp(dialect, { scheduler: false, translationProviders: [countingFakeProvider({ pairs: ['en-es', 'en-fr'] })] });
  let staffId: number;
  let baltic: Term;
  let ice: Term;

  before(async () => {
    const { content } = t.app;
    staffId = (await t.app.staff.create({ email: 'traductora@news.test', name: 'Lucía Traductora', role: 'editor' })).id;
    await makeAuthor(content, { slug: 'ines-kovac', name: 'Ines Kovač' });
    baltic = await makeTerm(content, 'region', { slug: 'baltic', name: 'Baltic', description: 'News from around the Baltic Sea.' });
    await makeTerm(content, 'theme', { slug: 'shipping', name: 'Shipping', description: '' });
    ice = await makeTerm(content, 'dossier', { slug: 'ice-season', name: 'Ice season', description: 'Winter on the water.' });
    const article = await makeArticle(content, {
      slug: SLUG,
      title: 'Ferries resume',
      bodyHtml: '<p>The ferries run again.</p>',
      status: 'published',
      authors: ['ines-kovac'],
      regions: ['baltic'],
      themes: ['shipping'],
      dossier: 'ice-season',
    });
    // A language's feed carries only what can be read in it.
    await t.app.translation.articles.translateArticle(article.id, 'es');
    await t.app.catalogs.edit('es', termKey(baltic.id, 'name'), 'Báltico', staffId);
    await t.app.catalogs.edit('es', termKey(baltic.id, 'description'), 'Noticias de todo el mar Báltico.', staffId);
    await t.app.catalogs.edit('es', termKey(ice.id, 'name'), 'Temporada de hielo', staffId);
  });

  it('shows a region’s Spanish name in the /es menus, and the original on the site’s own pages', async () => {
    const spanish = await t.html('/es');
    assert.match(spanish, /<a href="\/es\/regions\/baltic">Báltico<\/a>/);
    assert.match(spanish, /<a href="\/es\/dossiers\/ice-season">Temporada de hielo<\/a>/);
    // Not translated: shown as staff typed it.
    assert.match(spanish, /<a href="\/es\/themes\/shipping">Shipping<\/a>/);
    const english = await t.html('/');
    assert.match(english, /<a href="\/regions\/baltic">Baltic<\/a>/);
    assert.doesNotMatch(english, /Báltico|Temporada de hielo/);
  });

  it('heads a region’s Spanish page with its Spanish name and description, slug unchanged', async () => {
    const spanish = await t.html('/es/regions/baltic');
    assert.match(spanish, /<h1[^>]*>Báltico<\/h1>/);
    assert.match(spanish, /<p class="intro">Noticias de todo el mar Báltico\.<\/p>/);
    assert.match(spanish, /<title>Báltico[^<]*<\/title>/);
    assert.match(spanish, /<meta name="description" content="Noticias de todo el mar Báltico\."/);
    const english = await t.html('/regions/baltic');
    assert.match(english, /<h1[^>]*>Baltic<\/h1>/);
    assert.match(english, /<p class="intro">News from around the Baltic Sea\.<\/p>/);
    assert.doesNotMatch(english, /Báltico/);
  });

  it('names an article’s region and dossier in Spanish on its Spanish page', async () => {
    const spanish = await t.html(`/es/articles/${SLUG}`);
    assert.match(spanish, /<ul class="terms"[^>]*><li><a href="\/es\/regions\/baltic">Báltico<\/a><\/li><li><a href="\/es\/themes\/shipping">Shipping<\/a><\/li><\/ul>/);
    assert.match(spanish, /<a class="dossier-label" href="\/es\/dossiers\/ice-season">Temporada de hielo<\/a>/);
    const english = await t.html(`/articles/${SLUG}`);
    assert.match(english, /<a href="\/regions\/baltic">Baltic<\/a>/);
    assert.match(english, /<a class="dossier-label" href="\/dossiers\/ice-season">Ice season<\/a>/);
    assert.doesNotMatch(english, /Báltico|Temporada de hielo/);
  });

  it('gives the Spanish feeds Spanish category names and titles', async () => {
    const spanish = await (await t.get('/es/feed.xml')).text();
    assert.match(spanish, /<category domain="https:\/\/news\.test\/es\/regions\/">Báltico<\/category>/);
    assert.match(spanish, /<category domain="https:\/\/news\.test\/es\/themes\/">Shipping<\/category>/);
    assert.match(await (await t.get('/es/regions/baltic/feed.xml')).text(), /<channel>\s*<title>[^<]*Báltico[^<]*<\/title>/);
    const english = await (await t.get('/feed.xml')).text();
    assert.match(english, /<category domain="https:\/\/news\.test\/regions\/">Baltic<\/category>/);
    assert.doesNotMatch(english, /Báltico/);
  });

  it('shows a renamed term’s new name on the Spanish pages until it is produced again', async () => {
    await t.app.catalogs.produce('es');
    assert.match(await t.html('/es/themes/shipping'), /<h1[^>]*>SHIPPING<\/h1>/);

    await t.app.content.directory.saveTerm({ kind: 'theme', slug: 'shipping', name: 'Sea freight', description: '' });
    const renamed = await t.html('/es/themes/shipping');
    assert.match(renamed, /<h1[^>]*>Sea freight<\/h1>/);
    assert.doesNotMatch(renamed, /SHIPPING/);
    assert.match(await t.html(`/es/articles/${SLUG}`), /<a href="\/es\/themes\/shipping">Sea freight<\/a>/);
    assert.match(await t.html('/es'), /<a href="\/es\/themes\/shipping">Sea freight<\/a>/, 'the menus');

    const again = await t.app.catalogs.produce('es');
    assert.equal(again.translated, 1);
    assert.match(await t.html('/es/themes/shipping'), /<h1[^>]*>SEA FREIGHT<\/h1>/);
    // Staff's Spanish stands: a machine never replaces it.
    assert.match(await t.html('/es/regions/baltic'), /<h1[^>]*>Báltico<\/h1>/);
  });
});
