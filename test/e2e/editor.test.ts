import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, it } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSuite, useBrowser } from '../helpers/browser.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const CSRF_TOKEN = 'csrf-7f3a9c';
const INITIAL_BODY = '<h2>Harbour</h2><p>The <em>tide</em> turned.</p>';

// The form contract from client/editor/main.ts, as the admin page will render it.
const editorPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Edit article</title><link rel="stylesheet" href="/client/editor.css"></head>
<body>
<form method="post" action="/save" data-autosave-url="/autosave" data-csrf-token="${CSRF_TOKEN}">
  <label for="title">Title</label> <input id="title" name="title" value="">
  <label for="slug">Slug</label> <input id="slug" name="slug" value="" data-auto>
  <label for="bodyHtml">Body</label>
  <textarea name="bodyHtml" id="bodyHtml" data-editor rows="12">${INITIAL_BODY.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</textarea>
  <p data-autosave-status role="status" aria-live="polite"></p>
  <fieldset><legend>Regions</legend>
    <label><input type="checkbox" name="regions" value="europe" checked> Europe</label>
    <label><input type="checkbox" name="regions" value="africa" checked> Africa</label>
  </fieldset>
  <button type="submit">Save</button>
</form>
<script src="/client/editor.js"></script>
</body>
</html>`;

const harbourSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" width="480" height="240"><rect width="480" height="240" fill="#2f5d7c"/>' +
  '<rect y="170" width="480" height="70" fill="#1d3b50"/><circle cx="380" cy="70" r="30" fill="#f2c14e"/></svg>';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** The page's server: static files, the autosave endpoint and the plain form target, all recording what they got. */
function startServer() {
  const waiting = new Map<string, (request: Received) => void>();
  const state = {
    baseUrl: '',
    autosaveReply: { status: 200, body: '{"ok":true}' },
    /** Resolves with the next request that reaches PATH; call it before causing the request. */
    next(pathname: string) {
      return new Promise<Received>((resolve) => waiting.set(pathname, resolve));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer(async (request, response) => {
    // The site's policy: if the island needed inline script or style, Chromium would refuse it here too.
    response.setHeader('content-security-policy', "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'");
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const pathname = new URL(request.url ?? '/', 'http://x').pathname;
    const received = { headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
    waiting.get(pathname)?.(received);
    waiting.delete(pathname);

    if (request.method === 'GET' && pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(editorPage);
    } else if (request.method === 'GET' && /^\/client\/editor\.(js|css)(\.map)?$/.test(pathname)) {
      const type = pathname.endsWith('.css') ? 'text/css' : pathname.endsWith('.js') ? 'text/javascript' : 'application/json';
      response.writeHead(200, { 'content-type': type }).end(await fs.readFile(path.join(root, 'dist', pathname)));
    } else if (request.method === 'GET' && pathname === '/media/harbour.svg') {
      response.writeHead(200, { 'content-type': 'image/svg+xml' }).end(harbourSvg);
    } else if (request.method === 'POST' && pathname === '/autosave') {
      const { status, body } = state.autosaveReply;
      response.writeHead(status, { 'content-type': 'application/json' }).end(body);
    } else if (request.method === 'POST' && pathname === '/save') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('saved');
    } else {
      response.writeHead(404).end();
    }
  });
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => state.close());
  return state;
}

/** Answers the island's prompt() calls in order (undefined cancels) and records its alert() messages. */
function answerDialogs(page: Page, answers: Array<string | undefined>) {
  const alerts: string[] = [];
  page.on('dialog', async (dialog) => {
    if (dialog.type() === 'prompt') {
      const answer = answers.shift();
      await (answer === undefined ? dialog.dismiss() : dialog.accept(answer));
    } else {
      alerts.push(dialog.message());
      await dialog.accept();
    }
  });
  return alerts;
}

const bodyField = (page: Page) => page.locator('#bodyHtml');
const editorBody = (page: Page) => page.locator('.editor-body');
const button = (page: Page, name: string) =>
  page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name, exact: true });

/** The little of the DOM the page functions below use (the test itself is compiled without DOM types). */
type PageGlobals = { document: { getElementById(id: string): { value: string } } };

/** Waits until the hidden textarea holds TEXT (the editor copies into it on each change), then returns its value. */
async function bodyContaining(page: Page, text: string): Promise<string> {
  // A function, not a string: the page's CSP forbids eval, which a string predicate needs.
  await page.waitForFunction(
    (wanted) => (globalThis as unknown as PageGlobals).document.getElementById('bodyHtml').value.includes(wanted),
    text,
  );
  return bodyField(page).inputValue();
}

/** Puts the caret at the end of the article's last paragraph. */
async function caretAtEnd(page: Page) {
  await editorBody(page).locator('p').last().click();
  await page.keyboard.press('End');
}

browserSuite('the article editor', () => {
  before(async () => {
    await promisify(execFile)(process.execPath, ['scripts/build.mjs'], { cwd: root });
  });
  const server = startServer();
  // A fixed locale and zone, so "Saved at" shows the time the fake clock says.
  const session = useBrowser({ locale: 'en-GB', timezoneId: 'UTC', viewport: { width: 900, height: 700 } });

  async function open(page: Page) {
    await page.goto(server.baseUrl);
    await editorBody(page).waitFor();
  }

  it('replaces the textarea with an editor showing the same article, under the site CSP', async () => {
    const { page } = session;
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
    await open(page);

    assert.equal(await bodyField(page).isHidden(), true);
    assert.equal(await page.locator('form textarea[name="bodyHtml"]').count(), 1, 'the textarea stays in the form');
    const editor = page.getByRole('textbox', { name: 'Body' });
    assert.equal(await editor.getAttribute('contenteditable'), 'true');
    assert.equal(await editor.locator('h2').textContent(), 'Harbour');
    assert.equal(await editor.locator('p em').textContent(), 'tide');
    assert.deepEqual(violations, []);
  });

  it('bolds what is typed after pressing Bold, and says so with aria-pressed', async () => {
    const { page } = session;
    await open(page);
    await caretAtEnd(page);
    await page.keyboard.type(' It was ');
    await button(page, 'Bold').click();
    await page.keyboard.type('loud');

    const html = await bodyContaining(page, 'loud');
    assert.equal(html, '<h2>Harbour</h2><p>The <em>tide</em> turned. It was <strong>loud</strong></p>');
    assert.equal(await button(page, 'Bold').getAttribute('aria-pressed'), 'true');
    assert.equal(await button(page, 'Italic').getAttribute('aria-pressed'), 'false');
  });

  it('sends the edited HTML when the form is submitted normally', async () => {
    const { page } = session;
    await open(page);
    await caretAtEnd(page);
    await page.keyboard.type(' Still rising.');
    const submitted = server.next('/save');
    await page.getByRole('button', { name: 'Save' }).click();

    const form = new URLSearchParams((await submitted).body);
    assert.equal(form.get('bodyHtml'), '<h2>Harbour</h2><p>The <em>tide</em> turned. Still rising.</p>');
  });

  it('links the selected words to the address given at the prompt', async () => {
    const { page } = session;
    answerDialogs(page, ['https://example.org/report']);
    await open(page);
    await caretAtEnd(page);
    await page.keyboard.press('Enter');
    await page.keyboard.type('read more');
    await page.keyboard.press('Shift+Home');
    await button(page, 'Link').click();

    const html = await bodyContaining(page, '<a ');
    assert.match(html, /<p><a href="https:\/\/example\.org\/report">read more<\/a><\/p>$/);
    assert.equal(await button(page, 'Link').getAttribute('aria-pressed'), 'true');
  });

  it('refuses a javascript: link and tells the writer why', async () => {
    const { page } = session;
    const alerts = answerDialogs(page, ['javascript:alert(document.cookie)']);
    await open(page);
    await caretAtEnd(page);
    await page.keyboard.press('Enter');
    await page.keyboard.type('click me');
    await page.keyboard.press('Shift+Home');
    const refused = page.waitForEvent('dialog', { predicate: (dialog) => dialog.type() === 'alert' });
    await button(page, 'Link').click();
    await refused;

    assert.match(alerts.join(' '), /not added/);
    const html = await bodyContaining(page, 'click me');
    assert.doesNotMatch(html, /<a|javascript:/);
  });

  it('inserts a figure with the image, alt text, caption and credit given at the prompts', async () => {
    const { page } = session;
    answerDialogs(page, ['/media/harbour.svg', 'Cranes over the harbour at dawn', 'The harbour at first light.', 'Ana Ruiz']);
    await open(page);
    await caretAtEnd(page);
    await button(page, 'Image').click();

    const html = await bodyContaining(page, '<figure>');
    assert.match(
      html,
      /<figure><img src="\/media\/harbour\.svg" alt="Cranes over the harbour at dawn"><figcaption>The harbour at first light\. <cite>Ana Ruiz<\/cite><\/figcaption><\/figure>/,
    );
    const image = editorBody(page).locator('figure img');
    assert.equal(await image.getAttribute('alt'), 'Cranes over the harbour at dawn');
    await image.evaluate('img => img.decode()');
    await session.screenshot('editor');
  });

  it('refuses an image from outside the media library, or one without alt text', async () => {
    const { page } = session;
    const alerts = answerDialogs(page, ['https://elsewhere.example/cat.jpg', '/media/harbour.svg', '']);
    await open(page);
    await caretAtEnd(page);
    const refusal = () => page.waitForEvent('dialog', { predicate: (dialog) => dialog.type() === 'alert' });
    let refused = refusal();
    await button(page, 'Image').click();
    await refused;
    refused = refusal();
    await button(page, 'Image').click();
    await refused;

    assert.equal(alerts.length, 2);
    assert.match(alerts[0] ?? '', /media library/);
    assert.match(alerts[1] ?? '', /alt text/);
    assert.equal(await editorBody(page).locator('figure, img').count(), 0);
  });

  it('embeds another article as a paragraph linking to it', async () => {
    const { page } = session;
    answerDialogs(page, ['port-workers-strike']);
    await open(page);
    await caretAtEnd(page);
    await page.keyboard.press('Enter');
    await button(page, 'Embed article').click();

    const html = await bodyContaining(page, '/articles/');
    assert.match(html, /<p><a href="\/articles\/port-workers-strike">\/articles\/port-workers-strike<\/a><\/p>/);
  });

  it('undoes and redoes typing', async () => {
    const { page } = session;
    await open(page);
    await caretAtEnd(page);
    await page.keyboard.type(' Gone soon.');
    await bodyContaining(page, 'Gone soon.');
    await button(page, 'Undo').click();
    assert.equal(await bodyField(page).inputValue(), INITIAL_BODY);
    assert.equal(await button(page, 'Redo').getAttribute('aria-disabled'), 'false');
    await button(page, 'Redo').click();
    assert.match(await bodyField(page).inputValue(), /Gone soon\./);
  });

  it('is one Tab stop whose buttons are reached with the arrow keys and work from the keyboard', async () => {
    const { page } = session;
    await open(page);
    const focused = () => page.locator(':focus');
    await page.getByLabel('Slug').focus();

    await page.keyboard.press('Tab');
    assert.equal(await focused().textContent(), 'Paragraph');
    await page.keyboard.press('ArrowRight');
    assert.equal(await focused().textContent(), 'Heading 2');
    await page.keyboard.press('End');
    assert.equal(await focused().textContent(), 'Redo');
    await page.keyboard.press('ArrowRight');
    assert.equal(await focused().textContent(), 'Paragraph', 'the arrows wrap around');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focused().textContent(), 'Redo');
    await page.keyboard.press('Home');
    assert.equal(await focused().textContent(), 'Paragraph');

    // Tab leaves the toolbar for the text; Shift+Tab comes back to the button last used.
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight']) await page.keyboard.press(key);
    await page.keyboard.press('Tab');
    assert.equal(await focused().getAttribute('role'), 'textbox');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focused().textContent(), 'Bold');

    // Enter on Bold, then typing, bolds what is typed.
    await page.keyboard.press('Enter');
    await page.keyboard.type('Keyed');
    assert.match(await bodyContaining(page, 'Keyed'), /<strong>Keyed<\/strong>/);
  });

  it('autosaves the whole form as JSON with the CSRF token once the writer pauses, and shows when', async () => {
    const { page } = session;
    server.autosaveReply = { status: 200, body: '{"ok":true}' };
    // A fake clock: the two-second pause passes when the test says so, and "Saved at" is known.
    await page.clock.install({ time: new Date('2026-11-20T10:42:00Z') });
    await open(page);
    await page.getByLabel('Title').fill('Harbour strike ends');
    await caretAtEnd(page);
    await page.keyboard.type(' Cranes moved again.');

    const saved = server.next('/autosave');
    await page.clock.runFor(2500);
    const request = await saved;
    assert.equal(request.headers['content-type'], 'application/json');
    assert.equal(request.headers['x-csrf-token'], CSRF_TOKEN);
    assert.deepEqual(JSON.parse(request.body), {
      title: 'Harbour strike ends',
      slug: 'harbour-strike-ends',
      bodyHtml: '<h2>Harbour</h2><p>The <em>tide</em> turned. Cranes moved again.</p>',
      regions: ['europe', 'africa'],
    });
    const status = page.locator('[data-autosave-status]');
    await status.filter({ hasText: 'Saved' }).waitFor();
    assert.equal(await status.textContent(), 'Saved at 10:42');
  });

  it('shows the server’s message when an autosave is refused', async () => {
    const { page } = session;
    server.autosaveReply = {
      status: 400,
      body: JSON.stringify({ error: { code: 'invalid_input', message: 'A title is required', field: 'title' } }),
    };
    await page.clock.install({ time: new Date('2026-11-20T10:42:00Z') });
    await open(page);
    await caretAtEnd(page);
    await page.keyboard.type(' Untitled.');

    const saved = server.next('/autosave');
    await page.clock.runFor(2500);
    await saved;
    const status = page.locator('[data-autosave-status]');
    await status.filter({ hasText: 'Could not save' }).waitFor();
    assert.equal(await status.textContent(), 'Could not save: A title is required');
  });

  it('fills the slug from the title until the slug is edited by hand', async () => {
    const { page } = session;
    await open(page);
    const title = page.getByLabel('Title');
    const slug = page.getByLabel('Slug');

    await title.pressSequentially('Élan vital: Café & Co.');
    assert.equal(await slug.inputValue(), 'elan-vital-cafe-co');
    await title.fill(`${'Long '.repeat(30)}title`);
    // Cut at 80 characters, and never left ending in a hyphen.
    assert.equal(await slug.inputValue(), Array(16).fill('long').join('-'));

    await slug.fill('harbour');
    assert.equal(await slug.getAttribute('data-auto'), null);
    await title.fill('A different headline');
    assert.equal(await slug.inputValue(), 'harbour');
  });
});
