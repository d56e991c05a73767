/** The readable article Readability found in a partner's page. */
export interface ExtractedArticle {
  title: string;
  /** Not sanitised: the caller sanitises. Links and images are absolute. */
  contentHtml: string;
  byline: string | null;
  excerpt: string | null;
}

/** Pages beyond this many characters are refused: a real article is far smaller, and parsing is not free. */
const MAX_HTML_CHARS = 3 * 1024 * 1024;

/** Below this much text Readability has found a blurb or a form, not an article. */
const MIN_ARTICLE_CHARS = 200;

interface Parts {
  parseHTML: typeof import('linkedom').parseHTML;
  Readability: typeof import('@mozilla/readability').Readability;
  isProbablyReaderable: typeof import('@mozilla/readability').isProbablyReaderable;
}

// A DOM and Readability are only needed when a source asks for full text, so they load on first use.
let parts: Promise<Parts> | undefined;

function loadParts(): Promise<Parts> {
  parts ??= Promise.all([import('linkedom'), import('@mozilla/readability')]).then(([linkedom, readability]) => ({
    parseHTML: linkedom.parseHTML,
    Readability: readability.Readability,
    isProbablyReaderable: readability.isProbablyReaderable,
  }));
  return parts;
}

/**
 * The main article of an HTML page, or null when the page has no readable article (a login form,
 * an index page) or is too large to be one. Not sanitised: the caller sanitises.
 */
export async function extractArticle(html: string, pageUrl: string): Promise<ExtractedArticle | null> {
  if (html.length > MAX_HTML_CHARS) return null;
  const { parseHTML, Readability, isProbablyReaderable } = await loadParts();
  const { document } = parseHTML(asFullDocument(html));
  pinBaseUrl(document, pageUrl);

  // The cheap check first: pages without substantial paragraphs would only give Readability's best guess at chrome.
  if (!isProbablyReaderable(document)) return null;
  let article;
  try {
    article = new Readability(document).parse();
  } catch {
    // Readability assumes a well-formed tree and throws on some broken ones; such a page has no readable article.
    return null;
  }
  if (!article?.content || (article.textContent ?? '').trim().length < MIN_ARTICLE_CHARS) return null;
  return {
    title: article.title?.trim() ?? '',
    contentHtml: article.content,
    byline: article.byline?.trim() || null,
    excerpt: article.excerpt?.trim() || null,
  };
}

/**
 * linkedom builds its tree only from the tags it is given, so a page that leaves out <html>, <head>
 * or <body> (which HTML allows) would put its content outside the body Readability reads. Such a page
 * is rewrapped in a body, its <title> moved to the head where the title is looked up (Readability
 * reads meta tags from anywhere).
 */
function asFullDocument(html: string): string {
  if (/<html[\s>]/i.test(html) && /<head[\s>]/i.test(html) && /<body[\s>]/i.test(html)) return html;
  const inner = html.replace(/<!doctype[^>]*>|<\/?(?:html|head|body)(?:\s[^>]*)?>/gi, '');
  const title = /<title[\s>][\s\S]*?<\/title>/i.exec(inner)?.[0] ?? '';
  return `<!doctype html><html><head>${title}</head><body>${inner.replace(title, '')}</body></html>`;
}

/**
 * Readability resolves links against `document.baseURI`, which linkedom takes verbatim from the first
 * `<base>` (or has none), and compares it with `documentURI`, which linkedom lacks. So the page's own
 * base is resolved against the page URL and written back as the only `<base>`, and the page URL
 * becomes the document URI, keeping in-page `#` links relative as a browser would.
 */
function pinBaseUrl(document: Document, pageUrl: string): void {
  const declared = document.querySelector('base[href]')?.getAttribute('href');
  let base = pageUrl;
  if (declared) {
    try {
      const resolved = new URL(declared, pageUrl);
      if (resolved.protocol === 'http:' || resolved.protocol === 'https:') base = resolved.href;
    } catch {
      // An unusable <base> is ignored, as browsers do.
    }
  }
  document.querySelectorAll('base').forEach((old) => old.remove());
  const element = document.createElement('base');
  element.setAttribute('href', base);
  document.head.prepend(element);
  Object.defineProperty(document, 'documentURI', { value: pageUrl, configurable: true });
}
