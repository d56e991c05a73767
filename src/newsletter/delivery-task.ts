import type { ScheduledTask } from '../jobs/scheduler.js';
import type { Delivery } from './delivery.js';

interface LogLike {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * The scheduler's newsletter task. Sending a whole issue takes minutes and the scheduler runs its
 * tasks one after another, so the sending runs beside it: the task starts due issues, sets each
 * one with work going in the background, and returns at once. When a send finishes, `onFinished`
 * asks the scheduler to look again (the next retry is only known then).
 */
export function createDeliveryTask(deps: { delivery: Delivery; log: LogLike; onFinished: () => void }): ScheduledTask & { resume(issueId: number): void; stop(): Promise<void> } {
  const stopping = new AbortController();
  const sending = new Map<number, Promise<void>>();

  function sendInBackground(issueId: number) {
    const done = deps.delivery
      .run(issueId, { signal: stopping.signal })
      .then(
        (figures) => deps.log.info({ issueId, ...figures }, 'newsletter delivery run finished'),
        (error: unknown) => deps.log.error({ err: error, issueId }, 'newsletter delivery run failed; it resumes on the next run'),
      )
      .finally(() => {
        sending.delete(issueId);
        if (!stopping.signal.aborted) deps.onFinished();
      });
    sending.set(issueId, done);
  }

  return {
    name: 'send the newsletter',
    async run() {
      if (stopping.signal.aborted) return {};
      const { workNow, nextDueAt } = await deps.delivery.startDue();
      for (const issueId of workNow) if (!sending.has(issueId)) sendInBackground(issueId);
      // While a send runs, its own due copies would make every due time "now"; it reports back when done.
      return sending.size > 0 || !nextDueAt ? {} : { nextDueAt };
    },

    /** Sends an issue that was just started (an editor's "send now") beside the requests, unless it is already being sent here. */
    resume(issueId: number) {
      if (!stopping.signal.aborted && !sending.has(issueId)) sendInBackground(issueId);
    },

    /** Stops claiming new copies and waits for the batches on the wire to be sent and recorded. */
    async stop() {
      stopping.abort();
      await Promise.all(sending.values());
    },
  };
}
