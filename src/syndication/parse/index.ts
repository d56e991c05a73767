import { readAtom } from './atom.js';
import type { FeedBody, FeedContext } from './context.js';
import { decodeFeedText } from './decode-text.js';
import { isJsonFeed, readJsonFeed } from './json-feed.js';
import { ninjsEntries, readNinjs } from './ninjs.js';
import { readRdf } from './rdf.js';
import { readRss } from './rss.js';
import { FeedParseError, type ParsedFeed } from './types.js';
import { WarningLog } from './warnings.js';
import { parseXmlTree } from './xml-tree.js';

export { FeedParseError } from './types.js';
export type { FeedFormat, FeedParseErrorCode, ParsedFeed, ParsedItem } from './types.js';

const DEFAULT_MAX_ITEMS = 1000;

/** Where the bytes came from and how much of them to read. */
export interface ParseFeedOptions {
  /** The feed's own address (after redirects): relative links resolve against it. */
  url: string;
  /** The response's Content-Type; only its charset is used, and only when the document names no encoding. */
  contentType?: string | null;
  /** Default 1000: when the feed has more items, the first maxItems are kept and a warning says so. */
  maxItems?: number;
}

const webPage = () => new FeedParseError('web_page', 'The address returned a web page, not a feed');

const PROLOG_PART = /^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->)\s*/;

/** Whether a document opens (after any XML declaration and comments) as an HTML page. */
function isWebPage(head: string): boolean {
  let rest = head.trimStart();
  let part: RegExpExecArray | null;
  while ((part = PROLOG_PART.exec(rest))) rest = rest.slice(part[0].length);
  return /^<(?:!doctype\s+html|html[\s>])/i.test(rest);
}

function readXml(text: string, context: FeedContext): FeedBody {
  // Checked before parsing: a page's unclosed <p>s and <br>s would otherwise nest past the depth limit.
  if (isWebPage(text.slice(0, 4096))) throw webPage();
  const root = parseXmlTree(text);
  switch (root.local.toLowerCase()) {
    case 'rss':
      return readRss(root, context);
    case 'rdf':
      return readRdf(root, context);
    case 'feed':
      return readAtom(root, context);
    case 'html':
      throw webPage();
    default:
      throw new FeedParseError('unknown_format', `The address returned XML that is not a feed Broadsheet reads (its top element is <${root.name.slice(0, 40)}>)`);
  }
}

function readJson(text: string, context: FeedContext): FeedBody {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new FeedParseError('malformed', 'The feed is not valid JSON: it may have been cut off');
  }
  if (isJsonFeed(document)) return readJsonFeed(document, context);
  const ninjs = ninjsEntries(document);
  if (ninjs) return readNinjs(ninjs, context);
  throw new FeedParseError('unknown_format', 'The address returned JSON that is neither a JSON Feed nor ninjs news items');
}

/**
 * Reads the bytes of a partner feed (RSS 2.0/0.9x, RSS 1.0, Atom, JSON Feed 1.x, IPTC ninjs) into one
 * normalised shape. Pure: no I/O. The format is told by the content, not the Content-Type, which only
 * supplies a charset of last resort. HTML in the result is raw: the caller sanitises it.
 * Throws FeedParseError with a message an editor understands (it is shown on the source's status page).
 */
export function parseFeed(body: Uint8Array, options: ParseFeedOptions): ParsedFeed {
  const warnings = new WarningLog();
  const context: FeedContext = { feedUrl: options.url, maxItems: options.maxItems ?? DEFAULT_MAX_ITEMS, warnings };
  const text = decodeFeedText(body, options.contentType, warnings);
  const start = text.search(/\S/);
  if (start < 0) throw new FeedParseError('not_a_feed', 'The address returned an empty document, not a feed');
  const first = text[start];
  let feed: FeedBody;
  if (first === '<') feed = readXml(text, context);
  else if (first === '{' || first === '[') feed = readJson(text, context);
  else throw new FeedParseError('not_a_feed', 'The address returned something that is neither XML nor JSON, so not a feed');
  return { ...feed, warnings: warnings.list() };
}
