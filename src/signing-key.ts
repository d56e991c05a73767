import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from './clock.js';
import type { Database } from './db/schema.js';

/**
 * A signing secret made on first use and kept in the settings table under `settingKey`, so every
 * process (and every restart) signs and verifies with the same one. Returns a loader that reads it
 * once and remembers it; a failed read is retried on the next call rather than remembered.
 */
export function settingsSecret(deps: { db: Kysely<Database>; clock: Clock }, settingKey: string): () => Promise<Buffer> {
  let secret: Promise<Buffer> | undefined;

  async function load(): Promise<Buffer> {
    const fresh = randomBytes(32).toString('hex');
    // Insert-if-absent, then read: two processes racing both end up with the first one's secret.
    await deps.db
      .insertInto('settings')
      .values({ key: settingKey, value: JSON.stringify(fresh), updated_at: deps.clock.now().toISOString() })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await deps.db.selectFrom('settings').select('value').where('key', '=', settingKey).executeTakeFirstOrThrow();
    return Buffer.from(JSON.parse(row.value) as string, 'hex');
  }

  return () => {
    secret ??= load().catch((error: unknown) => {
      secret = undefined;
      throw error;
    });
    return secret;
  };
}
