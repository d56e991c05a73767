import type sanitizeHtml from 'sanitize-html';

const baseOptions = {
  allowedTags: [
    'p', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'a', 'em', 'strong', 'b', 'i', 'u', 's',
    'br', 'hr', 'sub', 'sup', 'code', 'pre', 'figure', 'figcaption', 'img', 'cite', 'q', 'abbr',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'hreflang'],
    img: ['src', 'alt', 'width', 'height'],
    abbr: ['title'],
    q: ['cite'],
    blockquote: ['cite'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  // Images must live in our media store: a page never makes the reader's browser call a third party.
  exclusiveFilter: (frame) => frame.tag === 'img' && !/^\/media\/(?!.*\.\.)/.test(frame.attribs.src ?? ''),
  allowProtocolRelative: false,
  // Dropped elements lose their text too, so no script source ever shows up as prose.
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object'],
} satisfies sanitizeHtml.IOptions;

/**
 * The one exception to "nothing from a third party": an https video player on a host the
 * configuration names (EMBED_HOSTS), which the page's Content-Security-Policy also allows to frame.
 */
function optionsFor(embedHosts: readonly string[]): sanitizeHtml.IOptions {
  if (embedHosts.length === 0) return baseOptions;
  return {
    ...baseOptions,
    allowedTags: [...baseOptions.allowedTags, 'iframe'],
    allowedAttributes: { ...baseOptions.allowedAttributes, iframe: ['src', 'title', 'width', 'height', 'allowfullscreen'] },
    allowedIframeHostnames: [...embedHosts],
    allowIframeRelativeUrls: false,
    exclusiveFilter: (frame) =>
      baseOptions.exclusiveFilter(frame) || (frame.tag === 'iframe' && !/^https:\/\//.test(frame.attribs.src ?? '')),
    nonTextTags: baseOptions.nonTextTags.filter((t) => t !== 'iframe'),
  };
}

// The sanitiser and its CSS parser are large and only writes need them, so they load on first use.
let sanitizer: Promise<typeof sanitizeHtml> | undefined;

/**
 * Cleans HTML that came from outside our own views (editors, partner feeds, API bodies) down to
 * the structural subset an article body may contain: no scripts, handlers or styles, and frames only
 * from the video hosts given.
 */
export async function sanitiseArticleHtml(html: string, embedHosts: readonly string[] = []): Promise<string> {
  sanitizer ??= import('sanitize-html').then((m) => m.default);
  return (await sanitizer)(html, optionsFor(embedHosts)).trim();
}

/** Counts the words a reader sees in an HTML fragment. */
export function countWords(html: string): number {
  const text = html.replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ');
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
