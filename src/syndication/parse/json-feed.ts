import { distinct, readDate, readItems, type FeedBody, type FeedContext } from './context.js';
import { isObject, objectList, stringField, stringList, type JsonObject } from './json-fields.js';
import { htmlOrText, htmlToText, textToHtml } from './text.js';
import { FeedParseError, type ParsedItem } from './types.js';
import { absoluteHttpUrl } from './urls.js';

/** Whether a parsed JSON document is a JSON Feed (any 1.x version). */
export function isJsonFeed(document: unknown): document is JsonObject {
  return isObject(document) && /^https?:\/\/jsonfeed\.org\/version\//.test(stringField(document, 'version') ?? '');
}

/** JSON Feed 1.1 lists `authors`; 1.0 had a single `author`. Either is read, from the item or else the feed. */
function authorNames(object: JsonObject): string[] {
  const single = object.author;
  const authors = [...objectList(object, 'authors'), ...(isObject(single) ? [single] : [])];
  return distinct(authors.map((author) => stringField(author, 'name')));
}

/** What items inherit from their feed. */
interface FeedDefaults {
  homepageUrl: string | null;
  language: string | null;
  authorNames: string[];
}

function readItem(item: JsonObject, feed: FeedDefaults, context: FeedContext): ParsedItem {
  const { feedUrl, warnings } = context;
  const url = absoluteHttpUrl(stringField(item, 'url') ?? stringField(item, 'external_url'), feed.homepageUrl ?? feedUrl, warnings);
  const baseUrl = url ?? feedUrl;
  const html = stringField(item, 'content_html');
  const text = stringField(item, 'content_text');
  const summary = stringField(item, 'summary');
  const image = stringField(item, 'image') ?? stringField(item, 'banner_image');
  const itemAuthors = authorNames(item);
  return {
    guid: stringField(item, 'id'),
    url,
    // Plain text by the spec, but HTML entities turn up in real JSON Feed titles, so they are decoded.
    title: htmlToText(stringField(item, 'title') ?? ''),
    // The spec makes summary plain text, but feeds put HTML in it often enough to respect markup.
    summaryHtml: summary === null ? '' : htmlOrText(summary),
    contentHtml: html !== null ? html.trim() : text !== null ? textToHtml(text) : '',
    authorNames: itemAuthors.length ? itemAuthors : feed.authorNames,
    publishedAt: readDate(stringField(item, 'date_published'), context),
    updatedAt: readDate(stringField(item, 'date_modified'), context),
    imageUrl: image === null ? null : absoluteHttpUrl(image, baseUrl, warnings),
    language: stringField(item, 'language') ?? feed.language,
    categories: distinct(stringList(item, 'tags')),
    baseUrl,
  };
}

/** Reads a JSON Feed 1.0 or 1.1 document. */
export function readJsonFeed(feed: JsonObject, context: FeedContext): FeedBody {
  const entries = feed.items;
  if (!Array.isArray(entries)) throw new FeedParseError('malformed', 'The JSON Feed has no list of items');
  const objects = entries.filter(isObject);
  for (let i = objects.length; i < entries.length; i += 1) context.warnings.count('not_an_object');
  const defaults: FeedDefaults = {
    homepageUrl: absoluteHttpUrl(stringField(feed, 'home_page_url'), context.feedUrl, context.warnings),
    language: stringField(feed, 'language'),
    authorNames: authorNames(feed),
  };
  return {
    format: 'jsonfeed',
    title: htmlToText(stringField(feed, 'title') ?? ''),
    homepageUrl: defaults.homepageUrl,
    language: defaults.language,
    items: readItems(objects, (item) => readItem(item, defaults, context), context),
  };
}
