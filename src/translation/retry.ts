import { setTimeout as delay } from 'node:timers/promises';
import { TranslationError } from './provider.js';

export interface RetryOptions {
  /** Tries in all, the first included (default 3). */
  attempts?: number;
  /** Wait before the second try; doubled before each further one (default 500 ms). */
  backoffMs?: number;
}

/**
 * Runs `attempt` until it succeeds, fails with a TranslationError that is not retryable, or has
 * been tried `attempts` times; waits between tries with exponential backoff (and some jitter, so
 * that callers failing together do not come back together).
 */
export async function withRetries<T>(attempt: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 3;
  const backoffMs = options.backoffMs ?? 500;
  for (let tried = 1; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      const retryable = error instanceof TranslationError && error.retryable;
      if (!retryable || tried >= attempts) throw error;
      const wait = backoffMs * 2 ** (tried - 1);
      await delay(wait / 2 + Math.random() * (wait / 2));
    }
  }
}
