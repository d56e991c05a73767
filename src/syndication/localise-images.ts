import { DomUtils, parseDocument } from 'htmlparser2';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { srcset, type MediaRecord, type MediaService } from '../media/index.js';
import { FetchError } from './fetch-url.js';
import { partnerText } from './partner-html.js';
import { createPartnerImageStore, type ImageFetcher, type ImageWords } from './partner-image-store.js';

/** An item's lead image once it is in our media library, as `syndicated_items.image` keeps it and an article's `image` takes it. */
export interface ItemImage {
  url: string;
  alt: string;
  caption: string;
  credit: string;
  /** Absent when the image is narrower than the smallest variant. */
  srcset?: string;
}

/** Whose images they are, for the words the library keeps with them. */
export interface ImageSource {
  sourceName: string;
  /** The partner's copyright holder. */
  credit: string;
  itemTitle: string;
}

interface LogLike {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** Downloads an item may cause; images past these are removed like failed ones. */
const MAX_IMAGES = 20;
/** The widest image a column of article text needs. */
const BODY_WIDTH = 960;

/** Whether cleaned HTML has any image to bring in: the cheap test that keeps imageless items free. */
export const hasImages = (html: string) => /<img[\s/>]/i.test(html);

const isWebUrl = (url: string) => /^https?:\/\//i.test(url) && URL.canParse(url);

type Element = ReturnType<typeof DomUtils.findAll>[number];
type Parent = Element['parent'];

const named = (name: string) => (el: Element) => el.name === name;

/** The nearest enclosing element of that name. */
function closest(node: Element, name: string): Element | null {
  for (let at: Parent = node.parent; at; at = at.parent) if (DomUtils.isTag(at) && at.name === name) return at;
  return null;
}

/** An element with nothing a reader would see: no child elements and no text but white space. */
const isEmpty = (el: Element) => !el.children.some((child) => DomUtils.isTag(child)) && DomUtils.textContent(el).trim() === '';

/** The file a body image shows: the widest WebP variant a text column needs, or the original when there is none. */
function bodyRendition(record: MediaRecord): { url: string; width: number; height: number } {
  return record.variants.filter((v) => v.width <= BODY_WIDTH).at(-1) ?? record;
}

/** Takes an image out of the body with what only held it: its figure (caption and all), or an emptied link or paragraph. */
function removeImage(img: Element): void {
  const figure = closest(img, 'figure');
  let emptied: Parent = img.parent;
  DomUtils.removeElement(img);
  if (figure && !DomUtils.findOne(named('img'), figure.children)) {
    DomUtils.removeElement(figure);
    return;
  }
  while (emptied && DomUtils.isTag(emptied) && (emptied.name === 'a' || emptied.name === 'p') && isEmpty(emptied)) {
    const parent: Parent = emptied.parent;
    DomUtils.removeElement(emptied);
    emptied = parent;
  }
}

/** The text of the caption of the figure an image is in, if any. */
function captionOf(img: Element): string {
  const figure = closest(img, 'figure');
  const caption = figure && DomUtils.findOne(named('figcaption'), figure.children);
  return caption ? DomUtils.textContent(caption) : '';
}

/** What the library says of a partner image the partner did not describe. */
function fallbackWords(source: ImageSource): ImageWords {
  return { alt: `Image from ${source.sourceName}`, caption: `From ${source.sourceName}: ${source.itemTitle}`, credit: source.credit };
}

/** A partner URL fit for a log line: credentials written into it are not. */
function shown(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.href;
}

/**
 * Brings partner images into our media library at ingest, since our pages never load anything from
 * a third party: body images are pointed at their /media/ copies and the lead image becomes the
 * featured image. An image that cannot be had is removed and logged; it never fails the item.
 */
export function createImageLocaliser(deps: { db: Kysely<Database>; clock: Clock; media: MediaService; fetchImage: ImageFetcher; log: LogLike }) {
  const store = createPartnerImageStore(deps);

  /** One item's downloads: each URL is tried once, and a host that did not answer is not asked again. */
  function itemSession() {
    const tried = new Map<string, Promise<MediaRecord | null>>();
    const unreachable = new Set<string>();

    async function attempt(url: string, words: ImageWords): Promise<MediaRecord | null> {
      const host = new URL(url).host;
      if (unreachable.has(host)) return null;
      try {
        return await store.obtain(url, words);
      } catch (error) {
        if (error instanceof FetchError && (error.code === 'timeout' || error.code === 'network')) unreachable.add(host);
        if (error instanceof FetchError || error instanceof AppError) {
          deps.log.warn({ url: shown(url), reason: error.message }, 'left out a partner image that could not be brought into the media library');
        } else {
          deps.log.error({ err: error, url: shown(url) }, 'could not bring a partner image into the media library');
        }
        return null;
      }
    }

    return (url: string, words: ImageWords): Promise<MediaRecord | null> => {
      let result = tried.get(url);
      if (!result) tried.set(url, (result = attempt(url, words)));
      return result;
    };
  }

  /** The cleaned body with its images on /media/ copies, and every partner image URL it had (for the lead image check). */
  async function localiseBody(html: string, source: ImageSource, obtain: ReturnType<typeof itemSession>) {
    const urls = new Set<string>();
    if (!hasImages(html)) return { html, urls };
    const document = parseDocument(html);
    const fallback = fallbackWords(source);
    const downloads = new Set<string>();
    for (const img of DomUtils.findAll(named('img'), document.children)) {
      const src = img.attribs.src ?? '';
      if (isWebUrl(src)) urls.add(src);
      if (isWebUrl(src) && downloads.size < MAX_IMAGES) downloads.add(src);
      const words = {
        alt: partnerText(img.attribs.alt ?? '', 500) || fallback.alt,
        caption: partnerText(captionOf(img), 1000) || fallback.caption,
        credit: source.credit,
      };
      const record = downloads.has(src) ? await obtain(src, words) : null;
      if (!record) {
        removeImage(img);
        continue;
      }
      const rendition = bodyRendition(record);
      img.attribs = { src: rendition.url, alt: words.alt, width: String(rendition.width), height: String(rendition.height) };
    }
    // Escaped as the HTML serialiser does (& and " in attributes too), keeping other characters as UTF-8.
    return { html: DomUtils.getInnerHTML(document, { encodeEntities: 'utf8' }).trim(), urls };
  }

  return {
    /**
     * The item's body with every image on a /media/ copy (or removed), and its lead image as a
     * featured image unless the body already shows it. An item without images costs nothing.
     */
    async localise(bodyHtml: string, leadUrl: string | null, source: ImageSource): Promise<{ bodyHtml: string; image: ItemImage | null }> {
      const obtain = itemSession();
      const body = await localiseBody(bodyHtml, source, obtain);
      if (!leadUrl || !isWebUrl(leadUrl) || body.urls.has(leadUrl)) return { bodyHtml: body.html, image: null };
      const words = fallbackWords(source);
      const record = await obtain(leadUrl, words);
      if (!record) return { bodyHtml: body.html, image: null };
      const variants = srcset(record.variants);
      // The caption above is for the library; on the page an image the partner did not caption shows none.
      const image: ItemImage = { url: record.url, alt: words.alt, caption: '', credit: words.credit, ...(variants ? { srcset: variants } : {}) };
      return { bodyHtml: body.html, image };
    },
  };
}

export type ImageLocaliser = ReturnType<typeof createImageLocaliser>;
