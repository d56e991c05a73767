import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { createPreviewLinks } from '../../src/admin/preview-links.js';
import { forEachDatabase } from '../helpers/databases.js';
import { makeAuthor } from '../helpers/factories.js';
import { useTestApp } from '../helpers/test-app.js';

forEachDatabase('preview links for unpublished articles', (dialect) => {
  const t = useTestApp(dialect);
  let id: number;
  let link: URL;

  before(async () => {
    const author = await makeAuthor(t.app.content);
    ({ id } = await t.app.content.editor.create({ slug: 'still-a-draft', title: 'A draft under embargo', bodyHtml: '<p>Not yet.</p>', status: 'draft', authors: [author.slug] }));
    // A separate signer on the same database: links made by one process are honoured by every other.
    link = new URL(await createPreviewLinks({ db: t.app.database.db, clock: t.clock, siteUrl: t.baseUrl }).linkFor(id));
  });

  it('shows the draft to anyone with the signed link, uncached and unindexed, while its public address stays 404', async () => {
    const entries = t.app.cache.size.entries;
    const res = await t.get(link.pathname + link.search);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const html = await res.text();
    assert.match(html, /<h1>A draft under embargo<\/h1>/);
    assert.match(html, /<meta name="robots" content="noindex"\/>/);
    assert.equal(t.app.cache.size.entries, entries, 'nothing was cached');
    assert.equal((await t.get('/articles/still-a-draft')).status, 404);
  });

  it('refuses a link whose signature or article id was changed', async () => {
    const tampered = new URL(link);
    tampered.searchParams.set('sig', `${link.searchParams.get('sig')!.slice(0, -2)}AA`);
    assert.equal((await t.get(tampered.pathname + tampered.search)).status, 403);
    assert.equal((await t.get(`/preview/${id + 1}${link.search}`)).status, 403);
    const longer = new URL(link);
    longer.searchParams.set('expires', String(Number(link.searchParams.get('expires')) + 86_400));
    assert.equal((await t.get(longer.pathname + longer.search)).status, 403);
  });

  it('refuses the link once its week is over', async () => {
    t.clock.set(new Date(t.clock.now().getTime() + 8 * 86_400_000).toISOString());
    assert.equal((await t.get(link.pathname + link.search)).status, 403);
  });
});
