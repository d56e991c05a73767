import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { ArticleInput } from '../../src/content/inputs.js';
import { appError } from '../helpers/assertions.js';
import { forEachDatabase } from '../helpers/databases.js';
import { makeArticle, makeAuthor, makeSource } from '../helpers/factories.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { useTestApp } from '../helpers/test-app.js';
import { createTranslationPolicy } from '../../src/translation/policy.js';
import { countingFakeProvider } from './counting-fake-provider.js';

/** An RSS 2.0 feed in `language` with one item. */
const feed = (language: string, item: { guid: string; title: string; body: string }) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Partner</title><link>http://partner.test/</link><description>A partner</description><language>${language}</language>
<item><title>${item.title}</title><link>http://partner.test/${item.guid}</link><guid isPermaLink="false">${item.guid}</guid>
<pubDate>Tue, 17 Nov 2026 08:00:00 GMT</pubDate><content:encoded><![CDATA[${item.body}]]></content:encoded></item>
</channel></rss>`;

forEachDatabase('what gets translated without anyone asking', (dialect) => {
  const t = useTestApp(dialect, { scheduler: false, translationProviders: [countingFakeProvider({ pairs: ['en-es', 'en-fr', 'es-en'] })] });
  let author: string;
  let staffId: number;
  let feeds: FeedServer;

  before(async () => {
    author = (await makeAuthor(t.app.content)).slug;
    staffId = (await t.app.staff.create({ email: 'desk@news.test', name: 'Desk', role: 'editor' })).id;
    feeds = await startFeedServer();
  });
  after(() => feeds.close());

  const queued = async (articleId: number) => (await t.app.translation.queue.pending(articleId)).map((p) => [p.language, p.reason]);
  const priorities = (languages: string[]) => t.app.content.settings.update({ translationPriorityLanguages: languages });
  const input = (over: Partial<ArticleInput> = {}): ArticleInput => ({ title: 'Tides at the old port', bodyHtml: '<p>The tide came in early.</p>', status: 'published', authors: [author], ...over });

  it('queues nothing for drafts and scheduled pieces, and every priority language once one is published', async () => {
    await priorities(['es', 'fr', 'en']);
    const { id } = await makeArticle(t.app.content, input({ status: 'draft' }));
    const { id: scheduled } = await makeArticle(t.app.content, input({ status: 'scheduled', publishedAt: '2026-12-01T09:00:00.000Z' }));
    assert.deepEqual(await queued(id), []);
    assert.deepEqual(await queued(scheduled), []);

    await t.app.content.editor.update(id, input({ status: 'published' }));
    assert.deepEqual(await queued(id), [['es', 'publish'], ['fr', 'publish']], 'not English, the language it is written in');

    await t.app.translation.queue.runDue();
    await t.app.content.editor.update(id, input({ status: 'published', title: 'Tides at the old port, again' }));
    assert.deepEqual(await queued(id), [['es', 'refresh'], ['fr', 'refresh']], 'languages it has are refreshed, not queued anew');
    await t.app.translation.queue.runDue();
    await priorities([]);
  });

  it('refreshes machine translations when the body of a published article changes, and marks reviewed ones stale', async () => {
    const { id } = await makeArticle(t.app.content, input({ bodyHtml: '<p>The quay was rebuilt in spring.</p>' }));
    await t.app.translation.articles.translateArticle(id, 'es');
    await t.app.translation.articles.saveReview(id, 'fr', { title: 'Les marées du vieux port', bodyHtml: '<p>Le quai a été reconstruit.</p>' }, staffId);

    await t.app.content.editor.update(id, input({ bodyHtml: '<p>The quay was rebuilt in spring.</p>' }));
    assert.deepEqual(await queued(id), [], 'a save that changes no translated part queues nothing');

    await t.app.content.editor.update(id, input({ bodyHtml: '<p>The quay was rebuilt in autumn.</p>' }));
    assert.deepEqual(await queued(id), [['es', 'refresh']]);
    assert.equal((await t.app.translation.articles.get(id, 'fr'))?.status, 'stale');

    await t.app.translation.queue.runDue();
    assert.equal((await t.app.translation.articles.get(id, 'es'))?.bodyHtml, '<p>THE QUAY WAS REBUILT IN AUTUMN.</p>');
    assert.equal((await t.app.translation.articles.get(id, 'fr'))?.bodyHtml, '<p>Le quai a été reconstruit.</p>', 'a reviewed translation is never overwritten');
  });

  it('queues a partner’s article in Spanish for the site’s English, and not one already in English', async () => {
    const source = await makeSource(t.app.content);
    feeds.file('/es.xml', feed('es', { guid: 'es-1', title: 'Las mareas del puerto', body: '<p>La marea subió temprano en el muelle.</p>' }), { contentType: 'application/rss+xml' });
    feeds.file('/en.xml', feed('en-GB', { guid: 'en-1', title: 'Storm over the estuary', body: '<p>The storm reached the estuary at dawn.</p>' }), { contentType: 'application/rss+xml' });
    const english = await makeSource(t.app.content);
    for (const [s, path] of [[source, '/es.xml'], [english, '/en.xml']] as const) {
      await t.app.syndication.feeds.save({ source: s.slug, feedUrl: feeds.url + path, mode: 'auto', defaultAuthor: author });
      const report = await t.app.syndication.poller.pollNow(s.slug);
      assert.equal(report.counts.imported, 1, report.error ?? '');
    }

    const spanish = await t.app.content.articles.publishedBySlug('las-mareas-del-puerto');
    assert.equal(spanish?.language, 'es');
    assert.deepEqual(await queued(spanish!.id), [['en', 'partner']]);
    const inEnglish = await t.app.content.articles.publishedBySlug('storm-over-the-estuary');
    assert.deepEqual(await queued(inEnglish!.id), []);

    await t.app.translation.queue.runDue();
    assert.equal((await t.app.translation.articles.get(spanish!.id, 'en'))?.title, 'LAS MAREAS DEL PUERTO');
  });

  it('refuses an unknown priority language, storing nothing', async () => {
    await priorities(['es']);
    const before = await t.app.content.settings.get();
    const row = () => t.app.database.db.selectFrom('settings').select('value').where('key', '=', 'site').executeTakeFirstOrThrow();
    const stored = await row();
    await assert.rejects(priorities(['fr', 'xx']), appError('invalid_setting', 400, 'translationPriorityLanguages.1'));
    await assert.rejects(priorities(Array.from({ length: 52 }, () => 'es')), appError('invalid_setting', 400, 'translationPriorityLanguages'));
    assert.deepEqual(await t.app.content.settings.get(), before);
    assert.deepEqual(await row(), stored);
    assert.deepEqual((await priorities(['ES', 'nb', 'es'])).translationPriorityLanguages, ['es', 'nb'], 'kept in canonical form, once each');
    await priorities([]);
  });

  it('takes the priority languages from the settings form, with a clear error for an unknown one', async () => {
    const owner = await t.app.staff.create({ email: 'owner@news.test', name: 'Owner', role: 'owner' });
    const session = await t.app.staff.startSession(owner.id);
    const fields = { siteName: 'Ledger', tagline: '', language: 'en', timeZone: 'UTC', copyrightHolder: 'L', mediaInquiriesEmail: 'press@news.test', socialLinks: '' };
    const post = (languages: string) =>
      fetch(`${t.baseUrl}/admin/settings`, {
        method: 'POST',
        headers: { cookie: `bs_session=${session.token}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: session.csrfToken, ...fields, translationPriorityLanguages: languages }),
        redirect: 'manual',
      });

    assert.equal((await post('es, fr  de')).status, 303);
    assert.deepEqual((await t.app.content.settings.get()).translationPriorityLanguages, ['es', 'fr', 'de']);

    const refused = await post('es klingon');
    assert.equal(refused.status, 400);
    const html = await refused.text();
    assert.match(html, /&quot;klingon&quot; is not one of the site(’|&#39;|')s languages/);
    assert.match(html, /name="translationPriorityLanguages" type="text" value="es klingon" aria-invalid="true"/);
    assert.deepEqual((await t.app.content.settings.get()).translationPriorityLanguages, ['es', 'fr', 'de']);
    await priorities([]);
  });
});

forEachDatabase('priority languages the site does not offer', (dialect) => {
  const t = useTestApp(dialect, { scheduler: false, translationProviders: [countingFakeProvider({ pairs: ['en-es', 'en-fr'] })] });

  it('queues only the priority languages among those the site is offered in', async () => {
    const recorded: string[] = [];
    const policy = createTranslationPolicy({
      db: t.app.database.db,
      articles: t.app.translation.articles,
      queue: {
        enqueue: async (_id, language) => {
          recorded.push(language);
          return true;
        },
      },
      settings: async () => ({ language: 'en', translationPriorityLanguages: ['es', 'fr'] }),
      offered: [{ code: 'en' }, { code: 'es' }],
    });
    const author = await makeAuthor(t.app.content);
    const { id } = await makeArticle(t.app.content, { title: 'Quay works', authors: [author.slug] });
    await policy.articlesChanged([id]);
    assert.deepEqual(recorded, ['es']);
  });
});
