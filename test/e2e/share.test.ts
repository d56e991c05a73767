import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { browserSuite, useBrowser } from '../helpers/browser.js';
import { makeAuthor } from '../helpers/factories.js';
import { useTestApp } from '../helpers/test-app.js';

browserSuite('the share island (Web Share API as a progressive enhancement)', () => {
  const t = useTestApp('sqlite');
  const b = useBrowser();

  before(async () => {
    const author = await makeAuthor(t.app.content);
    await t.app.content.editor.create({ slug: 'worth-sharing', title: 'Worth sharing', bodyHtml: '<p>Text.</p>', status: 'published', authors: [author.slug] });
  });

  it('adds a "Share…" button that hands the article’s title and canonical URL to the system share sheet', async () => {
    // Headless Chromium on Linux has no share sheet: stand one in that records what it was given.
    // A string, not a function: the TypeScript loader would wrap a function with helpers the page lacks.
    await b.page.addInitScript(`Object.defineProperty(navigator, 'share', { value: async (data) => { window.shared = data; } });`);
    await b.page.goto(`${t.baseUrl}/articles/worth-sharing`);
    await b.page.getByRole('button', { name: 'Share…' }).click();
    const shared = await b.page.waitForFunction(() => (window as unknown as { shared?: ShareData }).shared);
    assert.deepEqual(await shared.jsonValue(), { title: 'Worth sharing', url: 'https://news.test/articles/worth-sharing' });
  });

  it('leaves only the plain share links where the browser has no share sheet', async () => {
    await b.page.goto(`${t.baseUrl}/articles/worth-sharing`);
    await b.page.waitForLoadState('load');
    assert.equal(await b.page.getByRole('button', { name: 'Share…' }).count(), 0);
    assert.ok((await b.page.locator('nav.share a').count()) >= 7, 'the plain links are there');
  });
});
