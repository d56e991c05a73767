import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { surrogateKeys, type ArticleSummary, type ContentService, type Page } from '../content/index.js';
import type { Database, IssueStatus, NewsletterIssuesTable } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { parseInput, rowId } from '../parse-input.js';
import { dayBounds, dayIn, nextDay, zonedTime } from './site-day.js';

export type { IssueStatus };

/** One day's newsletter issue as the desk keeps it. */
export interface Issue {
  id: number;
  /** YYYY-MM-DD in the site's time zone. */
  day: string;
  status: IssueStatus;
  intro: string;
  /** In the order the issue shows them. */
  articleIds: number[];
  /** ISO UTC; null while the issue is held as a draft. */
  sendAt: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
}

/** An issue with its articles, those still published, in the issue's order. */
export interface IssueWithArticles extends Issue {
  articles: ArticleSummary[];
}

const PAGE_SIZE = 20;
/** More picks than any morning needs; the day's query stops here. */
const MAX_PICKS = 50;
const FALLBACK_COUNT = 5;
/** How long before the send time the day's issue is assembled, for the editors to review it. */
const ASSEMBLY_LEAD_MS = 60 * 60_000;
/** How late after the send time a day's issue is still assembled and sent (a process that was down). */
const LATE_LIMIT_MS = 6 * 60 * 60_000;

/** A calendar day that exists: `2026-02-30` is refused, not rolled over. */
export const issueDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A day as YYYY-MM-DD')
  .refine((d) => {
    // Zod runs this even when the pattern failed, so an unparsable value must not throw here.
    const time = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().startsWith(d);
  }, 'A day that exists on the calendar');

const issueChange = z.strictObject({
  intro: z.string().max(5000, 'The intro is at most 5,000 characters').optional(),
  articleIds: z
    .array(rowId)
    .max(MAX_PICKS, `An issue holds at most ${MAX_PICKS} articles`)
    .refine((ids) => new Set(ids).size === ids.length, 'An article appears once in an issue')
    .optional(),
  /** null holds the issue as a draft; a time schedules it. */
  sendAt: z.iso.datetime({ offset: true, error: 'An ISO 8601 date and time' }).nullable().optional(),
});

/** What an editor may change on an issue that has not started sending. */
export type IssueChange = z.input<typeof issueChange>;

const toIssue = (row: Selectable<NewsletterIssuesTable>): Issue => ({
  id: row.id,
  day: row.day,
  status: row.status,
  intro: row.intro,
  articleIds: JSON.parse(row.article_ids) as number[],
  sendAt: row.send_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  sentAt: row.sent_at,
});

const sendingStarted = () => new AppError('issue_sending', 'This issue has started sending and can no longer be changed', 409);

/**
 * The newsletter desk: assembles each day's issue from the editors' picks, keeps the editors'
 * changes until sending starts, and serves the archive of sent issues. A change that the public
 * archive could show purges it.
 */
export function createIssueDesk(deps: { db: Kysely<Database>; clock: Clock; content: ContentService; onPurge: (keys: string[]) => void }) {
  const { db, content } = deps;
  const now = () => deps.clock.now().toISOString();
  const purge = () => deps.onPurge([surrogateKeys.newsletter]);

  async function get(id: number): Promise<Issue | undefined> {
    const row = await db.selectFrom('newsletter_issues').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toIssue(row);
  }

  async function byDay(day: string): Promise<Issue | undefined> {
    const row = await db.selectFrom('newsletter_issues').selectAll().where('day', '=', day).executeTakeFirst();
    return row && toIssue(row);
  }

  /** The day's picks, newest first; when the editors picked none, the day's latest articles. */
  async function chooseArticles(day: string, timeZone: string): Promise<number[]> {
    const { from, to } = dayBounds(day, timeZone);
    const filter = { publishedFrom: from, publishedBefore: to };
    // Only the full read says whether an article is a pick; a day's articles are few.
    const picks = (await content.articles.latestWithBodies(filter, MAX_PICKS)).filter((a) => a.newsletterPick);
    if (picks.length) return picks.map((a) => a.id);
    return (await content.articles.latest(filter, FALLBACK_COUNT)).map((a) => a.id);
  }

  async function withArticles(issues: Issue[]): Promise<IssueWithArticles[]> {
    const found = await content.articles.publishedByIds([...new Set(issues.flatMap((i) => i.articleIds))]);
    const byId = new Map(found.map((a) => [a.id, a]));
    return issues.map((issue) => ({ ...issue, articles: issue.articleIds.flatMap((id) => byId.get(id) ?? []) }));
  }

  async function listWhere(page: number, status: IssueStatus | undefined): Promise<Page<Issue>> {
    let query = db.selectFrom('newsletter_issues');
    if (status) query = query.where('status', '=', status);
    const [count, rows] = await Promise.all([
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      query.selectAll().orderBy('day', 'desc').limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE).execute(),
    ]);
    const total = Number(count.n);
    return { items: rows.map(toIssue), page, pageSize: PAGE_SIZE, total, totalPages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
  }

  /** Moves an issue from one status to the next; false when it was not in `from` (someone else moved it). */
  async function advance(id: number, from: IssueStatus, to: IssueStatus, extra: { sent_at?: string } = {}): Promise<boolean> {
    const at = now();
    const result = await db.updateTable('newsletter_issues').set({ status: to, updated_at: at, ...extra }).where('id', '=', id).where('status', '=', from).executeTakeFirst();
    const moved = result.numUpdatedRows > 0n;
    if (moved) purge();
    return moved;
  }

  /** Creates the day's issue, scheduled for the site's send time, unless it exists; returns the day's issue. */
  async function assemble(wanted: string, chosen?: number[]): Promise<Issue> {
    const existing = await byDay(wanted);
    if (existing) return existing;
    const settings = await content.settings.get();
    const articleIds = chosen ?? (await chooseArticles(wanted, settings.timeZone));
    const at = now();
    await db
      .insertInto('newsletter_issues')
      .values({
        day: wanted,
        status: 'scheduled',
        intro: '',
        article_ids: JSON.stringify(articleIds),
        send_at: zonedTime(wanted, settings.newsletterSendTime, settings.timeZone).toISOString(),
        created_at: at,
        updated_at: at,
      })
      // Two assemblies at once: the second finds the first one's row.
      .onConflict((oc) => oc.column('day').doNothing())
      .execute();
    return (await byDay(wanted))!;
  }

  return {
    get,
    byDay,

    /**
     * The day's issue, assembled from the day's articles if it does not exist yet; an existing
     * issue is returned as it is, so assembling twice changes nothing. It is scheduled for the
     * site's newsletter send time on that day.
     */
    assemble: async (day: string) => assemble(parseInput(issueDay, day)),

    /**
     * The scheduler's task: an hour before the site's send time, assembles the day's issue, so the
     * editors have that hour to look it over before it goes out. A process that starts up to six
     * hours after the send time still assembles (and so sends) the day's issue; later, the day is
     * skipped rather than mailed in the evening. A day with no article published gets no issue.
     */
    async assembleDue(): Promise<{ nextDueAt?: string }> {
      const { timeZone, newsletterSendTime } = await content.settings.get();
      const assemblyTime = (day: string) => zonedTime(day, newsletterSendTime, timeZone).getTime() - ASSEMBLY_LEAD_MS;
      const nowMs = deps.clock.now().getTime();
      const today = dayIn(deps.clock.now(), timeZone);
      if (nowMs < assemblyTime(today)) return { nextDueAt: new Date(assemblyTime(today)).toISOString() };
      if (nowMs <= assemblyTime(today) + ASSEMBLY_LEAD_MS + LATE_LIMIT_MS && !(await byDay(today))) {
        const articleIds = await chooseArticles(today, timeZone);
        if (articleIds.length) await assemble(today, articleIds);
      }
      return { nextDueAt: new Date(assemblyTime(nextDay(today))).toISOString() };
    },


    /** Issues of every status, newest day first. */
    list: (page: number) => listWhere(page, undefined),

    /** Sent issues only, newest day first, with their articles: the public archive. */
    async publishedArchive(page: number): Promise<Page<IssueWithArticles>> {
      const listed = await listWhere(page, 'sent');
      return { ...listed, items: await withArticles(listed.items) };
    },

    /** An issue with its published articles in order, or undefined. */
    async withArticles(issue: Issue): Promise<IssueWithArticles> {
      return (await withArticles([issue]))[0]!;
    },

    /**
     * Saves an editor's change: the intro, the order and choice of articles (published ones only),
     * the send time (null holds it as a draft). Refused with 409 once sending has started.
     */
    async update(id: number, change: unknown): Promise<Issue> {
      const parsed = parseInput(issueChange, change);
      const before = await get(id);
      if (!before) throw notFound('issue');
      if (before.status === 'sending' || before.status === 'sent') throw sendingStarted();
      if (parsed.articleIds?.length) {
        const published = new Set((await content.articles.publishedByIds(parsed.articleIds)).map((a) => a.id));
        const missing = parsed.articleIds.find((a) => !published.has(a));
        if (missing !== undefined) throw new AppError('article_not_published', `Article ${missing} is not published, so it cannot be in the newsletter`, 400, 'articleIds');
      }
      const sendAt = parsed.sendAt === undefined ? undefined : parsed.sendAt === null ? null : new Date(parsed.sendAt).toISOString();
      const result = await db
        .updateTable('newsletter_issues')
        .set({
          updated_at: now(),
          ...(parsed.intro === undefined ? {} : { intro: parsed.intro }),
          ...(parsed.articleIds === undefined ? {} : { article_ids: JSON.stringify(parsed.articleIds) }),
          ...(sendAt === undefined ? {} : { send_at: sendAt, status: sendAt === null ? 'draft' : 'scheduled' }),
        })
        .where('id', '=', id)
        // Checked again here: the delivery may have claimed the issue since it was read.
        .where('status', 'in', ['draft', 'scheduled'])
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw sendingStarted();
      purge();
      return (await get(id))!;
    },

    /** Claims a scheduled issue for delivery; false when it was not scheduled (or another process claimed it). */
    startSending: (id: number) => advance(id, 'scheduled', 'sending'),

    /** Records that delivery finished: the issue joins the public archive. */
    markSent: (id: number) => advance(id, 'sending', 'sent', { sent_at: now() }),
  };
}

export type IssueDesk = ReturnType<typeof createIssueDesk>;
