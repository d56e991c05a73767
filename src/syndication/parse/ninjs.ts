import { distinct, readDate, readItems, type FeedBody, type FeedContext } from './context.js';
import { isObject, objectList, stringField, type JsonObject } from './json-fields.js';
import { htmlOrText, htmlToText, textToHtml } from './text.js';
import type { ParsedItem } from './types.js';
import { absoluteHttpUrl } from './urls.js';

/** A ninjs 2.x object (`uri` with `headlines` or `bodies`) or a ninjs 1.x one (`headline` or `body_html`). */
function isNinjs(value: unknown): value is JsonObject {
  if (!isObject(value)) return false;
  const v2 = typeof value.uri === 'string' && (Array.isArray(value.headlines) || Array.isArray(value.bodies));
  return v2 || typeof value.headline === 'string' || typeof value.body_html === 'string';
}

/** The ninjs objects a document carries (one object, an array, or `{ "items": [...] }`), or null when it is not ninjs. */
export function ninjsEntries(document: unknown): { entries: unknown[]; title: string } | null {
  if (isNinjs(document)) return { entries: [document], title: '' };
  if (Array.isArray(document) && document.some(isNinjs)) return { entries: document, title: '' };
  if (isObject(document) && Array.isArray(document.items) && document.items.some(isNinjs)) {
    return { entries: document.items, title: htmlToText(stringField(document, 'title') ?? '') };
  }
  return null;
}

/** A ninjs 2.x headline/description/body entry as HTML, by its content type; unknown types (NITF, other XML) give ''. */
function entryHtml(entry: JsonObject | undefined): string {
  const value = stringField(entry, 'value');
  if (value === null) return '';
  const type = stringField(entry, 'contenttype')?.toLowerCase();
  if (type === undefined) return htmlOrText(value);
  if (type.includes('html')) return value.trim();
  return type === 'text/plain' ? textToHtml(value) : '';
}

/** The entry with the first preferred role that is present and readable, else the first readable one. */
function pick(entries: JsonObject[], roles: string[]): JsonObject | undefined {
  const readable = entries.filter((entry) => entryHtml(entry) !== '');
  for (const role of roles) {
    const found = readable.find((entry) => stringField(entry, 'role') === role);
    if (found) return found;
  }
  return readable[0];
}

/** Renditions as a 2.x array or a 1.x map of name -> rendition, each with its name. */
function renditionsOf(object: JsonObject): JsonObject[] {
  const value = object.renditions;
  if (Array.isArray(value)) return value.filter(isObject);
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([name, rendition]) => (isObject(rendition) ? [{ name, ...rendition }] : []));
}

/** Associations as a 2.x array or a 1.x map of name -> ninjs object. */
function associationsOf(object: JsonObject): JsonObject[] {
  const value = object.associations;
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? Object.values(value).filter(isObject) : [];
}

// Wide enough for an article's lead image, small enough not to fetch a 10 MB original.
const IMAGE_WIDTH = 2048;

/** The href of a picture's best image rendition: the widest up to IMAGE_WIDTH, else the narrowest. */
function imageRendition(picture: JsonObject): string | null {
  const images = renditionsOf(picture).filter((rendition) => {
    const type = stringField(rendition, 'contenttype') ?? stringField(rendition, 'mimetype');
    return stringField(rendition, 'href') !== null && (type === null || type.startsWith('image/'));
  });
  const width = (rendition: JsonObject) => (typeof rendition.width === 'number' ? rendition.width : 0);
  const fitting = images.filter((r) => width(r) <= IMAGE_WIDTH).sort((a, b) => width(b) - width(a));
  const larger = images.filter((r) => width(r) > IMAGE_WIDTH).sort((a, b) => width(a) - width(b));
  return stringField(fitting[0] ?? larger[0], 'href');
}

function leadImage(item: JsonObject): string | null {
  const isPicture = (object: JsonObject) => ['picture', 'graphic'].includes(stringField(object, 'type') ?? '');
  const pictures = [...(isPicture(item) ? [item] : []), ...associationsOf(item).filter(isPicture)];
  for (const picture of pictures) {
    const href = imageRendition(picture);
    if (href) return href;
  }
  return null;
}

/** Authors: people related as author or creator, else the byline ("By A and B") split into names. */
function authorNames(item: JsonObject): string[] {
  const people = [...objectList(item, 'people'), ...objectList(item, 'person')];
  const authors = people.filter((person) => /author|creator/i.test(stringField(person, 'rel') ?? ''));
  if (authors.length) return distinct(authors.map((person) => stringField(person, 'name')));
  const byline = stringField(item, 'by') ?? stringField(item, 'byline') ?? '';
  return distinct(byline.replace(/^\s*by\s+/i, '').split(/\s+(?:and|&)\s+/i));
}

function readItem(item: JsonObject, context: FeedContext): ParsedItem {
  const { feedUrl, warnings } = context;
  // The uri identifies the item; it doubles as its link only when it is a web address.
  const uri = stringField(item, 'uri');
  const url = uri !== null && /^https?:\/\//i.test(uri.trim()) ? absoluteHttpUrl(uri, feedUrl, warnings) : null;
  const baseUrl = url ?? feedUrl;
  const headline = pick(objectList(item, 'headlines'), ['main']);
  const description = pick(objectList(item, 'descriptions'), ['summary', 'abstract', 'main']);
  const body = pick(objectList(item, 'bodies'), ['main']);
  const legacyBody = stringField(item, 'body_html') ?? stringField(item, 'body_xhtml');
  const legacySummary = stringField(item, 'description_html');
  const image = leadImage(item);
  const versionCreated = readDate(stringField(item, 'versioncreated'), context);
  return {
    guid: uri,
    url,
    title: htmlToText(stringField(headline, 'value') ?? stringField(item, 'headline') ?? ''),
    summaryHtml: description
      ? entryHtml(description)
      : legacySummary?.trim() ?? textToHtml(stringField(item, 'description_text') ?? ''),
    contentHtml: body ? entryHtml(body) : legacyBody?.trim() ?? textToHtml(stringField(item, 'body_text') ?? ''),
    authorNames: authorNames(item),
    publishedAt:
      readDate(stringField(item, 'firstcreated'), context) ?? versionCreated ?? readDate(stringField(item, 'contentcreated'), context),
    updatedAt: versionCreated,
    imageUrl: image === null ? null : absoluteHttpUrl(image, baseUrl, warnings),
    language: stringField(item, 'language'),
    categories: distinct([...objectList(item, 'subjects'), ...objectList(item, 'subject')].map((s) => stringField(s, 'name'))),
    baseUrl,
  };
}

/** Reads IPTC ninjs items (2.x, and 1.x field names) into a feed with no feed-level details. */
export function readNinjs(found: { entries: unknown[]; title: string }, context: FeedContext): FeedBody {
  const objects = found.entries.filter(isObject);
  for (let i = objects.length; i < found.entries.length; i += 1) context.warnings.count('not_an_object');
  return {
    format: 'ninjs',
    title: found.title,
    homepageUrl: null,
    language: null,
    items: readItems(objects, (item) => readItem(item, context), context),
  };
}
