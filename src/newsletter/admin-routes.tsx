import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuditLog } from '../admin/audit-log.js';
import { requireCan } from '../admin/auth.js';
import { formList, formText, redirectToSignIn, type FormBody, type RenderPage } from '../admin/form-fields.js';
import type { Clock } from '../clock.js';
import type { ContentService } from '../content/index.js';
import { AppError, notFound } from '../errors.js';
import { idParams, parseInput } from '../parse-input.js';
import { MailError, type Mailer } from '../mail/mailer.js';
import type { Delivery } from './delivery.js';
import { emailAddress } from './inputs.js';
import { emailIssueOf } from './issue-content.js';
import { renderIssueEmail } from './issue-email.js';
import type { IssueDesk, IssueWithArticles } from './issues.js';
import { dayIn, localDateTime, zonedTime } from './site-day.js';
import { IssuePage, IssuesPage, type IssueFormValues } from './views/issue-admin-pages.js';

const testAddress = z.object({ to: emailAddress });
const listQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) });
const localSendAt = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'sendAt: A date and time such as 2026-11-29T07:00')
  .refine((v) => !Number.isNaN(Date.parse(`${v}:00Z`)), 'sendAt: A date and time that exists');

/**
 * The order the form asks for: by the position numbers (ties keep the shown order), then one
 * up/down move, then without the removed ones. Ids stay text: the desk validates them.
 */
function articleOrderFromForm(form: FormBody): string[] {
  const shown = formList(form, 'articleIds');
  const position = (id: string, index: number) => {
    const given = formText(form, `position-${id}`);
    return given !== '' && Number.isFinite(Number(given)) ? Number(given) : index + 1;
  };
  const ordered = shown
    .map((id, index) => ({ id, index, at: position(id, index) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((x) => x.id);
  const [direction, moved] = formText(form, 'move').split(':');
  const from = moved === undefined ? -1 : ordered.indexOf(moved);
  const to = direction === 'up' ? from - 1 : direction === 'down' ? from + 1 : -1;
  if (from >= 0 && to >= 0 && to < ordered.length) [ordered[from], ordered[to]] = [ordered[to]!, ordered[from]!];
  const removed = new Set(formList(form, 'remove'));
  return ordered.filter((id) => !removed.has(id));
}

/** The newsroom's newsletter pages: the list of issues, assembling today's, and one issue's preview and form. */
export function registerNewsletterAdmin(
  app: FastifyInstance,
  deps: {
    issues: IssueDesk;
    delivery: Delivery;
    /** Sends a started issue beside the requests (the scheduler's delivery task). */
    sendInBackground: (issueId: number) => void;
    mailer: Mailer;
    content: ContentService;
    audit: AuditLog;
    clock: Clock;
    siteUrl: string;
    renderPage: RenderPage;
  },
) {
  const { issues, content, audit, renderPage } = deps;

  /** The issue's email with placeholder links: each subscriber's copy carries their own signed ones. */
  async function previewOf(issue: IssueWithArticles) {
    const settings = await content.settings.get();
    const { siteUrl } = deps;
    const email = renderIssueEmail(emailIssueOf(issue, siteUrl), {
      siteName: settings.siteName,
      siteUrl,
      language: settings.language,
      // Placeholders: each subscriber's copy carries their own signed links.
      unsubscribeUrl: `${siteUrl}/newsletter/unsubscribe`,
      preferencesUrl: `${siteUrl}/newsletter/preferences`,
      archiveUrl: `${siteUrl}/newsletter/archive`,
    });
    return { email, settings };
  }

  async function issuePage(request: FastifyRequest, reply: FastifyReply, issue: IssueWithArticles, opts: { values?: IssueFormValues; error?: string; status?: number; saved?: boolean; notice?: string } = {}) {
    const { email, settings } = await previewOf(issue);
    const figures = issue.status === 'sending' || issue.status === 'sent' ? await deps.delivery.figures(issue.id) : undefined;
    const values = opts.values ?? { intro: issue.intro, sendAt: issue.sendAt ? localDateTime(new Date(issue.sendAt), settings.timeZone) : '' };
    const body = (
      <IssuePage
        issue={issue}
        previewHtml={email.html}
        previewText={email.text}
        values={values}
        timeZone={settings.timeZone}
        csrfToken={request.csrfToken ?? ''}
        error={opts.error}
        saved={opts.saved ?? false}
        notice={opts.notice}
        figures={figures}
        testAddress={request.staff?.email ?? ''}
      />
    );
    return renderPage(request, reply, `Newsletter of ${issue.day}`, body, opts.status);
  }

  async function issueById(id: number): Promise<IssueWithArticles> {
    const issue = await issues.get(id);
    if (!issue) throw notFound('issue');
    return issues.withArticles(issue);
  }

  app.get('/admin/newsletter', async (request, reply) => {
    if (!request.staff) return redirectToSignIn(request, reply);
    requireCan(request, 'newsletter.manage');
    const { page } = parseInput(listQuery, request.query);
    const { timeZone } = await content.settings.get();
    const today = dayIn(deps.clock.now(), timeZone);
    const [listed, todays] = await Promise.all([issues.list(page), issues.byDay(today)]);
    const localTime = (iso: string) => localDateTime(new Date(iso), timeZone).replace('T', ' ');
    return renderPage(request, reply, 'Newsletter', <IssuesPage page={listed} today={today} todays={todays} csrfToken={request.csrfToken ?? ''} localTime={localTime} />);
  });

  app.post('/admin/newsletter/assemble', async (request, reply) => {
    const user = requireCan(request, 'newsletter.manage');
    const { timeZone } = await content.settings.get();
    const issue = await issues.assemble(dayIn(deps.clock.now(), timeZone));
    await audit.record(user.id, 'newsletter.assemble', issue.day, { id: issue.id });
    return reply.redirect(`/admin/newsletter/${issue.id}`, 303);
  });

  app.get('/admin/newsletter/:id', async (request, reply) => {
    if (!request.staff) return redirectToSignIn(request, reply);
    requireCan(request, 'newsletter.manage');
    const { id } = parseInput(idParams, request.params);
    const query = request.query as Record<string, unknown>;
    return issuePage(request, reply, await issueById(id), { saved: query.saved === '1', ...(query.sending === '1' ? { notice: 'Sending has started. The figures below grow as copies go out; reload to follow them.' } : {}) });
  });

  app.post('/admin/newsletter/:id/send', async (request, reply) => {
    const user = requireCan(request, 'newsletter.manage');
    const { id } = parseInput(idParams, request.params);
    try {
      await deps.delivery.begin(id);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.status === 404) throw error;
      return issuePage(request, reply, await issueById(id), { error: error.message, status: error.status });
    }
    deps.sendInBackground(id);
    await audit.record(user.id, 'newsletter.send', String(id), {});
    return reply.redirect(`/admin/newsletter/${id}?sending=1`, 303);
  });

  app.post('/admin/newsletter/:id/test', async (request, reply) => {
    requireCan(request, 'newsletter.manage');
    const { id } = parseInput(idParams, request.params);
    const issue = await issueById(id);
    const to = formText((request.body ?? {}) as FormBody, 'to');
    try {
      const address = parseInput(testAddress, { to }).to;
      const { email } = await previewOf(issue);
      await deps.mailer.send({ to: address, subject: `[Test] ${email.subject}`, text: email.text, html: email.html });
      return issuePage(request, reply, issue, { notice: `A test copy was sent to ${address}.` });
    } catch (error) {
      const message = error instanceof MailError ? `The test copy could not be sent: ${error.message}` : error instanceof AppError && error.status < 500 ? error.message : undefined;
      if (message === undefined) throw error;
      return issuePage(request, reply, issue, { error: message, status: error instanceof MailError ? 502 : 400 });
    }
  });

  app.post('/admin/newsletter/:id', async (request, reply) => {
    const user = requireCan(request, 'newsletter.manage');
    const { id } = parseInput(idParams, request.params);
    const form = (request.body ?? {}) as FormBody;
    // The intro keeps its line breaks and inner spacing; only the ends are trimmed.
    const values = { intro: formText(form, 'intro'), sendAt: formText(form, 'sendAt') };
    try {
      const { timeZone } = await content.settings.get();
      const local = values.sendAt ? parseInput(localSendAt, values.sendAt) : null;
      const sendAt = local === null ? null : zonedTime(local.slice(0, 10), local.slice(11), timeZone).toISOString();
      const articleIds = articleOrderFromForm(form);
      await issues.update(id, { intro: values.intro, articleIds, sendAt });
      await audit.record(user.id, 'newsletter.update', String(id), { articles: articleIds.length, sendAt });
      return reply.redirect(`/admin/newsletter/${id}?saved=1`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.status === 404) throw error;
      return issuePage(request, reply, await issueById(id), { values, error: error.message, status: error.status });
    }
  });
}
