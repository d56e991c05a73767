/**
 * A machine-translation service behind one interface: the local Apertium command, an Apertium APY
 * server, LibreTranslate or DeepL. Each says which language pairs it can do; the registry picks one
 * per pair by what they say.
 */
export interface TranslationProvider {
  /** Stable id, part of the translation-memory key: 'apertium', 'apertium-apy', 'libretranslate', 'deepl'. */
  readonly id: string;
  /**
   * `'sentence'` for an engine that translates each sentence with no context from the others (rule-based
   * Apertium): the article translator then sends, and memorises, sentences rather than whole blocks, so an
   * edited paragraph costs only its changed sentences. `'block'`, the default, for engines that use the
   * surrounding sentences (neural ones): they get whole blocks.
   */
  readonly granularity?: 'block' | 'sentence';
  /** Whether this provider can translate from `source` to `target` (BCP 47 primary tags such as 'en', 'es'). */
  supports(source: string, target: string): Promise<boolean>;
  /**
   * Translates HTML fragments (one block's inner HTML each: text with inline tags such as a, em,
   * strong, b, i, code, br) from `source` to `target`, in order; the result has one entry per input.
   * Inline tags must come back around the corresponding words. Throws TranslationError on failure.
   */
  translate(fragments: string[], source: string, target: string): Promise<string[]>;
  /** One line for the admin: reachable or not, and why. */
  health(): Promise<{ ok: boolean; detail: string }>;
  /** Ends child processes and sockets. */
  close(): Promise<void>;
}

/** Why a provider failed: `retryable` for timeouts, 5xx and 429; not for a bad key, quota or unsupported pair. */
export class TranslationError extends Error {
  override name = 'TranslationError';
  constructor(
    message: string,
    readonly code: 'timeout' | 'unavailable' | 'rate_limited' | 'quota' | 'bad_key' | 'unsupported_pair' | 'bad_response',
    readonly retryable: boolean,
  ) {
    super(message);
  }
}
