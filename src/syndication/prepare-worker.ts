/**
 * The worker thread that reads partner feeds (src/syndication/prepare-pool.ts starts it): parsing and
 * cleaning are CPU work, and done here they neither stall page requests nor wait for them.
 */
import { parentPort } from 'node:worker_threads';
import { FeedParseError } from './parse/types.js';
import { prepareFeed, type PrepareRequest } from './prepare-feed.js';

parentPort!.on('message', async ({ id, request }: { id: number; request: PrepareRequest }) => {
  try {
    parentPort!.postMessage({ id, result: await prepareFeed(request) });
  } catch (error) {
    const expected = error instanceof FeedParseError ? { code: error.code, message: error.message } : undefined;
    parentPort!.postMessage({ id, failure: expected ?? { message: error instanceof Error ? (error.stack ?? error.message) : String(error) }, expected: expected !== undefined });
  }
});
