/** The feed formats Broadsheet reads from partner outlets. RSS 0.91/0.92 count as `rss2`, RSS 0.90 as `rss1`. */
export type FeedFormat = 'rss2' | 'rss1' | 'atom' | 'jsonfeed' | 'ninjs';

/** One article as a partner feed describes it, in the same shape whatever the format. */
export interface ParsedItem {
  /** As the feed gives it: RSS <guid>, RSS 1.0 rdf:about, Atom <id>, JSON Feed id, ninjs uri; null when absent. */
  guid: string | null;
  /** Absolute http(s) link to the original article, resolved against the base; null when absent or not http(s). */
  url: string | null;
  /** Plain text: tags stripped, entities decoded, whitespace collapsed, trimmed. '' when absent. */
  title: string;
  /** Raw HTML of the summary/description (NOT sanitised: the caller sanitises). Plain-text summaries are escaped into HTML paragraphs. '' when absent. */
  summaryHtml: string;
  /** Raw HTML of the full content (content:encoded, Atom content, content_html, ninjs html body); '' when absent. Plain text is escaped into <p>s. */
  contentHtml: string;
  authorNames: string[];
  /** ISO-8601 UTC (`toISOString()`), null when missing or unparseable. */
  publishedAt: string | null;
  updatedAt: string | null;
  /** Absolute URL of the item's lead image (enclosure image/*, media:content/thumbnail, JSON Feed image, ninjs association), or null. */
  imageUrl: string | null;
  language: string | null;
  categories: string[];
  /** Absolute URL relative links inside this item's HTML resolve against (xml:base, else the item link, else the feed URL). */
  baseUrl: string;
}

/** A whole partner feed after parsing: its own details, its items, and what was skipped or guessed. */
export interface ParsedFeed {
  format: FeedFormat;
  title: string;
  homepageUrl: string | null;
  language: string | null;
  items: ParsedItem[];
  /** Things skipped or guessed, in plain words ("2 items had no title or link and were skipped"). */
  warnings: string[];
}

/** Why a body could not be read as a feed at all. */
export type FeedParseErrorCode =
  | 'not_a_feed'
  | 'web_page'
  | 'malformed'
  | 'entity_declarations'
  | 'unsupported_encoding'
  | 'unknown_format'
  | 'too_many_items';

/** A feed that cannot be read; the message is written for the editor who sees it on the source's status page. */
export class FeedParseError extends Error {
  constructor(
    readonly code: FeedParseErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FeedParseError';
  }
}
