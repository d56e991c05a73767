import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { browserSuite, useBrowser } from '../helpers/browser.js';
import { makeAuthor, makeSource } from '../helpers/factories.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { useTestApp } from '../helpers/test-app.js';

// Runs before any page script: every way a page can "alert" is recorded rather than shown.
const recordAlerts = `
  window.__alerts = [];
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (...args) => { window.__alerts.push(name + ':' + args.join(' ')); };
  }
`;

browserSuite('a hostile partner item in a real browser', () => {
  const t = useTestApp('sqlite', { scheduler: false });
  const browser = useBrowser();
  let feeds: FeedServer;
  let slugs: string[] = [];

  before(async () => {
    feeds = await startFeedServer();
    feeds.fixture('/hostile.xml', 'hostile/hostile-markup.xml', { contentType: 'application/rss+xml' });
    const author = await makeAuthor(t.app.content);
    const source = await makeSource(t.app.content, { name: 'Coastal Wire' });
    await t.app.syndication.feeds.save({ source: source.slug, feedUrl: `${feeds.url}/hostile.xml`, mode: 'auto', defaultAuthor: author.slug });
    const report = await t.app.syndication.poller.pollNow(source.slug);
    assert.equal(report.ok, true, report.error ?? '');
    const rows = await t.app.database.db
      .selectFrom('syndicated_items')
      .innerJoin('articles', 'articles.id', 'syndicated_items.article_id')
      .select('articles.slug')
      .where('syndicated_items.source_id', '=', source.id)
      .execute();
    slugs = rows.map((r) => r.slug);
  });
  after(() => feeds.close());

  it('imports every item of the hostile feed', () => {
    assert.equal(slugs.length, 6);
  });

  it('renders each imported article with no script running, no third-party request and nothing taking over the page', async () => {
    const { page } = browser;
    await page.addInitScript(recordAlerts);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const ours = new URL(t.baseUrl).host;
    const embedHosts = new Set(t.config.embedHosts);
    const foreign: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.protocol.startsWith('http') && url.host !== ours && !embedHosts.has(url.host)) foreign.push(r.url());
    });

    for (const slug of slugs) {
      const response = await page.goto(`${t.baseUrl}/articles/${slug}`, { waitUntil: 'load' });
      assert.equal(response?.status(), 200, slug);
      // Hover and focus everything in the body, where handlers would have fired.
      for (const el of await page.locator('article .body *').all()) {
        await el.hover({ trial: false, timeout: 1000 }).catch(() => {});
      }
      const state = await page.evaluate(() => {
        const body = document.querySelector('article .body');
        const all = body ? Array.from(body.querySelectorAll("*")) : [];
        return {
          alerts: (window as unknown as { __alerts: string[] }).__alerts,
          location: location.href,
          scripts: body?.querySelectorAll('script, style, link, meta, base, form, input, object, embed, svg, math, textarea, template').length ?? -1,
          handlers: all.filter((el) => Array.from(el.attributes).some((a) => a.name.startsWith('on') || a.name === 'style')).length,
          badLinks: all.filter((el) => /^\s*(javascript|data|vbscript):/i.test(el.getAttribute('href') ?? el.getAttribute('src') ?? '')).length,
          frames: Array.from(document.querySelectorAll("iframe")).map((f) => new URL(f.src).host),
          bodyVisible: getComputedStyle(document.body).display !== 'none',
        };
      });
      assert.deepEqual(state.alerts, [], `${slug}: a script ran`);
      assert.equal(state.location, `${t.baseUrl}/articles/${slug}`, `${slug}: the page was taken elsewhere`);
      assert.equal(state.scripts, 0, `${slug}: active or page-level markup survived`);
      assert.equal(state.handlers, 0, `${slug}: event handler or style attribute survived`);
      assert.equal(state.badLinks, 0, `${slug}: a script URL survived`);
      assert.ok(state.frames.every((host) => embedHosts.has(host)), `${slug}: a frame from ${state.frames.join(', ')}`);
      assert.equal(state.bodyVisible, true, `${slug}: partner CSS hid the page`);
    }
    assert.deepEqual(dialogs, []);
    assert.deepEqual(foreign, [], 'the browser was made to call a third party');
    await browser.screenshot('partner-hostile-item');
  });
});
