import { Worker } from 'node:worker_threads';
import { FeedParseError, type FeedParseErrorCode } from './parse/types.js';
import type { PreparedFeed, PrepareRequest } from './prepare-feed.js';

interface Job {
  resolve(feed: PreparedFeed): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

type Reply = { id: number; result: PreparedFeed } | { id: number; failure: { code?: FeedParseErrorCode; message: string }; expected: boolean };

/** Built, the worker sits beside dist/cli.js; from the sources (tests, `npm run dev`), beside this file. */
const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './prepare-worker.ts' : './prepare-worker.js', import.meta.url);

function startWorker(): Worker {
  if (!workerUrl.pathname.endsWith('.ts')) return new Worker(workerUrl);
  // Run from the TypeScript sources, the worker needs tsx's loader too; a worker does not inherit it.
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(workerUrl.href)}); })`, { eval: true });
}

/**
 * Reads partner feeds on a worker thread (src/syndication/prepare-worker.ts), started on first use.
 * A feed that takes longer than `timeoutMs` to read is given up on and its worker replaced, so a
 * pathological document can stall neither page serving nor the other partners.
 */
export function createPreparePool(options: { timeoutMs?: number } = {}) {
  const timeoutMs = options.timeoutMs ?? 60_000;
  let worker: Worker | undefined;
  let nextId = 0;
  const jobs = new Map<number, Job>();

  function failAll(error: Error) {
    for (const job of jobs.values()) {
      clearTimeout(job.timer);
      job.reject(error);
    }
    jobs.clear();
  }

  function current(): Worker {
    if (worker) return worker;
    const started = startWorker();
    // Waiting jobs keep their own timers; an idle reader alone must not keep the process alive.
    started.unref();
    started.on('message', (reply: Reply) => {
      const job = jobs.get(reply.id);
      if (!job) return;
      jobs.delete(reply.id);
      clearTimeout(job.timer);
      if ('result' in reply) job.resolve(reply.result);
      else if (reply.expected && reply.failure.code) job.reject(new FeedParseError(reply.failure.code, reply.failure.message));
      else job.reject(new Error(`the feed reader failed: ${reply.failure.message}`));
    });
    const gone = (error: Error) => {
      if (worker === started) worker = undefined;
      failAll(error);
    };
    started.on('error', gone);
    started.on('exit', (code) => gone(new Error(`the feed reader stopped (exit code ${code})`)));
    worker = started;
    return started;
  }

  return {
    /** Parses, cleans and identifies a fetched feed's items; rejects with FeedParseError for an unreadable feed. */
    prepare(request: PrepareRequest): Promise<PreparedFeed> {
      const target = current();
      const id = ++nextId;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          jobs.delete(id);
          reject(new FeedParseError('malformed', `Reading the feed took longer than ${timeoutMs / 1000} s; Broadsheet gave up on it`));
          if (worker === target) worker = undefined;
          void target.terminate();
        }, timeoutMs);
        jobs.set(id, { resolve, reject, timer });
        target.postMessage({ id, request });
      });
    },

    async close(): Promise<void> {
      const stopping = worker;
      worker = undefined;
      failAll(new Error('the feed reader was closed'));
      await stopping?.terminate();
    },
  };
}

export type PreparePool = ReturnType<typeof createPreparePool>;
