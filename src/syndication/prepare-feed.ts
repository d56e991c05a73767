import { sha256Hex } from '../sha256-hex.js';
import { canonicalArticleUrl, contentFingerprint, itemVersionHash } from './item-identity.js';
import { parseFeed } from './parse/index.js';
import type { FeedFormat, ParsedItem } from './parse/types.js';
import { partnerText, sanitisePartnerHtml } from './partner-html.js';

/** A fetched feed to read, as the poller hands it over. */
export interface PrepareRequest {
  body: Uint8Array;
  url: string;
  contentType: string | null;
  embedHosts: readonly string[];
}

/** One item parsed, cleaned and identified: everything filing it needs that costs CPU rather than I/O. */
export interface PreparedEntry {
  item: ParsedItem;
  guid: string;
  guidHash: string;
  /** Changes when the partner changes anything we import of the item. */
  versionHash: string;
  canonicalUrl: string | null;
  title: string;
  /** The feed's summary as a standfirst, when the feed also carries the full text. */
  dek: string;
  /** Cleaned partner HTML of the full text, or of the summary when that is all the feed has. */
  partnerHtml: string;
  fingerprint: string | null;
}

export interface PreparedFeed {
  format: FeedFormat;
  language: string | null;
  warnings: string[];
  entries: PreparedEntry[];
}

/** The item's title as we show it: plain text, else the start of its summary. */
export const itemTitle = (item: ParsedItem) => partnerText(item.title, 300) || partnerText(item.summaryHtml, 120) || 'Untitled';

/** Cleans and identifies one item. `fullHtml` replaces the feed's content when the partner's page was fetched. */
export async function prepareEntry(item: ParsedItem, embedHosts: readonly string[], fullHtml?: string): Promise<Omit<PreparedEntry, 'item'>> {
  const raw = {
    title: item.title,
    url: item.url,
    summary: item.summaryHtml,
    content: item.contentHtml,
    publishedAt: item.publishedAt,
    updatedAt: item.updatedAt,
    authors: item.authorNames,
  };
  // Without a GUID the link identifies the item; without either, what it says does.
  const guid = item.guid ?? item.url ?? `content:${itemVersionHash({ title: item.title, summary: item.summaryHtml, content: item.contentHtml })}`;
  const html = fullHtml ?? item.contentHtml;
  const partnerHtml = await sanitisePartnerHtml(html || item.summaryHtml, { baseUrl: item.baseUrl, embedHosts });
  const title = itemTitle(item);
  return {
    guid,
    guidHash: sha256Hex(guid),
    versionHash: itemVersionHash(raw),
    canonicalUrl: item.url ? canonicalArticleUrl(item.url) : null,
    title,
    dek: html ? partnerText(item.summaryHtml, 1000) : '',
    partnerHtml,
    fingerprint: contentFingerprint(title, partnerHtml),
  };
}

/** Parses a feed and prepares every item; throws FeedParseError for a feed that cannot be read. */
export async function prepareFeed(request: PrepareRequest): Promise<PreparedFeed> {
  const parsed = parseFeed(request.body, { url: request.url, contentType: request.contentType });
  const entries: PreparedEntry[] = [];
  let unreadable = 0;
  for (const item of parsed.items) {
    try {
      entries.push({ item, ...(await prepareEntry(item, request.embedHosts)) });
    } catch {
      unreadable++; // one item's trouble (an address no parser accepts) costs that item only
    }
  }
  const warnings = unreadable ? [...parsed.warnings, `${unreadable} item(s) could not be read and were skipped`] : parsed.warnings;
  return { format: parsed.format, language: parsed.language, warnings, entries };
}
