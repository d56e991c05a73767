import { decodeHTML, escapeText } from 'entities';
import { Parser } from 'htmlparser2';

/** Elements whose text is never prose. */
const SILENT = new Set(['script', 'style', 'template', 'noscript']);
/** Elements that separate words when tags are stripped. */
const BREAKING = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul',
]);

/** Runs of whitespace (non-breaking spaces included) become one space; ends trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Plain text from an HTML fragment: tags stripped, entities decoded once, whitespace collapsed. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return collapseWhitespace(html);
  const parts: string[] = [];
  let silent = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SILENT.has(name)) silent += 1;
        if (BREAKING.has(name)) parts.push(' ');
      },
      onclosetag(name) {
        if (SILENT.has(name) && silent > 0) silent -= 1;
        if (BREAKING.has(name)) parts.push(' ');
      },
      ontext(text) {
        if (!silent) parts.push(text);
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return collapseWhitespace(parts.join(''));
}

/** A title declared as plain text: tag-like runs are still stripped, but its ampersands are literal, not entities. */
export function plainTextTitle(text: string): string {
  return htmlToText(text.replace(/&/g, '&amp;'));
}

/** Plain text as HTML: escaped, blank lines starting new paragraphs, single newlines kept as <br>. */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeText(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/**
 * A feed field that is HTML by convention but often plain text: kept as it is when it holds markup,
 * otherwise decoded once and escaped into paragraphs. Blank gives ''.
 */
export function htmlOrText(value: string): string {
  if (!value.trim()) return '';
  if (/<[a-z!/]/i.test(value)) return value.trim();
  return textToHtml(decodeHTML(value));
}

/** The first words of a text, cut on a word boundary near `maxLength`, with an ellipsis when cut. */
export function firstWords(text: string, maxLength = 90): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf(' ');
  return `${(boundary > maxLength / 2 ? cut.slice(0, boundary) : cut.slice(0, maxLength)).replace(/[\s,.;:]+$/, '')}…`;
}
