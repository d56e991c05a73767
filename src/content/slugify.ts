/**
 * Makes a URL slug from any text: accents folded, everything else non-alphanumeric turned into single
 * hyphens, cut to `maxLength` on a word boundary where it can. Empty when nothing is left. Free of
 * dependencies, so the editor island bundles the very same rule the server applies.
 */
export function slugify(text: string, maxLength = 80): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}
