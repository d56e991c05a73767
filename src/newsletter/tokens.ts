import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock.js';

/** What a link may do. A token made for one purpose is refused for every other. */
export type TokenPurpose = 'confirm' | 'unsubscribe' | 'preferences';

const PURPOSE_CODES: Record<TokenPurpose, string> = { confirm: 'c', unsubscribe: 'u', preferences: 'p' };
const TOKEN = /^([a-z])\.([1-9]\d{0,9})\.(0|[1-9]\d{0,11})\.([A-Za-z0-9_-]{43})$/;

/** How a token check ended; `expired` is only ever said of a token we really signed. */
export type TokenCheck = { ok: true; subscriberId: number } | { ok: false; reason: 'invalid' | 'expired' };

/**
 * Signed tokens for the links we mail: `purpose.subscriberId.expires.signature`, where `expires` is
 * in Unix seconds (0: never) and the signature is an HMAC-SHA256 over everything before it. Nothing
 * is stored, so a link works from any process; changing any part breaks the signature.
 */
export function createTokenSigner(deps: { key: () => Promise<Buffer>; clock: Clock }) {
  const sign = async (body: string) => createHmac('sha256', await deps.key()).update(`newsletter-link:${body}`).digest('base64url');

  return {
    /** A token for `purpose` on one subscriber, valid for `validSeconds` or, without it, for good. */
    async issue(purpose: TokenPurpose, subscriberId: number, validSeconds?: number): Promise<string> {
      const expires = validSeconds === undefined ? 0 : Math.floor(deps.clock.now().getTime() / 1000) + validSeconds;
      const body = `${PURPOSE_CODES[purpose]}.${subscriberId}.${expires}`;
      return `${body}.${await sign(body)}`;
    },

    /** Which subscriber a token speaks for, when it is ours, made for `purpose` and not expired. */
    async check(token: string, purpose: TokenPurpose): Promise<TokenCheck> {
      const match = TOKEN.exec(token);
      if (!match || match[1] !== PURPOSE_CODES[purpose]) return { ok: false, reason: 'invalid' };
      const [, code, id, expires, signature] = match as unknown as [string, string, string, string, string];
      const expected = Buffer.from(await sign(`${code}.${id}.${expires}`));
      if (!timingSafeEqual(Buffer.from(signature), expected)) return { ok: false, reason: 'invalid' };
      if (expires !== '0' && Number(expires) * 1000 < deps.clock.now().getTime()) return { ok: false, reason: 'expired' };
      return { ok: true, subscriberId: Number(id) };
    },
  };
}

export type TokenSigner = ReturnType<typeof createTokenSigner>;
