/** One language the site can be read in. */
export interface Language {
  /** BCP 47 primary language tag, lower case: 'en', 'nb', 'zh'. */
  code: string;
  /** ISO 639-3 code, the form most Apertium language pairs are named with ('eng', 'spa'). */
  iso639_3: string;
  englishName: string;
  /** The language's name for itself, as a reader looking for it would recognise it. */
  nativeName: string;
  direction: 'ltr' | 'rtl';
}

const ltr = (code: string, iso639_3: string, englishName: string, nativeName: string): Language => ({
  code,
  iso639_3,
  englishName,
  nativeName,
  direction: 'ltr',
});
const rtl = (code: string, iso639_3: string, englishName: string, nativeName: string): Language => ({
  ...ltr(code, iso639_3, englishName, nativeName),
  direction: 'rtl',
});

/** The 51 languages offered by default: Europe's languages, then the largest of the newsroom's readerships elsewhere. */
export const DEFAULT_LANGUAGES: readonly Language[] = Object.freeze([
  ltr('en', 'eng', 'English', 'English'),
  ltr('es', 'spa', 'Spanish', 'Español'),
  ltr('fr', 'fra', 'French', 'Français'),
  ltr('de', 'deu', 'German', 'Deutsch'),
  ltr('it', 'ita', 'Italian', 'Italiano'),
  ltr('pt', 'por', 'Portuguese', 'Português'),
  ltr('ca', 'cat', 'Catalan', 'Català'),
  ltr('gl', 'glg', 'Galician', 'Galego'),
  ltr('eu', 'eus', 'Basque', 'Euskara'),
  ltr('nl', 'nld', 'Dutch', 'Nederlands'),
  ltr('sv', 'swe', 'Swedish', 'Svenska'),
  ltr('da', 'dan', 'Danish', 'Dansk'),
  ltr('nb', 'nob', 'Norwegian Bokmål', 'Norsk bokmål'),
  ltr('fi', 'fin', 'Finnish', 'Suomi'),
  ltr('is', 'isl', 'Icelandic', 'Íslenska'),
  ltr('pl', 'pol', 'Polish', 'Polski'),
  ltr('cs', 'ces', 'Czech', 'Čeština'),
  ltr('sk', 'slk', 'Slovak', 'Slovenčina'),
  ltr('sl', 'slv', 'Slovenian', 'Slovenščina'),
  ltr('hr', 'hrv', 'Croatian', 'Hrvatski'),
  ltr('sr', 'srp', 'Serbian', 'Српски'),
  ltr('bs', 'bos', 'Bosnian', 'Bosanski'),
  ltr('hu', 'hun', 'Hungarian', 'Magyar'),
  ltr('ro', 'ron', 'Romanian', 'Română'),
  ltr('bg', 'bul', 'Bulgarian', 'Български'),
  ltr('el', 'ell', 'Greek', 'Ελληνικά'),
  ltr('ru', 'rus', 'Russian', 'Русский'),
  ltr('uk', 'ukr', 'Ukrainian', 'Українська'),
  ltr('be', 'bel', 'Belarusian', 'Беларуская'),
  ltr('lt', 'lit', 'Lithuanian', 'Lietuvių'),
  ltr('lv', 'lav', 'Latvian', 'Latviešu'),
  ltr('et', 'est', 'Estonian', 'Eesti'),
  ltr('tr', 'tur', 'Turkish', 'Türkçe'),
  rtl('ar', 'ara', 'Arabic', 'العربية'),
  rtl('fa', 'fas', 'Persian', 'فارسی'),
  rtl('he', 'heb', 'Hebrew', 'עברית'),
  rtl('ur', 'urd', 'Urdu', 'اردو'),
  ltr('hi', 'hin', 'Hindi', 'हिन्दी'),
  ltr('bn', 'ben', 'Bengali', 'বাংলা'),
  ltr('pa', 'pan', 'Punjabi', 'ਪੰਜਾਬੀ'),
  ltr('ta', 'tam', 'Tamil', 'தமிழ்'),
  ltr('zh', 'zho', 'Chinese', '中文'),
  ltr('ja', 'jpn', 'Japanese', '日本語'),
  ltr('ko', 'kor', 'Korean', '한국어'),
  ltr('vi', 'vie', 'Vietnamese', 'Tiếng Việt'),
  ltr('th', 'tha', 'Thai', 'ไทย'),
  ltr('id', 'ind', 'Indonesian', 'Bahasa Indonesia'),
  ltr('ms', 'msa', 'Malay', 'Bahasa Melayu'),
  ltr('tl', 'tgl', 'Tagalog', 'Tagalog'),
  ltr('sw', 'swa', 'Swahili', 'Kiswahili'),
  ltr('af', 'afr', 'Afrikaans', 'Afrikaans'),
]);

/** A BCP 47 tag's primary language subtag, lower case: how languages are compared ('pt-BR' → 'pt'). */
export const primaryTag = (tag: string) => tag.split('-')[0]!.toLowerCase();

const byCode = new Map(DEFAULT_LANGUAGES.map((language) => [language.code, language]));

/** The default language with this code (case-insensitive; 'no' is taken as Bokmål), or undefined. */
export function languageByCode(code: string): Language | undefined {
  const lower = code.toLowerCase();
  return byCode.get(lower === 'no' ? 'nb' : lower);
}

/** The known language a BCP 47 tag belongs to, by its primary subtag ('pt-BR' is Portuguese). */
export const languageOfTag = (tag: string): Language | undefined => languageByCode(primaryTag(tag));

/**
 * The code a service lists for a BCP 47 language, compared without regard to case: the same tag,
 * else the first listed variant of it ('zh' → 'zh-Hans', 'en' → 'EN-GB'), or undefined.
 */
export function matchListedCode(listed: readonly string[], code: string): string | undefined {
  const wanted = code.toLowerCase();
  const primary = wanted.split('-')[0]!;
  return listed.find((c) => c.toLowerCase() === wanted) ?? listed.find((c) => c.toLowerCase().split('-')[0] === primary);
}
