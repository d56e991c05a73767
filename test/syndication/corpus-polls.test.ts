import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { makeSource } from '../helpers/factories.js';
import { forEachDatabase } from '../helpers/databases.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { useTestApp } from '../helpers/test-app.js';
import { fixtureBytes, manifest } from '../fixtures/feeds/corpus.js';

/**
 * Every fixture of the corpus goes through the real path: served over HTTP on loopback, fetched,
 * parsed on the worker thread, cleaned and filed into the review queue. A readable feed polls
 * successfully; an unreadable one (or one over FEED_MAX_MB) leaves a plain status line; none takes
 * the process down.
 */
forEachDatabase('the feed corpus, polled over HTTP', (dialect) => {
  const t = useTestApp(dialect, { scheduler: false });
  let feeds: FeedServer;
  const sources = new Map<string, string>();

  before(async () => {
    feeds = await startFeedServer();
    for (const [i, entry] of manifest.feeds.entries()) {
      const path = `/corpus/${i}`;
      feeds.fixture(path, entry.file, entry.contentType ? { contentType: entry.contentType } : {});
      const source = await makeSource(t.app.content);
      await t.app.syndication.feeds.save({ source: source.slug, feedUrl: feeds.url + path, mode: 'review' });
      sources.set(source.slug, entry.file);
    }
  });
  after(() => feeds.close());

  it('polls each readable fixture and gives each unreadable one a status line', async () => {
    const reports = await t.app.syndication.poller.pollAll();
    assert.equal(reports.length, manifest.feeds.length);
    const byFile = new Map(manifest.feeds.map((f) => [f.file, f]));
    for (const report of reports) {
      const entry = byFile.get(sources.get(report.source)!)!;
      if (fixtureBytes(entry.file).byteLength > t.config.feedMaxBytes) {
        assert.match(report.error ?? '', /larger than/, `${entry.file} is over the size cap`);
      } else if (entry.error) {
        assert.equal(report.ok, false, `${entry.file} should fail (${entry.error})`);
        assert.ok(report.error && report.error.length > 10, `${entry.file}: a status line`);
      } else {
        assert.equal(report.ok, true, `${entry.file}: ${report.error}`);
        const filed = Object.values(report.counts).reduce((a, b) => a + b, 0);
        assert.ok(filed <= (entry.items ?? 0), `${entry.file}: filed ${filed} of ${entry.items} items`);
        if (entry.items) assert.ok(filed > 0, `${entry.file}: nothing was filed`);
      }
    }
    const queued = await t.app.syndication.queue.page({}, 1);
    assert.ok(queued.total > 50, `the readable fixtures filled the queue (${queued.total})`);
  });
});
