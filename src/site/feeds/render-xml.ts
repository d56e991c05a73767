import { Feed, type Item } from 'feed';
import type { FeedEntry, FeedModel } from './feed-model.js';
import { escapeHtml } from '../../escape-html.js';
import { xmlSafe } from './text.js';

/*
 * The `feed` package writes the XML; these wrappers give it only what its writer (xml-js) carries
 * intact. It puts titles and HTML in CDATA sections and escapes only the first "]]>" in each, and it
 * escapes attribute values only for quotes.
 */

// In HTML "&gt;" and ">" are the same character, so a body loses nothing.
const htmlForCdata = (html: string) => xmlSafe(html).replace(/]]>/g, ']]&gt;');
// RSS titles are plain text; a zero-width space keeps a literal "]]>" from ending the section.
const textForCdata = (text: string) => xmlSafe(text).replace(/]]>/g, ']]\u200B>');
// "<" cannot be written into an attribute through the library; a look-alike keeps the label readable.
const attributeText = (text: string) => xmlSafe(text).replace(/</g, '\u2039');

function channel(model: FeedModel, self: { rss?: string; atom?: string }) {
  return new Feed({
    id: model.homeUrl,
    title: xmlSafe(model.title),
    description: xmlSafe(model.description),
    link: model.homeUrl,
    language: model.language,
    copyright: xmlSafe(model.copyright),
    updated: model.updated,
    generator: 'Broadsheet',
    feedLinks: self,
  });
}

/** The summary (HTML) and full content an entry carries: the dek and body, or just the summary. */
function parts(entry: FeedEntry) {
  if (!entry.fullText) return { summary: htmlForCdata(entry.contentHtml) || undefined, content: undefined };
  return { summary: entry.summary ? htmlForCdata(escapeHtml(entry.summary)) : undefined, content: htmlForCdata(entry.contentHtml) };
}

/** RSS 2.0, with the content module for full text. */
export function renderRss(model: FeedModel): string {
  const feed = channel(model, { rss: model.self.rss });
  for (const entry of model.entries) {
    const { summary, content } = parts(entry);
    const item: Item = {
      title: textForCdata(entry.title),
      link: entry.url,
      date: entry.updated,
      published: entry.published,
      ...(summary ? { description: summary } : {}),
      ...(content ? { content } : {}),
      author: entry.authors.map((a) => ({ name: xmlSafe(a.name) })),
      category: entry.categories.map((c) => ({ name: xmlSafe(c.name), domain: c.scheme })),
      // The length is unknown here; RSS readers take 0 as "not given".
      ...(entry.image ? { enclosure: { url: entry.image.url, type: entry.image.type, length: 0 } } : {}),
    };
    feed.addItem(item);
  }
  return feed.rss2();
}

/** Atom 1.0. Titles are declared HTML by the library, so they go in escaped. */
export function renderAtom(model: FeedModel): string {
  const feed = channel(model, { atom: model.self.atom });
  for (const entry of model.entries) {
    const { summary, content } = parts(entry);
    feed.addItem({
      title: htmlForCdata(escapeHtml(entry.title)),
      id: entry.id,
      link: entry.url,
      date: entry.updated,
      published: entry.published,
      ...(summary ? { description: summary } : {}),
      ...(content ? { content } : {}),
      author: entry.authors.map((a) => ({ name: xmlSafe(a.name), link: a.url })),
      category: entry.categories.map((c) => ({ term: c.slug, scheme: c.scheme, name: attributeText(c.name) })),
      ...(entry.image ? { image: entry.image.url } : {}),
    });
  }
  return fixEnclosureTypes(feed.atom1(), model.entries);
}

/**
 * The library names an Atom enclosure's type after the file extension ("image/svg", "image/jpg");
 * the real media type replaces it on exactly those links.
 */
function fixEnclosureTypes(xml: string, entries: FeedEntry[]): string {
  let out = xml;
  for (const image of new Set(entries.flatMap((e) => (e.image ? [`${e.image.url}\n${e.image.type}`] : [])))) {
    const [url, type] = image.split('\n') as [string, string];
    const href = new URL(url).toString().replace(/&/g, '&amp;');
    const guessed = `image/${new URL(url).pathname.split('.').pop()}`;
    out = out.replaceAll(`href="${href}" type="${guessed}"`, `href="${href}" type="${type}"`);
  }
  return out;
}
