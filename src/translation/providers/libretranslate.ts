import { displayUrl, endpoint, keepOnSuccess, requestJson, type HttpCallOptions, type StatusMeaning } from '../http-client.js';
import { matchListedCode as matching } from '../languages.js';
import { TranslationError, type TranslationProvider } from '../provider.js';

export interface LibreTranslateOptions extends HttpCallOptions {
  /** The server, such as http://127.0.0.1:5000 (LIBRETRANSLATE_URL). */
  url: string;
  /** LIBRETRANSLATE_API_KEY, for servers that require one: a secret, never logged. */
  apiKey?: string;
}

interface LibreLanguage {
  code: string;
  /** Newer servers list the targets per source; older ones translate between any two listed languages. */
  targets?: string[];
}

const meaning: StatusMeaning = (status, message) => {
  if (status === 400 && /not supported|unsupported/i.test(message)) {
    return new TranslationError(`LibreTranslate: ${message}`, 'unsupported_pair', false);
  }
  if (status === 403) return new TranslationError(`LibreTranslate refused the API key${message ? `: ${message}` : ''}`, 'bad_key', false);
  return undefined;
};

/** A self-hosted LibreTranslate server: all fragments in one request, as HTML so inline tags are kept. */
export function createLibreTranslateProvider(options: LibreTranslateOptions): TranslationProvider {
  const call = (path: string, body?: unknown) =>
    requestJson('LibreTranslate', { method: body === undefined ? 'GET' : 'POST', url: endpoint(options.url, path), body }, meaning, options);

  const languages = keepOnSuccess(async () => {
    const answer = await call('/languages');
    if (!Array.isArray(answer) || !answer.every((l) => typeof (l as LibreLanguage)?.code === 'string')) {
      throw new TranslationError('LibreTranslate listed its languages in an unknown shape', 'bad_response', false);
    }
    return answer as LibreLanguage[];
  });

  /** The server's codes for a pair ('zh' may be listed as 'zh-Hans'), or undefined when it cannot do it. */
  async function codes(source: string, target: string): Promise<{ source: string; target: string } | undefined> {
    const listed = await languages();
    const from = matching(listed.map((l) => l.code), source);
    const fromLanguage = listed.find((l) => l.code === from);
    const to = matching(fromLanguage?.targets ?? listed.map((l) => l.code), target);
    return from && to && from !== to ? { source: from, target: to } : undefined;
  }

  return {
    id: 'libretranslate',

    async supports(source, target) {
      return (await codes(source, target).catch(() => undefined)) !== undefined;
    },

    async translate(fragments, source, target) {
      const pair = await codes(source, target);
      if (!pair) throw new TranslationError(`LibreTranslate does not translate ${source} → ${target}`, 'unsupported_pair', false);
      if (fragments.length === 0) return [];
      const answer = (await call('/translate', {
        q: fragments,
        source: pair.source,
        target: pair.target,
        format: 'html',
        ...(options.apiKey ? { api_key: options.apiKey } : {}),
      })) as { translatedText?: unknown };
      const texts = answer.translatedText;
      if (!Array.isArray(texts) || texts.length !== fragments.length || !texts.every((t) => typeof t === 'string')) {
        throw new TranslationError(`LibreTranslate returned no list of ${fragments.length} translations`, 'bad_response', false);
      }
      return texts as string[];
    },

    async health() {
      try {
        const listed = await requestJson('LibreTranslate', { method: 'GET', url: endpoint(options.url, '/languages') }, meaning, { ...options, attempts: 1 });
        return { ok: true, detail: `${displayUrl(options.url)}: ${Array.isArray(listed) ? listed.length : 0} languages` };
      } catch (error) {
        return { ok: false, detail: `${displayUrl(options.url)}: ${(error as Error).message}` };
      }
    },

    async close() {
      // fetch keeps no connection of ours open.
    },
  };
}
