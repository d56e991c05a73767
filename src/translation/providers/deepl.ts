import { displayUrl, endpoint, keepOnSuccess, requestJson, type HttpCallOptions, type StatusMeaning } from '../http-client.js';
import { matchListedCode } from '../languages.js';
import { TranslationError, type TranslationProvider } from '../provider.js';

export interface DeepLOptions extends HttpCallOptions {
  /** DEEPL_API_KEY: a secret, sent only in the Authorization header and never logged or quoted. */
  apiKey: string;
  /** DEEPL_URL, to point at another host (tests); by default the free host for keys ending ':fx', else the pro host. */
  url?: string;
}

const meaning: StatusMeaning = (status, message) => {
  const said = message ? `: ${message}` : '';
  if (status === 456) return new TranslationError(`DeepL's character quota is used up${said}`, 'quota', false);
  if (status === 403) return new TranslationError(`DeepL refused the API key${said}`, 'bad_key', false);
  if (status === 400 && /lang/i.test(message) && /not supported|unsupported/i.test(message)) {
    return new TranslationError(`DeepL${said}`, 'unsupported_pair', false);
  }
  return undefined;
};

export const deeplBaseUrl = (apiKey: string, url?: string) => url ?? (apiKey.endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com');

/**
 * DeepL's API: all fragments in one request with tag_handling html, which keeps inline tags around
 * the words they wrapped. DeepL wants a regional target for English and Portuguese (EN-GB, PT-PT…):
 * a plain 'en' takes the first one DeepL lists.
 */
export function createDeepLProvider(options: DeepLOptions): TranslationProvider {
  const base = deeplBaseUrl(options.apiKey, options.url);
  const headers = { authorization: `DeepL-Auth-Key ${options.apiKey}` };
  const call = (path: string, body?: unknown, overrides: HttpCallOptions = {}) =>
    requestJson('DeepL', { method: body === undefined ? 'GET' : 'POST', url: endpoint(base, path), headers, body }, meaning, { ...options, ...overrides });

  const listed = (type: 'source' | 'target') =>
    keepOnSuccess(async () => {
      const answer = await call(`/v2/languages?type=${type}`);
      if (!Array.isArray(answer) || !answer.every((l) => typeof (l as { language?: unknown })?.language === 'string')) {
        throw new TranslationError('DeepL listed its languages in an unknown shape', 'bad_response', false);
      }
      return (answer as Array<{ language: string }>).map((l) => l.language);
    });
  const sources = listed('source');
  const targets = listed('target');

  async function codes(source: string, target: string): Promise<{ source: string; target: string } | undefined> {
    const from = matchListedCode(await sources(), source);
    const to = matchListedCode(await targets(), target);
    return from && to && from.split('-')[0] !== to.split('-')[0] ? { source: from, target: to } : undefined;
  }

  return {
    id: 'deepl',

    async supports(source, target) {
      return (await codes(source, target).catch(() => undefined)) !== undefined;
    },

    async translate(fragments, source, target) {
      const pair = await codes(source, target);
      if (!pair) throw new TranslationError(`DeepL does not translate ${source} → ${target}`, 'unsupported_pair', false);
      if (fragments.length === 0) return [];
      const answer = (await call('/v2/translate', {
        text: fragments,
        source_lang: pair.source,
        target_lang: pair.target,
        tag_handling: 'html',
      })) as { translations?: unknown };
      const translations = answer.translations;
      if (
        !Array.isArray(translations) ||
        translations.length !== fragments.length ||
        !translations.every((t) => typeof (t as { text?: unknown })?.text === 'string')
      ) {
        throw new TranslationError(`DeepL returned no list of ${fragments.length} translations`, 'bad_response', false);
      }
      return (translations as Array<{ text: string }>).map((t) => t.text);
    },

    async health() {
      try {
        const usage = (await call('/v2/usage', undefined, { attempts: 1 })) as { character_count?: unknown; character_limit?: unknown };
        const used = typeof usage.character_count === 'number' && typeof usage.character_limit === 'number'
          ? `, ${usage.character_count.toLocaleString('en')} of ${usage.character_limit.toLocaleString('en')} characters used this period`
          : '';
        return { ok: true, detail: `${displayUrl(base)}${used}` };
      } catch (error) {
        return { ok: false, detail: `${displayUrl(base)}: ${(error as Error).message}` };
      }
    },

    async close() {
      // fetch keeps no connection of ours open.
    },
  };
}
