import { englishMessages, type Message, type MessageKey, type PlaceholderOf, type PluralForms } from './messages-en.js';

/** A `{name}` placeholder: a letter, then letters and digits. */
export const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The placeholder names a template uses, in order of appearance (repeats included). */
export const placeholdersIn = (template: string): string[] => [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);

/** The templates of a message: itself, or each of its plural forms. */
export const templatesOf = (message: Message): string[] => (typeof message === 'string' ? [message] : Object.values(message));

export const isPlural = (message: Message): message is PluralForms => typeof message !== 'string';

export type ParamValue = string | number;
/** No second argument for a message without placeholders; otherwise a value for each. */
type ParamsArg<K extends MessageKey> = [PlaceholderOf<K>] extends [never] ? [] : [params: Record<PlaceholderOf<K>, ParamValue>];

/**
 * The interface strings of one language, and its number and list formatting. Text only: views put
 * what it returns into JSX, which escapes it.
 */
export interface Messages {
  /** The BCP 47 tag the formatting follows. */
  readonly language: string;
  /**
   * The message with its placeholders filled; numbers are formatted as quantities (pass a year as
   * text), and a `count` picks the plural form.
   */
  t<K extends MessageKey>(key: K, ...params: ParamsArg<K>): string;
  /**
   * The message as pieces, for a message with a link or other element inside (`By {authors}`):
   * text pieces and the values given, in the order the language puts them.
   */
  parts<K extends MessageKey, T>(key: K, params: Record<PlaceholderOf<K>, T | ParamValue>): (string | T)[];
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** "A, B and C" in the language's own way, the items kept as they are (they may be elements). */
  list<T>(items: readonly T[]): (string | T)[];
}

// Intl objects are costly to build and pure: one per language (and options) for the process.
const intlCache = new Map<string, Intl.PluralRules | Intl.NumberFormat | Intl.ListFormat>();
function intl<T extends Intl.PluralRules | Intl.NumberFormat | Intl.ListFormat>(key: string, make: () => T): T {
  let made = intlCache.get(key) as T | undefined;
  if (!made) intlCache.set(key, (made = make()));
  return made;
}
const pluralRules = (language: string) => intl(`plural|${language}`, () => new Intl.PluralRules(language));
const numberFormat = (language: string, options: Intl.NumberFormatOptions = {}) =>
  intl(`number|${language}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(language, options));
const listFormat = (language: string) => intl(`list|${language}`, () => new Intl.ListFormat(language, { type: 'conjunction' }));

/** The plural categories a language distinguishes, `other` last: what a translation's plural forms must cover. */
export const pluralCategoriesOf = (language: string): Intl.LDMLPluralRule[] => {
  const categories = pluralRules(language).resolvedOptions().pluralCategories;
  return [...categories.filter((c) => c !== 'other'), 'other'];
};

type Segment = string | { name: string };

/**
 * Messages in `language` (a BCP 47 tag such as `pl` or `pt-BR`): each key's translation when
 * `translations` has it, else the English. A translation that names a placeholder the caller did not
 * give gives way to the English message; should that lack one too, the placeholder shows as written.
 */
export function createMessages(language: string, translations: Partial<Record<MessageKey, Message>> = {}): Messages {
  const tag = Intl.getCanonicalLocales(language)[0]!;
  const compiled = new Map<string, Segment[]>();

  function compile(template: string): Segment[] {
    let segments = compiled.get(template);
    if (!segments) {
      segments = template.split(PLACEHOLDER).map((piece, i) => (i % 2 === 1 ? { name: piece } : piece)).filter((s) => s !== '');
      compiled.set(template, segments);
    }
    return segments;
  }

  function formOf(message: Message, rulesLanguage: string, count: unknown): string {
    if (!isPlural(message)) return message;
    const category = typeof count === 'number' ? pluralRules(rulesLanguage).select(count) : 'other';
    return message[category] ?? message.other;
  }

  /** The segments to fill: the translation's when every placeholder it names is given, else the English. */
  function segmentsFor(key: MessageKey, params: Record<string, unknown>): Segment[] {
    const translated = translations[key];
    if (translated !== undefined) {
      const segments = compile(formOf(translated, tag, params.count));
      if (segments.every((s) => typeof s === 'string' || s.name in params)) return segments;
    }
    return compile(formOf(englishMessages[key], 'en', params.count));
  }

  const show = (value: unknown) => (typeof value === 'number' ? numberFormat(tag).format(value) : value);

  function parts<T>(key: MessageKey, params: Record<string, T | ParamValue>): (string | T)[] {
    const out: (string | T)[] = [];
    for (const segment of segmentsFor(key, params)) {
      const piece = typeof segment === 'string' ? segment : segment.name in params ? show(params[segment.name]) : `{${segment.name}}`;
      const last = out.length - 1;
      if (typeof piece === 'string' && typeof out[last] === 'string') out[last] += piece;
      else out.push(piece as string | T);
    }
    return out;
  }

  return {
    language: tag,
    t: (key, ...params) => parts(key, (params[0] ?? {}) as Record<string, ParamValue>).join(''),
    parts: (key, params) => parts(key, params as Record<string, never>),
    number: (value, options) => numberFormat(tag, options).format(value),
    list<T>(items: readonly T[]) {
      // Formatted with each item's index standing in for it, then the items put back in their places.
      return listFormat(tag)
        .formatToParts(items.map((_, i) => String(i)))
        .map((p) => (p.type === 'element' ? items[Number(p.value)]! : p.value));
    },
  };
}
