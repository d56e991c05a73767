import type { TranslationConfig } from '../../config.js';
import type { TranslationProvider } from '../provider.js';
import { createApertiumApyProvider } from './apertium-apy.js';
import { createApertiumCommandProvider, type ApertiumCommandOptions } from './apertium-command.js';
import { createDeepLProvider } from './deepl.js';
import { createLibreTranslateProvider } from './libretranslate.js';
import { isExecutable } from './executable.js';

/** The configured translation providers, asked in order of preference for each language pair. */
export interface TranslationRegistry {
  readonly providers: readonly TranslationProvider[];
  /** The first provider that supports `source` → `target`, or undefined when none does. */
  providerFor(source: string, target: string): Promise<TranslationProvider | undefined>;
  /** One line per provider for the admin: its id, ok or failing, and the detail. */
  healthLines(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Builds the providers from the configuration, in this order of preference: the local Apertium
 * command (when installed), an APY server, LibreTranslate, DeepL. Free, self-hosted engines come
 * first; DeepL, paid per character and capped by a quota, takes the pairs none of them has (such as
 * English → Japanese) rather than using up its quota on pairs Apertium does locally.
 */
export function createTranslationRegistry(config: TranslationConfig = {}, apertium: ApertiumCommandOptions = {}): TranslationRegistry {
  const providers: TranslationProvider[] = [];
  if (isExecutable(apertium.command ?? 'apertium')) providers.push(createApertiumCommandProvider(apertium));
  if (config.apertiumUrl) providers.push(createApertiumApyProvider({ url: config.apertiumUrl }));
  if (config.libreTranslateUrl) {
    providers.push(createLibreTranslateProvider({ url: config.libreTranslateUrl, ...(config.libreTranslateApiKey ? { apiKey: config.libreTranslateApiKey } : {}) }));
  }
  if (config.deeplApiKey) providers.push(createDeepLProvider({ apiKey: config.deeplApiKey, ...(config.deeplUrl ? { url: config.deeplUrl } : {}) }));
  return registryOf(providers);
}

/** A registry over these providers, preferred in the order given. */
export function registryOf(providers: readonly TranslationProvider[]): TranslationRegistry {
  return {
    providers,
    async providerFor(source, target) {
      for (const provider of providers) {
        if (await provider.supports(source, target)) return provider;
      }
      return undefined;
    },
    async healthLines() {
      if (providers.length === 0) return ['no translation provider: install apertium, or set APERTIUM_URL, LIBRETRANSLATE_URL or DEEPL_API_KEY'];
      return Promise.all(
        providers.map(async (provider) => {
          const { ok, detail } = await provider.health();
          return `${provider.id}: ${ok ? 'ok' : 'failing'}, ${detail}`;
        }),
      );
    },
    async close() {
      await Promise.all(providers.map((provider) => provider.close()));
    },
  };
}
