import type sanitizeHtml from 'sanitize-html';
import { escapeHtml } from '../escape-html.js';

/**
 * The Markdown a reader may write in a comment: paragraphs, line breaks, *emphasis*, **strong**,
 * `code`, > quotes, - and 1. lists, and [links](https://…). Nothing else: no images, no headings and
 * no raw HTML — every `<` a reader types is text. Text is escaped before any markup is added, and the
 * result then passes a strict sanitiser as a second wall.
 */

const MAX_QUOTE_DEPTH = 3;
const LINK_REL = 'nofollow ugc noopener';


/** Emphasis on already-escaped text: the only tags in the result are the ones added here. */
const emphasis = (escaped: string) =>
  escaped.replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '<strong>$1</strong>').replace(/\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*/g, '<em>$1</em>');

/** A link target we are willing to write: an absolute http(s) URL, re-serialised by the URL parser. */
function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

// Code spans first (nothing inside them is markup), then links whose target is a plain http(s) URL.
const INLINE_TOKEN = /`([^`\n]+)`|\[([^\]\n]{1,300})\]\(([^()\s]{1,2000})\)/g;

function inline(raw: string): string {
  let out = '';
  let last = 0;
  for (const match of raw.matchAll(INLINE_TOKEN)) {
    const [whole, code, label, target] = match;
    const href = target === undefined ? null : safeHref(target);
    // A link to anything but http(s) stays as the text the reader typed.
    if (code === undefined && href === null) continue;
    out += emphasis(escapeHtml(raw.slice(last, match.index)));
    out += code !== undefined ? `<code>${escapeHtml(code)}</code>` : `<a href="${escapeHtml(href!)}" rel="${LINK_REL}">${emphasis(escapeHtml(label!))}</a>`;
    last = match.index + whole.length;
  }
  return out + emphasis(escapeHtml(raw.slice(last)));
}

const paragraph = (lines: string[]) => `<p>${lines.map((l) => inline(l.trim())).join('<br>')}</p>`;

const BULLET = /^\s*[-*]\s+/;
const NUMBERED = /^\s*\d{1,9}[.)]\s+/;
const QUOTE = /^\s*>\s?/;

/** One block (lines without a blank between them) as HTML. */
function block(lines: string[], depth: number): string {
  if (depth < MAX_QUOTE_DEPTH && lines.every((l) => QUOTE.test(l))) {
    return `<blockquote>${blocks(lines.map((l) => l.replace(QUOTE, '')), depth + 1)}</blockquote>`;
  }
  for (const [marker, tag] of [[BULLET, 'ul'], [NUMBERED, 'ol']] as const) {
    if (lines.every((l) => marker.test(l))) return `<${tag}>${lines.map((l) => `<li>${inline(l.replace(marker, '').trim())}</li>`).join('')}</${tag}>`;
  }
  return paragraph(lines);
}

function blocks(lines: string[], depth: number): string {
  const html: string[] = [];
  let current: string[] = [];
  for (const line of [...lines, '']) {
    if (line.trim() !== '') {
      current.push(line);
    } else if (current.length) {
      html.push(block(current, depth));
      current = [];
    }
  }
  return html.join('');
}

const sanitiseOptions: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'em', 'strong', 'code', 'blockquote', 'ul', 'ol', 'li', 'a'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  // Whatever a link says about itself, it leaves with ours.
  transformTags: { a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: LINK_REL } }) },
};

let sanitizer: Promise<typeof sanitizeHtml> | undefined;

/** A comment's Markdown as HTML safe to place in a page as it is. */
export async function renderCommentMarkdown(markdown: string): Promise<string> {
  // Control characters other than newline and tab have no business in a comment.
  const text = markdown.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  sanitizer ??= import('sanitize-html').then((m) => m.default);
  return (await sanitizer)(blocks(text.split('\n'), 0), sanitiseOptions);
}

/** How many links a comment holds: written as Markdown or pasted bare, every http(s) address counts. */
export const countLinks = (markdown: string) => (markdown.match(/https?:\/\//gi) ?? []).length;
