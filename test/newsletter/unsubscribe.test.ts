import assert from 'node:assert/strict';
import { beforeEach, it } from 'node:test';
import { forEachDatabase } from '../helpers/databases.js';
import { useSmtpServer } from '../helpers/smtp.js';
import { useTestApp } from '../helpers/test-app.js';
import { confirmationLink, consents, mainOf, nextWindow, postForm, subscribeAndConfirm, subscriber } from './newsletter-client.js';

/** Path and query of a link the service makes for a subscriber. */
const pathOf = (url: string) => url.replace('https://news.test', '');

forEachDatabase('newsletter unsubscribe and preferences', (dialect) => {
  const smtp = useSmtpServer();
  const t = useTestApp(dialect, { smtpUrl: () => smtp.url, scheduler: false });
  const linksFor = async (id: number) => {
    const links = await t.app.newsletter.linksFor(id);
    return { unsubscribe: pathOf(links.unsubscribe), preferences: pathOf(links.preferences) };
  };

  beforeEach(() => nextWindow(t));

  it('unsubscribes at once on a POST carrying List-Unsubscribe=One-Click (RFC 8058), and again changes nothing', async () => {
    const id = await subscribeAndConfirm(t, smtp, 'one-click@example.org');
    const { unsubscribe } = await linksFor(id);
    const first = await postForm(t, unsubscribe, { 'List-Unsubscribe': 'One-Click' });
    assert.equal(first.status, 200);
    assert.equal(first.res.headers.get('cache-control'), 'no-store');
    assert.match(mainOf(first.html), /<h1>You are unsubscribed<\/h1>/);
    const row = await subscriber(t, 'one-click@example.org');
    assert.equal(row?.status, 'unsubscribed');
    assert.equal(row?.unsubscribed_at, t.clock.now().toISOString());
    assert.deepEqual((await consents(t, id)).map((c) => [c.action, c.form]).at(-1), ['unsubscribe', 'email']);

    const again = await postForm(t, unsubscribe, { 'List-Unsubscribe': 'One-Click' });
    assert.equal(again.status, 200);
    assert.equal((await consents(t, id)).filter((c) => c.action === 'unsubscribe').length, 1);
  });

  it('takes the one-click POST as multipart form data too', async () => {
    const id = await subscribeAndConfirm(t, smtp, 'multipart@example.org');
    const body = new FormData();
    body.set('List-Unsubscribe', 'One-Click');
    const res = await fetch(t.baseUrl + (await linksFor(id)).unsubscribe, { method: 'POST', body });
    assert.equal(res.status, 200);
    assert.equal((await subscriber(t, 'multipart@example.org'))?.status, 'unsubscribed');
  });

  it('shows a page with one button whose plain form post unsubscribes', async () => {
    const id = await subscribeAndConfirm(t, smtp, 'by-hand@example.org');
    const { unsubscribe } = await linksFor(id);
    const page = await t.get(unsubscribe);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('cache-control'), 'no-store');
    const main = mainOf(await page.text());
    assert.equal((main.match(/<button/g) ?? []).length, 1);
    const action = /<form[^>]*action="([^"]+)"[^>]*method="post"/.exec(main)?.[1]?.replaceAll('&amp;', '&');
    assert.equal(action, unsubscribe);
    assert.equal((await subscriber(t, 'by-hand@example.org'))?.status, 'active', 'opening the page alone unsubscribes nobody');

    assert.equal((await postForm(t, action, {})).status, 200);
    assert.equal((await subscriber(t, 'by-hand@example.org'))?.status, 'unsubscribed');
    assert.deepEqual((await consents(t, id)).map((c) => [c.action, c.form]).at(-1), ['unsubscribe', 'page']);
  });

  it('refuses a tampered unsubscribe link', async () => {
    const id = await subscribeAndConfirm(t, smtp, 'kept@example.org');
    const { unsubscribe } = await linksFor(id);
    const tampered = unsubscribe.replace(`.${id}.`, `.${id + 1}.`);
    assert.equal((await postForm(t, tampered, { 'List-Unsubscribe': 'One-Click' })).status, 400);
    assert.equal((await t.get(tampered)).status, 400);
    assert.equal((await subscriber(t, 'kept@example.org'))?.status, 'active');
  });

  it('does not let a confirmation link from before an unsubscribe sign the reader up again', async () => {
    await postForm(t, '/newsletter', { email: 'changed-mind@example.org' });
    const link = await confirmationLink(smtp, 'changed-mind@example.org');
    assert.equal((await t.get(link)).status, 200);
    const id = (await subscriber(t, 'changed-mind@example.org'))!.id;
    await postForm(t, (await linksFor(id)).unsubscribe, { 'List-Unsubscribe': 'One-Click' });
    assert.equal((await t.get(link)).status, 400);
    assert.equal((await subscriber(t, 'changed-mind@example.org'))?.status, 'unsubscribed');
  });

  it('lets the holder of the preferences link change the language, and links to unsubscribe', async () => {
    const id = await subscribeAndConfirm(t, smtp, 'choosy@example.org');
    const { preferences } = await linksFor(id);
    const page = await t.get(preferences);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('cache-control'), 'no-store');
    const main = mainOf(await page.text());
    assert.match(main, /<option value="en" selected[^>]*>English<\/option>/);
    assert.match(main, /href="https:\/\/news\.test\/newsletter\/unsubscribe\?token=u\./);

    const saved = await postForm(t, preferences, { language: 'es' });
    assert.equal(saved.status, 200);
    assert.match(mainOf(saved.html), /Your choice is saved/);
    assert.equal((await subscriber(t, 'choosy@example.org'))?.language, 'es');
    assert.deepEqual((await consents(t, id)).at(-1)?.action, 'preferences');

    assert.equal((await postForm(t, preferences, { language: 'klingon' })).status, 400);
    assert.equal((await subscriber(t, 'choosy@example.org'))?.language, 'es');
  });

  it('never puts a page reached by a link into the page cache', async () => {
    const id = await subscribeAndConfirm(t, smtp, 'uncached@example.org');
    const { unsubscribe, preferences } = await linksFor(id);
    const entries = t.app.cache.size.entries;
    for (const path of [unsubscribe, preferences, unsubscribe]) assert.equal((await t.get(path)).status, 200);
    assert.equal(t.app.cache.size.entries, entries);
  });
});
