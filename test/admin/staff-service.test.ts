import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { it } from 'node:test';
import type { StaffRole } from '../../src/db/schema.js';
import { AppError } from '../../src/errors.js';
import { forEachDatabase } from '../helpers/databases.js';
import { useSmtpServer } from '../helpers/smtp.js';
import { useTestApp } from '../helpers/test-app.js';
import { appError } from '../helpers/assertions.js';

const T0 = '2026-11-20T12:00:00.000Z';
const PASSWORD = 'correct horse battery';
const WRONG = 'not the password at all';

/** An ISO time `minutes` (fractions allowed) after `iso`. */
const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();


const signInRefused = appError('sign_in_failed', 401);

forEachDatabase('staff accounts', (dialect) => {
  const smtp = useSmtpServer();
  const t = useTestApp(dialect, { smtpUrl: () => smtp.url });
  let n = 0;

  /** A staff member with a unique address; the clock is reset so each test starts at T0. */
  async function newStaff(role: StaffRole = 'author', password: string | undefined = PASSWORD) {
    t.clock.set(T0);
    const email = `staff-${++n}@news.test`;
    return t.app.staff.create({ email, name: `Staff ${n}`, role, ...(password ? { password } : {}) });
  }

  const staffCount = () => t.app.staff.count();
  const row = (id: number) => t.app.database.db.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('refuses a second account with the same email, whatever its case, with 409 email_taken and saves nothing', async () => {
    const first = await newStaff();
    const before = await staffCount();
    await assert.rejects(
      t.app.staff.create({ email: first.email.toUpperCase(), name: 'Copy', role: 'editor' }),
      appError('email_taken', 409, 'email'),
    );
    assert.equal(await staffCount(), before);
  });

  for (const [what, input, field] of [
    ['an unknown role', { email: 'role@news.test', name: 'R', role: 'admin' }, 'role'],
    ['a malformed email', { email: 'not-an-address', name: 'E', role: 'author' }, 'email'],
    ['a password under 12 characters', { email: 'short@news.test', name: 'P', role: 'author', password: 'short pass' }, 'password'],
  ] as const) {
    it(`refuses ${what} with 400 naming the field and saves nothing`, async () => {
      const before = await staffCount();
      await assert.rejects(t.app.staff.create(input), appError('invalid_input', 400, field));
      assert.equal(await staffCount(), before);
    });
  }

  it('stores the password only as an argon2id hash', async () => {
    const user = await newStaff();
    const stored = await row(user.id);
    assert.ok(stored.password_hash?.startsWith('$argon2id$'), `stored: ${stored.password_hash}`);
    assert.ok(!JSON.stringify(stored).includes(PASSWORD), 'the password appears in clear');
    assert.deepEqual(await t.app.staff.authenticate(user.email, PASSWORD), user);
  });

  it('answers a wrong password and an unknown email with the same 401 code and message', async () => {
    const user = await newStaff();
    const wrong = await t.app.staff.authenticate(user.email, WRONG).then(() => undefined, (e: unknown) => e);
    const unknown = await t.app.staff.authenticate('nobody@news.test', PASSWORD).then(() => undefined, (e: unknown) => e);
    assert.ok(wrong instanceof AppError && unknown instanceof AppError);
    assert.deepEqual([wrong.code, wrong.status, wrong.message], [unknown.code, unknown.status, unknown.message]);
    assert.equal(wrong.code, 'sign_in_failed');
    assert.equal(wrong.status, 401);
  });

  it('locks the account on the sixth failure, refusing even the right password until the minute passes', async () => {
    const user = await newStaff();
    for (let i = 0; i < 5; i++) await assert.rejects(t.app.staff.authenticate(user.email, WRONG), signInRefused);
    assert.equal((await row(user.id)).locked_until, null, 'five failures do not lock');
    await assert.rejects(t.app.staff.authenticate(user.email, WRONG), signInRefused);
    await assert.rejects(t.app.staff.authenticate(user.email, PASSWORD), signInRefused);
    t.clock.set(plus(T0, 0.98));
    await assert.rejects(t.app.staff.authenticate(user.email, PASSWORD), signInRefused);
    t.clock.set(plus(T0, 1));
    assert.deepEqual(await t.app.staff.authenticate(user.email, PASSWORD), user);
  });

  it('doubles the lock with each further failure', async () => {
    const user = await newStaff();
    for (let i = 0; i < 6; i++) await assert.rejects(t.app.staff.authenticate(user.email, WRONG), signInRefused);
    t.clock.set(plus(T0, 1));
    await assert.rejects(t.app.staff.authenticate(user.email, WRONG), signInRefused);
    t.clock.set(plus(T0, 2.5));
    await assert.rejects(t.app.staff.authenticate(user.email, PASSWORD), signInRefused, 'a two-minute lock still holds after 1.5 minutes');
    t.clock.set(plus(T0, 3));
    await assert.rejects(t.app.staff.authenticate(user.email, WRONG), signInRefused);
    t.clock.set(plus(T0, 6.9));
    await assert.rejects(t.app.staff.authenticate(user.email, PASSWORD), signInRefused, 'a four-minute lock still holds after 3.9 minutes');
    t.clock.set(plus(T0, 7));
    assert.deepEqual(await t.app.staff.authenticate(user.email, PASSWORD), user);
  });

  it('resets the failure count on a successful sign-in', async () => {
    const user = await newStaff();
    for (let i = 0; i < 4; i++) await assert.rejects(t.app.staff.authenticate(user.email, WRONG), signInRefused);
    await t.app.staff.authenticate(user.email, PASSWORD);
    for (let i = 0; i < 5; i++) await assert.rejects(t.app.staff.authenticate(user.email, WRONG), signInRefused);
    assert.deepEqual(await t.app.staff.authenticate(user.email, PASSWORD), user, 'nine failures in all, but only five since the success');
  });

  it('accepts a new session token until it expires after 14 days', async () => {
    const user = await newStaff('editor', undefined);
    const session = await t.app.staff.startSession(user.id);
    assert.deepEqual((await t.app.staff.resolveSession(session.token))?.user, user);
    assert.equal((await t.app.staff.resolveSession(session.token))?.csrfToken, session.csrfToken);
    t.clock.set(plus(T0, 14 * 24 * 60 - 1));
    assert.ok(await t.app.staff.resolveSession(session.token), 'valid a minute before 14 days');
    t.clock.set(plus(T0, 14 * 24 * 60));
    assert.equal(await t.app.staff.resolveSession(session.token), undefined);
  });

  it('refuses a token that was never issued', async () => {
    assert.equal(await t.app.staff.resolveSession('made-up-token'), undefined);
  });

  it('voids a session on endSession, leaving the same user’s other sessions', async () => {
    const user = await newStaff('editor', undefined);
    const ended = await t.app.staff.startSession(user.id);
    const kept = await t.app.staff.startSession(user.id);
    await t.app.staff.endSession(ended.token);
    assert.equal(await t.app.staff.resolveSession(ended.token), undefined);
    assert.ok(await t.app.staff.resolveSession(kept.token));
  });

  it('voids every session of one user on endAllSessions, and no one else’s', async () => {
    const user = await newStaff('editor', undefined);
    const other = await newStaff('editor', undefined);
    const first = await t.app.staff.startSession(user.id);
    const second = await t.app.staff.startSession(user.id);
    const others = await t.app.staff.startSession(other.id);
    await t.app.staff.endAllSessions(user.id);
    assert.equal(await t.app.staff.resolveSession(first.token), undefined);
    assert.equal(await t.app.staff.resolveSession(second.token), undefined);
    assert.deepEqual((await t.app.staff.resolveSession(others.token))?.user, other);
  });

  it('stores a session as the SHA-256 of its token, never the token itself', async () => {
    const user = await newStaff('editor', undefined);
    const { token } = await t.app.staff.startSession(user.id);
    const rows = await t.app.database.db.selectFrom('staff_sessions').selectAll().where('user_id', '=', user.id).execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.token_hash, createHash('sha256').update(token).digest('hex'));
    assert.ok(!JSON.stringify(rows).includes(token), 'the token appears in clear');
  });

  /** Asks for a reset link and returns the token from the message the SMTP server received. */
  async function mailedResetToken(email: string): Promise<string> {
    await t.app.staff.requestPasswordReset(email);
    const mail = await smtp.nextMessage(email);
    assert.equal(mail.subject, 'Reset your Broadsheet password');
    const match = /https:\/\/news\.test\/admin\/reset\/(\S+)/.exec(mail.text);
    assert.ok(match, `no reset link in: ${mail.text}`);
    return match[1]!;
  }

  it('resets the password from a mailed link, signs out every session, and refuses the link a second time', async () => {
    const user = await newStaff();
    const session = await t.app.staff.startSession(user.id);
    const token = await mailedResetToken(user.email);
    const newPassword = 'a brand new passphrase';
    assert.deepEqual(await t.app.staff.resetPassword(token, newPassword), user);
    assert.deepEqual(await t.app.staff.authenticate(user.email, newPassword), user);
    await assert.rejects(t.app.staff.authenticate(user.email, PASSWORD), signInRefused);
    assert.equal(await t.app.staff.resolveSession(session.token), undefined, 'the old session was signed out');
    await assert.rejects(t.app.staff.resetPassword(token, 'yet another passphrase'), appError('reset_link_invalid', 400));
    assert.deepEqual(await t.app.staff.authenticate(user.email, newPassword), user, 'the refused reuse changed nothing');
  });

  it('refuses a reset link 61 minutes after it was sent, keeping the old password', async () => {
    const user = await newStaff();
    const token = await mailedResetToken(user.email);
    t.clock.set(plus(T0, 61));
    await assert.rejects(t.app.staff.resetPassword(token, 'a brand new passphrase'), appError('reset_link_invalid', 400));
    assert.deepEqual(await t.app.staff.authenticate(user.email, PASSWORD), user);
  });

  it('refuses a too-short new password and leaves the link usable', async () => {
    const user = await newStaff();
    const token = await mailedResetToken(user.email);
    await assert.rejects(t.app.staff.resetPassword(token, 'short'), appError('invalid_input', 400, 'password'));
    assert.deepEqual(await t.app.staff.resetPassword(token, 'long enough this time'), user);
  });

  it('sends nothing for an unknown email, yet resolves the same way', async () => {
    const user = await newStaff();
    const seen = smtp.received.length;
    await assert.doesNotReject(t.app.staff.requestPasswordReset('nobody-here@news.test'));
    await t.app.staff.requestPasswordReset(user.email);
    const first = await smtp.nextMessage();
    assert.deepEqual(first.to, [user.email]);
    assert.equal(smtp.received.length, seen + 1, 'only the known address got a message');
  });
});
