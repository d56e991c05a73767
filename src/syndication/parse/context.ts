import { parseFeedDate } from './dates.js';
import { collapseWhitespace, firstWords, htmlToText } from './text.js';
import type { ParsedFeed, ParsedItem } from './types.js';
import type { WarningLog } from './warnings.js';

/** What every format reader is given: where the feed came from, the item cap, and where to note problems. */
export interface FeedContext {
  /** The address the feed was fetched from: the base of last resort for relative links. */
  readonly feedUrl: string;
  readonly maxItems: number;
  readonly warnings: WarningLog;
}

/** What a format reader returns; the warnings are added from the shared log. */
export type FeedBody = Omit<ParsedFeed, 'warnings'>;

/** An ISO date from a feed's date text; a present but unreadable date is counted as a warning. */
export function readDate(raw: string | null | undefined, context: FeedContext): string | null {
  if (!raw?.trim()) return null;
  const date = parseFeedDate(raw);
  if (date === null) context.warnings.count('bad_date', raw.trim());
  return date;
}

/** Whitespace collapsed, blanks dropped, first occurrence only. */
export function distinct(values: Iterable<string | null | undefined>): string[] {
  const seen = new Set<string>();
  for (const value of values) {
    const text = collapseWhitespace(value ?? '');
    if (text) seen.add(text);
  }
  return [...seen];
}

const count = (n: number) => n.toLocaleString('en-GB');

// Only the opening of a long text is needed to name an untitled item.
const TITLE_SOURCE_LENGTH = 2000;

/**
 * Turns a feed's raw item entries into ParsedItems, applying the rules every format shares: keep at
 * most `maxItems`, skip items with no title, link or content, name untitled items from their text,
 * and warn about GUIDs used twice (kept: deduplication is the caller's job).
 */
export function readItems<T>(entries: readonly T[], read: (entry: T) => ParsedItem, context: FeedContext): ParsedItem[] {
  const { maxItems, warnings } = context;
  if (entries.length > maxItems) {
    warnings.note(`The feed has ${count(entries.length)} items; only the first ${count(maxItems)} were read`);
  }
  const items: ParsedItem[] = [];
  const guids = new Set<string>();
  for (const entry of entries.slice(0, maxItems)) {
    const item = read(entry);
    if (!item.title && !item.url && !item.summaryHtml && !item.contentHtml) {
      warnings.count('skipped');
      continue;
    }
    if (!item.title) {
      const text = htmlToText((item.summaryHtml || item.contentHtml).slice(0, TITLE_SOURCE_LENGTH));
      if (text) {
        item.title = firstWords(text);
        warnings.count('untitled');
      }
    }
    if (item.guid !== null) {
      if (guids.has(item.guid)) warnings.count('duplicate_guid', item.guid);
      guids.add(item.guid);
    }
    items.push(item);
  }
  return items;
}
