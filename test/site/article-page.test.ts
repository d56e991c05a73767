import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { forEachDatabase } from '../helpers/databases.js';
import { makeAuthor, makeSource, makeTerm } from '../helpers/factories.js';
import { useTestApp } from '../helpers/test-app.js';

forEachDatabase('the article page', (dialect) => {
  const t = useTestApp(dialect);
  let own: string;
  let crossPosted: string;

  before(async () => {
    const { content } = t.app;
    await content.settings.update({
      siteName: 'The Test Ledger',
      noteToReaders: 'Readers fund this site.',
      republishingPolicy: 'Republish freely with credit and a link.',
      disclaimer: 'Views are the authors’ own.',
      fairUseNotice: 'Copyrighted material is used for understanding.',
      mediaInquiriesEmail: 'press@ledger.test',
      copyrightHolder: 'The Test Ledger',
      socialLinks: [{ network: 'telegram', label: 'Telegram', url: 'https://t.me/testledger' }],
    });
    await makeAuthor(content, { slug: 'ada-reporter', name: 'Ada Reporter', bio: 'Ada covers rivers & ports.' });
    await makeTerm(content, 'region', { slug: 'europe', name: 'Europe' });
    await makeTerm(content, 'theme', { slug: 'energy', name: 'Energy' });
    await makeTerm(content, 'dossier', { slug: 'grid', name: 'The Grid' });
    await makeSource(content, { slug: 'partner', name: 'Partner Weekly', homepageUrl: 'https://partner.example', copyrightHolder: 'Partner Media' });
    ({ slug: own } = await content.editor.create({
      slug: 'our-story',
      kicker: 'Analysis',
      title: 'Batteries <b>carry</b> the evening peak',
      dek: 'Storage is changing the grid.',
      bodyHtml: '<p>Read the <a href="https://agency.example/report">agency report</a> first.</p><script>alert(1)</script>',
      status: 'published',
      publishedAt: '2026-03-05T10:00:00Z',
      authors: ['ada-reporter'],
      regions: ['europe'],
      themes: ['energy'],
      dossier: 'grid',
      image: { url: '/media/x.svg', alt: 'A battery hall', caption: 'Racks of cells.', credit: 'Photo: Studio' },
    }));
    ({ slug: crossPosted } = await content.editor.create({
      slug: 'their-story',
      title: 'A partner piece',
      bodyHtml: '<p>Text.</p>',
      status: 'published',
      publishedAt: '2025-07-01T10:00:00Z',
      authors: ['ada-reporter'],
      source: 'partner',
      originalUrl: 'https://partner.example/2025/piece',
    }));
  });

  it('shows the kicker, dossier label, escaped headline, byline and date', async () => {
    const html = await t.html(`/articles/${own}`);
    assert.match(html, /<span class="kicker">Analysis<\/span>/);
    assert.match(html, /<a class="dossier-label" href="\/dossiers\/grid">The Grid<\/a>/);
    assert.match(html, /<h1>Batteries &lt;b>carry&lt;\/b> the evening peak<\/h1>/);
    assert.match(html, /By <a href="\/authors\/ada-reporter" rel="author">Ada Reporter<\/a>/);
    assert.match(html, /<time datetime="2026-03-05T10:00:00.000Z">March 5, 2026<\/time>/);
  });

  it('links its regions and themes and keeps inline links in the body, without scripts', async () => {
    const html = await t.html(`/articles/${own}`);
    assert.match(html, /<a href="\/regions\/europe">Europe<\/a>/);
    assert.match(html, /<a href="\/themes\/energy">Energy<\/a>/);
    assert.match(html, /<a href="https:\/\/agency.example\/report">agency report<\/a>/);
    assert.doesNotMatch(html, /alert\(1\)/);
  });

  it('shows the note to readers, author bio and image credit from data', async () => {
    const html = await t.html(`/articles/${own}`);
    assert.match(html, /Note to readers<\/h2><p>Readers fund this site.<\/p>/);
    assert.match(html, /Ada covers rivers &amp; ports./);
    assert.match(html, /<figcaption>Racks of cells.<span class="credit"> Photo: Studio<\/span><\/figcaption>/);
    assert.match(html, /alt="A battery hall"/);
  });

  it('ends with the copyright line, original source, articles-by, policies, contact, share and follow links', async () => {
    const html = await t.html(`/articles/${own}`);
    assert.match(html, /Copyright © <a href="\/authors\/ada-reporter" rel="author">Ada Reporter<\/a>, The Test Ledger, 2026/);
    assert.match(html, /The original source of this article is <a href="https:\/\/news.test\/articles\/our-story">The Test Ledger<\/a>/);
    assert.match(html, /Articles by: <a href="\/authors\/ada-reporter">Ada Reporter<\/a>/);
    assert.match(html, /Republish freely with credit and a link./);
    assert.match(html, /Views are the authors’ own./);
    assert.match(html, /Copyrighted material is used for understanding./);
    assert.match(html, /<a href="mailto:press@ledger.test">press@ledger.test<\/a>/);
    assert.match(html, /href="https:\/\/t.me\/share\/url\?url=https%3A%2F%2Fnews.test%2Farticles%2Four-story/);
    assert.match(html, /<a href="https:\/\/t.me\/testledger" rel="me noopener">Telegram<\/a>/);
    assert.match(html, /<link rel="canonical" href="https:\/\/news.test\/articles\/our-story"\/>/);
  });

  it('credits the partner of a cross-posted piece and points the canonical link at the original', async () => {
    const html = await t.html(`/articles/${crossPosted}`);
    assert.match(html, /Originally published by <a href="https:\/\/partner.example">Partner Weekly<\/a>/);
    assert.match(html, /The original source of this article is <a href="https:\/\/partner.example\/2025\/piece">Partner Weekly<\/a>/);
    assert.match(html, /Copyright © <a href="\/authors\/ada-reporter" rel="author">Ada Reporter<\/a>, Partner Weekly, 2025/);
    assert.match(html, /<link rel="canonical" href="https:\/\/partner.example\/2025\/piece"\/>/);
    assert.match(html, /ask Partner Media before republishing/);
  });

  it('shows an author’s portrait beside the bio, and portrait, bio and links on the author page', async () => {
    const { content } = t.app;
    await makeAuthor(content, {
      slug: 'pic-author',
      name: 'Pia Cortez',
      bio: 'Pia writes about coasts.',
      avatarUrl: '/media/people/pia.webp',
      links: [{ label: 'Website', url: 'https://pia.example' }],
    });
    await content.editor.create({ slug: 'with-portrait', title: 'Coasts', bodyHtml: '<p>Sand.</p>', status: 'published', authors: ['pic-author'] });
    const article = await t.html('/articles/with-portrait');
    assert.match(article, /<div class="bio"><img class="avatar" src="\/media\/people\/pia.webp" alt(="")? width="64" height="64"/);
    const authorPage = await t.html('/authors/pic-author');
    assert.match(authorPage, /<h1>Articles by Pia Cortez<\/h1>/);
    assert.match(authorPage, /<img class="avatar" src="\/media\/people\/pia.webp"/);
    assert.match(authorPage, /<p class="intro">Pia writes about coasts.<\/p>/);
    assert.match(authorPage, /<a href="https:\/\/pia.example" rel="me noopener">Website<\/a>/);
  });

  it('answers an unknown slug with the friendly 404 page', async () => {
    const res = await t.get('/articles/no-such-story');
    assert.equal(res.status, 404);
    assert.match(await res.text(), /Page not found/);
  });
});
