import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { createContentService, surrogateKeys, type ContentService } from '../../src/content/index.js';
import type { ArticleInput } from '../../src/content/inputs.js';
import { connectDatabase, type DatabaseHandle } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { Database } from '../../src/db/schema.js';
import { AppError } from '../../src/errors.js';
import { forEachDatabase, scratchDatabase, type ScratchDatabase } from '../helpers/databases.js';
import { makeArticle, makeAuthor, makeSource, makeTerm } from '../helpers/factories.js';
import { fixedClock, useTestApp } from '../helpers/test-app.js';
import { appError } from '../helpers/assertions.js';


async function rowCounts(db: Kysely<Database>) {
  const count = async (table: 'articles' | 'article_authors' | 'article_terms') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { articles: await count('articles'), articleAuthors: await count('article_authors'), articleTerms: await count('article_terms') };
}

forEachDatabase('the article writer', (dialect) => {
  const t = useTestApp(dialect);
  let content: ContentService;
  let db: Kysely<Database>;
  /** A complete, valid input; each refusal test spoils one field of it. */
  let valid: ArticleInput;

  before(async () => {
    ({ content } = t.app);
    db = t.app.database.db;
    const author = await makeAuthor(content);
    const region = await makeTerm(content, 'region');
    const theme = await makeTerm(content, 'theme');
    const dossier = await makeTerm(content, 'dossier');
    const source = await makeSource(content);
    valid = {
      title: 'A valid piece',
      bodyHtml: '<p>Words.</p>',
      status: 'published',
      authors: [author.slug],
      regions: [region.slug],
      themes: [theme.slug],
      dossier: dossier.slug,
      source: source.slug,
    };
  });

  const bodyOf = async (id: number) =>
    (await db.selectFrom('articles').select('body_html').where('id', '=', id).executeTakeFirstOrThrow()).body_html;

  /** Asserts the input is refused as expected and that no article or link was written. */
  async function assertRefused(input: unknown, validate: (error: unknown) => boolean) {
    const before = await rowCounts(db);
    await assert.rejects(content.editor.create(input), validate);
    assert.deepEqual(await rowCounts(db), before, 'nothing was saved');
  }

  it('sanitises the body on the way in, keeping links and emphasis', async () => {
    const { id } = await makeArticle(content, {
      authors: valid.authors,
      bodyHtml:
        '<p onclick="steal()">Read <em>this</em> <a href="https://agency.example/report">report</a> and ' +
        '<a href="javascript:alert(1)">that</a>.</p><script>alert(2)</script>' +
        '<iframe src="https://evil.example/frame"></iframe><style>p { color: red }</style><p style="color: red">Styled.</p>',
    });
    const body = await bodyOf(id);
    for (const gone of [/<script/i, /alert\(2\)/, /onclick|steal/, /javascript:/i, /<iframe|evil\.example/i, /<style|style=|color: red/i]) {
      assert.doesNotMatch(body, gone);
    }
    assert.match(body, /<a href="https:\/\/agency\.example\/report">report<\/a>/);
    assert.match(body, /<em>this<\/em>/);
    assert.match(body, /Styled\./);
  });

  it('keeps images from our media store and drops those from anywhere else', async () => {
    const { id } = await content.editor.create({
      ...valid,
      title: 'Pictures',
      bodyHtml: '<p>a</p><img src="/media/ok.webp" alt="ours"><img src="https://tracker.example/p.gif" alt="theirs"><img src="/media/../etc/passwd" alt="sneaky">',
    });
    const body = await bodyOf(id);
    assert.match(body, /<img src="\/media\/ok.webp" alt="ours" \/>/);
    assert.doesNotMatch(body, /tracker.example|passwd/);
  });

  it('refuses a featured image from outside our media store, saving nothing', async () => {
    await assertRefused({ ...valid, image: { url: 'https://elsewhere.example/a.jpg', alt: 'x' } }, appError('invalid_input', 400, 'image.url'));
  });

  it('refuses a body with nothing left once unsafe markup is removed', async () => {
    await assertRefused({ ...valid, bodyHtml: '<script>alert(1)</script><iframe></iframe>' }, appError('invalid_input', 400, 'bodyHtml'));
  });

  it('derives the slug from the title and appends -2 to keep it unique', async () => {
    const first = await content.editor.create({ ...valid, title: 'Grid Batteries: Évening Peak!' });
    const second = await content.editor.create({ ...valid, title: 'Grid batteries — evening peak' });
    assert.equal(first.slug, 'grid-batteries-evening-peak');
    assert.equal(second.slug, 'grid-batteries-evening-peak-2');
    assert.equal(await content.editor.idBySlug(second.slug), second.id);
  });

  it('gives an author named twice one byline, in first-named order', async () => {
    const second = await makeAuthor(content);
    const { slug } = await content.editor.create({ ...valid, title: 'Twice named', authors: [valid.authors[0]!, second.slug, valid.authors[0]!] });
    const article = await content.articles.publishedBySlug(slug);
    assert.deepEqual(article?.authors.map((a) => a.slug), [valid.authors[0], second.slug]);
  });

  it('refuses an explicit slug that is already used with slug_taken 409, saving nothing', async () => {
    await content.editor.create({ ...valid, slug: 'taken-slug' });
    await assertRefused({ ...valid, title: 'Another', slug: 'taken-slug' }, appError('slug_taken', 409, 'slug'));
  });

  describe('refuses a reference to something that does not exist, naming the field and saving nothing', () => {
    const cases: [field: string, change: Partial<ArticleInput>][] = [
      ['authors', { authors: ['nobody-at-all'] }],
      ['regions', { regions: ['atlantis'] }],
      ['themes', { themes: ['no-such-theme'] }],
      ['dossier', { dossier: 'no-such-dossier' }],
      ['source', { source: 'no-such-source' }],
    ];
    for (const [field, change] of cases) {
      it(field, async () => {
        await assertRefused({ ...valid, ...change }, appError('unknown_reference', 400, field));
      });
    }

    it('regions (a theme slug is not a region)', async () => {
      await assertRefused({ ...valid, regions: valid.themes }, appError('unknown_reference', 400, 'regions'));
    });
  });

  describe('refuses malformed input with a 400 naming the field, saving nothing', () => {
    const cases: [what: string, change: Record<string, unknown>, field: string][] = [
      ['a title over 300 characters', { title: 'x'.repeat(301) }, 'title'],
      ['an empty title', { title: '   ' }, 'title'],
      ['a missing body', { bodyHtml: undefined }, 'bodyHtml'],
      ['a publishedAt that is not a date', { publishedAt: 'last tuesday' }, 'publishedAt'],
      ['an unknown status', { status: 'live' }, 'status'],
      ['no authors', { authors: [] }, 'authors'],
      ['a scheduled article without publishedAt', { status: 'scheduled' }, 'publishedAt'],
    ];
    for (const [what, change, field] of cases) {
      it(what, async () => {
        await assertRefused({ ...valid, ...change }, appError('invalid_input', 400, field));
      });
    }

    it('an unknown key, named in the message', async () => {
      await assertRefused({ ...valid, colour: 'red' }, (error) => appError('invalid_input', 400)(error) && /colour/.test((error as Error).message));
    });
  });

  it('accepts a scheduled article that has a publication time', async () => {
    const { id } = await content.editor.create({ ...valid, title: 'Coming soon', status: 'scheduled', publishedAt: '2026-12-01T06:00:00Z' });
    const row = await db.selectFrom('articles').select(['status', 'published_at']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'scheduled', published_at: '2026-12-01T06:00:00.000Z' });
  });

  describe('update', () => {
    it('replaces authors and terms and keeps the original publication time', async () => {
      const [oldAuthor, newAuthor] = [await makeAuthor(content), await makeAuthor(content)];
      const [oldRegion, newRegion] = [await makeTerm(content, 'region'), await makeTerm(content, 'region')];
      const oldTheme = await makeTerm(content, 'theme');
      const { id, slug } = await makeArticle(content, {
        authors: [oldAuthor.slug],
        regions: [oldRegion.slug],
        themes: [oldTheme.slug],
        publishedAt: '2026-03-01T08:00:00Z',
      });
      t.clock.set('2026-11-21T09:00:00.000Z');
      await content.editor.update(id, { title: 'Revised', bodyHtml: '<p>New words.</p>', status: 'published', slug, authors: [newAuthor.slug], regions: [newRegion.slug] });

      const article = await content.articles.publishedBySlug(slug);
      assert.ok(article);
      assert.equal(article.title, 'Revised');
      assert.deepEqual(article.authors.map((a) => a.slug), [newAuthor.slug]);
      assert.deepEqual(article.regions.map((r) => r.slug), [newRegion.slug]);
      assert.deepEqual(article.themes, []);
      assert.equal(article.publishedAt, '2026-03-01T08:00:00.000Z');
      assert.equal(article.updatedAt, '2026-11-21T09:00:00.000Z');
    });

    it('keeps the published URL when the headline changes and no slug is given', async () => {
      const { id, slug } = await content.editor.create({ ...valid, title: 'First headline' });
      await content.editor.update(id, { ...valid, title: 'A completely new headline' });
      const article = await content.articles.publishedBySlug(slug);
      assert.equal(article?.title, 'A completely new headline');
      assert.equal(slug, 'first-headline');
    });

    it('with an unknown theme leaves the article and its links as they were', async () => {
      const { id } = await content.editor.create({ ...valid, title: 'Stays put' });
      const before = await rowCounts(db);
      await assert.rejects(content.editor.update(id, { ...valid, title: 'Changed', themes: ['no-such-theme'] }), appError('unknown_reference', 400, 'themes'));
      assert.deepEqual(await rowCounts(db), before);
      const row = await db.selectFrom('articles').select('title').where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(row.title, 'Stays put');
    });

    it('of an article that does not exist is a 404', async () => {
      await assert.rejects(content.editor.update(999_999, valid), appError('not_found', 404));
    });
  });

  describe('remove', () => {
    it('deletes the article and its author and term links', async () => {
      const { id, slug } = await content.editor.create({ ...valid, title: 'Short-lived' });
      const links = async () => ({
        authors: (await db.selectFrom('article_authors').select('author_id').where('article_id', '=', id).execute()).length,
        terms: (await db.selectFrom('article_terms').select('term_id').where('article_id', '=', id).execute()).length,
      });
      assert.deepEqual(await links(), { authors: 1, terms: 3 });
      await content.editor.remove(id);
      assert.equal(await content.editor.idBySlug(slug), undefined);
      assert.deepEqual(await links(), { authors: 0, terms: 0 });
    });

    it('of an article that does not exist is a 404 and deletes nothing', async () => {
      const before = await rowCounts(db);
      await assert.rejects(content.editor.remove(999_999), appError('not_found', 404));
      assert.deepEqual(await rowCounts(db), before);
    });
  });
});

forEachDatabase('purging after an article changes', (dialect) => {
  let scratch: ScratchDatabase;
  let handle: DatabaseHandle;
  let content: ContentService;
  let purged: string[][] = [];

  before(async () => {
    scratch = await scratchDatabase(dialect);
    handle = await connectDatabase(scratch.config);
    await migrateToLatest(handle, scratch.config.dialect === 'postgres' ? scratch.config.schema : undefined);
    content = createContentService({ db: handle.db, clock: fixedClock(), onPurge: (keys) => purged.push(keys) });
  });
  after(async () => {
    await handle?.close();
    await scratch?.drop();
  });
  beforeEach(() => {
    purged = [];
  });

  it('an update purges the pages of both the old and the new authors, terms, source and archive month', async () => {
    const [oldAuthor, newAuthor] = [await makeAuthor(content), await makeAuthor(content)];
    const [oldRegion, newTheme] = [await makeTerm(content, 'region'), await makeTerm(content, 'theme')];
    const [oldSource, newSource] = [await makeSource(content), await makeSource(content)];
    const { id, slug } = await makeArticle(content, {
      authors: [oldAuthor.slug],
      regions: [oldRegion.slug],
      source: oldSource.slug,
      publishedAt: '2026-03-01T08:00:00Z',
    });
    purged = [];

    await content.editor.update(id, {
      slug,
      title: 'Moved',
      bodyHtml: '<p>Words.</p>',
      status: 'published',
      publishedAt: '2026-05-02T08:00:00Z',
      authors: [newAuthor.slug],
      themes: [newTheme.slug],
      source: newSource.slug,
    });

    const keys = purged.flat();
    for (const key of [
      surrogateKeys.article(id),
      surrogateKeys.author(oldAuthor.id),
      surrogateKeys.author(newAuthor.id),
      surrogateKeys.term(oldRegion.id),
      surrogateKeys.term(newTheme.id),
      surrogateKeys.source(oldSource.id),
      surrogateKeys.source(newSource.id),
      surrogateKeys.archive('2026-03'),
      surrogateKeys.archive('2026-05'),
      surrogateKeys.home,
      surrogateKeys.articleLists,
    ]) {
      assert.ok(keys.includes(key), `purged ${key} (got ${keys.join(', ')})`);
    }
  });

  it('a refused update purges nothing', async () => {
    const author = await makeAuthor(content);
    const { id } = await makeArticle(content, { authors: [author.slug] });
    purged = [];
    await assert.rejects(content.editor.update(id, { title: 'X', bodyHtml: '<p>x</p>', status: 'published', authors: ['nobody-here'] }), AppError);
    assert.deepEqual(purged, []);
  });
});
