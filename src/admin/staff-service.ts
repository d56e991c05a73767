import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { parseInput } from '../parse-input.js';
import type { Database, StaffRole, StaffUsersTable } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import type { Mailer } from '../mail/mailer.js';
import { decoyHash, hashPassword, passwordSchema, verifyPassword } from './passwords.js';
import { ROLES } from './roles.js';
import { newToken, tokenHash } from './secrets.js';

export interface StaffUser {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
}

export interface StaffSession {
  user: StaffUser;
  csrfToken: string;
}

const SESSION_DAYS = 14;
const RESET_MINUTES = 60;
/** Failures allowed before the account locks; each further failure doubles the lock, up to a day. */
const FREE_FAILURES = 5;
const MAX_LOCK_MINUTES = 24 * 60;

const newUserInput = z.strictObject({
  email: z.email('A valid email address').max(320).transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1, 'A name is required').max(200),
  role: z.enum(ROLES as [StaffRole, ...StaffRole[]], { error: `One of ${ROLES.join(', ')}` }),
  password: passwordSchema.optional(),
});

const toUser = (row: Selectable<StaffUsersTable>): StaffUser => ({ id: row.id, email: row.email, name: row.name, role: row.role });

const addMinutes = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000).toISOString();

/**
 * Staff accounts and everything that proves who a staff member is: argon2id passwords with lockout
 * and backoff, session tokens, API tokens and single-use password-reset links. Tokens are stored
 * only as hashes.
 */
export function createStaffService(deps: { db: Kysely<Database>; clock: Clock; mailer: Mailer; siteUrl: string }) {
  const { db, clock } = deps;
  const now = () => clock.now().toISOString();

  async function create(input: unknown): Promise<StaffUser> {
    const u = parseInput(newUserInput, input);
    const existing = await db.selectFrom('staff_users').select('id').where('email', '=', u.email).executeTakeFirst();
    if (existing) throw new AppError('email_taken', 'A staff member with that email already exists', 409, 'email');
    const at = now();
    const row = await db
      .insertInto('staff_users')
      .values({
        email: u.email,
        name: u.name,
        role: u.role,
        password_hash: u.password ? await hashPassword(u.password) : null,
        sessions_valid_after: at,
        created_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUser(row);
  }

  /** Checks an email and password. Wrong or locked answers say the same thing, so accounts cannot be probed. */
  async function authenticate(email: string, password: string): Promise<StaffUser> {
    const refused = new AppError('sign_in_failed', 'That email and password do not match an account, or the account is locked for now', 401);
    const row = await db.selectFrom('staff_users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
    if (!row || !row.password_hash || row.disabled) {
      await verifyPassword(await decoyHash(), password);
      throw refused;
    }
    const at = clock.now();
    if (row.locked_until && row.locked_until > at.toISOString()) throw refused;
    if (!(await verifyPassword(row.password_hash, password))) {
      const failures = row.failed_logins + 1;
      const lockMinutes = failures > FREE_FAILURES ? Math.min(2 ** (failures - FREE_FAILURES - 1), MAX_LOCK_MINUTES) : 0;
      await db
        .updateTable('staff_users')
        .set({ failed_logins: failures, locked_until: lockMinutes ? addMinutes(at, lockMinutes) : null })
        .where('id', '=', row.id)
        .execute();
      throw refused;
    }
    if (row.failed_logins || row.locked_until) {
      await db.updateTable('staff_users').set({ failed_logins: 0, locked_until: null }).where('id', '=', row.id).execute();
    }
    return toUser(row);
  }

  /** A new session; the caller sets its token as the cookie. Always a fresh token, so a planted one is useless. */
  async function startSession(userId: number): Promise<{ token: string; csrfToken: string; expiresAt: string }> {
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = addMinutes(clock.now(), SESSION_DAYS * 24 * 60);
    await db.insertInto('staff_sessions').values({ token_hash: tokenHash(token), user_id: userId, csrf_token: csrfToken, created_at: now(), expires_at: expiresAt }).execute();
    return { token, csrfToken, expiresAt };
  }

  async function resolveSession(token: string): Promise<StaffSession | undefined> {
    const row = await db
      .selectFrom('staff_sessions')
      .innerJoin('staff_users', 'staff_users.id', 'staff_sessions.user_id')
      .selectAll('staff_users')
      .select(['staff_sessions.csrf_token', 'staff_sessions.expires_at', 'staff_sessions.created_at as session_created_at'])
      .where('staff_sessions.token_hash', '=', tokenHash(token))
      .executeTakeFirst();
    if (!row || row.disabled || row.expires_at <= now() || row.session_created_at < row.sessions_valid_after) return undefined;
    return { user: toUser(row), csrfToken: row.csrf_token };
  }

  async function endSession(token: string) {
    await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash(token)).execute();
  }

  /** Voids every session of a staff member, on every device. */
  async function endAllSessions(userId: number) {
    await db.updateTable('staff_users').set({ sessions_valid_after: now(), updated_at: now() }).where('id', '=', userId).execute();
    await db.deleteFrom('staff_sessions').where('user_id', '=', userId).execute();
  }

  async function createApiToken(userId: number, name: string): Promise<{ id: number; token: string }> {
    const label = parseInput(z.object({ name: z.string().trim().min(1, 'A token needs a name').max(100) }), { name }).name;
    const token = newToken('bst_');
    const row = await db.insertInto('api_tokens').values({ user_id: userId, name: label, token_hash: tokenHash(token), created_at: now() }).returning('id').executeTakeFirstOrThrow();
    return { id: row.id, token };
  }

  async function listApiTokens(userId: number) {
    const rows = await db
      .selectFrom('api_tokens')
      .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at }));
  }

  async function resolveApiToken(token: string): Promise<StaffUser | undefined> {
    const row = await db
      .selectFrom('api_tokens')
      .innerJoin('staff_users', 'staff_users.id', 'api_tokens.user_id')
      .selectAll('staff_users')
      .select(['api_tokens.id as token_id', 'api_tokens.revoked_at'])
      .where('api_tokens.token_hash', '=', tokenHash(token))
      .executeTakeFirst();
    if (!row || row.revoked_at || row.disabled) return undefined;
    await db.updateTable('api_tokens').set({ last_used_at: now() }).where('id', '=', row.token_id).execute();
    return toUser(row);
  }

  async function revokeApiToken(userId: number, tokenId: number, asOwner: boolean) {
    let q = db.updateTable('api_tokens').set({ revoked_at: now() }).where('id', '=', tokenId).where('revoked_at', 'is', null);
    if (!asOwner) q = q.where('user_id', '=', userId);
    const result = await q.executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('token');
  }

  async function issueResetToken(userId: number, minutes: number): Promise<string> {
    const token = newToken();
    await db.insertInto('password_resets').values({ token_hash: tokenHash(token), user_id: userId, created_at: now(), expires_at: addMinutes(clock.now(), minutes) }).execute();
    return token;
  }

  /** A single-use link, valid for a day, with which a new account chooses its first password. */
  async function setupLink(userId: number): Promise<string> {
    return `${deps.siteUrl}/admin/reset/${await issueResetToken(userId, 24 * 60)}`;
  }

  /**
   * Mails a single-use link that expires in an hour. The answer is the same whether or not the
   * address has an account.
   */
  async function requestPasswordReset(email: string): Promise<void> {
    const row = await db.selectFrom('staff_users').select(['id', 'email', 'disabled']).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
    if (!row || row.disabled) return;
    const token = await issueResetToken(row.id, RESET_MINUTES);
    await deps.mailer.send({
      to: row.email,
      subject: 'Reset your Broadsheet password',
      text: `Someone asked to reset the password of your Broadsheet account.\n\nTo choose a new password, open this link within an hour:\n${deps.siteUrl}/admin/reset/${token}\n\nIf it was not you, ignore this message; your password stays as it is.\n`,
    });
  }

  /** Sets a new password from a reset link, once; every existing session is signed out. */
  async function resetPassword(token: string, password: unknown): Promise<StaffUser> {
    const newPassword = parseInput(z.object({ password: passwordSchema }), { password }).password;
    const hash = await hashPassword(newPassword);
    return db.transaction().execute(async (trx) => {
      const at = now();
      const claimed = await trx
        .updateTable('password_resets')
        .set({ used_at: at })
        .where('token_hash', '=', tokenHash(token))
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .returning('user_id')
        .executeTakeFirst();
      if (!claimed) throw new AppError('reset_link_invalid', 'This reset link has expired or has already been used', 400);
      const row = await trx
        .updateTable('staff_users')
        .set({ password_hash: hash, failed_logins: 0, locked_until: null, sessions_valid_after: at, updated_at: at })
        .where('id', '=', claimed.user_id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx.deleteFrom('staff_sessions').where('user_id', '=', row.id).execute();
      return toUser(row);
    });
  }

  return {
    create,
    authenticate,
    startSession,
    resolveSession,
    endSession,
    endAllSessions,
    createApiToken,
    listApiTokens,
    resolveApiToken,
    revokeApiToken,
    requestPasswordReset,
    resetPassword,
    setupLink,
    async byEmail(email: string): Promise<StaffUser | undefined> {
      const row = await db.selectFrom('staff_users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
      return row && toUser(row);
    },
    async list(): Promise<StaffUser[]> {
      return (await db.selectFrom('staff_users').selectAll().orderBy('name').execute()).map(toUser);
    },
    async count(): Promise<number> {
      const row = await db.selectFrom('staff_users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
