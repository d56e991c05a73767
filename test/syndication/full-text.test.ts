import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { extractArticle } from '../../src/syndication/full-text.js';

const page = (name: string) => readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8');

const ARTICLE = page('article-with-chrome.html');
const PAGE_URL = 'https://courier.example/news/2026/footbridge-repairs.html';

describe('extractArticle', () => {
  test('keeps the article paragraphs and drops nav, sidebar, comments and footer', async () => {
    const article = await extractArticle(ARTICLE, PAGE_URL);
    assert.ok(article);
    assert.equal(article.title, 'Council backs repairs to the old mill footbridge');
    for (const paragraph of ['voted on Tuesday evening', 'the iron frame is sound', 'original railings', 'close in May']) {
      assert.ok(article.contentHtml.includes(paragraph), `missing "${paragraph}"`);
    }
    for (const chrome of ['Subscribe for two euros', 'Most read', 'Winter ferry timetable', 'grandmother', 'Post comment', 'All rights reserved', 'Contact the newsroom']) {
      assert.ok(!article.contentHtml.includes(chrome), `kept chrome "${chrome}"`);
    }
  });

  test('finds the byline and an excerpt', async () => {
    const article = await extractArticle(ARTICLE, PAGE_URL);
    assert.equal(article?.byline, 'By Marta Ilves');
    assert.match(article?.excerpt ?? '', /restore the footbridge/);
  });

  test('makes relative links and images absolute against the page URL, keeping in-page anchors', async () => {
    const article = await extractArticle(ARTICLE, PAGE_URL);
    assert.ok(article);
    assert.ok(article.contentHtml.includes('href="https://courier.example/documents/footbridge-survey.pdf"'));
    assert.ok(article.contentHtml.includes('src="https://courier.example/news/2026/images/footbridge-river.jpg"'));
    assert.ok(article.contentHtml.includes('href="https://council.example/roadworks"'));
    assert.ok(article.contentHtml.includes('href="#note-1"'));
  });

  test("a page's own relative <base> is honoured, resolved against the page URL", async () => {
    const withBase = ARTICLE.replace('<meta charset="utf-8">', '<meta charset="utf-8"><base href="/archive/2026/">');
    const article = await extractArticle(withBase, PAGE_URL);
    assert.ok(article?.contentHtml.includes('src="https://courier.example/archive/2026/images/footbridge-river.jpg"'));
    assert.ok(article?.contentHtml.includes('href="https://courier.example/documents/footbridge-survey.pdf"'));
  });

  test('a valid page that leaves out <html>, <head> and <body> still gives its article', async () => {
    const bare = ARTICLE.replace(/<\/?(?:html|head|body)(?:\s[^>]*)?>/g, '');
    const article = await extractArticle(bare, PAGE_URL);
    assert.equal(article?.title, 'Council backs repairs to the old mill footbridge');
    assert.ok(article?.contentHtml.includes('the iron frame is sound'));
  });

  test('a page with no article, only a sign-in form, gives null', async () => {
    assert.equal(await extractArticle(page('login.html'), 'https://courier.example/account/sign-in'), null);
  });

  test('a page over 3 MB of text is refused', async () => {
    const padded = ARTICLE.replace('</body>', `<!-- ${'x'.repeat(3 * 1024 * 1024)} --></body>`);
    assert.equal(await extractArticle(padded, PAGE_URL), null);
  });

  test('text that is not an HTML document gives null', async () => {
    assert.equal(await extractArticle('just some words', PAGE_URL), null);
    assert.equal(await extractArticle('', PAGE_URL), null);
  });
});
