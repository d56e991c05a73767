import type { Clock } from '../clock.js';

/** A recurring piece of work: does what is due now and says when it next has something to do. */
export interface ScheduledTask {
  name: string;
  run(): Promise<{ nextDueAt?: string }>;
}

interface LogLike {
  error(obj: object, msg: string): void;
}

/**
 * Runs tasks when they are due. The database is the queue: each task finds its due work there, so
 * nothing is lost across restarts, and each claims work with a conditional update, so several
 * processes can run the same scheduler. A task sleeps until its next due time, at most `maxIdleMs`
 * (which also picks up work scheduled by other processes); `poke()` wakes it after a local change.
 */
export function createScheduler(deps: { tasks: ScheduledTask[]; clock: Clock; log: LogLike; maxIdleMs?: number }) {
  const maxIdle = deps.maxIdleMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;
  let again = false;

  async function runAll(): Promise<number> {
    let wait = maxIdle;
    for (const task of deps.tasks) {
      try {
        const { nextDueAt } = await task.run();
        if (nextDueAt) wait = Math.min(wait, Math.max(0, Date.parse(nextDueAt) - deps.clock.now().getTime()));
      } catch (error) {
        deps.log.error({ err: error, task: task.name }, 'scheduled task failed; retrying later');
      }
    }
    return wait;
  }

  function tick() {
    timer = undefined;
    running = runAll().then((wait) => {
      running = undefined;
      if (stopped) return;
      if (again) {
        again = false;
        tick();
      } else {
        timer = setTimeout(tick, wait);
        timer.unref();
      }
    });
  }

  return {
    start() {
      stopped = false;
      tick();
    },
    /** Something changed here: look again now rather than at the planned time. */
    poke() {
      if (stopped) return;
      if (running) again = true;
      else {
        clearTimeout(timer);
        tick();
      }
    },
    /** Runs every task once and waits for it; for the CLI and tests. */
    runOnce: () => runAll().then(() => undefined),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;

const HOUR_MS = 60 * 60_000;

/**
 * A task for housekeeping that need not run on every look the scheduler takes (it looks at least
 * every `maxIdleMs`): `work` runs at the first look and then once an hour at most.
 */
export function hourly(name: string, clock: Clock, work: () => Promise<void>): ScheduledTask {
  let nextAt = 0;
  return {
    name,
    async run() {
      const now = clock.now().getTime();
      if (now >= nextAt) {
        await work();
        nextAt = now + HOUR_MS;
      }
      return { nextDueAt: new Date(nextAt).toISOString() };
    },
  };
}
