import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import type { ArticleSummary } from '../../src/content/index.js';
import { demoArticles, seedDemo } from '../../src/demo/seed.js';
import { forEachDatabase } from '../helpers/databases.js';
import { useTestApp } from '../helpers/test-app.js';

forEachDatabase('the demo newsroom seed', (dialect) => {
  const t = useTestApp(dialect);
  let mediaDir: string;
  let firstRun: { articles: number };
  let published: ArticleSummary[];

  /** Every published article, however many pages the list runs to. */
  async function allPublished(): Promise<ArticleSummary[]> {
    const first = await t.app.content.articles.page({}, 1, 100);
    const rest = [];
    for (let n = 2; n <= first.totalPages; n++) rest.push(...(await t.app.content.articles.page({}, n, 100)).items);
    return [...first.items, ...rest];
  }

  async function counts() {
    const { directory } = t.app.content;
    return {
      // Straight from the table, so a draft or a duplicate would be counted too.
      articles: Number((await t.app.database.db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      authors: (await directory.listAuthors()).length,
      sources: (await directory.listSources()).length,
      terms: (await directory.listTerms()).length,
    };
  }

  before(async () => {
    mediaDir = await fs.mkdtemp(path.join(os.tmpdir(), 'broadsheet-demo-media-'));
    firstRun = await seedDemo({ content: t.app.content, clock: t.clock, mediaDir });
    published = await allPublished();
  });
  after(() => fs.rm(mediaDir, { recursive: true, force: true }));

  it('publishes every demo article, at least 30, and reports each as new', () => {
    assert.ok(demoArticles.length >= 30, `${demoArticles.length} demo articles`);
    assert.equal(firstRun.articles, demoArticles.length);
    assert.deepEqual(published.map((a) => a.slug).sort(), demoArticles.map((a) => a.slug).sort());
    assert.ok(published.every((a) => a.status === 'published'));
  });

  it('gives every article between 400 and 900 words', () => {
    const outside = published.filter((a) => a.wordCount < 400 || a.wordCount > 900).map((a) => `${a.slug}: ${a.wordCount}`);
    assert.deepEqual(outside, []);
  });

  it('spreads the articles over at least 5 regions, 8 themes and 2 dossiers', () => {
    const used = (pick: (a: ArticleSummary) => string[]) => new Set(published.flatMap(pick));
    const regions = used((a) => a.regions.map((r) => r.slug));
    const themes = used((a) => a.themes.map((r) => r.slug));
    const dossiers = used((a) => (a.dossier ? [a.dossier.slug] : []));
    assert.ok(regions.size >= 5, `regions: ${[...regions].join(', ')}`);
    assert.ok(themes.size >= 8, `themes: ${[...themes].join(', ')}`);
    assert.ok(dossiers.size >= 2, `dossiers: ${[...dossiers].join(', ')}`);
  });

  it('creates at least 6 authors, each with a bio, and every byline names one of them', async () => {
    const authors = await t.app.content.directory.listAuthors();
    assert.ok(authors.length >= 6, `${authors.length} authors`);
    assert.deepEqual(authors.filter((a) => a.bio.trim() === '').map((a) => a.slug), []);
    const known = new Set(authors.map((a) => a.slug));
    assert.ok(published.every((a) => a.authors.length > 0 && a.authors.every((b) => known.has(b.slug))));
  });

  it('cross-posts at least 6 articles from 2 partner sources, each with its original URL', () => {
    const crossPosted = published.filter((a) => a.source !== null);
    assert.ok(crossPosted.length >= 6, `${crossPosted.length} cross-posted`);
    const sources = new Set(crossPosted.map((a) => a.source!.slug));
    assert.ok(sources.size >= 2, `sources: ${[...sources].join(', ')}`);
    for (const a of crossPosted) {
      assert.ok(a.originalUrl, `${a.slug} has an original URL`);
      assert.equal(new URL(a.originalUrl).host, new URL(a.source!.homepageUrl).host, `${a.slug} points at its partner's site`);
    }
  });

  it('links internally only to demo articles that exist', async () => {
    const slugs = new Set(demoArticles.map((a) => a.slug));
    const links = demoArticles.flatMap((a) => [...a.body.matchAll(/href="\/articles\/([^"?#]+)"/g)].map((m) => ({ from: a.slug, to: m[1]! })));
    assert.ok(links.length > 0, 'the demo bodies link to each other');
    assert.deepEqual(links.filter((l) => !slugs.has(l.to)), []);
    for (const to of new Set(links.map((l) => l.to))) {
      assert.ok(await t.app.content.articles.publishedBySlug(to), `/articles/${to} is published`);
    }
  });

  it('writes an SVG illustration for every article and points its image at it', async () => {
    for (const a of published) {
      const svg = await fs.readFile(path.join(mediaDir, 'demo', `${a.slug}.svg`), 'utf8');
      assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*>.*<\/svg>$/s, a.slug);
      assert.equal(a.image?.url, `/media/demo/${a.slug}.svg`);
      assert.ok(a.image!.alt.length > 0, `${a.slug} has alt text`);
    }
  });

  it('creates nothing new when run again', async () => {
    const before = await counts();
    const files = (await fs.readdir(path.join(mediaDir, 'demo'))).sort();
    const again = await seedDemo({ content: t.app.content, clock: t.clock, mediaDir });
    assert.deepEqual(again, { articles: 0 });
    assert.deepEqual(await counts(), before);
    assert.deepEqual((await fs.readdir(path.join(mediaDir, 'demo'))).sort(), files);
  });
});
