import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { PUBLIC_CACHE_CONTROL } from '../../src/cache/cache-plugin.js';
import { forEachDatabase } from '../helpers/databases.js';
import { makeArticle, makeAuthor } from '../helpers/factories.js';
import { useTestApp } from '../helpers/test-app.js';

/** The footer's sign-up form, as rendered. */
const footerForm = (html: string) => /<form class="newsletter-signup" action="\/newsletter" method="post"[\s\S]*?<\/form>/.exec(html)?.[0];

forEachDatabase('the newsletter sign-up form on public pages', (dialect) => {
  const t = useTestApp(dialect, { scheduler: false });
  let articlePath: string;

  before(async () => {
    const author = await makeAuthor(t.app.content);
    articlePath = `/articles/${(await makeArticle(t.app.content, { authors: [author.slug] })).slug}`;
  });

  it('is in the footer of the home page and of an article page, the same on both', async () => {
    const home = footerForm(await t.html('/'));
    const article = footerForm(await t.html(articlePath));
    assert.ok(home, 'the home page has the form');
    assert.match(home, /<input[^>]*type="email"[^>]*name="email"[^>]*required/);
    assert.match(home, /<input type="hidden" name="form" value="footer"\/>/);
    assert.equal(article, home);
  });

  it('leaves public pages cacheable: the form carries nothing per reader', async () => {
    const first = await t.get('/');
    const second = await t.get('/', { cookie: 'bs_session=someone-else' });
    assert.equal(first.headers.get('cache-control'), PUBLIC_CACHE_CONTROL);
    assert.equal(await second.text(), await first.text());
  });

  it('has its own cacheable page with the form, a language choice and what the newsletter is', async () => {
    const res = await t.get('/newsletter');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), PUBLIC_CACHE_CONTROL);
    const html = await res.text();
    assert.match(html, /<h1>The Broadsheet newsletter<\/h1>/);
    assert.match(html, /<select id="newsletter-language" name="language">[\s\S]*<option value="fr"[^>]*>français<\/option>/);
    assert.match(html, /<input type="hidden" name="form" value="page"\/>/);
  });
});
