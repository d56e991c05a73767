/**
 * Partner feeds for the ingest benchmark: FEEDS feeds of ITEMS items each (RSS 2.0, Atom 1.0 and
 * JSON Feed in turn), every item a distinct article of a few hundred words with links and emphasis.
 * Run directly, it serves them on a loopback port (printed on stdout) until killed, so the server
 * under test doesn't pay for serving its own input.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const places = ['the harbour', 'the valley', 'the old quarter', 'the northern districts', 'the river delta', 'the coastal road', 'the plateau', 'the market town'];
const subjects = ['water board', 'transport authority', 'regional council', 'teachers union', 'farmers cooperative', 'port operator', 'health trust', 'housing agency'];
const verbs = ['approved', 'postponed', 'revised', 'challenged', 'published', 'extended', 'suspended', 'reviewed'];
const things = ['budget', 'timetable', 'inspection report', 'tender', 'zoning plan', 'pay agreement', 'flood defences', 'school calendar'];

const pick = <T>(list: T[], n: number) => list[n % list.length]!;

function paragraph(feed: number, item: number, n: number): string {
  const seed = feed * 7919 + item * 104_729 + n * 13;
  return (
    `<p>The ${pick(subjects, seed)} ${pick(verbs, seed >> 2)} the <em>${pick(things, seed >> 3)}</em> for ${pick(places, seed >> 4)} on ` +
    `${(seed % 27) + 1} November, after ${(seed % 40) + 3} weeks of consultation. Residents who spoke at the hearing asked for ` +
    `clearer figures, and officials promised to publish <a href="/documents/${feed}-${item}-${n}">the supporting papers</a> ` +
    `before the next session. The decision affects about ${(seed % 90) + 10} thousand people, according to the ` +
    `<strong>${pick(subjects, seed >> 5)}</strong>, which said it would review the outcome in the spring. ` +
    `Report ${feed}.${item}.${n} in this series follows earlier coverage of the same questions.</p>`
  );
}

export interface BenchItem {
  id: string;
  url: string;
  title: string;
  date: string;
  html: string;
}

export function itemsOf(feed: number, count: number): BenchItem[] {
  return Array.from({ length: count }, (_, item) => {
    const date = new Date(Date.UTC(2026, 10, 28, 12) - (feed * count + item) * 60_000).toISOString();
    return {
      id: `urn:bench:${feed}:${item}`,
      url: `http://partner-${feed}.test/articles/${item}`,
      title: `${pick(subjects, feed + item)} ${pick(verbs, item)} ${pick(things, feed * 3 + item)} (${feed}-${item})`,
      date,
      html: Array.from({ length: 5 }, (_, n) => paragraph(feed, item, n)).join('\n'),
    };
  });
}

const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/** Feed `feed` in the format its number picks. */
export function feedBody(feed: number, count: number): { body: string; type: string } {
  const items = itemsOf(feed, count);
  if (feed % 3 === 0) {
    const entries = items
      .map((i) => `<item><title>${i.title}</title><link>${i.url}</link><guid isPermaLink="false">${i.id}</guid><pubDate>${new Date(i.date).toUTCString()}</pubDate><description>${cdata(i.html.slice(0, 200))}</description><content:encoded>${cdata(i.html)}</content:encoded></item>`)
      .join('\n');
    return {
      type: 'application/rss+xml',
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Partner ${feed}</title><link>http://partner-${feed}.test/</link><description>Bench partner</description>\n${entries}\n</channel></rss>`,
    };
  }
  if (feed % 3 === 1) {
    const entries = items
      .map((i) => `<entry><title>${i.title}</title><link rel="alternate" href="${i.url}"/><id>${i.id}</id><published>${i.date}</published><updated>${i.date}</updated><content type="html">${cdata(i.html)}</content></entry>`)
      .join('\n');
    return {
      type: 'application/atom+xml',
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Partner ${feed}</title><id>urn:bench:${feed}</id><updated>2026-11-28T12:00:00Z</updated><link href="http://partner-${feed}.test/"/>\n${entries}\n</feed>`,
    };
  }
  return {
    type: 'application/feed+json',
    body: JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: `Partner ${feed}`,
      home_page_url: `http://partner-${feed}.test/`,
      items: items.map((i) => ({ id: i.id, url: i.url, title: i.title, content_html: i.html, date_published: i.date })),
    }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const feeds = Number(process.argv[2] ?? 50);
  const items = Number(process.argv[3] ?? 200);
  const bodies = new Map(Array.from({ length: feeds }, (_, f) => [`/feeds/${f}`, feedBody(f, items)]));
  const server = http.createServer((req, res) => {
    const feed = bodies.get(req.url ?? '');
    if (!feed) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': feed.type }).end(feed.body);
  });
  server.listen(0, '127.0.0.1', () => console.log((server.address() as AddressInfo).port));
}
