/**
 * The database marks hits in a snippet with these two private-use characters (stripped from every
 * indexed text, so only the database can produce them). The snippet is escaped first and the marks
 * become <mark> elements after, so nothing from the article text is ever trusted as markup.
 */
export const HIT_START = '\uE000';
export const HIT_END = '\uE001';

/** Stand-ins for "<" and ">" while PostgreSQL makes a headline (it would drop "<…>" as a tag). */
export const ANGLE_STAND_INS = '\uE002\uE003';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Removes the hit markers from text about to be indexed. */
export const withoutMarkers = (text: string) => text.replace(/[\uE000-\uE003]/g, '');

/** Escaped HTML of a database snippet with <mark> around its hits; marks are always balanced. */
export function snippetHtml(raw: string): string {
  const escaped = raw
    .replace(/\uE002/g, '<')
    .replace(/\uE003/g, '>')
    .replace(/\s+/g, ' ').trim().replace(/[&<>"']/g, (c) => escapes[c]!);
  let open = false;
  let html = '';
  for (const part of escaped.split(/([\uE000\uE001])/)) {
    if (part === HIT_START) {
      if (!open) html += '<mark>';
      open = true;
    } else if (part === HIT_END) {
      if (open) html += '</mark>';
      open = false;
    } else {
      html += part;
    }
  }
  return open ? `${html}</mark>` : html;
}
