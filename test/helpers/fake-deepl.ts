import { startFakeHttpServer, type FakeHttpServer } from './fake-http.js';

export interface FakeDeepLOptions {
  /** The one key the fake accepts; any other gets 403. */
  apiKey: string;
  /** Characters it translates before answering 456 (quota exceeded); unlimited when omitted. */
  characterLimit?: number;
}

const SOURCES = ['EN', 'ES', 'DE', 'FR', 'PT', 'JA'];
const TARGETS = ['EN-GB', 'EN-US', 'ES', 'DE', 'FR', 'PT-BR', 'PT-PT', 'JA'];

/**
 * A fake DeepL API for tests: /v2/languages, /v2/translate and /v2/usage with the real API's shapes
 * and error statuses. Its "translation" prefixes each text with the target code in brackets.
 */
export function startFakeDeepL(options: FakeDeepLOptions): Promise<FakeHttpServer> {
  let used = 0;
  const authorised = (authorization: string | undefined) => authorization === `DeepL-Auth-Key ${options.apiKey}`;
  const forbidden = { status: 403, body: { message: 'Forbidden' } };
  return startFakeHttpServer({
    '/v2/languages': ({ headers, query }) =>
      !authorised(headers.authorization)
        ? forbidden
        : { status: 200, body: (query.get('type') === 'target' ? TARGETS : SOURCES).map((language) => ({ language, name: language })) },
    '/v2/usage': ({ headers }) =>
      !authorised(headers.authorization)
        ? forbidden
        : { status: 200, body: { character_count: used, character_limit: options.characterLimit ?? 1_000_000_000 } },
    '/v2/translate': ({ headers, body }) => {
      if (!authorised(headers.authorization)) return forbidden;
      const { text, source_lang: source, target_lang: target, tag_handling: tags } = body as Record<string, unknown>;
      if (!Array.isArray(text) || tags !== 'html') return { status: 400, body: { message: 'Bad request' } };
      if (!SOURCES.includes(String(source)) || !TARGETS.includes(String(target))) {
        return { status: 400, body: { message: `Value for 'target_lang' not supported.` } };
      }
      const characters = text.join('').length;
      if (options.characterLimit !== undefined && used + characters > options.characterLimit) {
        return { status: 456, body: { message: 'Quota Exceeded' } };
      }
      used += characters;
      return { status: 200, body: { translations: text.map((t) => ({ detected_source_language: source, text: `[${String(target)}] ${t}` })) } };
    },
  });
}
