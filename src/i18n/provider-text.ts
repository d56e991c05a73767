import { decodeHTML } from 'entities';
import { escapeHtml } from '../escape-html.js';
import { PLACEHOLDER, placeholdersIn } from './messages.js';

/** A tag, its attribute values quoted or not (a quoted value may hold '>'). */
const TAG = /<(?:[^>"']|"[^"]*"|'[^']*')*>/g;

/** One message text made ready for a provider, and how to read the provider's answer back. */
export interface ProviderText {
  /** An HTML fragment, as providers take them. */
  fragment: string;
  /** The answer as plain text with the placeholders back, or undefined when one was lost or repeated. */
  restore(answer: string): string | undefined;
}

/**
 * Plain text as a fragment for a translation provider. Each `{name}` placeholder (when `placeholders`)
 * goes as a four-digit number in a `translate="no"` span: engines carry numbers through unchanged,
 * and a span with content keeps Apertium from taking the spot for a sentence end, as an empty element
 * makes it do. Engines move words into or out of the span, so the answer is read by the numbers alone:
 * each must come back exactly once. Line breaks go as `<br>`.
 */
export function toProviderText(text: string, options: { placeholders: boolean }): ProviderText {
  const names = options.placeholders ? placeholdersIn(text) : [];
  // Numbers the text holds itself cannot stand in for anything.
  let first = 1901;
  while (names.some((_, i) => text.includes(String(first + i)))) first += 100;
  let n = first;
  const escaped = escapeHtml(text).replace(/\r?\n/g, '<br>');
  const fragment = options.placeholders ? escaped.replace(PLACEHOLDER, () => `<span translate="no">${n++}</span>`) : escaped;

  return {
    fragment,
    restore(answer) {
      let plain = decodeHTML(answer.replace(/<br\s*\/?>/gi, '\n').replace(TAG, ''))
        .split('\n')
        .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
        .join('\n')
        .trim();
      for (const [i, name] of names.entries()) {
        const token = new RegExp(`(?<!\\d)${first + i}(?!\\d)`, 'g');
        if ((plain.match(token) ?? []).length !== 1) return undefined;
        plain = plain.replace(token, `{${name}}`);
      }
      return plain === '' ? undefined : plain;
    },
  };
}
