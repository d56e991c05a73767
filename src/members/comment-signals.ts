import { countLinks } from './markdown.js';

/** The limits on what one comment may be and how often one may be posted. */
export const COMMENT_LIMITS = {
  minLength: 2,
  maxLength: 5000,
  maxLinks: 3,
  perReader: { count: 5, windowMinutes: 10 },
  perAddress: { count: 20, windowMinutes: 60 },
} as const;

/** Why a comment was held for a moderator however the site moderates; stored in `held_reason`. */
export type HeldReason = 'links' | 'repeated' | 'shouting' | 'spam-phrase';

// Phrases that, in our experience of comment spam, almost never appear in a genuine comment.
const SPAM_PHRASES = [
  'buy now',
  'click here',
  'casino',
  'viagra',
  'cialis',
  'payday loan',
  'work from home',
  'earn money fast',
  'make money online',
  'crypto giveaway',
  'double your bitcoin',
  'limited time offer',
  'seo services',
];

/** Shouting: a comment of some length that is mostly capitals. */
function isShouting(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < 20) return false;
  const capitals = letters.filter((c) => c !== c.toLowerCase() && c === c.toUpperCase()).length;
  return capitals / letters.length > 0.7;
}

/**
 * The first simple spam signal a comment shows, if any. `repeated` is whether the same reader has
 * already posted this very text. None of these refuse a comment: they only hold it for a moderator.
 */
export function spamSignal(body: string, repeated: boolean): HeldReason | null {
  if (countLinks(body) >= 2) return 'links';
  if (repeated) return 'repeated';
  if (isShouting(body)) return 'shouting';
  const lower = body.toLowerCase();
  if (SPAM_PHRASES.some((p) => lower.includes(p))) return 'spam-phrase';
  return null;
}
