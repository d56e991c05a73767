import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { browserSuite, useBrowser } from '../helpers/browser.js';
import { makeAuthor } from '../helpers/factories.js';
import { useTestApp } from '../helpers/test-app.js';
import { countingFakeProvider } from '../translation/counting-fake-provider.js';

browserSuite('the Translate menu, in Chromium with JavaScript off', () => {
  const t = useTestApp('sqlite', { scheduler: false, translationProviders: [countingFakeProvider({ pairs: ['en-ar'] })] });
  const b = useBrowser({ javaScriptEnabled: false });

  before(async () => {
    const author = await makeAuthor(t.app.content);
    const article = await t.app.content.editor.create({
      slug: 'river-levels',
      title: 'River levels fall',
      bodyHtml: '<p>The river fell <em>two metres</em> in a week.</p>',
      status: 'published',
      authors: [author.slug],
    });
    await t.app.translation.articles.translateArticle(article.id, 'ar');
  });

  it('opens, lists the languages by their own names, and takes the reader to the page in Arabic, laid out right to left', async () => {
    await b.page.goto(`${t.baseUrl}/articles/river-levels`);
    const menu = b.page.locator('details.language-menu');
    const arabic = menu.getByRole('link', { name: 'العربية' });
    assert.equal(await arabic.isVisible(), false, 'closed until asked');
    await menu.locator('summary').click();
    assert.equal(await arabic.isVisible(), true);
    assert.equal(await menu.getByRole('link').count(), 51);
    assert.equal(await menu.getByRole('link', { name: 'Español' }).getAttribute('href'), '/es/articles/river-levels');

    await arabic.click();
    await b.page.waitForURL(`${t.baseUrl}/ar/articles/river-levels`);
    assert.equal(await b.page.locator('html').getAttribute('dir'), 'rtl');
    assert.equal(await b.page.locator('html').getAttribute('lang'), 'ar');
    assert.equal(await b.page.locator('h1').textContent(), 'RIVER LEVELS FALL');
    // The layout really is mirrored: the headline starts at the right edge of its column.
    const direction = await b.page.locator('h1').evaluate((h1) => getComputedStyle(h1).direction);
    assert.equal(direction, 'rtl');
    await b.screenshot('article-in-arabic');
  });
});
