/**
 * Which addresses the editor lets into an article. The server sanitises again on save; checking
 * here as well means a refused link is explained to the writer instead of silently dropped.
 */

/** http(s), mailto, or a path on this site. "//host" and "/\host" are other sites to a browser, so they are refused. */
export function isAcceptableHref(url: string): boolean {
  if (/[\s\u0000-\u001f\\]/.test(url)) return false;
  if (/^\/(?!\/)/.test(url)) return true;
  if (/^mailto:[^/]/i.test(url)) return true;
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    return Boolean(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Article images come from our own media store only; the sanitiser drops any other <img>. */
export function isMediaUrl(url: string): boolean {
  return /^\/media\/[^\s\\?#]+$/.test(url) && !url.split('/').includes('..');
}

/** The same slug rule as the server's (src/content/slug.ts), which the bundle cannot import without zod. */
export function isSlug(text: string): boolean {
  return text.length <= 120 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(text);
}
