import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Page } from '../content/index.js';
import { containsPattern } from '../db/like-pattern.js';
import type { ConsentForm, Database, SuppressionReason } from '../db/schema.js';
import { parseInput } from '../parse-input.js';
import { emailAddress } from './inputs.js';

export type { SuppressionReason };

export const SUPPRESSION_REASONS = ['bounce', 'complaint', 'manual'] as const satisfies readonly SuppressionReason[];

/** Who put an address on the list on the reader's behalf: staff in the newsroom or at the command line, or the mail provider. */
export type SuppressionSource = Extract<ConsentForm, 'admin' | 'cli' | 'webhook'>;

/** An address that is never mailed again. */
export interface Suppression {
  email: string;
  reason: SuppressionReason;
  /** ISO UTC: when the bounce or complaint happened, or when staff added the address. */
  at: string;
  detail: string | null;
}

/** What adding did: `made_complaint` when an address already listed for another reason was complained about. */
export type AddOutcome = 'added' | 'made_complaint' | 'unchanged';

/** What a batch of additions did, address by address. */
export interface SuppressionTally {
  added: number;
  madeComplaint: number;
  unchanged: number;
  /** Subscribers unsubscribed because of a complaint. */
  unsubscribed: number;
}

const PAGE_SIZE = 50;
/** A bound on one transaction; a relay's export of a large list fits comfortably. */
export const MAX_BATCH = 100_000;

export const suppressionReason = z.enum(SUPPRESSION_REASONS, { error: 'The reason is bounce, complaint or manual' });

/**
 * What a mail server said, or a note by staff. Control characters (line breaks, terminal escapes)
 * become spaces, so it shows on one line in a page or a terminal.
 */
export const suppressionDetail = z
  .string({ error: 'The detail is text' })
  .max(1000, 'The detail is at most 1,000 characters')
  .transform((text) => text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim());

const suppressionEntry = z.strictObject({
  email: emailAddress,
  reason: suppressionReason,
  detail: suppressionDetail.optional(),
  /** When the provider saw the bounce or complaint; now when absent. */
  at: z.iso.datetime({ offset: true, error: 'A time in ISO 8601, such as 2026-11-20T07:00:00Z' }).optional(),
});

/** One address to put on the list, as callers hand it in (validated here). */
export type SuppressionEntry = z.input<typeof suppressionEntry>;

const entryList = z.array(suppressionEntry).max(MAX_BATCH, `At most ${MAX_BATCH.toLocaleString('en')} addresses at once`);

const listQuery = z.object({
  page: z.coerce.number({ error: 'A page number' }).int('A page number').min(1, 'A page number').max(100_000, 'A page number').default(1),
  q: z.string({ error: 'Search text' }).trim().max(254, 'Search for at most 254 characters').default(''),
  // A form's "any reason" arrives as an empty value.
  reason: z.preprocess((v) => (v === '' ? undefined : v), suppressionReason.optional()),
});

export type SuppressionQuery = z.input<typeof listQuery>;

/** A list query as the list reads it (a bad one is a 400), for pages that show what was asked. */
export const parseSuppressionQuery = (query: unknown) => parseInput(listQuery, query);

/**
 * The suppression list: addresses the newsletter never mails again, because they bounced hard,
 * their owner complained, or staff said so.
 *
 * Adding is idempotent and the first reason stays, with one exception: a complaint replaces any
 * other reason, because it is the reader's own word that they want no more mail, and whoever reads
 * the list must see that before taking an address off it. A complaint also unsubscribes the
 * subscriber with that address in the same transaction, recorded in their consent record as an
 * unsubscribe made on their behalf.
 */
export function createSuppressionList(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  /** Unsubscribes a pending or active subscriber; the status check is in the update, so it happens once. */
  async function unsubscribeAfterComplaint(trx: Transaction<Database>, email: string, source: SuppressionSource, at: string): Promise<boolean> {
    const changed = await trx
      .updateTable('newsletter_subscribers')
      .set({ status: 'unsubscribed', unsubscribed_at: at, updated_at: at })
      .where('email', '=', email)
      .where('status', 'in', ['pending', 'active'])
      .returning('id')
      .executeTakeFirst();
    if (!changed) return false;
    await trx
      .insertInto('newsletter_consents')
      // No client address: the reader did not act from one of ours.
      .values({ subscriber_id: changed.id, action: 'unsubscribe', form: source, ip_hash: null, at, detail: JSON.stringify({ reason: 'complaint' }) })
      .execute();
    return true;
  }

  async function addWithin(trx: Transaction<Database>, entry: z.output<typeof suppressionEntry>, source: SuppressionSource) {
    const now = clock.now();
    // A provider's clock running ahead must not date a suppression in the future.
    const at = (entry.at && Date.parse(entry.at) < now.getTime() ? new Date(entry.at) : now).toISOString();
    const detail = entry.detail || null;
    const inserted = await trx
      .insertInto('newsletter_suppressions')
      .values({ email: entry.email, reason: entry.reason, at, detail })
      .onConflict((oc) => oc.column('email').doNothing())
      .returning('email')
      .executeTakeFirst();
    let outcome: AddOutcome = inserted ? 'added' : 'unchanged';
    if (!inserted && entry.reason === 'complaint') {
      const upgraded = await trx
        .updateTable('newsletter_suppressions')
        // The bounce's diagnostic stays unless the complaint brings words of its own.
        .set({ reason: 'complaint', at, ...(detail ? { detail } : {}) })
        .where('email', '=', entry.email)
        .where('reason', '<>', 'complaint')
        .executeTakeFirst();
      if (upgraded.numUpdatedRows > 0n) outcome = 'made_complaint';
    }
    const unsubscribed = entry.reason === 'complaint' && (await unsubscribeAfterComplaint(trx, entry.email, source, now.toISOString()));
    return { outcome, unsubscribed };
  }

  /** The entry for an address, or undefined when it is not suppressed. */
  async function get(email: unknown): Promise<Suppression | undefined> {
    const address = parseInput(emailAddress, email);
    return db.selectFrom('newsletter_suppressions').selectAll().where('email', '=', address).executeTakeFirst();
  }

  return {
    /** Puts one address on the list (see above for a second add); a bad address, reason or detail is a 400. */
    async add(entry: SuppressionEntry, source: SuppressionSource): Promise<{ email: string; outcome: AddOutcome; unsubscribed: boolean }> {
      const input = parseInput(suppressionEntry, entry);
      const result = await db.transaction().execute((trx) => addWithin(trx, input, source));
      return { email: input.email, ...result };
    },

    /** Puts many addresses on the list in one transaction: every one is validated first, and any bad one changes nothing. */
    async addMany(entries: SuppressionEntry[], source: SuppressionSource): Promise<SuppressionTally> {
      const inputs = parseInput(entryList, entries);
      return db.transaction().execute(async (trx) => {
        const tally: SuppressionTally = { added: 0, madeComplaint: 0, unchanged: 0, unsubscribed: 0 };
        for (const input of inputs) {
          const { outcome, unsubscribed } = await addWithin(trx, input, source);
          tally[outcome === 'added' ? 'added' : outcome === 'made_complaint' ? 'madeComplaint' : 'unchanged'] += 1;
          if (unsubscribed) tally.unsubscribed += 1;
        }
        return tally;
      });
    },

    /**
     * Takes an address off the list (a bounce that was a mistake), answering whether it was on it.
     * A subscriber unsubscribed by a complaint stays unsubscribed: only the reader may sign up again.
     */
    async remove(email: unknown): Promise<{ email: string; removed: boolean }> {
      const address = parseInput(emailAddress, email);
      const deleted = await db.deleteFrom('newsletter_suppressions').where('email', '=', address).executeTakeFirst();
      return { email: address, removed: deleted.numDeletedRows > 0n };
    },

    get,

    async isSuppressed(email: unknown): Promise<boolean> {
      return (await get(email)) !== undefined;
    },

    /** A page of the list, newest first, narrowed to one reason and to addresses containing `q`. */
    async list(query: SuppressionQuery = {}): Promise<Page<Suppression>> {
      const { page, q, reason } = parseSuppressionQuery(query);
      let matching = db.selectFrom('newsletter_suppressions');
      if (reason) matching = matching.where('reason', '=', reason);
      // Addresses are stored lower-cased.
      if (q) matching = matching.where(sql<boolean>`email like ${containsPattern(q.toLowerCase())} escape '\\'`);
      const [rows, counted] = await Promise.all([
        matching.selectAll().orderBy('at', 'desc').orderBy('email').limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE).execute(),
        matching.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      const total = Number(counted.n);
      return { items: rows, page, pageSize: PAGE_SIZE, total, totalPages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
    },
  };
}

export type SuppressionList = ReturnType<typeof createSuppressionList>;
