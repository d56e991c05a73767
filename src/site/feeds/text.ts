/** Text helpers for feeds: what XML cannot carry is removed, and HTML made to stand alone in a reader. */

// XML 1.0 allows tab, newline and carriage return among the C0 controls, nothing else; lone surrogates
// and U+FFFE/U+FFFF are not characters at all. One such byte would make a reader reject the whole feed.
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const xmlSafe = (text: string) => text.replace(notXml, '');

/**
 * Readers show an entry away from our site, so root-relative links and images in a body must name it.
 * Bodies are sanitised on the way in, which writes every attribute double-quoted.
 */
export const absoluteUrls = (html: string, siteUrl: string) => html.replace(/\b(href|src)="\/(?!\/)/g, `$1="${siteUrl}/`);

/** The media type of an image, from its file name; feed readers pick what they can show by it. */
export function imageType(url: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  const known: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif', svg: 'image/svg+xml' };
  return (ext && known[ext]) || 'application/octet-stream';
}
