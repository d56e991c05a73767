/**
 * Counts attempts per key in a sliding window, in memory. It slows a guesser hammering one process;
 * the account lockout in the database is what holds across processes and restarts.
 */
export function createRateLimiter(opts: { limit: number; windowMs: number; now?: () => number }) {
  const now = opts.now ?? Date.now;
  const hits = new Map<string, number[]>();
  return {
    /** Records an attempt; false when the key is over its limit (and the attempt must be refused). */
    attempt(key: string): boolean {
      const t = now();
      const recent = (hits.get(key) ?? []).filter((at) => at > t - opts.windowMs);
      recent.push(t);
      hits.set(key, recent);
      if (hits.size > 10_000) {
        // Forget the stalest keys rather than grow without bound under a spray of addresses.
        for (const k of [...hits.keys()].slice(0, 1_000)) hits.delete(k);
      }
      return recent.length <= opts.limit;
    },
  };
}
