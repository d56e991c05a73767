import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { ArticleInput } from '../../src/content/inputs.js';
import { createTranslationService } from '../../src/translation/index.js';
import { TranslationError, type TranslationProvider } from '../../src/translation/provider.js';
import { appError } from '../helpers/assertions.js';
import { forEachDatabase } from '../helpers/databases.js';
import { makeAuthor, makeSource } from '../helpers/factories.js';
import { useTestApp, type RunningApp } from '../helpers/test-app.js';
import { countingFakeProvider } from './counting-fake-provider.js';

const paragraphs = ['<p>The ferry to the <a href="https://example.org/island">island</a> stopped in <em>March</em>.</p>', '<p>Fishers say the harbour silted up.</p>', '<p>Read the council report.</p>'];

const translationRows = async (t: RunningApp) =>
  Number((await t.app.database.db.selectFrom('article_translations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

// The memory outlives each test: a fake whose answers differ from the plain one's has its own id.
forEachDatabase('the article translator', (dialect) => {
  const t = useTestApp(dialect, { scheduler: false });
  const service = (...providers: TranslationProvider[]) =>
    createTranslationService({ db: t.app.database.db, clock: t.clock, content: t.app.content, providers });
  let staffId: number;
  let input: ArticleInput & { authors: string[] };

  /** A new article by an author with a partner source and a credited image; returns its id. */
  async function article(over: Partial<ArticleInput> = {}) {
    const { id } = await t.app.content.editor.create({ ...input, ...over });
    return id;
  }

  before(async () => {
    const author = await makeAuthor(t.app.content, { name: 'Ana Ferreira' });
    const source = await makeSource(t.app.content, { name: 'Harbour Weekly', copyrightHolder: 'Harbour Weekly Ltd' });
    staffId = (await t.app.staff.create({ email: 'desk@example.org', name: 'Desk Editor', role: 'editor' })).id;
    input = {
      title: 'The ferry that stopped',
      kicker: 'Islands',
      dek: 'Why the boat no longer comes',
      bodyHtml: paragraphs.join('\n'),
      status: 'published',
      authors: [author.slug],
      source: source.slug,
      image: { url: '/media/2026/11/ferry.jpg', alt: 'An empty quay', caption: 'The quay in November', credit: 'Photo: Lu Wei' },
    };
  });

  it('translates every part of an article in one provider call and stores it as a machine translation', async () => {
    const fake = countingFakeProvider();
    const id = await article();
    const result = await service(fake).articles.translateArticle(id, 'es');
    assert.deepEqual(result, { outcome: 'translated', language: 'es', provider: 'fake', counts: { total: 8, fromMemory: 0, sent: 8 } });
    assert.equal(fake.calls.length, 1);
    const stored = await service(fake).articles.get(id, 'es');
    assert.equal(stored?.status, 'machine');
    assert.deepEqual(
      [stored?.kicker, stored?.title, stored?.dek, stored?.imageAlt, stored?.imageCaption],
      ['ISLANDS', 'THE FERRY THAT STOPPED', 'WHY THE BOAT NO LONGER COMES', 'AN EMPTY QUAY', 'THE QUAY IN NOVEMBER'],
    );
    assert.equal(
      stored?.bodyHtml,
      '<p>THE FERRY TO THE <a href="https://example.org/island">ISLAND</a> STOPPED IN <em>MARCH</em>.</p>\n<p>FISHERS SAY THE HARBOUR SILTED UP.</p>\n<p>READ THE COUNCIL REPORT.</p>',
    );
    assert.equal(stored?.source.title, 'The ferry that stopped', 'the original it was made from is kept');
  });

  it('never sends the names of authors and sources, nor the image credit, and leaves them as they are', async () => {
    const fake = countingFakeProvider();
    const id = await article({ slug: 'names-stay' });
    await service(fake).articles.translateArticle(id, 'fr');
    const sent = fake.sentFragments().join('\n');
    for (const name of ['Ana Ferreira', 'Harbour Weekly', 'Lu Wei']) assert.ok(!sent.includes(name), `${name} was not sent`);
    const shown = await t.app.content.articles.publishedBySlug('names-stay');
    assert.deepEqual([shown?.authors.map((a) => a.name), shown?.source?.name, shown?.image?.credit], [['Ana Ferreira'], 'Harbour Weekly', 'Photo: Lu Wei']);
  });

  it('after a one-paragraph edit sends only that paragraph to the provider', async () => {
    const id = await article();
    await service(countingFakeProvider()).articles.translateArticle(id, 'es');
    const edited = [paragraphs[0], '<p>Fishers say the harbour <strong>silted up</strong> years ago.</p>', paragraphs[2]].join('\n');
    await t.app.content.editor.update(id, { ...input, bodyHtml: edited });

    const fake = countingFakeProvider();
    const result = await service(fake).articles.translateArticle(id, 'es');
    assert.deepEqual(fake.calls.map((c) => c.fragments), [['Fishers say the harbour <strong>silted up</strong> years ago.']]);
    assert.equal(result.outcome === 'translated' && result.counts.fromMemory, 7);
    assert.match((await service(fake).articles.get(id, 'es'))!.bodyHtml, /<p>FISHERS SAY THE HARBOUR <strong>SILTED UP<\/strong> YEARS AGO\.<\/p>/);
  });

  it('sends a sentence-by-sentence provider sentences, never cut inside a link, and joins them with the spaces between them', async () => {
    const fake = countingFakeProvider({ id: 'sentence-fake', granularity: 'sentence' });
    const id = await article({
      dek: 'Why the boat no longer comes. And who misses it.',
      image: null,
      bodyHtml: '<p>The ferry stopped in <em>March</em>. Fishers say <a href="https://example.org/r">the harbour silted up. It did</a> so slowly.\nRead the report.</p><h2>Next</h2>',
    });
    await service(fake).articles.translateArticle(id, 'es');
    assert.deepEqual(fake.sentFragments(), [
      'Islands',
      'The ferry that stopped',
      'Why the boat no longer comes.',
      'And who misses it.',
      'The ferry stopped in <em>March</em>.',
      'Fishers say <a href="https://example.org/r">the harbour silted up. It did</a> so slowly.',
      'Read the report.',
      'Next',
    ]);
    const stored = (await service(fake).articles.get(id, 'es'))!;
    assert.equal(stored.dek, 'WHY THE BOAT NO LONGER COMES. AND WHO MISSES IT.');
    assert.equal(
      stored.bodyHtml,
      '<p>THE FERRY STOPPED IN <em>MARCH</em>. FISHERS SAY <a href="https://example.org/r">THE HARBOUR SILTED UP. IT DID</a> SO SLOWLY.\nREAD THE REPORT.</p><h2>NEXT</h2>',
    );
  });

  it('after a sentence is added to a paragraph sends a sentence-by-sentence provider that sentence only, and a block provider the paragraph', async () => {
    const lede = '<p>The ferry stopped in <em>March</em>. Fishers say the harbour silted up.</p>';
    const id = await article({ bodyHtml: [lede, paragraphs[2]].join('\n') });
    const bySentence = () => countingFakeProvider({ id: 'sentence-fake', granularity: 'sentence' });
    await service(bySentence()).articles.translateArticle(id, 'es');
    await service(countingFakeProvider()).articles.translateArticle(id, 'fr');
    await t.app.content.editor.update(id, { ...input, bodyHtml: [lede.replace('<p>', '<p>Nobody expected it. '), paragraphs[2]].join('\n') });

    const sentences = bySentence();
    const result = await service(sentences).articles.translateArticle(id, 'es');
    assert.deepEqual(sentences.calls.map((c) => c.fragments), [['Nobody expected it.']]);
    assert.ok(result.outcome === 'translated' && result.counts.sent === 1 && result.counts.fromMemory === result.counts.total - 1);
    assert.match((await service(sentences).articles.get(id, 'es'))!.bodyHtml, /^<p>NOBODY EXPECTED IT\. THE FERRY STOPPED IN <em>MARCH<\/em>\. FISHERS SAY THE HARBOUR SILTED UP\.<\/p>/);

    const blocks = countingFakeProvider();
    await service(blocks).articles.translateArticle(id, 'fr');
    assert.deepEqual(blocks.sentFragments(), ['Nobody expected it. The ferry stopped in <em>March</em>. Fishers say the harbour silted up.']);
  });

  it('sends a paragraph that repeats within an article once', async () => {
    const fake = countingFakeProvider();
    const id = await article({ title: 'Repeats', kicker: '', dek: '', image: null, bodyHtml: '<p>Stay tuned.</p><h2>Morning</h2><p>Stay tuned.</p><ul><li>Stay tuned.</li></ul>' });
    await service(fake).articles.translateArticle(id, 'es');
    assert.deepEqual(fake.sentFragments(), ['Repeats', 'Stay tuned.', 'Morning']);
    assert.equal((await service(fake).articles.get(id, 'es'))?.bodyHtml, '<p>STAY TUNED.</p><h2>MORNING</h2><p>STAY TUNED.</p><ul><li>STAY TUNED.</li></ul>');
  });

  it('leaves no translation at all when the provider fails on a first translation', async () => {
    const id = await article();
    const failing = countingFakeProvider({ id: 'failing-fake', failOn: (f) => f.includes('harbour') });
    await assert.rejects(service(failing).articles.translateArticle(id, 'es'), TranslationError);
    assert.equal(await service(failing).articles.get(id, 'es'), undefined);
  });

  it('keeps the previous translation whole when the provider fails on its second call', async () => {
    const id = await article();
    let calls = 0;
    const secondFails: TranslationProvider = {
      ...countingFakeProvider({ id: 'second-call-fails' }),
      async translate(fragments) {
        calls += 1;
        if (calls === 2) throw new TranslationError('the fake provider timed out', 'timeout', true);
        return fragments.map((f) => `[es] ${f}`);
      },
    };
    await service(secondFails).articles.translateArticle(id, 'es');
    const previous = await service(secondFails).articles.get(id, 'es');
    t.clock.set('2026-11-20T13:00:00.000Z');
    await t.app.content.editor.update(id, { ...input, title: 'The ferry that never came back', bodyHtml: [paragraphs[0], '<p>The harbour silted up.</p>', '<p>New words.</p>'].join('\n') });
    await assert.rejects(service(secondFails).articles.translateArticle(id, 'es'), (e) => e instanceof TranslationError && e.code === 'timeout');
    assert.equal(calls, 2);
    assert.deepEqual(await service(secondFails).articles.get(id, 'es'), previous);
  });

  it('stores only sanitised markup whatever a hostile provider returns', async () => {
    const id = await article();
    const hostile = countingFakeProvider({
      id: 'hostile-fake',
      rewrite: (f) => `${f}<script>document.cookie</script><b onclick="steal()">!</b><iframe src="https://evil.example/"></iframe><img src=x onerror=steal()>`,
    });
    await service(hostile).articles.translateArticle(id, 'es');
    const stored = (await service(hostile).articles.get(id, 'es'))!;
    const everything = JSON.stringify(stored);
    assert.doesNotMatch(everything, /script|cookie|onclick|onerror|iframe|evil\.example|steal/);
    assert.equal(stored.title, 'The ferry that stopped!', 'a plain-text field keeps only the text');
    assert.match(stored.bodyHtml, /^<p>The ferry to the <a href="https:\/\/example.org\/island">island<\/a> stopped in <em>March<\/em>\.<b>!<\/b><\/p>/);
  });

  it('never lets a machine refresh overwrite a reviewed translation, and marks it stale when the original changes', async () => {
    const id = await article();
    const fake = countingFakeProvider();
    const translations = service(fake).articles;
    await translations.translateArticle(id, 'es');
    await translations.translateArticle(id, 'fr');
    const review = { title: 'El ferry que se detuvo', kicker: 'Islas', dek: '', imageAlt: 'Un muelle vacío', imageCaption: '', bodyHtml: '<p>Revisado <em>a mano</em>.</p><script>x()</script>' };
    const saved = await translations.saveReview(id, 'es', review, staffId);
    assert.equal(saved.status, 'reviewed');
    assert.equal(saved.reviewedBy, staffId);
    assert.equal(saved.bodyHtml, '<p>Revisado <em>a mano</em>.</p>', 'a review is sanitised too');

    fake.calls.length = 0;
    assert.deepEqual(await translations.translateArticle(id, 'es'), { outcome: 'kept_review', language: 'es', status: 'reviewed' });
    assert.equal(fake.calls.length, 0, 'a reviewed, current translation costs the provider nothing');

    t.clock.set('2026-11-20T14:00:00.000Z');
    await t.app.content.editor.update(id, { ...input, dek: 'Why the boat stopped coming in spring' });
    // Saving a published article runs the app's translation policy, which has marked the review stale already.
    assert.deepEqual(await translations.markChanged(id), { stale: [], toRefresh: ['fr'] });
    const stale = (await translations.get(id, 'es'))!;
    assert.equal(stale.status, 'stale');
    assert.equal(stale.bodyHtml, saved.bodyHtml, 'the reviewed words are kept for the editor');

    assert.deepEqual(await translations.translateArticle(id, 'es'), { outcome: 'kept_review', language: 'es', status: 'stale' });
    assert.equal((await translations.get(id, 'es'))?.title, 'El ferry que se detuvo');
    await translations.translateArticle(id, 'fr');
    const refreshed = (await translations.get(id, 'fr'))!;
    assert.equal(refreshed.status, 'machine');
    assert.equal(refreshed.dek, 'WHY THE BOAT STOPPED COMING IN SPRING');
    assert.deepEqual(await translations.markChanged(id), { stale: [], toRefresh: [] });

    // Reviewing it again makes it current.
    assert.equal((await translations.saveReview(id, 'es', { ...review, dek: 'Por qué el barco dejó de venir' }, staffId)).status, 'reviewed');
    assert.deepEqual(await translations.markChanged(id), { stale: [], toRefresh: [] });
  });

  it('marks a reviewed translation stale when the original changes before the next machine run', async () => {
    const id = await article();
    const translations = service(countingFakeProvider()).articles;
    await translations.saveReview(id, 'es', { title: 'Título', bodyHtml: '<p>Texto.</p>' }, staffId);
    await t.app.content.editor.update(id, { ...input, title: 'A new title' });
    assert.deepEqual(await translations.translateArticle(id, 'es'), { outcome: 'kept_review', language: 'es', status: 'stale' });
    assert.equal((await translations.get(id, 'es'))?.status, 'stale');
  });

  it('refuses bad requests with a clear error and writes nothing', async () => {
    const id = await article();
    const translations = service(countingFakeProvider()).articles;
    const before = await translationRows(t);
    await assert.rejects(translations.translateArticle(id, 'Spanish'), appError('invalid_input', 400));
    await assert.rejects(translations.translateArticle(id, 'en'), appError('invalid_input', 400, 'lang'));
    await assert.rejects(translations.translateArticle(id, 'ja'), appError('unsupported_pair', 400, 'lang'));
    await assert.rejects(translations.translateArticle(999_999, 'es'), appError('not_found', 404));
    await assert.rejects(translations.saveReview(id, 'es', { title: '  ', bodyHtml: '<p>x</p>' }, staffId), appError('invalid_input', 400, 'title'));
    await assert.rejects(translations.saveReview(id, 'es', { title: 'T', bodyHtml: '<p>x</p>', status: 'machine' }, staffId), appError('invalid_input', 400));
    await assert.rejects(service().translateBySlug('no-such-article', 'es'), appError('not_found', 404));
    assert.equal(await translationRows(t), before);
  });

  it('translates by slug for the command line, and a deleted article takes its translations with it', async () => {
    const id = await article({ slug: 'by-slug' });
    const result = await service(countingFakeProvider()).translateBySlug('by-slug', 'es');
    assert.equal(result.outcome, 'translated');
    await t.app.content.editor.remove(id);
    assert.equal(await service().articles.get(id, 'es'), undefined);
  });
});
