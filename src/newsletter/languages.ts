/**
 * The languages a reader may ask for the newsletter in. Until the translation domain reports which
 * languages the site is translated into, this is a fixed list of widely read ones.
 */
export const NEWSLETTER_LANGUAGES = ['en', 'fr', 'es', 'pt', 'de', 'it', 'nl', 'ca', 'pl', 'ru', 'uk', 'ar', 'tr', 'sw', 'zh', 'ja'] as const;

/** Each language named in itself ("français"), as a reader looks for their own. */
export function languageOptions(): { code: string; name: string }[] {
  return NEWSLETTER_LANGUAGES.map((code) => ({ code, name: new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code }));
}

/** The language a sign-up without a choice gets: the site's own when we offer it. */
export const defaultLanguage = (siteLanguage: string): string =>
  (NEWSLETTER_LANGUAGES as readonly string[]).find((code) => code === siteLanguage || siteLanguage.startsWith(`${code}-`)) ?? 'en';
