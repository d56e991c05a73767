import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { forEachDatabase } from '../helpers/databases.js';
import { newestFirst as newestOf, pad, plantNewsroom, type PlannedArticle as Story } from '../helpers/newsroom.js';
import { useTestApp } from '../helpers/test-app.js';

/**
 * 25 stories over September (13) and October (12) 2026, one a day, spread over the sections so
 * each list has a different membership; `energy` holds more than a page of 20.
 */
const stories: Story[] = Array.from({ length: 25 }, (_, i) => ({
  slug: `story-${pad(i)}`,
  publishedAt: i < 13 ? `2026-09-${pad(i + 1)}T09:00:00.000Z` : `2026-10-${pad(i - 12)}T09:00:00.000Z`,
  authors: i % 3 === 2 ? ['ben-okafor'] : ['ada-lind'],
  regions: i % 2 === 0 ? ['europe'] : ['africa'],
  themes: i % 8 === 7 ? ['water'] : i % 4 === 0 ? ['energy', 'water'] : ['energy'],
  ...(i % 5 === 0 ? { dossier: 'grid' } : {}),
  ...(i % 4 === 3 ? { source: 'partner' } : {}),
}));

/** Slugs of the stories matching a test, newest first: what a list page should show. */
const newestFirst = (match: (s: Story) => boolean) => newestOf(stories, match);

/** Slugs of the article cards on a page, in page order. */
const cards = (html: string) => [...html.matchAll(/class="card-title"><a href="\/articles\/([a-z0-9-]+)"/g)].map((m) => m[1]);

const DRAFT = { slug: 'held-back-draft', title: 'Held back until the lawyers agree' };

forEachDatabase('the public pages', (dialect) => {
  const t = useTestApp(dialect);

  before(() => plantNewsroom(t.app.content, stories, { ...DRAFT, publishedAt: '2026-10-30T09:00:00.000Z' }));

  describe('the front page', () => {
    it('leads with the newest published story', async () => {
      const html = await t.html('/');
      const lead = html.match(/<section class="lead"[^>]*>([\s\S]*?)<\/section>/)?.[1] ?? '';
      assert.deepEqual(cards(lead), [newestFirst(() => true)[0]]);
    });

    it('has a block per region and theme, headed by its linked name, showing its newest four', async () => {
      const html = await t.html('/');
      for (const [kind, path, slug, name] of [
        ['region', 'regions', 'europe', 'Europe'],
        ['region', 'regions', 'africa', 'Africa'],
        ['theme', 'themes', 'energy', 'Energy'],
        ['theme', 'themes', 'water', 'Water'],
      ] as const) {
        const id = `block-${kind}-${slug}`;
        const block = html.match(new RegExp(`<h2 id="${id}">([\\s\\S]*?)</ul>`))?.[1];
        assert.ok(block, `a block for ${kind} ${slug}`);
        assert.match(block, new RegExp(`^<a href="/${path}/${slug}">${name}</a></h2>`));
        const shown = [...block.matchAll(/href="\/articles\/([a-z0-9-]+)"/g)].map((m) => m[1]);
        const inSection = (s: Story) => (kind === 'region' ? s.regions : s.themes).includes(slug);
        assert.deepEqual(shown, newestFirst(inSection).slice(0, 4));
      }
    });
  });

  describe('a draft', () => {
    it('appears on no page or list, and its URL is a 404', async () => {
      for (const path of ['/', '/authors/ada-lind', '/regions/europe', '/themes/energy', '/dossiers/grid', '/sources/partner', '/archive/2026/10']) {
        const html = await t.html(path);
        assert.ok(!html.includes(DRAFT.slug) && !html.includes(DRAFT.title), `${path} shows the draft`);
      }
      assert.equal((await t.get(`/articles/${DRAFT.slug}`)).status, 404);
    });

    it('is absent from the content API list and its API URL is a 404', async () => {
      const list = await (await t.get('/api/v1/articles?limit=100')).json();
      assert.equal(list.total, stories.length);
      assert.ok(!list.articles.some((a: { slug: string }) => a.slug === DRAFT.slug));
      assert.equal((await t.get(`/api/v1/articles/${DRAFT.slug}`)).status, 404);
    });
  });

  describe('listing pages', () => {
    it('an author page is headed "Articles by NAME" and lists only that author, newest first', async () => {
      for (const [slug, name] of [['ada-lind', 'Ada Lind'], ['ben-okafor', 'Ben Okafor']]) {
        const html = await t.html(`/authors/${slug}`);
        assert.match(html, new RegExp(`<h1>Articles by ${name}</h1>`));
        assert.deepEqual(cards(html), newestFirst((s) => s.authors.includes(slug!)));
      }
    });

    it('region, theme, dossier and source pages list only their own articles, newest first', async () => {
      const cases: [string, (s: Story) => boolean][] = [
        ['/regions/europe', (s) => s.regions.includes('europe')],
        ['/regions/africa', (s) => s.regions.includes('africa')],
        ['/themes/water', (s) => s.themes.includes('water')],
        ['/themes/energy', (s) => s.themes.includes('energy')],
        ['/dossiers/grid', (s) => s.dossier === 'grid'],
        ['/sources/partner', (s) => s.source === 'partner'],
      ];
      for (const [path, match] of cases) {
        assert.deepEqual(cards(await t.html(path)), newestFirst(match).slice(0, 20), path);
      }
    });

    it('the second page shows the rest, links back to the newer page and is its own canonical URL', async () => {
      const energy = newestFirst((s) => s.themes.includes('energy'));
      assert.ok(energy.length > 20, 'the energy theme needs more than one page');
      const first = await t.html('/themes/energy');
      assert.match(first, /<a rel="next" href="\/themes\/energy\?page=2">Older →<\/a>/);
      assert.match(first, /<link rel="canonical" href="https:\/\/news.test\/themes\/energy"\/>/);
      const second = await t.html('/themes/energy?page=2');
      assert.deepEqual(cards(second), energy.slice(20));
      assert.match(second, /<a rel="prev" href="\/themes\/energy">← Newer<\/a>/);
      assert.doesNotMatch(second, /rel="next"/);
      assert.match(second, /<link rel="canonical" href="https:\/\/news.test\/themes\/energy\?page=2"\/>/);
    });

    it('a page number past the end says there is nothing here yet', async () => {
      const html = await t.html('/themes/energy?page=7');
      assert.match(html, /No articles here yet/);
      assert.deepEqual(cards(html), []);
    });

    it('a page number that is not a whole number from 1 is a 400 on the site error page, and is not cached', async () => {
      for (const query of ['page=0', 'page=abc', 'page=1.5', 'page=-2']) {
        const path = `/regions/europe?${query}`;
        const res = await t.get(path);
        assert.equal(res.status, 400, path);
        assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
        assert.equal(res.headers.get('cache-control'), 'no-store');
        const html = await res.text();
        assert.match(html, /<h1>That request did not work<\/h1>/);
        assert.match(html, /page must be a whole number/);
        assert.equal(t.app.cache.get(path), undefined, `${path} was cached`);
      }
      assert.deepEqual(cards(await t.html('/regions/europe')), newestFirst((s) => s.regions.includes('europe')));
    });
  });

  describe('the archive', () => {
    it('lists each month, newest first, with its number of published articles', async () => {
      const html = await t.html('/archive');
      const months = [...html.matchAll(/<a href="\/archive\/(\d{4})\/(\d{2})">([^<]+)<\/a> \((\d+)\)/g)].map((m) => [`${m[1]}-${m[2]}`, m[3], Number(m[4])]);
      const count = (month: string) => stories.filter((s) => s.publishedAt.startsWith(month)).length;
      assert.deepEqual(months, [
        ['2026-10', 'October 2026', count('2026-10')],
        ['2026-09', 'September 2026', count('2026-09')],
      ]);
    });

    it('a month page lists that month only, newest first', async () => {
      const html = await t.html('/archive/2026/09');
      assert.match(html, /<h1>September 2026<\/h1>/);
      assert.deepEqual(cards(html), newestFirst((s) => s.publishedAt.startsWith('2026-09')));
    });

    it('a month of 13 or a two-digit year is a 400, and is not cached', async () => {
      const cachedBefore = t.app.cache.size.entries;
      for (const path of ['/archive/2026/13', '/archive/26/01', '/archive/2026/1']) {
        const res = await t.get(path);
        assert.equal(res.status, 400, path);
        assert.match(await res.text(), /<h1>That request did not work<\/h1>/);
      }
      assert.equal(t.app.cache.size.entries, cachedBefore);
    });
  });

  describe('addresses that do not resolve', () => {
    it('an unknown author, region, theme, dossier or source is a 404 HTML page', async () => {
      // `energy` is a theme, so as a region it is unknown: sections of different kinds do not mix.
      for (const path of ['/authors/nobody', '/regions/atlantis', '/regions/energy', '/themes/nothing', '/dossiers/none', '/sources/nowhere']) {
        const res = await t.get(path);
        assert.equal(res.status, 404, path);
        assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
        assert.match(await res.text(), /<h1>Page not found<\/h1>/);
      }
    });

    it('a slug with characters a slug cannot have is a 400, and is not cached', async () => {
      const cachedBefore = t.app.cache.size.entries;
      for (const path of ['/articles/Bad_Slug', '/authors/Ada_Lind', '/themes/energy--', '/sources/-partner']) {
        const res = await t.get(path);
        assert.equal(res.status, 400, path);
        assert.match(await res.text(), /A slug uses lower-case letters, digits and single hyphens/);
      }
      assert.equal(t.app.cache.size.entries, cachedBefore);
    });
  });

  describe('every page', () => {
    const pages = [
      '/', '/articles/story-04', '/authors/ada-lind', '/regions/europe', '/themes/energy?page=2', '/dossiers/grid',
      '/sources/partner', '/archive', '/archive/2026/09', '/articles/no-such-story', '/regions/europe?page=0',
    ];

    it('has a language, a title, one h1, a canonical link and the stylesheet', async () => {
      for (const path of pages) {
        const html = await (await t.get(path)).text();
        assert.match(html, /^<!doctype html><html lang="en" dir="ltr">/, path);
        assert.equal(html.match(/<title>[^<]+<\/title>/g)?.length, 1, `${path}: one non-empty title`);
        assert.equal(html.match(/<h1[\s>]/g)?.length, 1, `${path}: one h1`);
        assert.match(html, /<link rel="canonical" href="https:\/\/news.test\/[^"]*"\/>/, path);
        const stylesheet = html.match(/<link rel="stylesheet" href="([^"]+)"\/>/)?.[1];
        assert.ok(stylesheet, `${path}: a stylesheet link`);
        const css = await t.get(stylesheet);
        assert.equal(css.status, 200);
        assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
      }
    });

    it('loads nothing from another origin', async () => {
      for (const path of pages) {
        const html = await (await t.get(path)).text();
        for (const [, url] of html.matchAll(/\ssrc="([^"]*)"/g)) assert.match(url!, /^\/(?!\/)/, `${path} loads ${url}`);
        for (const [tag] of html.matchAll(/<link [^>]*>/g)) {
          const href = tag.match(/href="([^"]*)"/)?.[1] ?? '';
          // The canonical and hreflang alternates name pages by absolute URL, as search engines require.
          if (/rel="canonical"|hreflang=/.test(tag)) assert.match(href, /^https:\/\/news\.test\//, `${path} links ${tag}`);
          else assert.match(href, /^\/(?!\/)/, `${path} links ${tag}`);
        }
      }
    });

    it('carries the security headers, whether rendered, cached or an error', async () => {
      // `/` was rendered by earlier tests, so this request for it is answered from the page cache.
      assert.ok(t.app.cache.get('/'), 'the front page is cached');
      for (const path of pages) {
        const res = await t.get(path);
        assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/, path);
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      }
    });
  });
});
