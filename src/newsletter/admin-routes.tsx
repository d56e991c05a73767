import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuditLog } from '../admin/audit-log.js';
import { requireCan } from '../admin/auth.js';
import { formList, formText, redirectToSignIn, type FormBody, type RenderPage } from '../admin/form-fields.js';
import type { Clock } from '../clock.js';
import type { ContentService } from '../content/index.js';
import { AppError, notFound } from '../errors.js';
import { idParams, parseInput } from '../parse-input.js';
import { emailIssueOf } from './issue-content.js';
import { renderIssueEmail } from './issue-email.js';
import type { IssueDesk, IssueWithArticles } from './issues.js';
import { dayIn, localDateTime, zonedTime } from './site-day.js';
import { IssuePage, IssuesPage, type IssueFormValues } from './views/issue-admin-pages.js';

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
  deps: { issues: IssueDesk; content: ContentService; audit: AuditLog; clock: Clock; siteUrl: string; renderPage: RenderPage },
) {
  const { issues, content, audit, renderPage } = deps;

  async function issuePage(request: FastifyRequest, reply: FastifyReply, issue: IssueWithArticles, opts: { values?: IssueFormValues; error?: string; status?: number; saved?: boolean } = {}) {
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
    const saved = (request.query as Record<string, unknown>).saved === '1';
    return issuePage(request, reply, await issueById(id), { saved });
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
