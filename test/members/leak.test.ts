import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { forEachDatabase } from '../helpers/databases.js';
import { makeArticle, makeAuthor } from '../helpers/factories.js';
import { useSmtpServer } from '../helpers/smtp.js';
import { useTestApp, type RunningApp } from '../helpers/test-app.js';
import { addSubscribers } from '../newsletter/newsletter-client.js';
import { countingFakeProvider } from '../translation/counting-fake-provider.js';
import { makeReader, type TestReader } from './comment-fixtures.js';

// The words only the gated part of each article holds. The translation fake upper-cases words, so
// every check is made without regard to case.
const MEMBERS_SECRET = 'zanzibarquartz lemonadeharbour';
const PAID_SECRET = 'kilimanjarofeldspar orchardlantern';
const DAY = '2026-11-20';

const bodyWith = (secret: string) =>
  `<p>An opening anyone may read, about the harbour.</p><h2>Further down</h2><p>The part members pay for: ${secret}, and more.</p><p>Even later: ${secret}.</p>`;

const leaks = (text: string, secret: string) => secret.split(' ').filter((word) => text.toLowerCase().includes(word));

forEachDatabase('members-only and paid articles never leak their gated text', (dialect) => {
  const smtp = useSmtpServer();
  const t = useTestApp(dialect, { smtpUrl: () => smtp.url, scheduler: false, translationProviders: [countingFakeProvider({ pairs: ['en-es'] })] });
  let freeMember: TestReader;
  let supporter: TestReader;

  before(async () => {
    await makeAuthor(t.app.content, { slug: 'lena-ost', name: 'Lena Ost' });
    for (const [slug, visibility, secret] of [
      ['members-piece', 'members', MEMBERS_SECRET],
      ['paid-piece', 'paid', PAID_SECRET],
    ] as const) {
      const article = await makeArticle(t.app.content, {
        slug,
        title: `A ${visibility} piece`,
        dek: 'What the piece is about.',
        bodyHtml: bodyWith(secret),
        visibility,
        authors: ['lena-ost'],
        publishedAt: `${DAY}T08:00:00.000Z`,
      });
      await t.app.translation.articles.translateArticle(article.id, 'es');
    }
    freeMember = await makeReader(t, { level: 'member' });
    supporter = await makeReader(t, { level: 'supporter' });
    await addSubscribers(t, ['subscriber@example.org']);
    await t.app.issues.assemble(DAY);
    await t.app.delivery.sendDue();
  });

  /** Every public path that shows something of an article: pages, API, feeds, search, sitemaps, the newsletter archive. */
  const paths = (slug: string, searchWord: string) => [
    `/articles/${slug}`,
    `/es/articles/${slug}`,
    `/articles/${slug}/republish`,
    `/articles/${slug}.ninjs.json`,
    `/api/v1/articles/${slug}`,
    '/api/v1/articles',
    '/',
    '/es',
    '/authors/lena-ost',
    '/archive/2026/11',
    '/feed.xml',
    '/atom.xml',
    '/feed.json',
    '/es/feed.xml',
    '/authors/lena-ost/feed.xml',
    '/sitemap.xml',
    '/sitemaps/articles-1.xml',
    '/news-sitemap.xml',
    `/newsletter/archive/${DAY}`,
    `/search?q=${searchWord}`,
    `/api/v1/search?q=${searchWord}`,
  ];

  async function fetchAll(list: string[], cookie?: string): Promise<{ path: string; status: number; body: string }[]> {
    const answers = [];
    for (const path of list) {
      const res = await fetch(t.baseUrl + path, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
      answers.push({ path, status: res.status, body: await res.text() });
    }
    return answers;
  }

  /** The search pages echo the word asked for; only the gated article's other secret word would be a leak. */
  const assertNoLeak = (answers: { path: string; body: string }[], secret: string, searchWord: string) => {
    for (const { path, body } of answers) {
      const shown = path.includes('search') ? body.split(searchWord).join('') : body;
      assert.deepEqual(leaks(shown, secret), [], `${path} leaked the gated text`);
    }
  };

  describe('as an anonymous reader', () => {
    for (const [slug, secret] of [
      ['members-piece', MEMBERS_SECRET],
      ['paid-piece', PAID_SECRET],
    ] as const) {
      it(`shows nothing of the ${slug}'s gated text through any path`, async () => {
        const searchWord = secret.split(' ')[0]!;
        const answers = await fetchAll(paths(slug, searchWord));
        assert.equal(answers[0]!.status, 200);
        assert.match(answers[0]!.body, /An opening anyone may read/, 'the teaser is shown');
        assert.match(answers[0]!.body, /class="join-prompt"/);
        assertNoLeak(answers, secret, searchWord);
        const search = JSON.parse(answers.at(-1)!.body) as { total: number };
        assert.equal(search.total, 0, 'the gated words find nothing');
      });
    }

    it('gives the newsletter only the headline and summary', () => {
      const mail = smtp.received.find((m) => m.to.includes('subscriber@example.org'));
      assert.ok(mail);
      assert.match(mail.text, /A paid piece/);
      assert.deepEqual([...leaks(mail.text, PAID_SECRET), ...leaks(String(mail.parsed.html), MEMBERS_SECRET)], []);
    });

    it('keeps the teaser page for signed-out readers only, private to their browser', async () => {
      const res = await fetch(`${t.baseUrl}/articles/members-piece`);
      assert.equal(res.headers.get('cache-control'), 'private, max-age=0, must-revalidate');
      assert.match(res.headers.get('vary') ?? '', /Cookie/);
    });
  });

  describe('as a free member', () => {
    it('shows nothing of a paid article’s gated text through any path', async () => {
      const searchWord = PAID_SECRET.split(' ')[0]!;
      const answers = await fetchAll(paths('paid-piece', searchWord), freeMember.cookie);
      assert.match(answers[0]!.body, /This article is for supporting members/);
      assertNoLeak(answers, PAID_SECRET, searchWord);
    });

    it('shows a members-only article whole, and never keeps that page', async () => {
      const res = await fetch(`${t.baseUrl}/articles/members-piece`, { headers: { cookie: freeMember.cookie } });
      const html = await res.text();
      assert.deepEqual(leaks(html, MEMBERS_SECRET).length, 2, 'a member reads the whole piece');
      assert.equal(res.headers.get('cache-control'), 'private, no-store');
      const spanish = await (await fetch(`${t.baseUrl}/es/articles/members-piece`, { headers: { cookie: freeMember.cookie } })).text();
      assert.equal(leaks(spanish, MEMBERS_SECRET).length, 2, 'and its translation');
    });
  });

  describe('through the page cache', () => {
    it('never hands a supporter’s whole page to anyone else, nor the teaser to a supporter', async () => {
      await pageFor(t, '/articles/paid-piece', supporter);
      assert.deepEqual(leaks(await pageFor(t, '/articles/paid-piece'), PAID_SECRET), [], 'anonymous after a supporter');
      assert.deepEqual(leaks(await pageFor(t, '/articles/paid-piece', freeMember), PAID_SECRET), [], 'a free member after a supporter');
      assert.ok(t.app.cache.get('/articles/paid-piece'), 'the teaser is cached for signed-out readers');
      assert.equal(leaks(await pageFor(t, '/articles/paid-piece', supporter), PAID_SECRET).length, 2, 'the supporter still gets the whole piece');
    });
  });
});

async function pageFor(t: RunningApp, path: string, reader?: TestReader): Promise<string> {
  const res = await fetch(t.baseUrl + path, { headers: reader ? { cookie: reader.cookie } : {} });
  assert.equal(res.status, 200, path);
  return res.text();
}
