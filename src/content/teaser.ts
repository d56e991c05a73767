import { escapeText } from 'entities';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Visibility } from './types.js';

/** About how much of a members-only article anyone may read before the join prompt. */
const TEASER_WORDS = 60;

const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);

/**
 * The opening of a members-only or paid article that anyone may read: its first paragraphs while they
 * stay within about sixty words, or the first sixty words of a longer first paragraph as plain text.
 * Everything after is what membership pays for, so nothing else of the body is ever returned.
 */
export function teaserHtml(bodyHtml: string, maxWords = TEASER_WORDS): string {
  const kept: ReturnType<typeof parseDocument>['children'] = [];
  let words = 0;
  for (const node of parseDocument(bodyHtml).children) {
    if (!DomUtils.isTag(node)) continue;
    // Only the opening paragraphs: a heading, figure or list ends the teaser.
    if (node.name !== 'p') break;
    const count = wordsOf(DomUtils.textContent(node)).length;
    if (count === 0) continue;
    if (words + count > maxWords) {
      if (kept.length > 0) break;
      return `<p>${escapeText(wordsOf(DomUtils.textContent(node)).slice(0, maxWords).join(' '))}…</p>`;
    }
    kept.push(node);
    words += count;
  }
  return DomUtils.getOuterHTML(kept, { encodeEntities: 'utf8' });
}

/** Whether anyone may read the whole article, signed in or not. */
export const isPublic = (visibility: Visibility) => visibility === 'public';

/** The body as anyone may see it: whole for a public article, the teaser otherwise. */
export const publicBodyOf = (article: { visibility: Visibility; bodyHtml: string }) => (isPublic(article.visibility) ? article.bodyHtml : teaserHtml(article.bodyHtml));
