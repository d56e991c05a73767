import { distinct, readDate, readItems, type FeedBody, type FeedContext } from './context.js';
import { leadImageUrl } from './media.js';
import { htmlToText, plainTextTitle, textToHtml } from './text.js';
import type { ParsedItem } from './types.js';
import { absoluteHttpUrl } from './urls.js';
import { childNamed, childText, childrenNamed, descendantsNamed, innerHtml, textOf, xmlBase, xmlLang } from './xml-query.js';
import type { XmlElement } from './xml-tree.js';

/** An Atom text construct (title, summary, content) as HTML or as plain text, per its `type`. */
function textConstruct(element: XmlElement | undefined): { value: string; isHtml: boolean } {
  if (!element) return { value: '', isHtml: false };
  const type = (element.attrs.type ?? 'text').trim().toLowerCase();
  if (type === 'xhtml' || type === 'application/xhtml+xml') {
    const div = element.children.find((node): node is XmlElement => typeof node !== 'string' && node.local === 'div');
    return { value: innerHtml(div ?? element), isHtml: true };
  }
  if (type === 'html' || type === 'text/html') return { value: innerHtml(element), isHtml: true };
  // Other media types are out-of-line (`src`) or base64 payloads, neither of which is article text.
  if (type !== 'text' && type !== 'text/plain') return { value: '', isHtml: false };
  return { value: textOf(element), isHtml: false };
}

const asTitle = (construct: { value: string; isHtml: boolean }) =>
  construct.isHtml ? htmlToText(construct.value) : plainTextTitle(construct.value);
const asHtml = (construct: { value: string; isHtml: boolean }) =>
  construct.isHtml ? construct.value.trim() : textToHtml(construct.value);

/** The href of the alternate link, preferring an HTML one; Atom says a link without `rel` is alternate. */
function alternateLink(parent: XmlElement, core: string): XmlElement | undefined {
  const alternates = childrenNamed(parent, core, 'link').filter((el) => (el.attrs.rel?.trim() || 'alternate') === 'alternate' && el.attrs.href);
  return alternates.find((el) => /html/i.test(el.attrs.type ?? 'text/html')) ?? alternates[0];
}

function authorsOf(parent: XmlElement, core: string): string[] {
  return distinct(childrenNamed(parent, core, 'author').map((author) => childText(author, core, 'name')));
}

function readEntry(entry: XmlElement, core: string, feedAuthors: string[], context: FeedContext): ParsedItem {
  const link = alternateLink(entry, core);
  const url = link ? absoluteHttpUrl(link.attrs.href, xmlBase(link, context.feedUrl) ?? context.feedUrl, context.warnings) : null;
  const content = childNamed(entry, core, 'content');
  const summary = childNamed(entry, core, 'summary');
  const baseUrl = xmlBase(content ?? summary ?? entry, context.feedUrl) ?? url ?? context.feedUrl;
  const updatedAt = readDate(childText(entry, core, 'updated') ?? childText(entry, core, 'modified'), context);
  const entryAuthors = authorsOf(entry, core);
  return {
    guid: childText(entry, core, 'id'),
    url,
    title: asTitle(textConstruct(childNamed(entry, core, 'title'))),
    summaryHtml: asHtml(textConstruct(summary)),
    contentHtml: asHtml(textConstruct(content)),
    authorNames: entryAuthors.length ? entryAuthors : feedAuthors,
    // Atom requires only <updated>; an entry without <published> was published when it was last updated.
    publishedAt: readDate(childText(entry, core, 'published') ?? childText(entry, core, 'issued'), context) ?? updatedAt,
    updatedAt,
    imageUrl: leadImageUrl(entry, core, baseUrl, context),
    language: xmlLang(entry),
    categories: distinct(childrenNamed(entry, core, 'category').map((el) => el.attrs.label || el.attrs.term)),
    baseUrl,
  };
}

/** Reads an Atom 1.0 document (or the older 0.3, whose names match) from its <feed> root. */
export function readAtom(root: XmlElement, context: FeedContext): FeedBody {
  const core = root.ns;
  const homepage = alternateLink(root, core);
  const feedAuthors = authorsOf(root, core);
  return {
    format: 'atom',
    title: asTitle(textConstruct(childNamed(root, core, 'title'))),
    homepageUrl: homepage ? absoluteHttpUrl(homepage.attrs.href, xmlBase(homepage, context.feedUrl) ?? context.feedUrl, context.warnings) : null,
    language: xmlLang(root),
    items: readItems(descendantsNamed(root, core, 'entry'), (entry) => readEntry(entry, core, feedAuthors, context), context),
  };
}
