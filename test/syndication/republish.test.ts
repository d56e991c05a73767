import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { decodeHTML } from 'entities';
import { parseHTML } from 'linkedom';
import { forEachDatabase } from '../helpers/databases.js';
import { makeAuthor, makeSource } from '../helpers/factories.js';
import { useTestApp } from '../helpers/test-app.js';

/** A page's element by selector; fails the test when it is missing. */
function find(html: string, selector: string) {
  const element = parseHTML(html).document.querySelector(selector);
  assert.ok(element, `no ${selector} on the page`);
  return element;
}

/** The text a browser shows in a <textarea> or <title>: linkedom hands back their raw source, entities and all. */
const rawText = (html: string, selector: string) => decodeHTML(find(html, selector).textContent ?? '');

/** The two snippets as a reader would copy them from the tool's text boxes. */
function snippets(page: string) {
  return { html: rawText(page, '#republish-html'), text: rawText(page, '#republish-text') };
}

/** The HTML snippet as a document, to query the way a republisher's browser would read it. */
const snippetDocument = (snippetHtml: string) => parseHTML(`<!doctype html><html><head></head><body>${snippetHtml}</body></html>`).document;

const paragraphs = (snippetHtml: string) => Array.from(snippetDocument(snippetHtml).querySelectorAll('p'));
const lines = (snippetHtml: string) => paragraphs(snippetHtml).map((p) => p.textContent ?? '');
/** The "originally published by" paragraph. */
const creditLine = (snippetHtml: string) => paragraphs(snippetHtml).find((p) => p.textContent?.startsWith('This article was originally published by'));

const baseArticle = {
  title: 'The river runs low before the harvest',
  dek: 'Farmers along the Vell wait for rain.',
  bodyHtml:
    '<p>Read the <a href="https://agency.example/report">agency report</a> and <a href="/articles/earlier-story">our earlier story</a>.</p>' +
    '<figure><img src="/media/river.png" alt="The river at dawn"><figcaption>Low water at the ford.</figcaption></figure>' +
    '<p>How we measured it: <a href="notes/method">the method</a>.</p>',
  status: 'published' as const,
  publishedAt: '2026-03-05T10:00:00Z',
  authors: ['ada-reporter', 'ben-writer'],
};

forEachDatabase('the republish tool', (dialect) => {
  const t = useTestApp(dialect);
  let riverId: number;

  before(async () => {
    const { content } = t.app;
    await content.settings.update({
      siteName: 'The Test Ledger',
      republishingPolicy: 'Republish freely with credit and a link.',
      copyrightHolder: 'Test Ledger Ltd',
    });
    await makeAuthor(content, { slug: 'ada-reporter', name: 'Ada Reporter' });
    await makeAuthor(content, { slug: 'ben-writer', name: 'Ben Writer' });
    await makeSource(content, { slug: 'closed-partner', name: 'Closed Weekly', copyrightHolder: 'Closed Media' });
    await makeSource(content, {
      slug: 'open-partner',
      name: 'Harbour Voice',
      homepageUrl: 'https://harbour.example',
      copyrightHolder: 'Harbour Voice Cooperative',
      allowRepublish: true,
      attribution: 'Shared by Harbour Voice under its open licence.',
    });
    ({ id: riverId } = await content.editor.create({ ...baseArticle, slug: 'river-story' }));
    await content.editor.create({ ...baseArticle, slug: 'not-for-reuse', title: 'An exclusive', allowRepublish: false });
    await content.editor.create({ ...baseArticle, slug: 'members-piece', title: 'For members', bodyHtml: '<p>Members-only analysis.</p>', visibility: 'members' });
    await content.editor.create({ ...baseArticle, slug: 'hostile-headline', title: '<script>alert("boo")</script> & "quotes"' });
    await content.editor.create({
      ...baseArticle,
      slug: 'closed-partner-piece',
      title: 'A closed partner piece',
      source: 'closed-partner',
      originalUrl: 'https://closed.example/piece',
    });
    await content.editor.create({
      ...baseArticle,
      slug: 'open-partner-piece',
      title: 'Tides at the harbour mouth',
      publishedAt: '2025-07-01T10:00:00Z',
      source: 'open-partner',
      originalUrl: 'https://harbour.example/2025/tides',
    });
  });

  it('offers labelled, read-only text boxes and the policy on a page that needs no JavaScript', async () => {
    const page = await t.html('/articles/river-story/republish');
    assert.match(page, /<h1>Republish this article<\/h1>/);
    assert.match(page, /Republish freely with credit and a link./);
    for (const id of ['republish-html', 'republish-text']) {
      assert.match(page, new RegExp(`<label for="${id}">`));
      assert.ok(find(page, `#${id}`).hasAttribute('readonly'), `#${id} is read-only`);
    }
    assert.doesNotMatch(page, /<script(?! type="application\/ld\+json")/);
    assert.equal(find(page, 'meta[name="robots"]').getAttribute('content'), 'noindex');
  });

  it('puts headline, byline, the body with absolute links and images, the credit, copyright, policy and canonical link in the snippet', async () => {
    const { html } = snippets(await t.html('/articles/river-story/republish'));
    const doc = snippetDocument(html);
    const url = 'https://news.test/articles/river-story';
    assert.equal(doc.querySelector('h1')?.textContent, baseArticle.title);
    assert.ok(lines(html).includes('By Ada Reporter and Ben Writer'));
    const hrefs = Array.from(doc.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    assert.ok(hrefs.includes('https://agency.example/report'));
    assert.ok(hrefs.includes('https://news.test/articles/earlier-story'), 'a root-relative link is made absolute');
    assert.ok(hrefs.includes('https://news.test/articles/notes/method'), 'a relative link is resolved against the article');
    assert.ok(hrefs.every((href) => href && /^https:\/\//.test(href)), `every link is absolute: ${hrefs.join(' ')}`);
    assert.equal(doc.querySelector('img')?.getAttribute('src'), 'https://news.test/media/river.png');

    const credit = creditLine(html);
    assert.equal(credit?.textContent, `This article was originally published by The Test Ledger at ${url}.`);
    assert.equal(credit?.querySelector('a')?.getAttribute('href'), url);
    assert.ok(lines(html).includes('Copyright © Ada Reporter and Ben Writer, The Test Ledger, 2026'));
    assert.ok(lines(html).includes('Republish freely with credit and a link.'));
    assert.match(html, new RegExp(`<!-- Put this line inside the <head> of your page[^>]*-->\\n<link rel="canonical" href="${url}">`));
  });

  it('writes the plain-text snippet with paragraphs as text and links as "text (URL)"', async () => {
    const { text } = snippets(await t.html('/articles/river-story/republish'));
    const blocks = text.split('\n\n');
    assert.equal(blocks[0], baseArticle.title);
    assert.equal(blocks[1], 'By Ada Reporter and Ben Writer');
    assert.ok(blocks.includes('Read the agency report (https://agency.example/report) and our earlier story (https://news.test/articles/earlier-story).'));
    assert.ok(blocks.includes('[Image: The river at dawn] (https://news.test/media/river.png)'));
    assert.ok(blocks.includes('This article was originally published by The Test Ledger at https://news.test/articles/river-story.'));
    assert.ok(blocks.includes('Copyright © Ada Reporter and Ben Writer, The Test Ledger, 2026'));
    assert.match(text, /<link rel="canonical" href="https:\/\/news.test\/articles\/river-story">$/);
    assert.doesNotMatch(text, /<(p|a|h1|article)\b/);
  });

  it('escapes a headline with markup and quotes on the page and in the snippet', async () => {
    const page = await t.html('/articles/hostile-headline/republish');
    assert.doesNotMatch(page, /<script>alert/);
    const { html, text } = snippets(page);
    assert.match(html, /<h1>&lt;script&gt;alert\(&quot;boo&quot;\)&lt;\/script&gt; &amp; &quot;quotes&quot;<\/h1>/);
    assert.equal(snippetDocument(html).querySelector('script'), null);
    assert.equal(snippetDocument(html).querySelector('h1')?.textContent, '<script>alert("boo")</script> & "quotes"');
    assert.ok(text.startsWith('<script>alert("boo")</script> & "quotes"\n\n'), 'plain text is the headline as written');
    assert.equal(rawText(page, 'title'), 'Republish: <script>alert("boo")</script> & "quotes" — The Test Ledger');
  });

  it('links to the tool from the Republishing section of an article that is offered', async () => {
    const page = await t.html('/articles/river-story');
    const link = find(page, '.policy .republish-link a');
    assert.equal(link.getAttribute('href'), '/articles/river-story/republish');
    assert.equal(link.textContent, 'Republish this article');
  });

  it('refuses an article flagged no-republishing, and its page shows no link to the tool', async () => {
    const res = await t.get('/articles/not-for-reuse/republish');
    assert.equal(res.status, 404);
    assert.match(await res.text(), /This article is not offered for republishing/);
    const page = await t.html('/articles/not-for-reuse');
    assert.doesNotMatch(page, /\/republish"/);
    assert.match(page, /This article is not offered for republishing./);
  });

  it('refuses a piece cross-posted from a partner that does not allow republishing', async () => {
    assert.equal((await t.get('/articles/closed-partner-piece/republish')).status, 404);
    const page = await t.html('/articles/closed-partner-piece');
    assert.doesNotMatch(page, /\/republish"/);
    assert.match(page, /This article is cross-posted from Closed Weekly; ask Closed Media before republishing it./);
  });

  it('offers a piece from a partner that allows republishing, crediting the partner and pointing the canonical link at the original', async () => {
    const { html, text } = snippets(await t.html('/articles/open-partner-piece/republish'));
    const original = 'https://harbour.example/2025/tides';
    const credit = creditLine(html);
    assert.equal(credit?.textContent, `This article was originally published by Harbour Voice at ${original}.`);
    assert.equal(credit?.querySelector('a')?.getAttribute('href'), original);
    assert.ok(lines(html).includes('It was cross-posted by The Test Ledger at https://news.test/articles/open-partner-piece.'));
    assert.ok(lines(html).includes('Shared by Harbour Voice under its open licence.'));
    assert.ok(lines(html).includes('Copyright © Ada Reporter and Ben Writer, Harbour Voice, 2025'));
    assert.match(html, new RegExp(`<link rel="canonical" href="${original}">`));
    assert.match(text, /This article was originally published by Harbour Voice at https:\/\/harbour.example\/2025\/tides./);

    const page = await t.html('/articles/open-partner-piece');
    assert.equal(find(page, '.republish-link a').getAttribute('href'), '/articles/open-partner-piece/republish');
    assert.match(page, /The original source of this article is <a href="https:\/\/harbour.example\/2025\/tides">Harbour Voice<\/a><\/p><p class="attribution">Shared by Harbour Voice under its open licence.<\/p>/);
  });

  it('offers a members-only article through neither the tool nor ninjs', async () => {
    const tool = await t.get('/articles/members-piece/republish');
    assert.equal(tool.status, 404);
    assert.doesNotMatch(await tool.text(), /Members-only analysis/);
    const ninjs = await t.get('/articles/members-piece.ninjs.json');
    assert.equal(ninjs.status, 404);
    const body = await ninjs.text();
    assert.equal(JSON.parse(body).error.code, 'not_found');
    assert.doesNotMatch(body, /Members-only analysis/);
    assert.doesNotMatch(await t.html('/articles/members-piece'), /\/republish"/);
  });

  it('answers an unknown slug with the site’s 404 page', async () => {
    const res = await t.get('/articles/no-such-story/republish');
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
  });

  it('redirects the tool and the ninjs of a renamed article from their old addresses', async () => {
    const { content } = t.app;
    const { id } = await content.editor.create({ ...baseArticle, slug: 'old-name', title: 'A renamed story' });
    await content.editor.update(id, { ...baseArticle, slug: 'new-name', title: 'A renamed story' });
    for (const [from, to] of [
      ['/articles/old-name/republish', '/articles/new-name/republish'],
      ['/articles/old-name.ninjs.json', '/articles/new-name.ninjs.json'],
    ] as const) {
      const res = await t.get(from);
      assert.equal(res.status, 301, from);
      assert.equal(res.headers.get('location'), to);
    }
  });

  it('tags the tool and the ninjs with the article page’s surrogate keys, so an edit shows in both', async () => {
    const pageKeys = (await t.get('/articles/river-story')).headers.get('surrogate-key');
    assert.ok(pageKeys?.includes(`article:${riverId}`));
    for (const path of ['/articles/river-story/republish', '/articles/river-story.ninjs.json']) {
      const res = await t.get(path);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('surrogate-key'), pageKeys, path);
      assert.match(await res.text(), /The river runs low before the harvest/);
    }

    await t.app.content.editor.update(riverId, { ...baseArticle, slug: 'river-story', title: 'The river rises after the storm' });
    const tool = await t.html('/articles/river-story/republish');
    assert.equal(snippetDocument(snippets(tool).html).querySelector('h1')?.textContent, 'The river rises after the storm');
    const ninjs = await (await t.get('/articles/river-story.ninjs.json')).json();
    assert.equal(ninjs.headlines[0].value, 'The river rises after the storm');
  });
});
