import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DomUtils, parseDocument } from 'htmlparser2';
import { renderIssueEmail, type IssueEmailOptions, type NewsletterIssue } from '../../src/newsletter/issue-email.js';

type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

const HOSTILE_TITLE = '<script>alert("gotcha")</script> Tolls & "fares" rise';

function issueOf(overrides: Partial<NewsletterIssue> = {}): NewsletterIssue {
  return {
    date: '2026-11-20',
    intro: 'Good morning.\n\nThree stories from the harbour district today.',
    articles: [
      {
        title: 'Harbour ferry timetable doubles for the winter',
        dek: 'The council adds evening crossings after a year of queues.',
        url: 'https://ledger.test/articles/ferry-timetable?utm=none&x=1',
        authors: ['Mara Okafor', 'Tomás Reyes'],
        kicker: 'Transport',
        imageUrl: 'https://ledger.test/media/2026/11/ferry-960.webp',
        imageAlt: 'A ferry leaving the north pier at dusk',
        imageWidth: 960,
        imageHeight: 540,
      },
      { title: HOSTILE_TITLE, dek: 'A dek with <b>tags</b> & ampersands.', url: 'https://ledger.test/articles/tolls', authors: [] },
      { title: 'Library reopens', dek: '', url: 'https://partner.test/a"onmouseover="x', authors: ['Ines Alvarado'] },
    ],
    ...overrides,
  };
}

const options: IssueEmailOptions = {
  siteName: 'The Ledger',
  siteUrl: 'https://ledger.test',
  language: 'en',
  unsubscribeUrl: 'https://ledger.test/newsletter/unsubscribe?token=t0k3n&list=daily',
  preferencesUrl: 'https://ledger.test/newsletter/preferences?token=t0k3n',
  archiveUrl: 'https://ledger.test/newsletter/archive',
  postalLine: 'The Ledger, 12 Quay Street, Portmere',
};

const render = (issue = issueOf(), opts = options) => renderIssueEmail(issue, opts);
const dom = (html: string) => parseDocument(html);
const elements = (html: string, name: string): Element[] => DomUtils.getElementsByTagName(name, dom(html));

describe('the newsletter email', () => {
  test('lays out with presentation tables around a centred 600px card', () => {
    const tables = elements(render().html, 'table');
    assert.ok(tables.length >= 2);
    for (const table of tables) assert.equal(table.attribs.role, 'presentation');
    const card = tables.find((t) => t.attribs.width === '600');
    assert.ok(card, 'a 600px table');
    assert.match(card.attribs.style ?? '', /max-width:600px/);
    assert.equal((card.parent as Element).attribs.align, 'center');
  });

  test('carries its styles inline on every element that shows something', () => {
    const { html } = render();
    for (const name of ['body', 'table', 'p', 'h2', 'a', 'img']) {
      for (const element of elements(html, name)) assert.ok(element.attribs.style, `<${name}> has an inline style`);
    }
    for (const td of elements(html, 'td')) assert.ok(td.attribs.style, 'every cell has an inline style');
  });

  test('has no tracking pixel: only article images, each with width, height, alt and border:0', () => {
    const images = elements(render().html, 'img');
    assert.equal(images.length, 1);
    const [image] = images;
    assert.equal(image!.attribs.src, 'https://ledger.test/media/2026/11/ferry-960.webp');
    assert.equal(image!.attribs.alt, 'A ferry leaving the north pier at dusk');
    assert.equal(image!.attribs.width, '536');
    assert.equal(image!.attribs.height, '302', 'the height keeps the 16:9 shape');
    assert.match(image!.attribs.style!, /border:0/);
  });

  test('links every article, the site and the footer pages exactly as given, and nothing else', () => {
    const issue = issueOf();
    const hrefs = new Set(elements(render(issue).html, 'a').map((a) => a.attribs.href));
    const given = new Set([...issue.articles.map((a) => a.url), options.siteUrl, options.unsubscribeUrl, options.preferencesUrl, options.archiveUrl]);
    assert.deepEqual(hrefs, given);
    for (const href of hrefs) assert.match(href!, /^https:\/\//);
  });

  test('shows hostile titles and deks as text', () => {
    const { html } = render();
    assert.equal(elements(html, 'script').length, 0);
    assert.equal(elements(html, 'b').length, 0);
    const headlines = elements(html, 'h2').map((h) => DomUtils.textContent(h));
    assert.ok(headlines.includes(HOSTILE_TITLE), headlines.join(' | '));
    assert.ok(DomUtils.textContent(dom(html)).includes('A dek with <b>tags</b> & ampersands.'));
    assert.ok(!elements(html, 'a').some((a) => 'onmouseover' in a.attribs), 'a quote in a URL cannot open an attribute');
  });

  test('puts the unsubscribe and preferences links in the footer, with the postal line', () => {
    const { html } = render();
    const links = elements(html, 'a');
    const last = links.slice(-3).map((a) => a.attribs.href);
    assert.deepEqual(last, [options.archiveUrl, options.preferencesUrl, options.unsubscribeUrl]);
    assert.ok(DomUtils.textContent(dom(html)).includes('12 Quay Street, Portmere'));
  });

  test('opens with a hidden preheader taken from the intro', () => {
    const first = elements(render().html, 'div')[0]!;
    assert.match(first.attribs.style!, /display:none/);
    assert.match(DomUtils.textContent(first), /^Good morning\. Three stories/);
  });

  test('writes a plain-text part with titles, deks, bylines, URLs on their own lines and the unsubscribe URL', () => {
    const issue = issueOf();
    const lines = render(issue).text.split('\n');
    for (const article of issue.articles) {
      assert.ok(lines.includes(article.title), article.title);
      assert.ok(lines.includes(article.url), article.url);
    }
    assert.ok(lines.includes('The council adds evening crossings after a year of queues.'));
    assert.ok(lines.includes('Mara Okafor and Tomás Reyes'));
    assert.ok(lines.includes('Good morning.'));
    assert.ok(lines.includes(`Unsubscribe: ${options.unsubscribeUrl}`));
    assert.ok(lines.includes(`Preferences: ${options.preferencesUrl}`));
    assert.doesNotMatch(render(issue).text, /&(amp|lt|gt|quot);/, 'the text part is not HTML-escaped');
  });

  test('leaves out the intro when there is none', () => {
    const { html, text } = render(issueOf({ intro: '' }));
    assert.doesNotMatch(text, /Good morning/);
    assert.equal(DomUtils.textContent(elements(html, 'div')[0]!), 'The council adds evening crossings after a year of queues.', 'the preheader falls back to the first dek');
  });

  test('sets lang and dir from the subscriber language', () => {
    const english = dom(render().html);
    const arabic = dom(render(issueOf(), { ...options, language: 'ar' }).html);
    const htmlOf = (doc: ReturnType<typeof dom>) => DomUtils.getElementsByTagName('html', doc)[0]!.attribs;
    assert.deepEqual([htmlOf(english).lang, htmlOf(english).dir], ['en', 'ltr']);
    assert.deepEqual([htmlOf(arabic).lang, htmlOf(arabic).dir], ['ar', 'rtl']);
  });

  test('writes the date in the subscriber language, in the subject and the masthead', () => {
    const english = render();
    const french = render(issueOf(), { ...options, language: 'fr' });
    assert.ok(english.subject.startsWith('The Ledger: November 20, 2026 · '), english.subject);
    assert.ok(french.subject.startsWith('The Ledger: 20 novembre 2026 · '), french.subject);
    assert.ok(DomUtils.textContent(dom(french.html)).includes('20 novembre 2026'));
  });

  test('puts the first headline in the subject, cut at a word when long', () => {
    const long = 'Regional water board approves a decade-long plan to replace every lead pipe in the valley towns';
    const { subject } = render(issueOf({ articles: [{ title: long, dek: '', url: 'https://ledger.test/a', authors: [] }] }));
    const headline = subject.split(' · ')[1]!;
    assert.ok(headline.endsWith('…'), subject);
    assert.ok(Array.from(headline).length <= 60, subject);
    assert.ok(long.startsWith(headline.slice(0, -1)), 'the cut keeps the headline start');
    assert.doesNotMatch(headline, /\s…$/);
  });

  test('refuses a link that is not an absolute http(s) URL', () => {
    const bad = issueOf({ articles: [{ title: 'x', dek: '', url: 'javascript:alert(1)', authors: [] }] });
    assert.throws(() => render(bad), /absolute http\(s\) URLs/);
  });
});
