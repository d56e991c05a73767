import { distinct, readDate, type FeedContext } from './context.js';
import { leadImageUrl } from './media.js';
import { NS } from './namespaces.js';
import { htmlOrText, htmlToText } from './text.js';
import type { ParsedItem } from './types.js';
import { absoluteHttpUrl } from './urls.js';
import { attrNs, childNamed, childText, childrenNamed, innerHtml, textOf, xmlBase, xmlLang } from './xml-query.js';
import type { XmlElement } from './xml-tree.js';

/** A name from an RSS <author>, which the spec makes an email: "jo@x.test (Jo Bloggs)" or "Jo Bloggs <jo@x.test>" give the name; a bare email gives none. */
function authorName(raw: string): string | null {
  const text = raw.trim();
  const inParens = /\(([^)]+)\)\s*$/.exec(text)?.[1];
  if (inParens) return inParens.trim();
  const beforeAngle = /^([^<]+)<[^>]*>$/.exec(text)?.[1];
  if (beforeAngle) return beforeAngle.trim();
  return /^\S+@\S+$/.test(text) ? null : text || null;
}

/** The item's link: <link>, else an Atom alternate link, else a <guid> that is a permalink. */
function linkOf(item: XmlElement, core: string, guid: XmlElement | undefined, context: FeedContext): string | null {
  const at = (element: XmlElement, href: string) =>
    absoluteHttpUrl(href, xmlBase(element, context.feedUrl) ?? context.feedUrl, context.warnings);
  const link = childNamed(item, core, 'link');
  if (link && textOf(link).trim()) return at(link, textOf(link));
  const atomLink = childrenNamed(item, NS.atom, 'link').find((el) => (el.attrs.rel ?? 'alternate') === 'alternate');
  if (atomLink?.attrs.href) return at(atomLink, atomLink.attrs.href);
  // A guid is a permalink unless it says otherwise, but one that is not an address is only an identifier.
  const guidText = textOf(guid).trim();
  const permalink = guid !== undefined && guid.attrs.isPermaLink?.trim().toLowerCase() !== 'false';
  return permalink && /^https?:\/\//i.test(guidText) ? at(guid, guidText) : null;
}

/**
 * Reads one RSS 2.0 (0.9x) or RSS 1.0 item, with the extensions partners use: content:encoded,
 * Dublin Core, Media RSS and atom:link. `core` is the namespace of the item's own elements ('' for
 * RSS 2.0); `feedLanguage` is used when the item names none.
 */
export function readRssItem(item: XmlElement, core: string, feedLanguage: string | null, context: FeedContext): ParsedItem {
  const guidElement = childNamed(item, core, 'guid');
  const guid = guidElement ? textOf(guidElement).trim() || null : attrNs(item, NS.rdf, 'about')?.trim() || null;
  const url = linkOf(item, core, guidElement, context);
  const content = childNamed(item, NS.content, 'encoded');
  const description = childNamed(item, core, 'description');
  const baseUrl = xmlBase(content ?? description ?? item, context.feedUrl) ?? url ?? context.feedUrl;

  return {
    guid,
    url,
    title: htmlToText(textOf(childNamed(item, core, 'title'))),
    summaryHtml: htmlOrText(innerHtml(description)),
    contentHtml: htmlOrText(innerHtml(content)),
    authorNames: distinct([
      ...childrenNamed(item, NS.dc, 'creator').map((el) => textOf(el)),
      ...childrenNamed(item, core, 'author').map((el) => authorName(textOf(el))),
    ]),
    publishedAt: readDate(childText(item, core, 'pubDate') ?? childText(item, NS.dc, 'date'), context),
    updatedAt: readDate(childText(item, NS.dcterms, 'modified') ?? childText(item, NS.atom, 'updated'), context),
    imageUrl: leadImageUrl(item, core, baseUrl, context),
    language: childText(item, NS.dc, 'language') ?? xmlLang(item) ?? feedLanguage,
    categories: distinct([
      ...childrenNamed(item, core, 'category').map((el) => textOf(el)),
      ...childrenNamed(item, NS.dc, 'subject').map((el) => textOf(el)),
    ]),
    baseUrl,
  };
}
