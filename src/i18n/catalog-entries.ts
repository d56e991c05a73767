import type { SiteSettings, Term } from '../content/index.js';
import { AppError } from '../errors.js';
import { sha256Hex } from '../sha256-hex.js';
import { primaryTag } from '../translation/languages.js';
import { englishMessages, type Message, type MessageKey } from './messages-en.js';
import { isPlural, placeholdersIn, pluralCategoriesOf, templatesOf } from './messages.js';

/** The site settings readers see as running text, translated like the interface strings. */
export const BOILERPLATE_SETTINGS = ['noteToReaders', 'republishingPolicy', 'disclaimer', 'fairUseNotice'] as const;
export type BoilerplateSetting = (typeof BOILERPLATE_SETTINGS)[number];
export type Boilerplate = Record<BoilerplateSetting, string>;
export const boilerplateKey = (setting: BoilerplateSetting) => `settings.${setting}`;

/** A term's fields readers see: its name in menus, headings and links, its description on its page. */
export const TERM_FIELDS = ['name', 'description'] as const;
export type TermField = (typeof TERM_FIELDS)[number];
export const termKey = (termId: number, field: TermField) => `term.${termId}.${field}`;

const MESSAGE_MAX = 1000;
// The settings' and the terms' own limits.
const BOILERPLATE_MAX = 5000;
const TERM_MAX: Record<TermField, number> = { name: 200, description: 2000 };

/**
 * One thing a language's catalog translates: an interface string, a boilerplate setting's current
 * text, or a term's (region's, theme's, dossier's) current name or description.
 */
export interface CatalogEntry {
  key: string;
  /** Boilerplate and terms are plain text: braces in them are just braces. */
  kind: 'message' | 'boilerplate' | 'term';
  /** What a translation is made from: the English message, or the setting's or term's text in the site's language. */
  source: Message;
  sourceLanguage: string;
  /** SHA-256 of the source: a stored translation with another hash is outdated. */
  hash: string;
  maxLength: number;
}

export const sourceHash = (source: Message) => sha256Hex(typeof source === 'string' ? source : JSON.stringify(source));


const messageEntries: readonly CatalogEntry[] = Object.entries(englishMessages).map(([key, source]) => ({
  key,
  kind: 'message',
  source,
  sourceLanguage: 'en',
  hash: sourceHash(source),
  maxLength: MESSAGE_MAX,
}));
const messageByKey = new Map(messageEntries.map((e) => [e.key, e]));

export const isMessageKey = (key: string): key is MessageKey => messageByKey.has(key);

/**
 * Every entry a catalog has while the settings and terms are these: the interface strings, each
 * boilerplate setting that is not empty, and each term's name and (when it has one) description.
 */
export function catalogEntries(settings: SiteSettings, terms: readonly Term[]): CatalogEntry[] {
  const sourceLanguage = primaryTag(settings.language);
  const plain = (kind: CatalogEntry['kind'], key: string, source: string, maxLength: number): CatalogEntry => ({ key, kind, source, sourceLanguage, hash: sourceHash(source), maxLength });
  const boilerplate = BOILERPLATE_SETTINGS.filter((name) => settings[name] !== '').map((name) => plain('boilerplate', boilerplateKey(name), settings[name], BOILERPLATE_MAX));
  const termTexts = terms.flatMap((term) =>
    TERM_FIELDS.filter((field) => term[field] !== '').map((field) => plain('term', termKey(term.id, field), term[field], TERM_MAX[field])),
  );
  return [...messageEntries, ...boilerplate, ...termTexts];
}

/** A stored translation's text as a message (a plural one is JSON), or undefined if it does not read as one. */
export function storedMessage(entry: CatalogEntry, text: string): Message | undefined {
  if (!isPlural(entry.source)) return text;
  try {
    const forms: unknown = JSON.parse(text);
    const valid = typeof forms === 'object' && forms !== null && Object.values(forms).every((f) => typeof f === 'string') && 'other' in forms;
    return valid ? (forms as Message) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a translation of `entry` into `language` written by staff, and returns it tidied: not empty,
 * not too long, and with the source's placeholders. A plain message must use exactly the English
 * placeholders; each plural form may leave out `{count}` (Arabic says "two articles" in a word) but
 * no other, and none may use a placeholder the English lacks. Plural forms cover the language's categories.
 */
export function checkTranslation(entry: CatalogEntry, text: unknown, language: string): Message {
  if (!isPlural(entry.source)) {
    if (typeof text !== 'string') throw new AppError('invalid_translation', 'The translation must be text', 400, 'text');
    return checkTemplate(entry, text, 'text', entry.kind === 'message' ? 'exact' : 'none');
  }
  const given = (typeof text === 'object' && text !== null ? text : {}) as Record<string, unknown>;
  const forms: Record<string, string> = {};
  for (const category of pluralCategoriesOf(language)) {
    const form = given[category];
    if (typeof form !== 'string') throw new AppError('invalid_translation', `The "${category}" form is missing`, 400, `text.${category}`);
    forms[category] = checkTemplate(entry, form, `text.${category}`, 'plural');
  }
  return forms as Message;
}

function checkTemplate(entry: CatalogEntry, raw: string, field: string, rule: 'exact' | 'plural' | 'none'): string {
  const text = raw.trim();
  if (text === '') throw new AppError('empty_translation', 'The translation is empty', 400, field);
  if (text.length > entry.maxLength) throw new AppError('translation_too_long', `The translation is longer than ${entry.maxLength} characters`, 400, field);
  if (rule === 'none') return text;
  const wanted = new Set(templatesOf(entry.source).flatMap(placeholdersIn));
  const used = new Set(placeholdersIn(text));
  const unknown = [...used].find((name) => !wanted.has(name));
  if (unknown) throw new AppError('unknown_placeholder', `{${unknown}} is not a placeholder of this message`, 400, field);
  const missing = [...wanted].find((name) => !used.has(name) && !(rule === 'plural' && name === 'count'));
  if (missing) throw new AppError('missing_placeholder', `The translation must keep {${missing}}`, 400, field);
  return text;
}
