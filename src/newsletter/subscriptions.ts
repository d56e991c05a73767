import { createHmac } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { ConsentAction, ConsentForm, Database, SubscriberStatus } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { Mailer } from '../mail/mailer.js';
import { parseInput, rowId } from '../parse-input.js';
import { settingsSecret } from '../signing-key.js';
import { preferencesInput, subscribeInput } from './inputs.js';
import { IMPORT_MAX_ROWS } from './subscriber-admin-import.js';
import { createTokenSigner, type TokenPurpose } from './tokens.js';

const SECRET_KEY = 'newsletter_secret';
const CONFIRM_SECONDS = 2 * 86_400;
/** A pending address is mailed again at most this often, however many sign-ups name it. */
const RESEND_AFTER_MS = 10 * 60_000;
/** Imported readers written per statement: well under both databases' limits on bound parameters. */
const IMPORT_BATCH = 500;

/** Where a reader acted and from which client address (hashed before it is stored). */
export interface ConsentContext {
  form: ConsentForm;
  ip: string | undefined;
  /** The issue whose link the reader followed, when the link said. */
  issueId?: number | undefined;
}

/** Readers a staff member adds from a list, and on what grounds. */
export interface StaffImport {
  readers: { email: string; language: string }[];
  staffId: number;
  /** Where the readers agreed to receive the newsletter; required when `confirmedElsewhere`. */
  source: string;
  /** true: they already confirmed elsewhere and are added as active; false: each is asked to confirm. */
  confirmedElsewhere: boolean;
}

/** Why readers may be imported: the staff member's choice and note, checked before a preview as well as at the write. */
export const importGrounds = z
  .object({
    source: z.string().trim().max(500, 'The note on where they agreed is at most 500 characters'),
    confirmedElsewhere: z.boolean(),
  })
  .refine((g) => !g.confirmedElsewhere || g.source !== '', { path: ['source'], message: 'Say where and when these readers agreed to receive the newsletter' });

const staffImportInput = z
  .object({
    readers: z
      .array(subscribeInput)
      .min(1, 'The list has no readers to add')
      .max(IMPORT_MAX_ROWS, `At most ${IMPORT_MAX_ROWS} readers at once`)
      .refine((list) => new Set(list.map((r) => r.email)).size === list.length, 'The list names an address twice'),
    staffId: rowId,
  })
  .and(importGrounds);

/** A subscriber as the pages show them to the holder of one of their links. */
export interface Subscriber {
  id: number;
  email: string;
  status: SubscriberStatus;
  language: string;
}

/**
 * Newsletter subscriptions with double opt-in. Signing up mails a link that confirms the address;
 * the answer never says whether an address was already known. Every change is kept in the consent
 * record with a keyed hash of the client address.
 */
export function createNewsletterService(deps: { db: Kysely<Database>; clock: Clock; mailer: Mailer; siteUrl: string; siteName: () => Promise<string> }) {
  const { db, clock } = deps;
  const key = settingsSecret(deps, SECRET_KEY);
  const tokens = createTokenSigner({ key, clock });
  const now = () => clock.now().toISOString();

  // The key is read before any transaction opens: on SQLite a read from outside one waits for it to end.
  async function consentRecorder(context: ConsentContext) {
    const ipHash = context.ip === undefined ? null : createHmac('sha256', await key()).update(`client-address:${context.ip}`).digest('hex');
    return async (trx: Transaction<Database>, subscriberId: number, action: ConsentAction, detail: object = {}) => {
      // The link's issue number is the reader's to change; an issue that does not exist is not recorded.
      const issue = context.issueId === undefined ? undefined : await trx.selectFrom('newsletter_issues').select('id').where('id', '=', context.issueId).executeTakeFirst();
      await trx
        .insertInto('newsletter_consents')
        .values({ subscriber_id: subscriberId, action, form: context.form, ip_hash: ipHash, at: now(), detail: JSON.stringify(detail), issue_id: issue?.id ?? null })
        .execute();
    };
  }

  /**
   * Moves a subscriber to `to` if it is in one of `from` now (checked in the update itself, so a link opened
   * twice at once acts once), and records the consent only when something changed.
   */
  async function transition(id: number, from: SubscriberStatus[], to: SubscriberStatus, action: ConsentAction, context: ConsentContext) {
    const recordConsent = await consentRecorder(context);
    await db.transaction().execute(async (trx) => {
      const at = now();
      const stamp = to === 'active' ? { confirmed_at: at } : { unsubscribed_at: at };
      const changed = await trx
        .updateTable('newsletter_subscribers')
        .set({ status: to, updated_at: at, ...stamp })
        .where('id', '=', id)
        .where('status', 'in', from)
        .executeTakeFirst();
      if (changed.numUpdatedRows > 0n) await recordConsent(trx, id, action);
    });
  }

  async function mailConfirmation(subscriberId: number, email: string) {
    const link = `${deps.siteUrl}/newsletter/confirm?token=${await tokens.issue('confirm', subscriberId, CONFIRM_SECONDS)}`;
    const siteName = await deps.siteName();
    await deps.mailer.send({
      to: email,
      subject: `Confirm your subscription to the ${siteName} newsletter`,
      text:
        `Someone, probably you, asked to receive the ${siteName} newsletter at this address.\n\n` +
        `To confirm, open this link within two days:\n${link}\n\n` +
        `If it was not you, ignore this message: nothing will be sent unless the link is opened.\n`,
    });
  }

  /** The subscriber a link names, or a 400 saying the link is bad or out of date. */
  async function subscriberFor(token: string, purpose: TokenPurpose): Promise<Subscriber> {
    const checked = await tokens.check(token, purpose);
    if (!checked.ok) {
      throw checked.reason === 'expired'
        ? new AppError('token_expired', 'This link has expired. Sign up again on the newsletter page to get a new one', 400)
        : new AppError('token_invalid', 'This link is not valid. Check that it was copied whole from the message', 400);
    }
    const row = await db.selectFrom('newsletter_subscribers').select(['id', 'email', 'status', 'language']).where('id', '=', checked.subscriberId).executeTakeFirst();
    if (!row) throw new AppError('token_invalid', 'This link is not valid any more', 400);
    return row;
  }

  return {
    /**
     * Signs an address up, or mails the confirmation again when it is still pending. Resolves the
     * same way for a new, pending, active or unsubscribed address; only bad input is refused (400).
     */
    async subscribe(email: unknown, language: unknown, form: ConsentForm, ip: string | undefined): Promise<void> {
      const input = parseInput(subscribeInput, { email, language });
      const at = now();
      const recordConsent = await consentRecorder({ form, ip });
      const toMail = await db.transaction().execute(async (trx) => {
        // Insert-if-absent keeps two simultaneous sign-ups of one address to one row.
        await trx
          .insertInto('newsletter_subscribers')
          .values({ email: input.email, status: 'pending', language: input.language, created_at: at, updated_at: at })
          .onConflict((oc) => oc.column('email').doNothing())
          .execute();
        const row = await trx.selectFrom('newsletter_subscribers').selectAll().where('email', '=', input.email).executeTakeFirstOrThrow();
        // An active reader changes nothing from a public form: only their own links may.
        if (row.status === 'active') return undefined;
        const recentlyMailed = row.confirmation_sent_at !== null && Date.parse(row.confirmation_sent_at) > clock.now().getTime() - RESEND_AFTER_MS;
        await trx
          .updateTable('newsletter_subscribers')
          .set({ status: 'pending', language: input.language, unsubscribed_at: null, updated_at: at, ...(recentlyMailed ? {} : { confirmation_sent_at: at }) })
          .where('id', '=', row.id)
          .execute();
        await recordConsent(trx, row.id, 'subscribe', { language: input.language });
        return recentlyMailed ? undefined : row.id;
      });
      if (toMail !== undefined) await mailConfirmation(toMail, input.email);
    },

    /** Confirms the address a confirmation link was mailed to; opening it again changes nothing. */
    async confirm(token: string, context: ConsentContext): Promise<Subscriber> {
      const subscriber = await subscriberFor(token, 'confirm');
      if (subscriber.status === 'active') return subscriber;
      // A link from before an unsubscribe must not sign the reader up again.
      if (subscriber.status === 'unsubscribed') throw new AppError('token_invalid', 'This link is not valid any more: the address was unsubscribed since. Sign up again on the newsletter page', 400);
      await transition(subscriber.id, ['pending'], 'active', 'confirm', context);
      return { ...subscriber, status: 'active' };
    },

    /** Unsubscribes the holder of an unsubscribe link at once; repeating it changes nothing. */
    async unsubscribe(token: string, context: ConsentContext): Promise<Subscriber> {
      const subscriber = await subscriberFor(token, 'unsubscribe');
      if (subscriber.status === 'unsubscribed') return subscriber;
      await transition(subscriber.id, ['pending', 'active'], 'unsubscribed', 'unsubscribe', context);
      return { ...subscriber, status: 'unsubscribed' };
    },

    /** The subscriber an unsubscribe or preferences link belongs to, for showing its page; a bad link is a 400. */
    holderOf: (token: string, purpose: 'unsubscribe' | 'preferences'): Promise<Subscriber> => subscriberFor(token, purpose),

    /** Saves what the holder of a preferences link chose. */
    async savePreferences(token: string, choice: { language: unknown }, context: ConsentContext): Promise<Subscriber> {
      const subscriber = await subscriberFor(token, 'preferences');
      const { language } = parseInput(preferencesInput, choice);
      const recordConsent = await consentRecorder(context);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('newsletter_subscribers').set({ language, updated_at: now() }).where('id', '=', subscriber.id).execute();
        await recordConsent(trx, subscriber.id, 'preferences', { language });
      });
      return { ...subscriber, language };
    },

    /**
     * Adds readers a staff member imported, all in one transaction: when they confirmed elsewhere, as
     * active with an `import` consent naming where; otherwise as pending, each then sent the usual
     * confirmation mail. Nothing is written (409) if any address is on the list or suppressed by now.
     * The mails go out one by one after the commit, each stamping `confirmation_sent_at` once the server
     * took it (so a reader never mailed is told apart); `mailed` settles with the ids whose mail failed.
     */
    async importSubscribers(request: StaffImport): Promise<{ added: number; mailed: Promise<number[]> }> {
      const { readers, staffId, source, confirmedElsewhere } = parseInput(staffImportInput, request);
      const at = now();
      const stale = () => new AppError('import_stale', 'Some of these addresses were signed up or suppressed since the preview, so nothing was imported. Check the list again', 409);
      const added = await db.transaction().execute(async (trx) => {
        const rows: { id: number; email: string; language: string }[] = [];
        for (let i = 0; i < readers.length; i += IMPORT_BATCH) {
          const batch = readers.slice(i, i + IMPORT_BATCH);
          const suppressed = await trx.selectFrom('newsletter_suppressions').select('email').where('email', 'in', batch.map((r) => r.email)).limit(1).execute();
          if (suppressed.length > 0) throw stale();
          const status: SubscriberStatus = confirmedElsewhere ? 'active' : 'pending';
          const stamp = confirmedElsewhere ? { confirmed_at: at } : {};
          const inserted = await trx
            .insertInto('newsletter_subscribers')
            .values(batch.map((r) => ({ email: r.email, status, language: r.language, created_at: at, updated_at: at, ...stamp })))
            // An address signed up since the preview makes the count come short, rather than a constraint error.
            .onConflict((oc) => oc.column('email').doNothing())
            .returning(['id', 'email', 'language'])
            .execute();
          if (inserted.length < batch.length) throw stale();
          await trx
            .insertInto('newsletter_consents')
            .values(
              inserted.map((r) => ({
                subscriber_id: r.id,
                form: 'admin' as const,
                ip_hash: null,
                at,
                ...(confirmedElsewhere
                  ? { action: 'import' as const, detail: JSON.stringify({ staffId, source }) }
                  : { action: 'subscribe' as const, detail: JSON.stringify({ staffId, language: r.language, ...(source ? { source } : {}) }) }),
              })),
            )
            .execute();
          rows.push(...inserted);
        }
        return rows;
      });
      const mailed = (async () => {
        const failed: number[] = [];
        if (confirmedElsewhere) return failed;
        for (const row of added) {
          try {
            await mailConfirmation(row.id, row.email);
            await db.updateTable('newsletter_subscribers').set({ confirmation_sent_at: now() }).where('id', '=', row.id).execute();
          } catch {
            failed.push(row.id);
          }
        }
        return failed;
      })();
      return { added: added.length, mailed };
    },

    /** The lasting links for one subscriber, for every newsletter mail (naming its issue) and the pages they lead to. */
    async linksFor(subscriberId: number, issueId?: number): Promise<{ unsubscribe: string; preferences: string }> {
      return {
        // The issue number rides along unsigned: it only counts the unsubscribe in that issue's figures.
        unsubscribe: `${deps.siteUrl}/newsletter/unsubscribe?token=${await tokens.issue('unsubscribe', subscriberId)}${issueId === undefined ? '' : `&issue=${issueId}`}`,
        preferences: `${deps.siteUrl}/newsletter/preferences?token=${await tokens.issue('preferences', subscriberId)}`,
      };
    },
  };
}

export type NewsletterService = ReturnType<typeof createNewsletterService>;
