import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { newToken, tokenHash } from '../admin/secrets.js';
import type { Clock } from '../clock.js';
import type { Database, ReadersTable } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { Messages } from '../i18n/messages.js';
import type { Mailer } from '../mail/mailer.js';
import { emailAddress } from '../newsletter/inputs.js';
import { parseInput } from '../parse-input.js';

/** A signed-in member of the public, as routes and views see them. */
export interface Reader {
  id: number;
  email: string;
  displayName: string;
  replyNotifications: boolean;
  banned: boolean;
}

/**
 * Something another part of Broadsheet keeps about readers (their membership, their comments). Each
 * one registered is asked for its part of a reader's export and takes part in deleting an account.
 */
export interface ReaderDataHolder {
  /** The key its part of the export is under. */
  name: string;
  export(readerId: number): Promise<unknown>;
  /** Before the deletion's transaction; throwing stops the deletion (a paid subscription that cannot be cancelled, say). */
  prepareErase?(readerId: number): Promise<void>;
  /** Inside the deletion's transaction, before the reader's row goes. */
  erase?(readerId: number, trx: Kysely<Database>): Promise<void>;
}

const LINK_MINUTES = 15;
const SESSION_DAYS = 30;
/** Sign-in links one address may be sent in a quarter of an hour; counted in the database, so it holds across processes. */
const LINKS_PER_ADDRESS = 3;

const profileInput = z.object({
  displayName: z
    .string()
    .trim()
    .max(80, 'A display name is at most 80 characters')
    .refine((name) => !/[\p{Cc}\p{Cf}]/u.test(name), 'A display name cannot hold control characters'),
  replyNotifications: z.boolean(),
});

const toReader = (row: Selectable<ReadersTable>): Reader => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  replyNotifications: row.reply_notifications === 1,
  banned: row.banned_at !== null,
});

const addMinutes = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000).toISOString();

/**
 * Reader accounts without passwords: single-use sign-in links mailed to the address, sessions,
 * the profile, and the reader's own export and deletion of everything held about them. Tokens are
 * stored only as SHA-256 hashes.
 */
export function createReaderAccounts(deps: { db: Kysely<Database>; clock: Clock; mailer: Mailer; siteUrl: string; siteName: () => Promise<string> }) {
  const { db, clock } = deps;
  const now = () => clock.now().toISOString();
  const holders: ReaderDataHolder[] = [];

  /**
   * Mails a sign-in link to any acceptable address, known or not: the reader is created only when
   * the link is used, so nothing here depends on, or tells, whether an account exists.
   * `next` is a local path checked by the caller.
   */
  async function requestSignIn(email: unknown, opts: { next: string; messages: Messages }): Promise<void> {
    const address = parseInput(z.object({ email: emailAddress }), { email }).email;
    const since = addMinutes(clock.now(), -LINK_MINUTES);
    const recent = await db
      .selectFrom('reader_sign_in_tokens')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('email', '=', address)
      .where('created_at', '>', since)
      .executeTakeFirstOrThrow();
    if (Number(recent.n) >= LINKS_PER_ADDRESS) throw new AppError('rate_limited', opts.messages.t('signin.rateLimited'), 429);
    const token = newToken();
    await db
      .insertInto('reader_sign_in_tokens')
      .values({ token_hash: tokenHash(token), email: address, expires_at: addMinutes(clock.now(), LINK_MINUTES), created_at: now() })
      .execute();
    const link = `${deps.siteUrl}/signin/verify?${new URLSearchParams({ token, next: opts.next })}`;
    const siteName = await deps.siteName();
    await deps.mailer.send({
      to: address,
      subject: opts.messages.t('signin.mailSubject', { siteName }),
      text: `${opts.messages.t('signin.mailIntro', { siteName })}\n\n${link}\n\n${opts.messages.t('signin.mailIgnore')}\n`,
    });
  }

  const unusedLink = (token: string) =>
    db.selectFrom('reader_sign_in_tokens').select('email').where('token_hash', '=', tokenHash(token)).where('used_at', 'is', null).where('expires_at', '>', now());

  /** Whether a sign-in link can still be used; looking does not use it up. */
  async function isUsable(token: string): Promise<boolean> {
    return (await unusedLink(token).executeTakeFirst()) !== undefined;
  }

  /**
   * Uses a sign-in link, once: creates the reader on their first sign-in and starts a session. An
   * expired or used link changes nothing.
   */
  async function completeSignIn(token: string, invalid: () => AppError): Promise<{ reader: Reader; token: string; csrfToken: string; expiresAt: string }> {
    return db.transaction().execute(async (trx) => {
      const at = now();
      const claimed = await trx
        .updateTable('reader_sign_in_tokens')
        .set({ used_at: at })
        .where('token_hash', '=', tokenHash(token))
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .returning('email')
        .executeTakeFirst();
      if (!claimed) throw invalid();
      await trx
        .insertInto('readers')
        .values({ email: claimed.email, created_at: at, updated_at: at })
        .onConflict((oc) => oc.column('email').doNothing())
        .execute();
      const row = await trx.selectFrom('readers').selectAll().where('email', '=', claimed.email).executeTakeFirstOrThrow();
      const session = { token: newToken(), csrfToken: newToken(), expiresAt: addMinutes(clock.now(), SESSION_DAYS * 24 * 60) };
      await trx
        .insertInto('reader_sessions')
        .values({ token_hash: tokenHash(session.token), reader_id: row.id, csrf_token: session.csrfToken, created_at: at, expires_at: session.expiresAt })
        .execute();
      return { reader: toReader(row), ...session };
    });
  }

  async function resolveSession(token: string): Promise<{ reader: Reader; csrfToken: string } | undefined> {
    const row = await db
      .selectFrom('reader_sessions')
      .innerJoin('readers', 'readers.id', 'reader_sessions.reader_id')
      .selectAll('readers')
      .select(['reader_sessions.csrf_token', 'reader_sessions.expires_at'])
      .where('reader_sessions.token_hash', '=', tokenHash(token))
      .executeTakeFirst();
    if (!row || row.expires_at <= now()) return undefined;
    return { reader: toReader(row), csrfToken: row.csrf_token };
  }

  async function endSession(token: string) {
    await db.deleteFrom('reader_sessions').where('token_hash', '=', tokenHash(token)).execute();
  }

  async function byId(id: number): Promise<Reader | undefined> {
    const row = await db.selectFrom('readers').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toReader(row);
  }

  async function updateProfile(readerId: number, input: unknown): Promise<Reader> {
    const profile = parseInput(profileInput, input);
    const row = await db
      .updateTable('readers')
      .set({ display_name: profile.displayName, reply_notifications: profile.replyNotifications ? 1 : 0, updated_at: now() })
      .where('id', '=', readerId)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toReader(row);
  }

  /** Everything held about a reader: the profile, sign-ins and sessions, and each registered holder's part. */
  async function exportData(readerId: number): Promise<Record<string, unknown>> {
    const row = await db.selectFrom('readers').selectAll().where('id', '=', readerId).executeTakeFirstOrThrow();
    const [signInLinks, sessions] = await Promise.all([
      db.selectFrom('reader_sign_in_tokens').select(['created_at', 'expires_at', 'used_at']).where('email', '=', row.email).orderBy('created_at').execute(),
      db.selectFrom('reader_sessions').select(['created_at', 'expires_at']).where('reader_id', '=', readerId).orderBy('created_at').execute(),
    ]);
    const parts = await Promise.all(holders.map(async (h) => [h.name, await h.export(readerId)] as const));
    return {
      exportedAt: now(),
      profile: {
        email: row.email,
        displayName: row.display_name,
        replyNotifications: row.reply_notifications === 1,
        bannedAt: row.banned_at,
        banReason: row.ban_reason,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      },
      signInLinks: signInLinks.map((l) => ({ sentAt: l.created_at, expiresAt: l.expires_at, usedAt: l.used_at })),
      sessions: sessions.map((s) => ({ startedAt: s.created_at, expiresAt: s.expires_at })),
      ...Object.fromEntries(parts),
    };
  }

  /**
   * Deletes a reader and everything of theirs, in one transaction (sessions and membership cascade;
   * each holder erases its own). `confirmEmail` must be their address, as typed on the form.
   */
  async function deleteAccount(readerId: number, confirmEmail: unknown, mismatch: () => AppError): Promise<void> {
    const reader = await byId(readerId);
    if (!reader) return;
    if (typeof confirmEmail !== 'string' || confirmEmail.trim().toLowerCase() !== reader.email) throw mismatch();
    for (const holder of holders) await holder.prepareErase?.(readerId);
    await db.transaction().execute(async (trx) => {
      for (const holder of holders) await holder.erase?.(readerId, trx);
      await trx.deleteFrom('reader_sign_in_tokens').where('email', '=', reader.email).execute();
      await trx.deleteFrom('readers').where('id', '=', readerId).execute();
    });
  }

  /** Deletes sign-in links and sessions that have expired: they open nothing, and are data about readers kept for no use. */
  async function forgetExpired(): Promise<void> {
    const at = now();
    await db.deleteFrom('reader_sign_in_tokens').where('expires_at', '<=', at).execute();
    await db.deleteFrom('reader_sessions').where('expires_at', '<=', at).execute();
  }

  return {
    requestSignIn,
    forgetExpired,
    isUsable,
    completeSignIn,
    resolveSession,
    endSession,
    byId,
    updateProfile,
    exportData,
    deleteAccount,
    /** Registers a part of Broadsheet that keeps data about readers (see ReaderDataHolder). */
    addDataHolder(holder: ReaderDataHolder) {
      holders.push(holder);
    },
  };
}

export type ReaderAccounts = ReturnType<typeof createReaderAccounts>;
