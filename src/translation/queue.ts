import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database, TranslationJobReason } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import type { ScheduledTask } from '../jobs/scheduler.js';
import { parseInput } from '../parse-input.js';
import { languageTag } from './article-translator.js';
import { primaryTag as primary } from './languages.js';
import { TranslationError } from './provider.js';

export type { TranslationJobReason } from '../db/schema.js';

interface LogLike {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** A queued translation as the admin shows it. */
export interface QueuedTranslation {
  language: string;
  reason: TranslationJobReason;
  requestedAt: string;
  runAfter: string;
  attempts: number;
  lastError: string | null;
  /** Set when the queue gave up on it; asking again starts it over. */
  failedAt: string | null;
}

/** Tries in all before the queue gives up on a job. */
export const MAX_ATTEMPTS = 5;
/** Waits after the 1st, 2nd, 3rd and 4th failure: 1, 5, 25 and 125 minutes, riding out a provider's outage. */
const backoffMs = (attempts: number) => 60_000 * 5 ** (attempts - 1);
const ERROR_CHARS = 1000;

/** Failures that another try cannot mend: a provider's refusal (bad key, quota, unsupported pair), the article gone, bad input. */
const isPermanent = (error: unknown) =>
  (error instanceof TranslationError && !error.retryable) || (error instanceof AppError && error.status < 500);

/** Only the message is kept: provider errors quote the service's answer, never the request, so never a key. */
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, ERROR_CHARS);

/**
 * The queue of machine translations still to make. The table is the queue: one row per article and
 * language, claimed with a conditional update that sets a lease, so several processes can run it and
 * an expired lease (a runner that died) is taken over. A job is deleted once translated; a failure is
 * retried with backoff, and after MAX_ATTEMPTS (or at once, when another try cannot help) it is kept
 * as failed with its error, for the admin.
 */
export function createTranslationQueue(deps: {
  db: Kysely<Database>;
  clock: Clock;
  /** Makes and stores the translation (the article translator's `translateArticle`). */
  translate(articleId: number, language: string): Promise<unknown>;
  /** After a translation was stored: purge the pages that show it. */
  onTranslated(articleId: number, language: string): void;
  /** Asks the scheduler to look at the queue again: a job was queued, or a background run ended. */
  wake?: () => void;
  log: LogLike;
  /** How long a runner holds a job before another may take it over (default 10 minutes). */
  leaseSeconds?: number;
}) {
  const { db, clock, log } = deps;
  const leaseMs = (deps.leaseSeconds ?? 600) * 1000;
  const wake = () => deps.wake?.();

  /**
   * Queues a translation of an article; one job per article and language, so asking again keeps a
   * waiting job, starts a failed one over, and has a running one go round once more (the original may
   * have changed under it). Returns whether a job was newly queued. An article written in that
   * language already needs no job: nothing is queued.
   */
  async function enqueue(articleId: number, language: string, reason: TranslationJobReason): Promise<boolean> {
    const tag = parseInput(languageTag, language);
    const article = await db.selectFrom('articles').select('language').where('id', '=', articleId).executeTakeFirst();
    if (!article) throw notFound('article');
    if (primary(article.language) === primary(tag)) return false;

    const now = clock.now().toISOString();
    const fresh = { reason, requested_at: now, run_after: now, claimed_until: null, attempts: 0, last_error: null, failed_at: null };
    const inserted = await db
      .insertInto('translation_jobs')
      .values({ article_id: articleId, language: tag, ...fresh })
      .onConflict((oc) => oc.columns(['article_id', 'language']).doNothing())
      .executeTakeFirst();
    let queued = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    if (!queued) {
      const job = db.updateTable('translation_jobs').where('article_id', '=', articleId).where('language', '=', tag);
      const restarted = await job.set(fresh).where('failed_at', 'is not', null).executeTakeFirst();
      queued = Number(restarted.numUpdatedRows) > 0;
      if (!queued) await job.set({ requested_at: now }).where('claimed_until', 'is not', null).execute();
    }
    if (queued) wake();
    return queued;
  }

  /** Claims the next due job for this runner, or returns undefined when none is left. */
  async function claimNext() {
    const now = clock.now();
    const at = now.toISOString();
    const lease = new Date(now.getTime() + leaseMs).toISOString();
    const candidates = await db
      .selectFrom('translation_jobs')
      .select('id')
      .where('failed_at', 'is', null)
      .where('run_after', '<=', at)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', at)]))
      .orderBy('run_after')
      .orderBy('id')
      .limit(10)
      .execute();
    for (const { id } of candidates) {
      // The same conditions again: of several runners seeing the job free, one updates it.
      const claimed = await db
        .updateTable('translation_jobs')
        .set({ claimed_until: lease })
        .where('id', '=', id)
        .where('failed_at', 'is', null)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', at)]))
        .returning(['id', 'article_id', 'language', 'attempts', 'requested_at'])
        .executeTakeFirst();
      if (claimed) return { ...claimed, lease };
    }
    return undefined;
  }

  type Claimed = NonNullable<Awaited<ReturnType<typeof claimNext>>>;
  // Every write after the claim holds only while the lease is this runner's: one taken over is the new runner's to finish.
  const mine = (job: Claimed) => db.updateTable('translation_jobs').where('id', '=', job.id).where('claimed_until', '=', job.lease);

  async function succeeded(job: Claimed) {
    const done = await db
      .deleteFrom('translation_jobs')
      .where('id', '=', job.id)
      .where('claimed_until', '=', job.lease)
      .where('requested_at', '=', job.requested_at)
      .executeTakeFirst();
    // Asked for again while it ran: the translation may be of the original as it was, so it runs once more.
    if (Number(done.numDeletedRows) === 0) {
      await mine(job).set({ claimed_until: null, attempts: 0, last_error: null, run_after: clock.now().toISOString() }).execute();
    }
    deps.onTranslated(job.article_id, job.language);
  }

  async function failed(job: Claimed, error: unknown) {
    const attempts = job.attempts + 1;
    const givingUp = isPermanent(error) || attempts >= MAX_ATTEMPTS;
    const now = clock.now();
    const lastError = messageOf(error);
    await mine(job)
      .set({
        attempts,
        last_error: lastError,
        claimed_until: null,
        ...(givingUp ? { failed_at: now.toISOString() } : { run_after: new Date(now.getTime() + backoffMs(attempts)).toISOString() }),
      })
      .execute();
    log.warn(
      { articleId: job.article_id, language: job.language, attempts, error: lastError },
      givingUp ? 'gave up translating an article' : 'could not translate an article; trying again later',
    );
  }

  /** Claims and runs due jobs one after another, at most `limit` of them. */
  async function runDue({ limit = 10 }: { limit?: number } = {}): Promise<{ translated: number; failed: number }> {
    const figures = { translated: 0, failed: 0 };
    for (let n = 0; n < limit; n++) {
      const job = await claimNext();
      if (!job) break;
      try {
        await deps.translate(job.article_id, job.language);
      } catch (error) {
        await failed(job, error);
        figures.failed++;
        continue;
      }
      await succeeded(job);
      figures.translated++;
    }
    return figures;
  }

  /** When a job is next due (a held one when its lease ends); undefined when none is waiting. */
  async function nextDue(): Promise<string | undefined> {
    const row = await db
      .selectFrom('translation_jobs')
      .select((eb) => eb.fn.min(eb.fn.coalesce('claimed_until', 'run_after')).as('next'))
      .where('failed_at', 'is', null)
      .executeTakeFirst();
    return row?.next ?? undefined;
  }

  /** The translations of an article waiting in the queue or given up on, by language. */
  async function pending(articleId: number): Promise<QueuedTranslation[]> {
    const rows = await db.selectFrom('translation_jobs').selectAll().where('article_id', '=', articleId).orderBy('language').execute();
    return rows.map((r) => ({
      language: r.language,
      reason: r.reason,
      requestedAt: r.requested_at,
      runAfter: r.run_after,
      attempts: r.attempts,
      lastError: r.last_error,
      failedAt: r.failed_at,
    }));
  }

  /**
   * The scheduler's task. A batch of translations can take minutes when a provider is slow, and the
   * scheduler runs its tasks one after another, so the batch runs beside it; when the batch ends the
   * task wakes the scheduler, which starts the next one if more is due.
   */
  function createTask(): ScheduledTask & { idle(): Promise<void>; stop(): Promise<void> } {
    let running: Promise<void> | undefined;
    let stopped = false;
    return {
      name: 'translate queued articles',
      async run() {
        if (stopped || running) return {};
        const next = await nextDue();
        if (!next || next > clock.now().toISOString()) return next ? { nextDueAt: next } : {};
        running = runDue()
          .then(
            (figures) => figures.translated + figures.failed > 0,
            (error: unknown) => {
              log.error({ err: error }, 'the translation queue failed; it runs again on the next look');
              return false;
            },
          )
          .then((didWork) => {
            running = undefined;
            // A batch that found nothing (another process took it) waits for the scheduler's next look instead.
            if (didWork && !stopped) wake();
          });
        return {};
      },
      /** Settles when no batch is running here. */
      idle: async () => {
        await running;
      },
      /** Starts no further batch and waits for the one running. */
      async stop() {
        stopped = true;
        await running;
      },
    };
  }

  return { enqueue, runDue, nextDue, pending, task: createTask() };
}

export type TranslationQueue = ReturnType<typeof createTranslationQueue>;
