import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { ContentService } from '../content/index.js';
import type { Database } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { createArticleTranslator, type TranslateResult } from './article-translator.js';
import { createTranslationMemory } from './memory.js';
import type { TranslationProvider } from './provider.js';
import { registryOf } from './providers/registry.js';

/**
 * The translation domain's public face: stored article translations made through the first of
 * `providers` that supports each language pair, with the translation memory in front of it.
 */
export function createTranslationService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  content: ContentService;
  /** In order of preference. */
  providers: readonly TranslationProvider[];
  embedHosts?: readonly string[];
}) {
  const { db, content } = deps;
  const registry = registryOf(deps.providers);

  async function providerFor(source: string, target: string): Promise<TranslationProvider> {
    const provider = await registry.providerFor(source, target);
    if (!provider) throw new AppError('unsupported_pair', `No translation provider can translate from ${source} to ${target}`, 400, 'lang');
    return provider;
  }

  const articles = createArticleTranslator({ db, clock: deps.clock, memory: createTranslationMemory(deps), providerFor, embedHosts: deps.embedHosts });

  return {
    articles,

    /** Translates an article named by its slug (whatever its status), for the command line. */
    async translateBySlug(slug: string, lang: string): Promise<TranslateResult> {
      const id = await content.editor.idBySlug(slug);
      if (id === undefined) throw notFound(`article with the slug "${slug}"`);
      return articles.translateArticle(id, lang);
    },

    /** Ends the providers' child processes and connections. */
    close: () => registry.close(),
  };
}

export type TranslationService = ReturnType<typeof createTranslationService>;
export type { ArticleTranslation, TranslateResult } from './article-translator.js';
export type { FragmentCounts } from './memory.js';
