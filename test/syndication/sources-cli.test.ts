import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const feed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Light</title><link>http://harbour.test/</link><description>Partner</description>
<item><title>Pier repairs finished early</title><link>http://harbour.test/pier</link><guid>hl-1</guid><description>The pier reopens on Friday after repairs finished two weeks early.</description></item>
<item><title>New bus route to the ferry</title><link>http://harbour.test/bus</link><guid>hl-2</guid><description>A direct bus now links the station and the ferry terminal.</description></item>
</channel></rss>`;

/**
 * The built CLI (npm test builds dist/ first), run without blocking this process, which serves the
 * feeds it polls. Its feed reader runs from dist/ as in production.
 */
function cli(args: string[], dataDir: string): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['dist/cli.js', ...args], { cwd: repoRoot, env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', DATA_DIR: dataDir, DEMO_CONTENT: 'off' } }, (error, stdout, stderr) =>
      resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('broadsheet sources', () => {
  let feeds: FeedServer;
  let dataDir: string;

  before(async () => {
    feeds = await startFeedServer();
    feeds.file('/harbour.xml', feed, { contentType: 'application/rss+xml' });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-sources-'));
  });
  after(async () => {
    await feeds.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses an auto-publishing feed without a default author, and adds nothing', async () => {
    const run = await cli(['sources', 'add', '--name', 'Harbour Light', '--feed-url', `${feeds.url}/harbour.xml`, '--mode', 'auto'], dataDir);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /defaultAuthor: auto-publishing needs a default author/);
    const list = await cli(['sources', 'list'], dataDir);
    assert.match(list.stdout, /No partner feeds yet/);
  });

  it('adds a source with its feed, lists it, polls it into the review queue and lists the result', async () => {
    const added = await cli(['sources', 'add', '--name', 'Harbour Light', '--feed-url', `${feeds.url}/harbour.xml`], dataDir);
    assert.equal(added.status, 0, added.stderr);
    assert.match(added.stdout, /Added Harbour Light \(harbour-light\): .*review mode, every 60 min/);
    assert.match((await cli(['sources', 'list'], dataDir)).stdout, /^harbour-light\treview\t.*\tnot polled yet\t0 seen, 0 imported$/m);

    const polled = await cli(['sources', 'poll', '--source', 'harbour-light'], dataDir);
    assert.equal(polled.status, 0, polled.stderr);
    assert.match(polled.stdout, /harbour-light: 0 imported, 2 queued for review/);
    assert.match((await cli(['sources', 'list'], dataDir)).stdout, /^harbour-light\treview\t.*\tok, last polled .*\t2 seen, 0 imported$/m);
  });

  it('reports a failing feed in plain words and exits 1', async () => {
    assert.equal((await cli(['sources', 'add', '--name', 'Gone Gazette', '--feed-url', `${feeds.url}/gone.xml`], dataDir)).status, 0);
    const polled = await cli(['sources', 'poll', '--source', 'gone-gazette'], dataDir);
    assert.equal(polled.status, 1);
    assert.match(polled.stdout, /gone-gazette: failed: The server answered 404 Not Found/);
  });

  it('refuses a slug that is already a source, and an option the command does not take', async () => {
    const again = await cli(['sources', 'add', '--name', 'Harbour Light', '--feed-url', `${feeds.url}/harbour.xml`], dataDir);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already exists/);
    const wrong = await cli(['sources', 'list', '--source', 'x'], dataDir);
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /takes no --source/);
  });
});
