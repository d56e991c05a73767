import { startFakeHttpServer, type FakeHttpServer } from './fake-http.js';

export interface FakeLibreTranslateOptions {
  /** Language codes the fake lists, each translatable into every other (default en, es, fr, zh-Hans). */
  languages?: string[];
  /** When set, /translate refuses requests without this api_key with 403, as a keyed server does. */
  apiKey?: string;
}

/**
 * A fake LibreTranslate server for tests: GET /languages and POST /translate with the real API's
 * shapes. Its "translation" prefixes each text with the target code in brackets, so tests can see
 * what was sent where and in which order.
 */
export function startFakeLibreTranslate(options: FakeLibreTranslateOptions = {}): Promise<FakeHttpServer> {
  const languages = options.languages ?? ['en', 'es', 'fr', 'zh-Hans'];
  return startFakeHttpServer({
    '/languages': () => ({
      status: 200,
      body: languages.map((code) => ({ code, name: code, targets: languages.filter((other) => other !== code) })),
    }),
    '/translate': ({ body }) => {
      const { q, source, target, api_key: key } = body as { q: string[]; source: string; target: string; api_key?: string };
      if (options.apiKey && key !== options.apiKey) {
        return { status: 403, body: { error: 'Visit https://portal.libretranslate.com to get an API key' } };
      }
      for (const code of [source, target]) {
        if (!languages.includes(code)) return { status: 400, body: { error: `${code} is not supported` } };
      }
      return { status: 200, body: { translatedText: q.map((text) => `[${target}] ${text}`) } };
    },
  });
}
