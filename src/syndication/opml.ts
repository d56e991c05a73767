import type { ContentService } from '../content/index.js';
import { slugify } from '../content/slugify.js';
import { escapeHtml } from '../escape-html.js';
import { AppError } from '../errors.js';
import type { FeedSettings, FeedStatus } from './feed-settings.js';
import { FeedParseError } from './parse/types.js';
import { parseXmlTree, type XmlElement } from './parse/xml-tree.js';

/** Larger than any newsroom's list of partners; a bigger upload is refused before it is read. */
export const OPML_MAX_BYTES = 1024 * 1024;
export const OPML_MAX_OUTLINES = 500;

/** One partner feed as an OPML outline carries it. */
export interface OpmlFeed {
  name: string;
  feedUrl: string;
  homepageUrl: string;
}

/** A feed outline read from an uploaded file; `position` counts feed outlines from 1, in document order. */
export interface OpmlOutline extends OpmlFeed {
  position: number;
}

/** What an import did: the sources it added, and the outlines it left alone and why. */
export interface OpmlImport {
  added: FeedStatus[];
  skipped: { name: string; feedUrl: string; reason: string }[];
}

const refuse = (message: string) => new AppError('invalid_opml', message, 400, 'file');

// Characters XML 1.0 cannot carry at all, even escaped.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const xmlText = (text: string) => escapeHtml(text.replace(NOT_XML, ''));

/** The partner feeds as an OPML 2.0 document, for feed readers and other newsrooms' tools. */
export function writeOpml(title: string, feeds: OpmlFeed[]): string {
  const outlines = feeds.map(
    (f) => `    <outline type="rss" text="${xmlText(f.name)}" title="${xmlText(f.name)}" xmlUrl="${xmlText(f.feedUrl)}" htmlUrl="${xmlText(f.homepageUrl)}"/>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${xmlText(title)}</title>`,
    '  </head>',
    '  <body>',
    ...outlines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}

/** An attribute by name, whatever its case: tools write `xmlUrl`, `xmlurl` and `XMLURL`. */
function attr(element: XmlElement, name: string): string {
  const key = Object.keys(element.attrs).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? '' : (element.attrs[key] ?? '').trim();
}

const childOutlines = (element: XmlElement) =>
  element.children.filter((node): node is XmlElement => typeof node !== 'string' && node.local.toLowerCase() === 'outline');

function httpUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function documentOf(bytes: Uint8Array): XmlElement {
  if (bytes.byteLength === 0) throw refuse('The file is empty: choose an OPML file to import');
  if (bytes.byteLength > OPML_MAX_BYTES) throw refuse(`The file is larger than ${OPML_MAX_BYTES / 1024 / 1024} MB, more than any list of partner feeds needs`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse('The file is not UTF-8 text, so not an OPML file Broadsheet reads');
  }
  // Checked here too, so the refusal never depends on how the XML reader treats a DTD.
  if (/<!ENTITY/i.test(text)) throw refuse('The file declares its own XML entities (<!ENTITY>), which Broadsheet refuses to read');
  try {
    return parseXmlTree(text);
  } catch (error) {
    if (error instanceof FeedParseError) throw refuse('The file is not well-formed XML, so not an OPML file');
    throw error;
  }
}

/**
 * Reads the feed outlines of an OPML file. Category outlines are flattened; every other outline
 * needs an http(s) `xmlUrl`. A file that breaks any rule is refused whole, naming the outline.
 */
export function readOpml(bytes: Uint8Array): OpmlOutline[] {
  const root = documentOf(bytes);
  if (root.local.toLowerCase() !== 'opml') throw refuse(`The file is XML but not OPML (its top element is <${root.name.slice(0, 40)}>)`);
  const body = root.children.find((node): node is XmlElement => typeof node !== 'string' && node.local.toLowerCase() === 'body');
  if (!body) throw refuse('The OPML file has no <body>, so no feeds');

  const found: OpmlOutline[] = [];
  let seen = 0;
  const walk = (parent: XmlElement) => {
    for (const outline of childOutlines(parent)) {
      if (++seen > OPML_MAX_OUTLINES) throw refuse(`The file has more than ${OPML_MAX_OUTLINES} outlines; split it into smaller files`);
      const xmlUrl = attr(outline, 'xmlUrl');
      const label = attr(outline, 'text') || attr(outline, 'title');
      if (xmlUrl) {
        const position = found.length + 1;
        const where = `Entry ${position}${label ? ` (“${label.slice(0, 80)}”)` : ''}`;
        const url = httpUrl(xmlUrl);
        if (!url) throw refuse(`${where}: its feed address "${xmlUrl.slice(0, 200)}" is not an http(s) URL`);
        found.push({ position, name: (label || url.hostname).slice(0, 200), feedUrl: url.href, homepageUrl: attr(outline, 'htmlUrl') || new URL('/', url).href });
      } else if (childOutlines(outline).length === 0) {
        throw refuse(`Entry ${found.length + 1}${label ? ` (“${label.slice(0, 80)}”)` : ''}: an outline with no feed address (xmlUrl)`);
      }
      walk(outline);
    }
  };
  walk(body);
  return found;
}

/** A slug for a new source from its name (or its feed's host), made unique with -2, -3… */
function uniqueSlug(outline: OpmlOutline, taken: Set<string>): string {
  const base = slugify(outline.name) || slugify(new URL(outline.feedUrl).hostname) || 'partner';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

/**
 * Imports an OPML file: each new feed becomes a partner source (copyright held by the partner's
 * name) with a review-mode feed. Feeds already here are skipped and reported. Every entry is checked
 * before any is written, so a file with one bad entry changes nothing.
 */
export async function importOpml(deps: { feeds: FeedSettings; directory: ContentService['directory'] }, bytes: Uint8Array): Promise<OpmlImport> {
  const outlines = readOpml(bytes);
  const [feeds, sources] = await Promise.all([deps.feeds.list(), deps.directory.listSources()]);
  const here = new Set(feeds.map((f) => httpUrl(f.feedUrl)?.href ?? f.feedUrl));
  const taken = new Set(sources.map((s) => s.slug));
  const skipped: OpmlImport['skipped'] = [];
  const fresh: OpmlOutline[] = [];
  for (const outline of outlines) {
    const reason = here.has(outline.feedUrl) ? 'already a partner feed here' : fresh.some((f) => f.feedUrl === outline.feedUrl) ? 'listed twice in the file' : null;
    if (reason) skipped.push({ name: outline.name, feedUrl: outline.feedUrl, reason });
    else fresh.push(outline);
  }
  const entries = fresh.map((o) => ({
    source: { slug: uniqueSlug(o, taken), name: o.name, homepageUrl: o.homepageUrl, copyrightHolder: o.name },
    feed: { feedUrl: o.feedUrl, mode: 'review' },
  }));
  try {
    return { added: await deps.feeds.addSources(entries), skipped };
  } catch (error) {
    throw error instanceof AppError ? renamed(error, fresh) : error;
  }
}

/** addSources counts the entries it was given; the editor needs the outline as the file numbers and names it. */
function renamed(error: AppError, fresh: OpmlOutline[]): AppError {
  const match = /^entry (\d+): /.exec(error.message);
  const outline = fresh[match ? Number(match[1]) - 1 : 0];
  if (!outline) return error;
  const rest = match ? error.message.slice(match[0].length) : error.message;
  return new AppError(error.code, `Entry ${outline.position} (“${outline.name.slice(0, 80)}”): ${rest}`, error.status, 'file');
}
