import { sql, type Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database, DeliveryStatus } from '../db/schema.js';
import { MailError, type Mailer } from '../mail/mailer.js';
import { emailIssueOf } from './issue-content.js';
import { renderIssueEmail } from './issue-email.js';
import type { IssueDesk, IssueWithArticles } from './issues.js';
import type { NewsletterService } from './subscriptions.js';

export type { DeliveryStatus };

/** How many delivery records of an issue there are in each status. */
export type DeliveryFigures = Record<DeliveryStatus, number>;

interface LogLike {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const BATCH = 20;
/** Minutes to wait after the 1st, 2nd, 3rd and 4th temporary failure; the 5th is final. */
const BACKOFF_MINUTES = [1, 5, 30, 120];
const MAX_ATTEMPTS = BACKOFF_MINUTES.length + 1;
/** A row claimed longer ago than this was left by a process that died mid-send. */
const STALE_CLAIM_MS = 2 * 60_000;

const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000).toISOString();

/**
 * Sends the daily issue: a delivery record per active subscriber, each claimed before its mail goes
 * out, so a restart finishes an issue without mailing anyone twice; temporary refusals are retried
 * with backoff, permanent ones suppress the address.
 */
export function createDelivery(deps: {
  db: Kysely<Database>;
  clock: Clock;
  mailer: Mailer;
  issues: IssueDesk;
  subscriptions: NewsletterService;
  siteUrl: string;
  siteName: () => Promise<string>;
  log: LogLike;
}) {
  const { db, clock, issues } = deps;
  const now = () => clock.now().toISOString();

  async function figures(issueId: number): Promise<DeliveryFigures> {
    const rows = await db
      .selectFrom('newsletter_deliveries')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('issue_id', '=', issueId)
      .groupBy('status')
      .execute();
    const counts: DeliveryFigures = { pending: 0, sending: 0, sent: 0, failed: 0 };
    for (const row of rows) counts[row.status] = Number(row.n);
    return counts;
  }

  async function hasRecords(issueId: number): Promise<boolean> {
    return (await db.selectFrom('newsletter_deliveries').select('issue_id').where('issue_id', '=', issueId).limit(1).executeTakeFirst()) !== undefined;
  }

  /** Claims up to a batch of due rows; RETURNING says which ones this process won. */
  async function claim(issueId: number) {
    const at = now();
    const due = db
      .selectFrom('newsletter_deliveries')
      .select('subscriber_id')
      .where('issue_id', '=', issueId)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', at)
      .orderBy('subscriber_id')
      .limit(BATCH);
    const claimed = await db
      .updateTable('newsletter_deliveries')
      .set({ status: 'sending', claimed_at: at })
      .where('issue_id', '=', issueId)
      .where('subscriber_id', 'in', due)
      // Checked again in the update: another process may have claimed some of them since.
      .where('status', '=', 'pending')
      .returning(['subscriber_id', 'attempts'])
      .execute();
    if (!claimed.length) return [];
    const people = await db
      .selectFrom('newsletter_subscribers as s')
      .leftJoin('newsletter_suppressions as x', 'x.email', 's.email')
      .select(['s.id', 's.email', 's.language', 's.status', 'x.email as suppressed'])
      .where('s.id', 'in', claimed.map((c) => c.subscriber_id))
      .execute();
    const byId = new Map(people.map((p) => [p.id, p]));
    return claimed.flatMap((c) => {
      const person = byId.get(c.subscriber_id);
      return person ? [{ ...person, attempts: c.attempts }] : [];
    });
  }

  async function settle(issueId: number, subscriberId: number, change: { status: DeliveryStatus; attempts: number; next_attempt_at?: string; last_error?: string | null; sent_at?: string }) {
    await db
      .updateTable('newsletter_deliveries')
      .set({ ...change, claimed_at: null })
      .where('issue_id', '=', issueId)
      .where('subscriber_id', '=', subscriberId)
      .where('status', '=', 'sending')
      .execute();
  }

  async function sendOne(issue: IssueWithArticles, siteName: string, row: Awaited<ReturnType<typeof claim>>[number]) {
    const attempts = row.attempts + 1;
    // Left the list, or bounced on another issue, after this issue's records were made.
    if (row.status !== 'active' || row.suppressed) {
      return settle(issue.id, row.id, { status: 'failed', attempts: row.attempts, last_error: row.suppressed ? 'suppressed' : 'unsubscribed before sending' });
    }
    try {
      const links = await deps.subscriptions.linksFor(row.id);
      const email = renderIssueEmail(emailIssueOf(issue, deps.siteUrl), {
        siteName,
        siteUrl: deps.siteUrl,
        language: row.language,
        unsubscribeUrl: links.unsubscribe,
        preferencesUrl: links.preferences,
        archiveUrl: `${deps.siteUrl}/newsletter/archive`,
      });
      await deps.mailer.send({
        to: row.email,
        ...email,
        headers: { 'List-Unsubscribe': `<${links.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      });
      await settle(issue.id, row.id, { status: 'sent', attempts, sent_at: now(), last_error: null });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof MailError && error.permanent) {
        await db.insertInto('newsletter_suppressions').values({ email: row.email, reason: 'bounce', at: now() }).onConflict((oc) => oc.column('email').doNothing()).execute();
        return settle(issue.id, row.id, { status: 'failed', attempts, last_error: message });
      }
      // Anything else (a 4xx, a lost connection, even a bug of ours) may pass on a later try.
      if (!(error instanceof MailError)) deps.log.error({ err: error, issueId: issue.id, subscriberId: row.id }, 'newsletter mail could not be sent');
      const final = attempts >= MAX_ATTEMPTS;
      await settle(issue.id, row.id, {
        status: final ? 'failed' : 'pending',
        attempts,
        last_error: message,
        ...(final ? {} : { next_attempt_at: minutesAfter(clock.now(), BACKOFF_MINUTES[attempts - 1]!) }),
      });
    }
  }

  async function start(issueId: number): Promise<void> {
    const claimedNow = await issues.startSending(issueId);
    // A start that died between claiming the issue and making its records is finished here. The
    // insert is one statement, so records exist for everyone or no one.
    if (!claimedNow && ((await issues.get(issueId))?.status !== 'sending' || (await hasRecords(issueId)))) return;
    const at = now();
    await db
      .insertInto('newsletter_deliveries')
      .columns(['issue_id', 'subscriber_id', 'status', 'attempts', 'next_attempt_at'])
      .expression(
        db
          .selectFrom('newsletter_subscribers as s')
          // Typed in SQL: PostgreSQL cannot infer a bare parameter's type in a select list.
          .select([sql<number>`cast(${issueId} as integer)`.as('issue_id'), 's.id', sql.lit('pending').as('status'), sql.lit(0).as('attempts'), sql<string>`cast(${at} as varchar(30))`.as('next_attempt_at')])
          .where('s.status', '=', 'active')
          .where(({ not, exists, selectFrom }) => not(exists(selectFrom('newsletter_suppressions as x').select('x.email').whereRef('x.email', '=', 's.email')))),
      )
      .onConflict((oc) => oc.columns(['issue_id', 'subscriber_id']).doNothing())
      .execute();
  }

  async function run(issueId: number): Promise<DeliveryFigures> {
    // Only the rows claimed when a process died can be here, and only they may be mailed twice:
    // their mail may have gone out before the crash, with the record not yet saying so.
    await db
      .updateTable('newsletter_deliveries')
      .set({ status: 'pending', claimed_at: null })
      .where('issue_id', '=', issueId)
      .where('status', '=', 'sending')
      .where('claimed_at', '<', new Date(clock.now().getTime() - STALE_CLAIM_MS).toISOString())
      .execute();
    const issue = await issues.get(issueId);
    if (!issue || issue.status !== 'sending') return figures(issueId);
    const content = await issues.withArticles(issue);
    const siteName = await deps.siteName();
    for (let batch = await claim(issueId); batch.length; batch = await claim(issueId)) {
      // The mailer's pool and rate limit decide how many of these are on the wire at once.
      await Promise.all(batch.map((row) => sendOne(content, siteName, row)));
    }
    const counts = await figures(issueId);
    if (counts.pending === 0 && counts.sending === 0 && (await issues.markSent(issueId))) {
      deps.log.info({ issueId, ...counts }, 'newsletter issue sent');
    }
    return counts;
  }

  /** When the earliest retry of an issue still sending falls due, or undefined. */
  async function nextRetry(): Promise<string | undefined> {
    const row = await db
      .selectFrom('newsletter_deliveries as d')
      .innerJoin('newsletter_issues as i', 'i.id', 'd.issue_id')
      .select((eb) => eb.fn.min('d.next_attempt_at').as('at'))
      .where('i.status', '=', 'sending')
      .where('d.status', '=', 'pending')
      .executeTakeFirst();
    return row?.at ?? undefined;
  }

  return {
    /** Claims a scheduled issue and makes a pending record for every active, non-suppressed subscriber; repeating it adds nothing. */
    start,

    /**
     * Sends every due record of an issue, then marks the issue sent once none is pending or being
     * sent. Safe to run from several processes at once, and again after a crash.
     */
    run,

    figures,

    /** Reschedules a draft or scheduled issue to now, then starts and runs it; an issue already sending is resumed. */
    async sendNow(issueId: number): Promise<DeliveryFigures> {
      const issue = await issues.get(issueId);
      if (issue && (issue.status === 'draft' || issue.status === 'scheduled')) await issues.update(issueId, { sendAt: now() });
      await start(issueId);
      return run(issueId);
    },

    /**
     * The scheduler's task: starts and sends every scheduled issue that is due and resumes any still
     * sending; says what it sent and when the next issue or retry falls due.
     */
    async sendDue(): Promise<{ nextDueAt?: string; handled: { day: string; figures: DeliveryFigures }[] }> {
      const at = now();
      const due = await db
        .selectFrom('newsletter_issues')
        .select(['id', 'day'])
        .where((eb) => eb.or([eb.and([eb('status', '=', 'scheduled'), eb('send_at', '<=', at)]), eb('status', '=', 'sending')]))
        .orderBy('send_at')
        .execute();
      const handled = [];
      for (const { id, day } of due) {
        await start(id);
        handled.push({ day, figures: await run(id) });
      }
      const nextIssue = await db.selectFrom('newsletter_issues').select((eb) => eb.fn.min('send_at').as('at')).where('status', '=', 'scheduled').executeTakeFirst();
      const times = [nextIssue?.at, await nextRetry()].filter((t): t is string => typeof t === 'string').sort();
      return { handled, ...(times.length ? { nextDueAt: times[0]! } : {}) };
    },
  };
}

export type Delivery = ReturnType<typeof createDelivery>;
