import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import type { Cookie, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { browserSuite, useBrowser } from '../helpers/browser.js';
import { makeAuthor, makeTerm } from '../helpers/factories.js';
import { useTestApp } from '../helpers/test-app.js';

/**
 * The newsroom as an editor uses it, in real Chromium against the real app on its real clock: sign
 * in, upload a photo, write and schedule an article, watch the scheduler publish it, edit it, restore
 * a revision. The tests run in order and share one story; each later one picks up the session cookies.
 */

const EMAIL = 'editor@news.test';
const PASSWORD = 'correct horse battery staple';
const HEADLINE = 'Harbour cranes move again after strike';
const SLUG = 'harbour-cranes-move-again-after-strike';
const NEW_HEADLINE = 'Harbour reopens as the strike ends';
const STANDFIRST = 'Dockers voted to return after a week without pay.';
const BOLD = 'Cranes moved again';
const PHOTO = { alt: 'Cranes over the harbour at dawn', caption: 'The harbour at first light.', credit: 'Ana Ruiz' };
const FEATURED = { alt: 'Dockers walking to the gates', caption: 'Back to work on Monday.', credit: 'Photo: Ana Ruiz' };
/** How long the scheduler may take to publish, and how often to look. */
const PUBLISH_DEADLINE_MS = 90_000;
const POLL_MS = 250;

/** Calls `probe` until it returns something, every POLL_MS, failing after `timeoutMs`. */
async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * The publication time to schedule: a datetime-local input takes whole minutes (read as UTC by the
 * form), so the start of the first minute at least `leadMs` from now, as the Date and as the input's text.
 */
function nextWholeMinute(leadMs: number): { at: Date; input: string } {
  const at = new Date(Math.ceil((Date.now() + leadMs) / 60_000) * 60_000);
  return { at, input: at.toISOString().slice(0, 16) };
}

/** Answers prompt() dialogs in order; an alert fails the test, since none is expected here. */
function answerPrompts(page: Page, answers: string[]) {
  const alerts: string[] = [];
  page.on('dialog', async (dialog) => {
    if (dialog.type() === 'prompt') await dialog.accept(answers.shift() ?? '');
    else {
      alerts.push(dialog.message());
      await dialog.accept();
    }
  });
  return alerts;
}

/** The little of the DOM the page functions below use (the test is compiled without DOM types). */
type Img = { complete: boolean; naturalWidth: number; currentSrc: string };
type Field = { id: string; name: string; labels: ArrayLike<unknown> | null; getAttribute(name: string): string | null };
type PageGlobals = { document: { getElementById(id: string): { value: string } } };

/** Whether an <img> has loaded a real picture, and which file the browser chose for it. */
const loaded = (img: Locator) => img.evaluate((el) => ({ ok: (el as unknown as Img).complete && (el as unknown as Img).naturalWidth > 0, src: (el as unknown as Img).currentSrc }));

/** Waits until the editor has copied TEXT into the form's hidden body field. */
async function bodyContaining(page: Page, text: string): Promise<string> {
  await page.waitForFunction((wanted) => (globalThis as unknown as PageGlobals).document.getElementById('bodyHtml').value.includes(wanted), text);
  return page.locator('#bodyHtml').inputValue();
}

const toolbarButton = (page: Page, name: string) => page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name, exact: true });

browserSuite('the newsroom, end to end in Chromium', () => {
  // The real clock and the running scheduler: publication happens because time passes, not because a test says so.
  const t = useTestApp('sqlite', { systemClock: true });
  const session = useBrowser({ locale: 'en-GB', timezoneId: 'UTC', viewport: { width: 1100, height: 900 } });

  let tmpDir: string;
  let photoFile: string;
  let author: { slug: string; name: string };
  let region: { slug: string; name: string };
  let theme: { slug: string; name: string };
  /** What each step leaves for the next. */
  const story = { cookies: [] as Cookie[], mediaUrl: '', articleId: 0, scheduledAt: new Date(0) };

  before(async () => {
    await t.app.staff.create({ email: EMAIL, name: 'Eda Editor', role: 'editor', password: PASSWORD });
    const { content } = t.app;
    author = await makeAuthor(content, { name: 'Ana Ruiz' });
    region = await makeTerm(content, 'region', { name: 'Northern Ports' });
    theme = await makeTerm(content, 'theme', { name: 'Labour' });

    // A real JPEG, wide enough for every responsive variant (480, 960 and 1600 pixels).
    tmpDir = await fs.mkdtemp(path.join(os.tmpdir(), 'broadsheet-e2e-'));
    photoFile = path.join(tmpDir, 'harbour-dawn.jpg');
    const sky = await sharp({ create: { width: 1800, height: 1000, channels: 3, background: '#2f5d7c' } })
      .composite([{ input: { create: { width: 1800, height: 300, channels: 3, background: '#1d3b50' } }, top: 700, left: 0 }])
      .jpeg({ quality: 80 })
      .toBuffer();
    await fs.writeFile(photoFile, sky);
  });
  after(() => fs.rm(tmpDir, { recursive: true, force: true }));

  const url = (pathname: string) => t.baseUrl + pathname;
  const publicPath = `/articles/${SLUG}`;

  /** Carries the signed-in session of the first test into this test's fresh browser context. */
  async function signedIn() {
    assert.ok(story.cookies.some((c) => c.name === 'bs_session'), 'an earlier test signed in');
    await session.context.addCookies(story.cookies);
    return session.page;
  }

  it('sends a signed-out visitor to sign in, and back to the article list after', async () => {
    const { page } = session;
    await page.goto(url('/admin'));
    assert.equal(new URL(page.url()).pathname, '/admin/signin');
    assert.equal(new URL(page.url()).searchParams.get('next'), '/admin');

    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(url('/admin'));
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Articles');
    assert.match(await page.getByRole('navigation', { name: 'Newsroom' }).textContent() ?? '', /Sign out Eda Editor/);
    story.cookies = await session.context.cookies();
  });

  it('uploads a photo with its alt text, caption and credit, and shows its /media/ address', async () => {
    const page = await signedIn();
    await page.goto(url('/admin/media'));
    await page.getByLabel('Image (JPEG, PNG, WebP or AVIF)').setInputFiles(photoFile);
    await page.getByLabel('Alt text').fill(PHOTO.alt);
    await page.getByLabel('Caption').fill(PHOTO.caption);
    await page.getByLabel('Credit').fill(PHOTO.credit);
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.waitForURL(/\/admin\/media\?uploaded=\d+$/);

    const item = page.locator('.media-grid li.just-uploaded');
    story.mediaUrl = (await item.locator('code').textContent()) ?? '';
    assert.match(story.mediaUrl, /^\/media\/[A-Za-z0-9._/-]+\.jpg$/);
    assert.match(await item.textContent() ?? '', new RegExp(`${PHOTO.caption.replace('.', '\\.')}\\s*${PHOTO.credit}`));
    const preview = item.locator('img');
    assert.equal(await preview.getAttribute('alt'), PHOTO.alt);
    await preview.scrollIntoViewIfNeeded();
    await page.waitForFunction((img) => (img as unknown as Img).complete, await preview.elementHandle());
    assert.equal((await loaded(preview)).ok, true, 'the preview (a WebP variant) loads');
    const original = await t.get(story.mediaUrl);
    assert.equal(original.status, 200);
    assert.equal(original.headers.get('content-type'), 'image/jpeg');
  });

  it('writes an article in the editor and schedules it for the next minute', async () => {
    const page = await signedIn();
    assert.ok(story.mediaUrl, 'an earlier test uploaded the photo');
    const alerts = answerPrompts(page, [story.mediaUrl, PHOTO.alt, PHOTO.caption, PHOTO.credit]);
    await page.goto(url('/admin'));
    await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'New article' }).click();
    await page.waitForURL(url('/admin/articles/new'));
    const body = page.getByRole('textbox', { name: 'Body' });
    await body.waitFor();

    await page.getByLabel('Headline').pressSequentially(HEADLINE);
    assert.equal(await page.getByLabel('Address (slug)').inputValue(), SLUG, 'the slug follows the headline');
    await page.getByLabel('Standfirst').fill(STANDFIRST);

    await body.click();
    await page.keyboard.type('The harbour reopened at dawn. ');
    await toolbarButton(page, 'Bold').click();
    await page.keyboard.type(BOLD);
    await toolbarButton(page, 'Bold').click();
    await page.keyboard.type(' before seven.');
    assert.match(await bodyContaining(page, 'before seven.'), new RegExp(`<strong>${BOLD}</strong> before seven\\.`));
    await toolbarButton(page, 'Image').click();
    const html = await bodyContaining(page, '<figure>');
    assert.match(html, new RegExp(`<figure><img src="${story.mediaUrl}" alt="${PHOTO.alt}"><figcaption>${PHOTO.caption.replace('.', '\\.')} <cite>${PHOTO.credit}</cite></figcaption></figure>`));
    assert.deepEqual(alerts, []);
    await body.locator('figure img').evaluate((img) => (img as unknown as { decode(): Promise<void> }).decode());

    await page.getByLabel('Authors').selectOption(author.slug);
    await page.getByRole('group', { name: 'Regions' }).getByLabel(region.name).check();
    await page.getByRole('group', { name: 'Themes' }).getByLabel(theme.name).check();
    await page.getByLabel('Image (a /media/ address)').fill(story.mediaUrl);
    await page.getByLabel('Alt text').fill(FEATURED.alt);
    await page.getByLabel('Caption', { exact: true }).fill(FEATURED.caption);
    await page.getByLabel('Credit', { exact: true }).fill(FEATURED.credit);
    await page.getByLabel('Status').selectOption({ label: 'Scheduled' });

    // Chosen last, just before saving: enough lead that the article is certainly still unpublished when checked below.
    const when = nextWholeMinute(15_000);
    await page.getByLabel('Publication time (UTC)').fill(when.input);
    story.scheduledAt = when.at;
    // From the top, so the editor's sticky toolbar sits where a writer sees it.
    await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await session.screenshot('editor-new-article');
    await page.getByRole('button', { name: 'Save' }).click();

    await page.waitForURL(/\/admin\/articles\/\d+\?saved=1$/);
    story.articleId = Number(/\/admin\/articles\/(\d+)/.exec(page.url())?.[1]);
    assert.equal(await page.getByRole('status').filter({ hasText: 'Saved.' }).count(), 1);
    assert.equal(await page.getByLabel('Status').inputValue(), 'scheduled');
    assert.equal(await page.getByLabel('Publication time (UTC)').inputValue(), when.input);
    const stored = await t.app.content.editorial.editable(story.articleId);
    assert.equal(stored?.status, 'scheduled');
    assert.equal(stored?.snapshot.publishedAt, when.at.toISOString());
  });

  it('keeps the article off the site until its time, then the scheduler publishes it with its photos', async () => {
    const page = await signedIn();
    assert.ok(story.articleId, 'an earlier test saved the article');
    const early = await page.goto(url(publicPath));
    assert.equal(early?.status(), 404);
    assert.ok(Date.now() < story.scheduledAt.getTime(), 'the 404 above was seen before the publication time');

    await until(`${publicPath} to answer 200`, async () => ((await t.get(publicPath)).status === 200 ? true : undefined), PUBLISH_DEADLINE_MS);
    assert.ok(Date.now() >= story.scheduledAt.getTime(), 'not published before its time');
    const published = await page.goto(url(publicPath));
    assert.equal(published?.status(), 200);

    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), HEADLINE);
    assert.equal(await page.locator('.article-head .dek').textContent(), STANDFIRST);
    assert.match(await page.locator('.byline').textContent() ?? '', new RegExp(`By ${author.name}`));
    const terms = page.getByRole('list', { name: 'Regions and themes' });
    assert.deepEqual(await terms.getByRole('link').allTextContents(), [region.name, theme.name]);
    const articleBody = page.locator('.article .body');
    assert.equal(await articleBody.locator('strong').textContent(), BOLD);

    const inline = articleBody.locator('figure');
    assert.equal(await inline.locator('img').getAttribute('src'), story.mediaUrl);
    assert.equal(await inline.locator('img').getAttribute('alt'), PHOTO.alt);
    assert.equal(await inline.locator('figcaption').textContent(), `${PHOTO.caption} ${PHOTO.credit}`);
    assert.equal(await inline.locator('figcaption cite').textContent(), PHOTO.credit);

    const featured = page.locator('figure.featured img');
    assert.equal(await featured.getAttribute('src'), story.mediaUrl);
    assert.equal(await featured.getAttribute('alt'), FEATURED.alt);
    const srcset = (await featured.getAttribute('srcset')) ?? '';
    const widths = srcset.split(', ').map((candidate) => {
      const [file, width] = candidate.split(' ');
      assert.match(file ?? '', /^\/media\/\S+$/);
      return width;
    });
    assert.deepEqual(widths, ['480w', '960w', '1600w']);
    assert.equal(await page.locator('figure.featured figcaption').textContent(), `${FEATURED.caption} ${FEATURED.credit}`);

    for (const img of [featured, inline.locator('img')]) {
      await img.scrollIntoViewIfNeeded();
      await img.evaluate((el) => (el as unknown as { decode(): Promise<void> }).decode());
    }
    const chosen = await loaded(featured);
    assert.equal(chosen.ok, true, 'the featured image loads');
    assert.ok(srcset.includes(new URL(chosen.src).pathname), `the browser picked a variant from the srcset, not ${chosen.src}`);
    assert.equal((await loaded(inline.locator('img'))).ok, true, 'the inline photo loads');
    await session.screenshot('published-article');
  });

  it('shows an edited headline on the public page at once', async () => {
    const page = await signedIn();
    assert.ok(story.articleId, 'an earlier test saved the article');
    // Cached now, so only a purge can change what the site answers.
    assert.match(await t.html(publicPath), new RegExp(`<h1>${HEADLINE}</h1>`));
    await page.goto(url(`/admin/articles/${story.articleId}`));
    await page.getByRole('textbox', { name: 'Body' }).waitFor();
    assert.equal(await page.getByLabel('Status').inputValue(), 'published', 'the form knows the scheduler published it');
    await page.getByLabel('Headline').fill(NEW_HEADLINE);
    assert.equal(await page.getByLabel('Address (slug)').inputValue(), SLUG, 'a live article keeps its address');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\?saved=1$/);

    assert.match(await t.html(publicPath), new RegExp(`<h1>${NEW_HEADLINE}</h1>`));
    await page.goto(url(publicPath));
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), NEW_HEADLINE);
  });

  it('restores the first version from the revisions page, on the public page too', async () => {
    const page = await signedIn();
    assert.ok(story.articleId, 'an earlier test saved the article');
    await page.goto(url(`/admin/articles/${story.articleId}`));
    await page.getByRole('link', { name: 'Revisions' }).click();
    await page.waitForURL(url(`/admin/articles/${story.articleId}/revisions`));
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), `Revisions of “${NEW_HEADLINE}”`);

    const revisions = page.locator('ol.revisions > li');
    assert.equal(await revisions.count(), 2);
    const first = revisions.last();
    assert.match(await first.textContent() ?? '', /First version\./);
    await revisions.first().locator('summary').click();
    assert.match(await revisions.first().locator('.diff').first().textContent() ?? '', /Headline/);
    await first.getByRole('button', { name: 'Restore this version' }).click();
    await page.waitForURL(url(`/admin/articles/${story.articleId}?saved=1`));
    assert.equal(await page.getByLabel('Headline').inputValue(), HEADLINE);
    assert.equal(await page.getByLabel('Status').inputValue(), 'published', 'the first version was saved as scheduled, but restoring it keeps the article live');

    assert.match(await t.html(publicPath), new RegExp(`<h1>${HEADLINE}</h1>`));
    await page.goto(url(publicPath));
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), HEADLINE);
    const [restore, ...older] = await t.app.content.editorial.revisions(story.articleId);
    assert.equal(older.length, 2, 'the restore is a new revision');
    assert.equal(restore?.snapshot.title, HEADLINE);
    assert.equal(restore?.snapshot.status, 'published', 'saved as live, not as scheduled again for the scheduler to republish');
  });

  it('labels every field of the article form and lets the keyboard reach the toolbar', async () => {
    const page = await signedIn();
    await page.goto(url('/admin/articles/new'));
    const body = page.getByRole('textbox', { name: 'Body' });
    await body.waitFor();

    const fields = page.locator('form.article-form').locator('input:not([type="hidden"]), select, textarea');
    const unlabelled = await fields.evaluateAll((elements) =>
      (elements as unknown as Field[])
        .filter((el) => !el.labels?.length && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
        .map((el) => el.id || el.name),
    );
    assert.ok((await fields.count()) >= 15, `the query found the form's fields (${await fields.count()})`);
    assert.deepEqual(unlabelled, []);
    assert.equal(await body.getAttribute('contenteditable'), 'true');

    // From the field before the editor, one Tab reaches the toolbar; arrows move within it; Tab goes on to the text.
    const focused = page.locator(':focus');
    await page.getByLabel('Standfirst').focus();
    await page.keyboard.press('Tab');
    assert.equal(await focused.textContent(), 'Paragraph');
    assert.equal(await focused.evaluate((el) => (el as unknown as { closest(s: string): { getAttribute(n: string): string } | null }).closest('[role="toolbar"]')?.getAttribute('aria-label')), 'Formatting');
    await page.keyboard.press('ArrowRight');
    assert.equal(await focused.textContent(), 'Heading 2');
    await page.keyboard.press('Tab');
    assert.equal(await focused.getAttribute('role'), 'textbox');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focused.textContent(), 'Heading 2', 'the toolbar keeps its place as one Tab stop');
  });
});
