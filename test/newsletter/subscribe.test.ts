import assert from 'node:assert/strict';
import { beforeEach, it } from 'node:test';
import { forEachDatabase } from '../helpers/databases.js';
import { useSmtpServer } from '../helpers/smtp.js';
import { useTestApp } from '../helpers/test-app.js';
import { confirmationLink, consents, mainOf, nextWindow, postForm, postJson, rowCount, subscribeAndConfirm, subscriber } from './newsletter-client.js';
import { refusedAddresses } from './refused-addresses.js';

forEachDatabase('newsletter sign-up with double opt-in', (dialect) => {
  const smtp = useSmtpServer();
  const t = useTestApp(dialect, { smtpUrl: () => smtp.url, scheduler: false });

  beforeEach(() => nextWindow(t));

  it('mails a confirmation link to a new address, and opening it makes an active subscriber', async () => {
    const signup = await postForm(t, '/newsletter', { email: '  Ada.Reader@Example.ORG ', language: 'fr', form: 'page' });
    assert.equal(signup.status, 200);
    assert.equal(signup.res.headers.get('cache-control'), 'no-store');
    assert.match(mainOf(signup.html), /<h1>Check your inbox<\/h1>/);
    assert.equal((await subscriber(t, 'ada.reader@example.org'))?.status, 'pending');

    const link = await confirmationLink(smtp, 'ada.reader@example.org');
    const confirmed = await t.get(link);
    assert.equal(confirmed.status, 200);
    assert.equal(confirmed.headers.get('cache-control'), 'no-store');
    assert.equal(confirmed.headers.get('referrer-policy'), 'no-referrer');
    assert.match(mainOf(await confirmed.text()), /<h1>You are subscribed<\/h1>[\s\S]*href="https:\/\/news\.test\/newsletter\/preferences\?token=/);

    const row = await subscriber(t, 'ada.reader@example.org');
    assert.equal(row?.status, 'active');
    assert.equal(row?.language, 'fr');
    assert.equal(row?.confirmed_at, t.clock.now().toISOString());
    assert.deepEqual((await consents(t, row!.id)).map((c) => [c.action, c.form]), [['subscribe', 'page'], ['confirm', 'page']]);

    // Opening the link again (a second click, a mail scanner) changes and records nothing.
    assert.equal((await t.get(link)).status, 200);
    assert.equal((await consents(t, row!.id)).length, 2);
  });

  it('gives a new, a pending and an active address the same answer; only the first two are mailed', async () => {
    await subscribeAndConfirm(t, smtp, 'active@example.org');
    await postForm(t, '/newsletter', { email: 'pending@example.org' });
    await confirmationLink(smtp, 'pending@example.org');
    nextWindow(t);

    const answers = [];
    for (const email of ['new@example.org', 'pending@example.org', 'active@example.org']) {
      const { status, html } = await postForm(t, '/newsletter', { email, form: 'footer' });
      answers.push({ status, html });
    }
    assert.deepEqual(answers[1], answers[0], 'a pending address is answered like a new one');
    assert.deepEqual(answers[2], answers[0], 'an active address is answered like a new one');

    assert.ok(await confirmationLink(smtp, 'new@example.org'));
    assert.ok(await confirmationLink(smtp, 'pending@example.org'), 'a pending address gets its link again');
    // Mail goes out before the answer, so everything sent for the three sign-ups has arrived by now.
    assert.equal(smtp.received.filter((m) => m.to.includes('active@example.org')).length, 1, 'the active address got only its first confirmation');
    assert.equal((await subscriber(t, 'active@example.org'))?.status, 'active');

    const api = await Promise.all(['new@example.org', 'active@example.org'].map((email) => postJson(t, '/api/v1/newsletter/subscriptions', { email })));
    assert.deepEqual(api.map((r) => [r.status, r.json]), [[202, { status: 'pending' }], [202, { status: 'pending' }]]);
  });

  it('mails a pending address at most once in ten minutes, however often it is signed up', async () => {
    await postForm(t, '/newsletter', { email: 'often@example.org' });
    await postForm(t, '/newsletter', { email: 'often@example.org' });
    await postForm(t, '/newsletter', { email: 'once-more@example.org' });
    await confirmationLink(smtp, 'once-more@example.org');
    assert.equal(smtp.received.filter((m) => m.to.includes('often@example.org')).length, 1);
  });

  it('refuses a confirmation link after two days, and a new sign-up sends one that works', async () => {
    await postForm(t, '/newsletter', { email: 'slow@example.org' });
    const stale = await confirmationLink(smtp, 'slow@example.org');
    t.clock.set(new Date(t.clock.now().getTime() + 2 * 86_400_000 + 60_000).toISOString());
    const refused = await t.get(stale);
    assert.equal(refused.status, 400);
    assert.equal(refused.headers.get('cache-control'), 'no-store');
    assert.match(await refused.text(), /This link has expired/);
    assert.equal((await subscriber(t, 'slow@example.org'))?.status, 'pending');

    await postForm(t, '/newsletter', { email: 'slow@example.org' });
    assert.equal((await t.get(await confirmationLink(smtp, 'slow@example.org'))).status, 200);
    assert.equal((await subscriber(t, 'slow@example.org'))?.status, 'active');
  });

  it('refuses a tampered link, or a link made for something else, and changes nothing', async () => {
    await postForm(t, '/newsletter', { email: 'careful@example.org' });
    const link = await confirmationLink(smtp, 'careful@example.org');
    const token = new URL(link, t.baseUrl).searchParams.get('token')!;
    const [purpose, id, expires, signature] = token.split('.') as [string, string, string, string];
    const other = await subscribeAndConfirm(t, smtp, 'other@example.org');
    const forged = [
      `${purpose}.${other}.${expires}.${signature}`,
      `${purpose}.${id}.${Number(expires) + 86_400}.${signature}`,
      `${purpose}.${id}.${expires}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`,
      `u.${id}.${expires}.${signature}`,
      'not-a-token',
    ];
    for (const bad of forged) {
      const res = await t.get(`/newsletter/confirm?token=${encodeURIComponent(bad)}`);
      assert.equal(res.status, 400, bad);
      assert.match(await res.text(), /This link is (not valid|malformed)|The link is malformed/, bad);
    }
    assert.equal((await t.get(`/newsletter/unsubscribe?token=${encodeURIComponent(token)}`)).status, 400, 'a confirm token does not unsubscribe');
    assert.equal((await t.get('/newsletter/confirm')).status, 400);
    assert.equal((await subscriber(t, 'careful@example.org'))?.status, 'pending');
    assert.equal((await subscriber(t, 'other@example.org'))?.status, 'active');
  });

  it('refuses bad and hostile addresses with a 400 that says why, writing and mailing nothing', async () => {
    const before = { subscribers: await rowCount(t, 'newsletter_subscribers'), consents: await rowCount(t, 'newsletter_consents'), mail: smtp.received.length };
    for (const [why, email] of refusedAddresses) {
      const page = await postForm(t, '/newsletter', { email, form: 'footer' });
      assert.equal(page.status, 400, why);
      assert.match(page.html, /<p class="form-error" role="alert">[^<]{10,}<\/p>/, `${why}: the form says why`);
      assert.doesNotMatch(page.html, /<script>alert/, `${why}: the entry is escaped when shown back`);
      const api = await postJson(t, '/api/v1/newsletter/subscriptions', { email });
      assert.equal(api.status, 400, why);
      assert.deepEqual(Object.keys(api.json), ['error']);
      assert.equal((api.json.error as { field: string }).field, 'email', why);
    }
    const odd = [{ email: 'fine@example.org', language: 'xx' }, { email: 'fine@example.org', extra: 1 }, { email: ['fine@example.org'] }, 'fine@example.org'];
    for (const body of odd) assert.equal((await postJson(t, '/api/v1/newsletter/subscriptions', body)).status, 400, JSON.stringify(body));
    assert.equal((await postForm(t, '/newsletter', { email: 'fine@example.org', form: 'api' })).status, 400);
    assert.equal((await postForm(t, '/newsletter', { email: 'fine@example.org', language: 'xx' })).status, 400);

    assert.equal(await rowCount(t, 'newsletter_subscribers'), before.subscribers);
    assert.equal(await rowCount(t, 'newsletter_consents'), before.consents);
    assert.equal(smtp.received.length, before.mail);
  });

  it('refuses the sixth sign-up from one client address within ten minutes with a 429, and takes sign-ups again after', async () => {
    for (let i = 1; i <= 5; i++) assert.equal((await postJson(t, '/api/v1/newsletter/subscriptions', { email: `burst-${i}@example.org` })).status, 202);
    const refused = await postJson(t, '/api/v1/newsletter/subscriptions', { email: 'burst-6@example.org' });
    assert.equal(refused.status, 429);
    assert.equal((refused.json.error as { code: string }).code, 'rate_limited');
    const page = await postForm(t, '/newsletter', { email: 'burst-6@example.org' });
    assert.equal(page.status, 429);
    assert.match(page.html, /Too many sign-ups/);
    assert.equal(await subscriber(t, 'burst-6@example.org'), undefined);

    nextWindow(t);
    assert.equal((await postJson(t, '/api/v1/newsletter/subscriptions', { email: 'burst-6@example.org' })).status, 202);
  });

  it('answers the API with 202 pending and takes the language, defaulting to the site’s', async () => {
    const chosen = await postJson(t, '/api/v1/newsletter/subscriptions', { email: 'api-pt@example.org', language: 'pt' });
    assert.deepEqual([chosen.status, chosen.json], [202, { status: 'pending' }]);
    assert.equal(chosen.res.headers.get('cache-control'), 'no-store');
    await postJson(t, '/api/v1/newsletter/subscriptions', { email: 'api-default@example.org' });
    assert.equal((await subscriber(t, 'api-pt@example.org'))?.language, 'pt');
    assert.equal((await subscriber(t, 'api-default@example.org'))?.language, 'en');
    const [row] = await consents(t, (await subscriber(t, 'api-pt@example.org'))!.id);
    assert.deepEqual([row?.action, row?.form, JSON.parse(row!.detail)], ['subscribe', 'api', { language: 'pt' }]);
  });

  it('keeps a keyed hash of the client address in the consent record, never the address itself', async () => {
    await subscribeAndConfirm(t, smtp, 'private@example.org');
    const rows = await t.app.database.db.selectFrom('newsletter_consents').selectAll().execute();
    assert.ok(rows.length > 0);
    for (const row of rows) assert.match(row.ip_hash ?? '', /^[0-9a-f]{64}$/);
    assert.equal(new Set(rows.map((r) => r.ip_hash)).size, 1, 'one client address, one hash');
    const everything = JSON.stringify([rows, await t.app.database.db.selectFrom('newsletter_subscribers').selectAll().execute()]);
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) assert.ok(!everything.includes(address), `${address} is stored nowhere`);
  });
});
