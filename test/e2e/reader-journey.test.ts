import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { browserSuite, useBrowser } from '../helpers/browser.js';
import { makeAuthor } from '../helpers/factories.js';
import { useSmtpServer } from '../helpers/smtp.js';
import { useTestApp } from '../helpers/test-app.js';

const READER = 'ines.reader@example.org';
const COMMENT = 'The ferry timetable changed again on *Monday*; thanks for following it.';

browserSuite('a reader signs in by email, joins, comments; an editor approves (Chromium)', () => {
  const smtp = useSmtpServer();
  const t = useTestApp('sqlite', { smtpUrl: () => smtp.url, scheduler: false, systemClock: true });
  const b = useBrowser();

  before(async () => {
    const author = await makeAuthor(t.app.content);
    await t.app.content.editor.create({ slug: 'ferry-timetable', title: 'The ferry timetable', bodyHtml: '<p>Boats leave at nine.</p>', status: 'published', authors: [author.slug] });
    await t.app.membershipTiers.create({ slug: 'friends', name: 'Friends of the paper', kind: 'free', currency: 'EUR' });
  });

  it('goes from the magic link to a comment shown on the article after moderation', async () => {
    const { page } = b;
    // Sign in: ask for a link, take it from the mail the local SMTP server received, confirm on our page.
    await page.goto(`${t.baseUrl}/signin?next=/membership`);
    await page.locator('main').getByLabel('Your email address').fill(READER);
    const mail = smtp.nextMessage(READER);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByText('A sign-in link is on its way').waitFor();
    const link = /https:\/\/news\.test(\/signin\/verify\?token=[^\s"]+)/.exec((await mail).text)?.[1];
    assert.ok(link, 'the mail carries a sign-in link');
    await page.goto(t.baseUrl + link);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${t.baseUrl}/membership`);

    // Join the free tier.
    await page.getByRole('button', { name: 'Join free' }).click();
    await page.waitForURL(/\/account/);
    assert.equal((await t.app.memberships.accessOf((await readerId())!)).level, 'member');

    // Comment on the article: held for moderation (the default), so not on the page yet.
    await page.goto(`${t.baseUrl}/articles/ferry-timetable`);
    await page.getByLabel('Your comment').fill(COMMENT);
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.waitForLoadState('load');
    await page.goto(`${t.baseUrl}/articles/ferry-timetable`);
    assert.equal(await page.getByText('thanks for following it').count(), 0);

    // An editor finds it in the moderation queue and approves it.
    const editor = await t.app.staff.create({ email: 'editor@news.test', name: 'Desk Editor', role: 'editor' });
    const session = await t.app.staff.startSession(editor.id);
    const staffContext = await b.browser.newContext();
    await staffContext.addCookies([{ name: 'bs_session', value: session.token, url: t.baseUrl }]);
    const desk = await staffContext.newPage();
    await desk.goto(`${t.baseUrl}/admin/comments`);
    const queued = desk.locator('li.queued-comment', { hasText: 'thanks for following it' });
    await queued.waitFor();
    await queued.getByRole('button', { name: 'Approve' }).click();
    await desk.waitForLoadState('load');
    await staffContext.close();

    // The reader sees it on the article page, rendered from its Markdown (a reload: the browser may
    // keep the page it had for a minute, as Cache-Control allows).
    await page.goto(`${t.baseUrl}/articles/ferry-timetable`);
    await page.reload();
    const shown = page.locator('.comment-body', { hasText: 'thanks for following it' });
    await shown.waitFor();
    assert.equal(await shown.locator('em').textContent(), 'Monday');
    await b.screenshot('comment-approved');
  });

  async function readerId(): Promise<number | undefined> {
    return (await t.app.database.db.selectFrom('readers').select('id').where('email', '=', READER).executeTakeFirst())?.id;
  }
});
