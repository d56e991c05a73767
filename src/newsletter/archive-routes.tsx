import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { surrogateKeys } from '../content/index.js';
import { notFound } from '../errors.js';
import { parseInput } from '../parse-input.js';
import type { ChromeLoader } from '../site/chrome-loader.js';
import { parsePage } from '../site/params.js';
import { renderDocument } from '../site/render.js';
import { issueDay, type IssueDesk } from './issues.js';
import { ArchiveIssuePage, ArchiveListPage, issueDate } from './views/archive-pages.js';

const dayParams = z.object({ day: issueDay });
// Headlines change with their articles; the issue list with every send.
const ARCHIVE_KEYS = [surrogateKeys.newsletter, surrogateKeys.articleLists];

/** The public archive of sent newsletter issues: a paged list, and each issue as a page. Cached like every public page. */
export function registerNewsletterArchive(app: FastifyInstance, deps: { issues: IssueDesk; loadChrome: ChromeLoader }) {
  const { issues, loadChrome } = deps;

  app.get('/newsletter/archive', async (request, reply) => {
    const pageNo = parsePage(request.query);
    const [page, { chrome }] = await Promise.all([issues.publishedArchive(pageNo), loadChrome()]);
    const { siteName, language } = chrome.settings;
    reply.surrogateKeys = ARCHIVE_KEYS;
    const meta = { title: chrome.messages.t('newsletter.archiveTitle'), description: chrome.messages.t('newsletter.archiveDescription', { siteName }), canonical: pageNo === 1 ? '/newsletter/archive' : `/newsletter/archive?page=${pageNo}` };
    return reply.type('text/html; charset=utf-8').send(renderDocument(chrome, meta, <ArchiveListPage siteName={siteName} page={page} locale={language} />));
  });

  app.get('/newsletter/archive/:day', async (request, reply) => {
    const { day } = parseInput(dayParams, request.params);
    const issue = await issues.byDay(day);
    // Unsent issues are the newsroom's business: to the public they do not exist yet.
    if (!issue || issue.status !== 'sent') throw notFound('newsletter issue');
    const [full, { chrome }] = await Promise.all([issues.withArticles(issue), loadChrome()]);
    const { siteName, language } = chrome.settings;
    reply.surrogateKeys = ARCHIVE_KEYS;
    const date = issueDate(day, language);
    const meta = { title: chrome.messages.t('newsletter.issueTitle', { date }), description: chrome.messages.t('newsletter.issueDescription', { siteName, date }), canonical: `/newsletter/archive/${day}` };
    return reply.type('text/html; charset=utf-8').send(renderDocument(chrome, meta, <ArchiveIssuePage siteName={siteName} issue={full} locale={language} />));
  });
}
