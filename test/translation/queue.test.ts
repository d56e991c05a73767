import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { createTranslationService } from '../../src/translation/index.js';
import { TranslationError } from '../../src/translation/provider.js';
import { createTranslationQueue } from '../../src/translation/queue.js';
import { appError } from '../helpers/assertions.js';
import { forEachDatabase } from '../helpers/databases.js';
import { makeArticle, makeAuthor } from '../helpers/factories.js';
import { useTestApp } from '../helpers/test-app.js';
import { countingFakeProvider } from './counting-fake-provider.js';

/** A promise the test settles by hand, to hold a translation mid-way. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const quietLog = { warn() {}, error() {} };

forEachDatabase('the translation queue', (dialect) => {
  const fake = countingFakeProvider();
  const t = useTestApp(dialect, { scheduler: false, translationProviders: [fake] });
  let author: string;

  before(async () => {
    author = (await makeAuthor(t.app.content)).slug;
  });

  const article = (over: { bodyHtml?: string; language?: string } = {}) =>
    makeArticle(t.app.content, { authors: [author], title: 'The ferry that stopped', bodyHtml: '<p>The harbour silted up.</p>', ...over });
  const job = (articleId: number, language: string) =>
    t.app.database.db.selectFrom('translation_jobs').selectAll().where('article_id', '=', articleId).where('language', '=', language).executeTakeFirst();
  const later = (ms: number) => t.clock.set(new Date(t.clock.now().getTime() + ms).toISOString());
  /** A second runner on the same database, as another process would be, translating with `translate`. */
  const runner = (translate: (articleId: number, language: string) => Promise<unknown>, leaseSeconds?: number) =>
    createTranslationQueue({ db: t.app.database.db, clock: t.clock, translate, onTranslated() {}, log: quietLog, ...(leaseSeconds ? { leaseSeconds } : {}) });

  it('keeps one job per article and language however often it is asked for', async () => {
    const { id } = await article();
    const queue = t.app.translation.queue;
    assert.equal(await queue.enqueue(id, 'es', 'reader'), true);
    assert.equal(await queue.enqueue(id, 'es', 'staff'), false, 'a waiting job is kept');
    assert.deepEqual((await queue.pending(id)).map((p) => [p.language, p.reason, p.attempts]), [['es', 'reader', 0]]);
    assert.equal(await queue.enqueue(id, 'en-GB', 'reader'), false, 'the article is written in English already');
    await assert.rejects(queue.enqueue(id, 'not a tag', 'reader'), appError('invalid_input', 400));
    await assert.rejects(queue.enqueue(id + 1000, 'es', 'reader'), appError('not_found', 404));
    assert.deepEqual((await queue.pending(id)).map((p) => p.language), ['es']);
    await queue.runDue();
  });

  it('translates a due job, deletes it and purges the pages showing the article and its translation', async () => {
    const { id, slug } = await article({ bodyHtml: '<p>Words no runner has translated before.</p>' });
    await t.html(`/articles/${slug}`);
    assert.ok(t.app.cache.get(`/articles/${slug}`), 'the article page is cached');
    // A page of the article in Spanish, as the public site tags it.
    t.app.cache.set(`/es/articles/${slug}`, { status: 200, headers: {}, body: Buffer.from('hola'), etag: '"x"', keys: [`translation:${id}:es`] });
    const callsBefore = fake.calls.length;

    await t.app.translation.queue.enqueue(id, 'es', 'reader');
    assert.deepEqual(await t.app.translation.queue.runDue(), { translated: 1, failed: 0 });

    assert.equal(fake.calls.length, callsBefore + 1, 'the provider was asked');
    const stored = await t.app.translation.articles.get(id, 'es');
    assert.equal(stored?.status, 'machine');
    assert.equal(stored?.title, 'THE FERRY THAT STOPPED');
    assert.deepEqual(await t.app.translation.queue.pending(id), []);
    assert.equal(t.app.cache.get(`/articles/${slug}`), undefined, 'the article page was purged');
    assert.equal(t.app.cache.get(`/es/articles/${slug}`), undefined, 'its Spanish page was purged');
  });

  it('retries a failing job with growing waits, gives up after five tries and keeps the previous translation', async () => {
    const { id } = await article({ bodyHtml: '<p>First version of the story.</p>' });
    await t.app.translation.articles.translateArticle(id, 'es');
    const before = await t.app.translation.articles.get(id, 'es');
    const failing = countingFakeProvider({ id: 'failing', failOn: () => true });
    const broken = createTranslationService({ db: t.app.database.db, clock: t.clock, content: t.app.content, providers: [failing] });

    await t.app.content.editor.update(id, { title: 'The ferry that stopped', bodyHtml: '<p>Second version of the story.</p>', status: 'published', authors: [author] });
    assert.deepEqual((await broken.queue.pending(id)).map((p) => [p.language, p.reason]), [['es', 'refresh']]);

    const waits = [60_000, 5 * 60_000, 25 * 60_000, 125 * 60_000];
    for (const [i, wait] of waits.entries()) {
      assert.deepEqual(await broken.queue.runDue(), { translated: 0, failed: 1 });
      const row = await job(id, 'es');
      assert.equal(row?.attempts, i + 1);
      assert.equal(row?.last_error, 'the fake provider refused');
      assert.equal(row?.failed_at, null);
      assert.equal(row?.run_after, new Date(t.clock.now().getTime() + wait).toISOString(), `waits ${wait} ms after try ${i + 1}`);
      assert.equal(await broken.queue.nextDue(), row?.run_after);

      later(wait - 1);
      const calls = failing.calls.length;
      assert.deepEqual(await broken.queue.runDue(), { translated: 0, failed: 0 }, 'not before its time');
      assert.equal(failing.calls.length, calls);
      later(1);
    }
    assert.deepEqual(await broken.queue.runDue(), { translated: 0, failed: 1 });
    const given = await job(id, 'es');
    assert.equal(given?.attempts, 5);
    assert.equal(given?.failed_at, t.clock.now().toISOString());
    assert.equal(await broken.queue.nextDue(), undefined, 'a job given up on is not due again');
    later(24 * 3600_000);
    assert.deepEqual(await broken.queue.runDue(), { translated: 0, failed: 0 });
    assert.deepEqual(await t.app.translation.articles.get(id, 'es'), before, 'the previous translation is as it was');

    assert.equal(await t.app.translation.queue.enqueue(id, 'es', 'staff'), true, 'asking again starts a failed job over');
    const restarted = await job(id, 'es');
    assert.deepEqual([restarted?.attempts, restarted?.failed_at, restarted?.last_error, restarted?.reason], [0, null, null, 'staff']);
    assert.deepEqual(await t.app.translation.queue.runDue(), { translated: 1, failed: 0 });
    assert.equal((await t.app.translation.articles.get(id, 'es'))?.bodyHtml, '<p>SECOND VERSION OF THE STORY.</p>');
  });

  it('gives up at once when another try cannot help', async () => {
    const { id } = await article();
    await t.app.translation.queue.enqueue(id, 'de', 'reader'); // the fake does en-es and en-fr only
    assert.deepEqual(await t.app.translation.queue.runDue(), { translated: 0, failed: 1 });
    const unsupported = await job(id, 'de');
    assert.equal(unsupported?.attempts, 1);
    assert.equal(unsupported?.failed_at, t.clock.now().toISOString());
    assert.match(unsupported?.last_error ?? '', /No translation provider can translate from en to de/);

    await t.app.translation.queue.enqueue(id, 'fr', 'reader');
    const refused = runner(async () => {
      throw new TranslationError('DeepL refused the API key (403)', 'bad_key', false);
    });
    assert.deepEqual(await refused.runDue(), { translated: 0, failed: 1 });
    assert.equal((await job(id, 'fr'))?.failed_at, t.clock.now().toISOString());
  });

  it('never gives one job to two runners at once', async () => {
    const ids = [(await article()).id, (await article()).id, (await article()).id];
    for (const id of ids) await t.app.translation.queue.enqueue(id, 'es', 'publish');
    const ran: string[] = [];
    const bothBusy = deferred();
    const translate = async (articleId: number, language: string) => {
      ran.push(`${articleId}:${language}`);
      // Each runner holds a job until the other has one too: both are mid-way at once.
      if (ran.length === 2) bothBusy.resolve();
      await bothBusy.promise;
    };
    const [a, b] = await Promise.all([runner(translate).runDue(), runner(translate).runDue()]);
    assert.equal(a.translated + b.translated, 3);
    assert.ok(a.translated > 0 && b.translated > 0, 'both runners worked');
    assert.deepEqual([...ran].sort(), ids.map((id) => `${id}:es`).sort(), 'each job ran exactly once');
    for (const id of ids) assert.equal(await job(id, 'es'), undefined);
  });

  it('takes over a job whose runner let its lease run out, and the late runner does not bring it back', async () => {
    const { id } = await article();
    await t.app.translation.queue.enqueue(id, 'es', 'reader');
    const started = deferred();
    const release = deferred();
    const stuck = runner(async () => {
      started.resolve();
      await release.promise;
    }, 60);
    const stuckRun = stuck.runDue();
    await started.promise;

    let tookOver = 0;
    const rescuer = runner(async () => {
      tookOver++;
    }, 60);
    assert.deepEqual(await rescuer.runDue(), { translated: 0, failed: 0 }, 'the lease holds');
    assert.equal(await rescuer.nextDue(), new Date(t.clock.now().getTime() + 60_000).toISOString(), 'due again when the lease ends');
    later(60_000);
    assert.deepEqual(await rescuer.runDue(), { translated: 1, failed: 0 });
    assert.equal(tookOver, 1);
    assert.equal(await job(id, 'es'), undefined);

    release.resolve();
    await stuckRun;
    assert.equal(await job(id, 'es'), undefined);
  });

  it('runs a job once more when it is asked for again while it runs', async () => {
    const { id } = await article();
    await t.app.translation.queue.enqueue(id, 'es', 'reader');
    const started = deferred();
    const release = deferred();
    let runs = 0;
    const slow = runner(async () => {
      runs++;
      started.resolve();
      await release.promise;
    });
    const running = slow.runDue({ limit: 1 });
    await started.promise;
    later(1000);
    assert.equal(await t.app.translation.queue.enqueue(id, 'es', 'refresh'), false, 'the running job is kept');
    release.resolve();
    assert.deepEqual(await running, { translated: 1, failed: 0 });
    const again = await job(id, 'es');
    assert.equal(again?.claimed_until, null, 'the job waits to run again');
    assert.deepEqual(await slow.runDue(), { translated: 1, failed: 0 });
    assert.equal(runs, 2);
    assert.equal(await job(id, 'es'), undefined);
  });

  it('runs as a scheduled task beside the scheduler and says when it is next due', async () => {
    const { id } = await article();
    const task = t.app.translation.queue.task;
    assert.deepEqual(await task.run(), {}, 'nothing waiting');
    await t.app.translation.queue.enqueue(id, 'fr', 'reader');
    assert.deepEqual(await task.run(), {});
    await task.idle();
    assert.equal((await t.app.translation.articles.get(id, 'fr'))?.title, 'THE FERRY THAT STOPPED');

    const { id: other } = await article();
    const failing = runner(async () => {
      throw new TranslationError('LibreTranslate failed with 503', 'unavailable', true);
    });
    await failing.enqueue(other, 'es', 'reader');
    await failing.runDue();
    assert.deepEqual(await task.run(), { nextDueAt: new Date(t.clock.now().getTime() + 60_000).toISOString() });
  });
});
