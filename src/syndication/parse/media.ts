import type { FeedContext } from './context.js';
import { NS } from './namespaces.js';
import { absoluteHttpUrl } from './urls.js';
import { childrenNamed, xmlBase } from './xml-query.js';
import type { XmlElement } from './xml-tree.js';

const IMAGE_FILE = /\.(?:avif|gif|jpe?g|png|webp)(?:[?#]|$)/i;

function isImage(element: XmlElement, href: string | undefined): boolean {
  const medium = element.attrs.medium?.trim().toLowerCase();
  const type = element.attrs.type?.trim().toLowerCase();
  if (medium) return medium === 'image';
  if (type) return type.startsWith('image/');
  return IMAGE_FILE.test(href ?? '');
}

/** media:content and media:thumbnail of an element and of its media:group children. */
function mediaElements(item: XmlElement, local: 'content' | 'thumbnail'): XmlElement[] {
  const direct = childrenNamed(item, NS.media, local);
  const grouped = childrenNamed(item, NS.media, 'group').flatMap((group) => childrenNamed(group, NS.media, local));
  return [...direct, ...grouped];
}

/** The element naming the lead image, and the address as written there. */
function findLeadImage(item: XmlElement, core: string): { element: XmlElement; href: string } | null {
  const withUrl = (element: XmlElement | undefined) => (element?.attrs.url ? { element, href: element.attrs.url } : null);
  const contents = mediaElements(item, 'content');
  const images = contents.filter((el) => isImage(el, el.attrs.url));
  const image = withUrl(images.find((el) => el.attrs.isDefault === 'true') ?? images[0]);
  if (image) return image;

  const nestedThumbnails = contents.flatMap((el) => childrenNamed(el, NS.media, 'thumbnail'));
  const thumbnail = withUrl([...mediaElements(item, 'thumbnail'), ...nestedThumbnails].find((el) => el.attrs.url));
  if (thumbnail) return thumbnail;

  const enclosure = withUrl(childrenNamed(item, core, 'enclosure').find((el) => el.attrs.url && isImage(el, el.attrs.url)));
  if (enclosure) return enclosure;

  const atomNs = core === NS.atom03 ? NS.atom03 : NS.atom;
  const link = childrenNamed(item, atomNs, 'link').find((el) => el.attrs.rel === 'enclosure' && el.attrs.href && isImage(el, el.attrs.href));
  return link?.attrs.href ? { element: link, href: link.attrs.href } : null;
}

/**
 * The absolute address of an item's lead image: Media RSS content marked as an image (the default
 * one first), then a Media RSS thumbnail, then an RSS enclosure or Atom enclosure link of an image
 * type. Resolved against the xml:base where it is written, else `baseUrl`. `core` is the namespace
 * of the item's own elements.
 */
export function leadImageUrl(item: XmlElement, core: string, baseUrl: string, context: FeedContext): string | null {
  const found = findLeadImage(item, core);
  if (!found) return null;
  return absoluteHttpUrl(found.href, xmlBase(found.element, context.feedUrl) ?? baseUrl, context.warnings);
}
