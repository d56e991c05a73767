import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Clock } from '../clock.js';
import type { Page } from '../content/index.js';
import { containsPattern } from '../db/like-pattern.js';
import type { ConsentAction, ConsentForm, Database, DeliveryStatus, NewsletterSubscribersTable, SubscriberStatus, SuppressionReason } from '../db/schema.js';
import { notFound } from '../errors.js';
import { planImport, type ImportPlan } from './subscriber-admin-import.js';

const PAGE_SIZE = 50;
/** Rows read per query while exporting: enough to keep the database busy, few enough to stay small in memory. */
const EXPORT_BATCH = 1000;
const LATEST_DELIVERIES = 20;

/** Which subscribers a list or an export shows; every field narrows, and they combine with AND. */
export interface SubscriberFilter {
  /** Part of the address, in any case. */
  q?: string | undefined;
  status?: SubscriberStatus | undefined;
  language?: string | undefined;
  /** true: only addresses on the suppression list; false: only those not on it. */
  suppressed?: boolean | undefined;
}

export interface SubscriberListItem {
  id: number;
  email: string;
  status: SubscriberStatus;
  language: string;
  createdAt: string;
  suppressed: boolean;
}

export type SubscriberCounts = Record<SubscriberStatus, number> & { suppressed: number };

export interface ConsentEntry {
  action: ConsentAction;
  form: ConsentForm;
  at: string;
  detail: Record<string, unknown>;
  /** The day of the issue whose link was followed, when there was one. */
  issueDay: string | null;
}

export interface DeliveryEntry {
  issueId: number;
  day: string;
  status: DeliveryStatus;
  attempts: number;
  sentAt: string | null;
}

/** One subscriber as the newsroom sees them: the record, the consent history, recent deliveries and any suppression. */
export interface SubscriberRecord {
  id: number;
  email: string;
  status: SubscriberStatus;
  language: string;
  createdAt: string;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
  confirmationSentAt: string | null;
  updatedAt: string;
  consents: ConsentEntry[];
  deliveries: DeliveryEntry[];
  suppression: { reason: SuppressionReason; at: string; detail: string | null } | null;
}

/** The columns of an export, in order. */
export const EXPORT_COLUMNS = ['email', 'status', 'language', 'created_at', 'confirmed_at', 'unsubscribed_at'] as const;

type SubscriberQuery<O> = SelectQueryBuilder<Database & { s: NewsletterSubscribersTable }, 's', O>;

function narrowed<O>(query: SubscriberQuery<O>, filter: SubscriberFilter): SubscriberQuery<O> {
  let q = query;
  // Addresses are stored lower-cased, so lower-casing the search makes it ignore case on both databases.
  if (filter.q) q = q.where(sql<boolean>`s.email like ${containsPattern(filter.q.toLowerCase())} escape '\\'`);
  if (filter.status) q = q.where('s.status', '=', filter.status);
  if (filter.language) q = q.where('s.language', '=', filter.language);
  if (filter.suppressed !== undefined) {
    const wanted = filter.suppressed;
    q = q.where(({ exists, not, selectFrom }) => {
      const listed = exists(selectFrom('newsletter_suppressions as x').select('x.email').whereRef('x.email', '=', 's.email'));
      return wanted ? listed : not(listed);
    });
  }
  return q;
}

/**
 * The newsroom's view of newsletter subscribers: finding them, one reader's whole record, exporting
 * a filtered list, and the two changes staff make on a reader's behalf (unsubscribing, erasing).
 */
export function createSubscriberAdmin(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db } = deps;
  const now = () => deps.clock.now().toISOString();

  return {
    /** How many subscribers are in each status, and how many of them are on the suppression list. */
    async counts(): Promise<SubscriberCounts> {
      const [byStatus, suppressed] = await Promise.all([
        db.selectFrom('newsletter_subscribers').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute(),
        db
          .selectFrom('newsletter_subscribers as s')
          .innerJoin('newsletter_suppressions as x', 'x.email', 's.email')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      const counts: SubscriberCounts = { pending: 0, active: 0, unsubscribed: 0, suppressed: Number(suppressed.n) };
      for (const row of byStatus) counts[row.status] = Number(row.n);
      return counts;
    },

    /** A page of the subscribers the filter matches, newest first. */
    async page(filter: SubscriberFilter, page: number): Promise<Page<SubscriberListItem>> {
      const base = narrowed(db.selectFrom('newsletter_subscribers as s'), filter);
      const [rows, counted] = await Promise.all([
        base
          .leftJoin('newsletter_suppressions as x', 'x.email', 's.email')
          .select(['s.id', 's.email', 's.status', 's.language', 's.created_at', 'x.email as suppressedEmail'])
          .orderBy('s.created_at', 'desc')
          .orderBy('s.id', 'desc')
          .limit(PAGE_SIZE)
          .offset((page - 1) * PAGE_SIZE)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      const total = Number(counted.n);
      return {
        items: rows.map((r) => ({ id: r.id, email: r.email, status: r.status, language: r.language, createdAt: r.created_at, suppressed: r.suppressedEmail !== null })),
        page,
        pageSize: PAGE_SIZE,
        total,
        totalPages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
      };
    },

    async get(id: number): Promise<SubscriberRecord | undefined> {
      const row = await db.selectFrom('newsletter_subscribers').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      const [consents, deliveries, suppression] = await Promise.all([
        db
          .selectFrom('newsletter_consents as c')
          .leftJoin('newsletter_issues as i', 'i.id', 'c.issue_id')
          // Never the ip_hash: a keyed hash of the reader's network address is not for staff eyes.
          .select(['c.action', 'c.form', 'c.at', 'c.detail', 'i.day as issueDay'])
          .where('c.subscriber_id', '=', id)
          .orderBy('c.at')
          .orderBy('c.id')
          .execute(),
        db
          .selectFrom('newsletter_deliveries as d')
          .innerJoin('newsletter_issues as i', 'i.id', 'd.issue_id')
          .select(['d.issue_id as issueId', 'i.day', 'd.status', 'd.attempts', 'd.sent_at as sentAt'])
          .where('d.subscriber_id', '=', id)
          .orderBy('i.day', 'desc')
          .limit(LATEST_DELIVERIES)
          .execute(),
        db.selectFrom('newsletter_suppressions').select(['reason', 'at', 'detail']).where('email', '=', row.email).executeTakeFirst(),
      ]);
      return {
        id: row.id,
        email: row.email,
        status: row.status,
        language: row.language,
        createdAt: row.created_at,
        confirmedAt: row.confirmed_at,
        unsubscribedAt: row.unsubscribed_at,
        confirmationSentAt: row.confirmation_sent_at,
        updatedAt: row.updated_at,
        consents: consents.map((c) => ({ action: c.action, form: c.form, at: c.at, detail: JSON.parse(c.detail) as Record<string, unknown>, issueDay: c.issueDay })),
        deliveries: deliveries.map((d) => ({ ...d, attempts: Number(d.attempts) })),
        suppression: suppression ?? null,
      };
    },

    /**
     * The export's rows (EXPORT_COLUMNS, empty for a missing date), oldest subscriber first, read a
     * batch at a time after the last id seen, so a large list never sits in memory whole.
     */
    async *exportRows(filter: SubscriberFilter): AsyncGenerator<string[][]> {
      let after = 0;
      for (;;) {
        const rows = await narrowed(db.selectFrom('newsletter_subscribers as s'), filter)
          .select(['s.id', 's.email', 's.status', 's.language', 's.created_at', 's.confirmed_at', 's.unsubscribed_at'])
          .where('s.id', '>', after)
          .orderBy('s.id')
          .limit(EXPORT_BATCH)
          .execute();
        if (rows.length === 0) return;
        yield rows.map((r) => [r.email, r.status, r.language, r.created_at, r.confirmed_at ?? '', r.unsubscribed_at ?? '']);
        after = rows.at(-1)!.id;
        if (rows.length < EXPORT_BATCH) return;
      }
    },

    /** What importing a CSV list would do, row by row; writes nothing (see `planImport`). */
    planImport: (text: string, fallbackLanguage: string): Promise<ImportPlan> => planImport(db, text, fallbackLanguage),

    /**
     * Unsubscribes a reader at their request made to the newsroom, kept in the consent record as
     * staff's doing. Resolves false when they were already unsubscribed (nothing changes); 404 when unknown.
     */
    async unsubscribe(id: number, staffId: number): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const at = now();
        const changed = await trx
          .updateTable('newsletter_subscribers')
          .set({ status: 'unsubscribed', unsubscribed_at: at, updated_at: at })
          .where('id', '=', id)
          .where('status', 'in', ['pending', 'active'])
          .executeTakeFirst();
        if (changed.numUpdatedRows === 0n) {
          const exists = await trx.selectFrom('newsletter_subscribers').select('id').where('id', '=', id).executeTakeFirst();
          if (!exists) throw notFound('subscriber');
          return false;
        }
        // No ip_hash: the request reached us through staff, not from the reader's own connection.
        await trx
          .insertInto('newsletter_consents')
          .values({ subscriber_id: id, action: 'unsubscribe', form: 'admin', ip_hash: null, at, detail: JSON.stringify({ staffId }) })
          .execute();
        return true;
      });
    },

    /**
     * Erases a reader for good at their request: the subscriber, their consent record and deliveries
     * (by cascade), and their address on the suppression list. 404 when unknown.
     */
    async erase(id: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('newsletter_subscribers').select('email').where('id', '=', id).executeTakeFirst();
        if (!row) throw notFound('subscriber');
        await trx.deleteFrom('newsletter_suppressions').where('email', '=', row.email).execute();
        await trx.deleteFrom('newsletter_subscribers').where('id', '=', id).execute();
      });
    },
  };
}

export type SubscriberAdmin = ReturnType<typeof createSubscriberAdmin>;
