import { setTimeout as delay } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database, DeliveryStatus } from '../db/schema.js';
import { MailError, type Mailer } from '../mail/mailer.js';
import { emailIssueOf } from './issue-content.js';
import { renderIssueEmail, type NewsletterIssue } from './issue-email.js';
import { AppError, notFound } from '../errors.js';
import type { Issue, IssueDesk, IssueWithArticles } from './issues.js';
import type { NewsletterService } from './subscriptions.js';

export type { DeliveryStatus };

/**
 * How many delivery records of an issue there are in each status, and how many readers left through
 * this issue's unsubscribe link.
 */
export type DeliveryFigures = Record<DeliveryStatus, number> & { unsubscribed: number };

interface LogLike {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface RunOptions {
  /** Stops claiming new batches once aborted; the batch on the wire is finished and recorded. */
  signal?: AbortSignal;
  /** Waits for rows claimed by another sender to be sent or to lapse, rather than leaving them (the CLI). */
  awaitClaims?: boolean;
}

/** Rows claimed at a time, per connection to the relay (at least 20). */
const ROWS_PER_CONNECTION = 4;
/** Minutes to wait after the 1st, 2nd, 3rd and 4th temporary failure; the 5th is final. */
const BACKOFF_MINUTES = [1, 5, 30, 120];
const MAX_ATTEMPTS = BACKOFF_MINUTES.length + 1;
/** How long a claim holds without renewal by default: a row claimed longer ago was left by a process that died mid-send. */
export const DEFAULT_CLAIM_SECONDS = 90;

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
  /** Seconds a claimed row stays claimed without renewal (NEWSLETTER_CLAIM_SECONDS). */
  claimSeconds?: number;
  /** The issue in a subscriber's language (stored translations of its articles); as written without it. */
  translateIssue?: (issue: IssueWithArticles, language: string) => Promise<NewsletterIssue>;
}) {
  const { db, clock, issues } = deps;
  const now = () => clock.now().toISOString();
  const claimMs = (deps.claimSeconds ?? DEFAULT_CLAIM_SECONDS) * 1000;

  async function figures(issueId: number): Promise<DeliveryFigures> {
    const rows = await db
      .selectFrom('newsletter_deliveries')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('issue_id', '=', issueId)
      .groupBy('status')
      .execute();
    const left = await db
      .selectFrom('newsletter_consents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('issue_id', '=', issueId)
      .where('action', '=', 'unsubscribe')
      .executeTakeFirstOrThrow();
    const counts: DeliveryFigures = { pending: 0, sending: 0, sent: 0, failed: 0, unsubscribed: Number(left.n) };
    for (const row of rows) counts[row.status] = Number(row.n);
    return counts;
  }

  const hasArticles = async (issue: Issue) => (await issues.withArticles(issue)).articles.length > 0;
  const emptyIssue = () => new AppError('issue_empty', 'This issue has no published article, so there is nothing to send', 409);

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
      .limit(Math.max(20, ROWS_PER_CONNECTION * deps.mailer.concurrency));
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

  async function sendOne(issue: IssueWithArticles, contentIn: (language: string) => Promise<NewsletterIssue>, siteName: string, row: Awaited<ReturnType<typeof claim>>[number]) {
    const attempts = row.attempts + 1;
    // Left the list, or bounced on another issue, after this issue's records were made.
    if (row.status !== 'active' || row.suppressed) {
      return settle(issue.id, row.id, { status: 'failed', attempts: row.attempts, last_error: row.suppressed ? 'suppressed' : 'unsubscribed before sending' });
    }
    try {
      const links = await deps.subscriptions.linksFor(row.id, issue.id);
      const email = renderIssueEmail(await contentIn(row.language), {
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
        await db.insertInto('newsletter_suppressions').values({ email: row.email, reason: 'bounce', at: now(), detail: message }).onConflict((oc) => oc.column('email').doNothing()).execute();
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

  /**
   * Reschedules a draft or scheduled issue to now and starts it (its delivery records made), for a
   * send at once. An issue with no published article left is refused (409): nobody gets an empty mail.
   */
  async function begin(issueId: number): Promise<void> {
    const issue = await issues.get(issueId);
    if (!issue) throw notFound('issue');
    if (issue.status === 'draft' || issue.status === 'scheduled') {
      if (!(await hasArticles(issue))) throw emptyIssue();
      await issues.update(issueId, { sendAt: now() });
    }
    await start(issueId);
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

  /** Hands back the rows a process claimed and did not settle within the claim's time: it died mid-send. */
  async function releaseStaleClaims(issueId: number) {
    // Only these rows can be mailed twice: their mail may have gone out before the crash, with the
    // record not yet saying so. The window is the moment between the server's 250 and our update.
    await db
      .updateTable('newsletter_deliveries')
      .set({ status: 'pending', claimed_at: null })
      .where('issue_id', '=', issueId)
      .where('status', '=', 'sending')
      .where('claimed_at', '<', new Date(clock.now().getTime() - claimMs).toISOString())
      .execute();
  }

  /** Keeps a batch's claims fresh while its mail is on the wire, however slow the relay. */
  function renewWhileSending(issueId: number, subscriberIds: number[]): () => void {
    const timer = setInterval(() => {
      db.updateTable('newsletter_deliveries')
        .set({ claimed_at: now() })
        .where('issue_id', '=', issueId)
        .where('status', '=', 'sending')
        .where('subscriber_id', 'in', subscriberIds)
        .execute()
        .catch((error: unknown) => deps.log.error({ err: error, issueId }, 'newsletter claims could not be renewed'));
    }, claimMs / 3);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** When the earliest claim on an issue lapses if not renewed, or undefined when none is out. */
  async function claimsLapseAt(issueId?: number): Promise<string | undefined> {
    let query = db.selectFrom('newsletter_deliveries').select((eb) => eb.fn.min('claimed_at').as('at')).where('status', '=', 'sending');
    if (issueId !== undefined) query = query.where('issue_id', '=', issueId);
    const row = await query.executeTakeFirst();
    return row?.at ? new Date(Date.parse(row.at) + claimMs).toISOString() : undefined;
  }

  async function sendClaimable(issue: IssueWithArticles, signal: AbortSignal | undefined) {
    const siteName = await deps.siteName();
    // Each language's version of the issue is looked up once per send, not once per copy.
    const versions = new Map<string, Promise<NewsletterIssue>>();
    const contentIn = (language: string) => {
      let version = versions.get(language);
      if (!version) {
        version = deps.translateIssue ? deps.translateIssue(issue, language) : Promise.resolve(emailIssueOf(issue, deps.siteUrl));
        versions.set(language, version);
        // A failed lookup fails this copy (retried later), not every copy after it.
        version.catch(() => versions.delete(language));
      }
      return version;
    };
    for (let batch = await claim(issue.id); batch.length; batch = signal?.aborted ? [] : await claim(issue.id)) {
      const stopRenewing = renewWhileSending(issue.id, batch.map((row) => row.id));
      try {
        // One sender per pooled connection, each recording a copy before it hands over the next: a
        // crash then never finds a copy the relay acknowledged long ago still unrecorded. (Handing the
        // whole batch to the pool at once let the wire run ahead of the records.)
        const queue = [...batch];
        const sender = async () => {
          for (let row = queue.shift(); row; row = queue.shift()) await sendOne(issue, contentIn, siteName, row);
        };
        await Promise.all(Array.from({ length: Math.min(deps.mailer.concurrency, queue.length) }, sender));
      } finally {
        stopRenewing();
      }
    }
  }

  async function run(issueId: number, options: RunOptions = {}): Promise<DeliveryFigures> {
    for (;;) {
      await releaseStaleClaims(issueId);
      const issue = await issues.get(issueId);
      if (!issue || issue.status !== 'sending') return figures(issueId);
      await sendClaimable(await issues.withArticles(issue), options.signal);
      const counts = await figures(issueId);
      if (counts.pending === 0 && counts.sending === 0) {
        if (await issues.markSent(issueId)) deps.log.info({ issueId, ...counts }, 'newsletter issue sent');
        return counts;
      }
      const lapse = counts.sending > 0 && options.awaitClaims && !options.signal?.aborted ? await claimsLapseAt(issueId) : undefined;
      if (!lapse) return counts;
      // Rows still claimed: by a live sender they get sent meanwhile, by a dead one they lapse.
      await delay(Math.max(100, Date.parse(lapse) - clock.now().getTime()));
    }
  }

  /**
   * Starts every scheduled issue that is due (a due issue whose articles were all unpublished is
   * held as a draft for the editors instead). Says which sending issues have work now (a copy due, a
   * lapsed claim, or every copy settled but the issue not yet marked sent) and when the next issue,
   * retry or claim lapse falls due.
   */
  async function startDue(): Promise<{ workNow: number[]; nextDueAt?: string }> {
    const at = now();
    const due = await db.selectFrom('newsletter_issues').selectAll().where('status', '=', 'scheduled').where('send_at', '<=', at).orderBy('send_at').execute();
    for (const row of due) {
      if (await hasArticles((await issues.get(row.id))!)) {
        await start(row.id);
      } else {
        await issues.update(row.id, { sendAt: null });
        deps.log.warn({ issueId: row.id, day: row.day }, 'newsletter issue has no published article: held as a draft, not sent');
      }
    }
    const lapsedBefore = new Date(clock.now().getTime() - claimMs).toISOString();
    const working = await db
      .selectFrom('newsletter_issues as i')
      .select('i.id')
      .where('i.status', '=', 'sending')
      .where(({ or, not, exists, selectFrom }) => {
        const rows = () => selectFrom('newsletter_deliveries as d').select('d.issue_id').whereRef('d.issue_id', '=', 'i.id');
        return or([
          exists(rows().where('d.status', '=', 'pending').where('d.next_attempt_at', '<=', at)),
          exists(rows().where('d.status', '=', 'sending').where('d.claimed_at', '<', lapsedBefore)),
          not(exists(rows().where('d.status', 'in', ['pending', 'sending']))),
        ]);
      })
      .orderBy('i.send_at')
      .execute();
    const nextIssue = await db.selectFrom('newsletter_issues').select((eb) => eb.fn.min('send_at').as('at')).where('status', '=', 'scheduled').executeTakeFirst();
    const nextDueAt = [nextIssue?.at, await nextRetry()].filter((t): t is string => typeof t === 'string').sort()[0];
    return { workNow: working.map((w) => w.id), ...(nextDueAt ? { nextDueAt } : {}) };
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
    return [row?.at ?? undefined, await claimsLapseAt()].filter((t): t is string => typeof t === 'string').sort()[0];
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

    begin,

    /** `begin`, then sends the issue through; an issue already sending is resumed. */
    async sendNow(issueId: number, options: RunOptions = {}): Promise<DeliveryFigures> {
      await begin(issueId);
      return run(issueId, options);
    },

    startDue,

    /**
     * Starts every scheduled issue that is due, then sends them and any left part-sent, one after
     * another; says what it sent and when the next issue or retry falls due.
     */
    async sendDue(options: RunOptions = {}): Promise<{ nextDueAt?: string; handled: { day: string; figures: DeliveryFigures }[] }> {
      await startDue();
      // Every issue sending, not only those with work due now: with `awaitClaims`, copies claimed
      // by a sender that died are waited for and taken over.
      const sending = await db.selectFrom('newsletter_issues').select(['id', 'day']).where('status', '=', 'sending').orderBy('send_at').execute();
      const handled = [];
      for (const { id, day } of sending) {
        if (options.signal?.aborted) break;
        handled.push({ day, figures: await run(id, options) });
      }
      const { nextDueAt } = await startDue();
      return { handled, ...(nextDueAt ? { nextDueAt } : {}) };
    },
  };
}

export type Delivery = ReturnType<typeof createDelivery>;
