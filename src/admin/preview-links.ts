import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { settingsSecret } from '../signing-key.js';

const SECRET_KEY = 'preview_secret';
const VALID_DAYS = 7;

/**
 * Signed, expiring links to an unpublished article, for showing a draft to someone without an
 * account. The signing secret is made on first use and kept in the database, so every process
 * (and every restart) agrees on it.
 */
export function createPreviewLinks(deps: { db: Kysely<Database>; clock: Clock; siteUrl: string }) {
  const loadSecret = settingsSecret(deps, SECRET_KEY);

  const sign = async (id: number, expires: number) => createHmac('sha256', await loadSecret()).update(`${id}.${expires}`).digest('base64url');

  return {
    async linkFor(id: number): Promise<string> {
      const expires = Math.floor(deps.clock.now().getTime() / 1000) + VALID_DAYS * 86_400;
      return `${deps.siteUrl}/preview/${id}?expires=${expires}&sig=${await sign(id, expires)}`;
    },
    /** Whether a link's signature is ours and it has not expired. */
    async verify(id: number, expires: number, sig: string): Promise<boolean> {
      if (expires * 1000 < deps.clock.now().getTime()) return false;
      const expected = Buffer.from(await sign(id, expires));
      const given = Buffer.from(sig);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

export type PreviewLinks = ReturnType<typeof createPreviewLinks>;
