/** Runs tasks with at most `max` of them in progress at once; the rest wait their turn in order. */
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
}

export function createLimiter(max: number): Limiter {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`a limiter needs a whole number of slots from 1, not ${max}`);
  let active = 0;
  const waiting: Array<() => void> = [];
  return {
    async run(task) {
      if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
      else active++;
      try {
        return await task();
      } finally {
        // Hand the slot straight to the next waiter, so `active` never dips and lets a newcomer jump the queue.
        const next = waiting.shift();
        if (next) next();
        else active--;
      }
    },
  };
}
