import { domainToASCII } from 'node:url';
import { z } from 'zod';
import { rowId } from '../parse-input.js';
import { NEWSLETTER_LANGUAGES } from './languages.js';

// RFC 5322 dot-atom characters only: no quoted local parts, comments, spaces or control characters,
// so nothing an address carries can bend a mail header or a page.
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TOP_LEVEL = /^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** Why an address (already trimmed and lower-cased) is refused, or undefined when it is acceptable. */
function addressProblem(address: string): string | undefined {
  const at = address.indexOf('@');
  if (at === -1 || at !== address.lastIndexOf('@')) return 'An email address has exactly one @';
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length === 0 || local.length > 64) return 'The part before the @ must be 1 to 64 characters';
  if (!LOCAL_PART.test(local)) return 'The part before the @ may hold only letters, digits, dots and !#$%&\'*+/=?^_`{|}~-';
  const labels = domain.split('.');
  if (labels.length < 2) return 'The part after the @ must be a domain name with a dot, such as example.org';
  if (!labels.every((label) => DOMAIN_LABEL.test(label)) || !TOP_LEVEL.test(labels.at(-1)!)) return 'The part after the @ is not a valid domain name';
  return undefined;
}

/**
 * An email address as we store it: trimmed, lower-cased, an internationalised domain in its ASCII
 * (punycode) form, at most 254 characters.
 */
export const emailAddress = z
  .string({ error: 'An email address is required' })
  .trim()
  .min(1, 'An email address is required')
  .max(254, 'An email address is at most 254 characters')
  .transform((value, ctx) => {
    const lower = value.toLowerCase();
    const at = lower.lastIndexOf('@');
    // Only the domain may be non-ASCII; domainToASCII answers '' for a name it cannot convert.
    const asciiDomain = at === -1 || /^[\x21-\x7e]*$/.test(lower.slice(at + 1)) ? undefined : domainToASCII(lower.slice(at + 1));
    const address = asciiDomain === undefined ? lower : `${lower.slice(0, at)}@${asciiDomain || '-'}`;
    const problem = address.length > 254 ? 'An email address is at most 254 characters' : addressProblem(address);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    return address;
  });

export const newsletterLanguage = z.enum(NEWSLETTER_LANGUAGES, { error: `Choose one of: ${NEWSLETTER_LANGUAGES.join(', ')}` });

/** A sign-up, from any form or the API. */
export const subscribeInput = z.object({ email: emailAddress, language: newsletterLanguage });

/** What a reader may change on the preferences page. */
export const preferencesInput = z.object({ language: newsletterLanguage });

/** A token from a link: bounded, URL-safe characters only, before any signature is checked. */
export const tokenQuery = z.object({ token: z.string({ error: 'The link has no token' }).regex(/^[A-Za-z0-9._-]{1,200}$/, 'The link is malformed') });
/** The issue an unsubscribe link came from (`&issue=` on the links in each issue's mail). */
export const issueQuery = z.object({ issue: rowId.optional() });
