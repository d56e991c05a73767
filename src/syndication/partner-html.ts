import { Parser } from 'htmlparser2';
import type sanitizeHtml from 'sanitize-html';

/** How one partner's HTML is cleaned. */
export interface PartnerHtmlOptions {
  /** Absolute URL relative links and images resolve against. */
  baseUrl: string;
  /** Hosts whose https iframes (video players) are kept, exact host match, e.g. ['www.youtube-nocookie.com', 'player.vimeo.com']. */
  embedHosts: readonly string[];
}

const ALLOWED_TAGS = [
  'p', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'a', 'em', 'strong', 'b', 'i', 'u',
  's', 'br', 'hr', 'sub', 'sup', 'code', 'pre', 'figure', 'figcaption', 'img', 'cite', 'q', 'abbr',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'iframe',
];

// No class, id, style or handler anywhere: a partner does not get to style or script our page.
const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title', 'hreflang', 'rel'],
  img: ['src', 'alt', 'width', 'height'],
  iframe: ['src', 'title', 'width', 'height', 'allowfullscreen'],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
  abbr: ['title'],
  q: ['cite'],
  blockquote: ['cite'],
};

/** Elements whose content is code, chrome or markup for machines, never prose: removed whole. */
const DROPPED_WITH_CONTENT = [
  'script', 'style', 'noscript', 'template', 'object', 'embed', 'applet', 'svg', 'math', 'form', 'input',
  'button', 'select', 'option', 'textarea', 'meta', 'link', 'base', 'frame', 'frameset', 'noframes',
  'noembed', 'xmp', 'head', 'title',
];

const isLink = (url: URL) => url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:';
const isWeb = (url: URL) => url.protocol === 'http:' || url.protocol === 'https:';
const PARTNER_LINK_REL = 'nofollow noopener';
const EMPTY_PARAGRAPH = /<p>(?:\s|<br \/>)*<\/p>/g;

type Attributes = sanitizeHtml.Attributes;

/**
 * The absolute form of a URL attribute, or null when it is missing, points within the page, or is
 * not one `accept` takes. The WHATWG parser is the one browsers use, so a scheme hidden behind
 * tabs, newlines or leading spaces (`jav&#x09;ascript:`) is seen exactly as a browser sees it.
 */
function absoluteUrl(raw: string | undefined, base: URL, accept: (url: URL) => boolean): string | null {
  if (raw === undefined) return null;
  const stripped = raw.replace(/[\t\n\r]/g, '').replace(/^[\0-\x20]+|[\0-\x20]+$/g, '');
  if (stripped === '' || stripped.startsWith('#')) return null;
  let url: URL;
  try {
    url = new URL(stripped, base);
  } catch {
    return null;
  }
  return accept(url) ? url.href : null;
}

/** Copies the named attributes that are present, in a fixed order, so output never depends on input order. */
function pick(attribs: Attributes, names: readonly string[], accept: (value: string) => boolean): Attributes {
  const picked: Attributes = {};
  for (const name of names) {
    const value = attribs[name];
    if (value !== undefined && accept(value)) picked[name] = value;
  }
  return picked;
}

const isWholeNumber = (value: string) => /^\d{1,5}$/.test(value.trim());
const any = () => true;

/** Attributes of a kept element with its URL attribute resolved; the URL key is omitted when unusable. */
function withUrl(key: string, url: string | null, rest: Attributes): Attributes {
  return url === null ? rest : { [key]: url, ...rest };
}

/** sanitize-html options for one call; the iframe counter is per document, so each call gets its own. */
function cleaningRules(options: PartnerHtmlOptions): sanitizeHtml.IOptions {
  const base = new URL(options.baseUrl);
  const embedHosts = new Set(options.embedHosts.map((host) => host.toLowerCase()));
  // A browser never shows what is inside an <iframe>, so nothing inside one is kept either.
  let openIframes = 0;

  const isEmbed = (url: URL) => url.protocol === 'https:' && embedHosts.has(url.hostname);
  const citeOnly = (tagName: string, attribs: Attributes) => ({
    tagName,
    attribs: withUrl('cite', absoluteUrl(attribs.cite, base, isWeb), {}),
  });
  const spansOnly = (tagName: string, attribs: Attributes) => ({
    tagName,
    attribs: pick(attribs, ['colspan', 'rowspan'], isWholeNumber),
  });

  return {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: DROPPED_WITH_CONTENT,
    parseStyleAttributes: false,
    transformTags: {
      h1: 'h2',
      a: (tagName, attribs) => ({
        tagName,
        attribs: withUrl('href', absoluteUrl(attribs.href, base, isLink), {
          ...pick(attribs, ['title', 'hreflang'], any),
          rel: PARTNER_LINK_REL,
        }),
      }),
      img: (tagName, attribs) => ({
        tagName,
        attribs: withUrl('src', absoluteUrl(attribs.src, base, isWeb), {
          ...pick(attribs, ['alt'], any),
          ...pick(attribs, ['width', 'height'], isWholeNumber),
        }),
      }),
      iframe: (tagName, attribs) => ({
        tagName,
        attribs: withUrl('src', absoluteUrl(attribs.src, base, isEmbed), {
          ...pick(attribs, ['title'], any),
          ...pick(attribs, ['width', 'height'], isWholeNumber),
          ...(attribs.allowfullscreen === undefined ? {} : { allowfullscreen: '' }),
        }),
      }),
      blockquote: citeOnly,
      q: citeOnly,
      td: spansOnly,
      th: spansOnly,
    },
    onOpenTag: (name) => {
      if (name === 'iframe') openIframes++;
    },
    onCloseTag: (name) => {
      if (name === 'iframe') openIframes--;
    },
    textFilter: (text) => (openIframes > 0 ? '' : text),
    // Runs as each kept element closes, after onCloseTag, so openIframes counts only its ancestors.
    exclusiveFilter: (frame) => {
      if (openIframes > 0) return true;
      if (frame.tag === 'a' && frame.attribs.href === undefined) return 'excludeTag';
      if ((frame.tag === 'img' || frame.tag === 'iframe') && frame.attribs.src === undefined) return true;
      return false;
    },
  };
}

// The sanitiser and its CSS parser are large and only ingest needs them, so they load on first use.
let sanitizer: Promise<typeof sanitizeHtml> | undefined;

/**
 * Cleans a partner's article HTML down to what an article body may contain (allow-list), with every URL made absolute.
 * Rejects with a TypeError when `baseUrl` is not an absolute URL (a caller's bug, not bad partner input).
 */
export async function sanitisePartnerHtml(html: string, options: PartnerHtmlOptions): Promise<string> {
  sanitizer ??= import('sanitize-html').then((m) => m.default);
  const clean = (await sanitizer)(html, cleaningRules(options));
  return clean.replace(EMPTY_PARAGRAPH, '').trim();
}

// Elements that sit inside a word's flow; any other tag boundary separates words ("<p>a</p><p>b</p>" is "a b").
const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'mark', 'q',
  's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr',
]);
const SKIPPED_TEXT = new Set(DROPPED_WITH_CONTENT);

/**
 * The text a reader would see in a partner's HTML (or plain text): tags stripped, the content of
 * scripts, styles and the like left out, entities decoded, whitespace collapsed to single spaces.
 */
export function partnerPlainText(htmlOrText: string): string {
  const parts: string[] = [];
  let skipping = 0;
  const boundary = (name: string) => {
    if (!INLINE_TAGS.has(name)) parts.push(' ');
  };
  const parser = new Parser({
    onopentag(name) {
      if (SKIPPED_TEXT.has(name)) skipping++;
      boundary(name);
    },
    onclosetag(name) {
      if (SKIPPED_TEXT.has(name)) skipping--;
      boundary(name);
    },
    ontext(text) {
      if (skipping === 0) parts.push(text);
    },
  });
  parser.end(htmlOrText);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Plain text of a partner's title/dek-like field: tags stripped, entities decoded, whitespace collapsed, cut at `max` chars on a word boundary. */
export function partnerText(htmlOrText: string, max: number): string {
  const chars = Array.from(partnerPlainText(htmlOrText));
  if (chars.length <= max) return chars.join('');
  if (max < 1) return '';
  // Leave room for the ellipsis that tells a reader the text goes on.
  const room = chars.slice(0, max - 1).join('');
  const lastSpace = room.lastIndexOf(' ');
  const cut = chars[max - 1] === ' ' ? room : lastSpace > 0 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:.–—-]+$/u, '')}…`;
}
