import type { WarningLog } from './warnings.js';

/** `href` resolved against `base`, when the result is an http(s) URL; otherwise null. */
export function httpBase(href: string, base: string): string | null {
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * An absolute http(s) URL from what a feed wrote (relative, padded with whitespace, or hostile like
 * `javascript:`), or null. A present but unusable address is counted as a warning.
 */
export function absoluteHttpUrl(raw: string | null | undefined, base: string, warnings: WarningLog): string | null {
  const href = raw?.trim();
  if (!href) return null;
  const url = httpBase(href, base);
  if (url === null) warnings.count('bad_link', href);
  return url;
}
