import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import { surrogateKeys, type ContentService } from '../content/index.js';
import type { PurgeListener } from '../content/surrogate-keys.js';
import type { Database } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { createArticleTranslator, type TranslateResult } from './article-translator.js';
import { createTranslationMemory } from './memory.js';
import { primaryTag, type Language } from './languages.js';
import { createTranslationPolicy } from './policy.js';
import type { TranslationProvider } from './provider.js';
import { registryOf } from './providers/registry.js';
import { createTranslationQueue } from './queue.js';

interface LogLike {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * The translation domain's public face: stored article translations made through the first of
 * `providers` that supports each language pair, with the translation memory in front of it; the
 * queue of translations still to make, and the policy that fills it as articles change.
 */
export function createTranslationService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  content: ContentService;
  /** In order of preference. */
  providers: readonly TranslationProvider[];
  embedHosts?: readonly string[];
  /** The languages the site is offered in (LANGUAGES): priority languages outside them are not translated into. */
  languages?: readonly Language[];
  /** Told the surrogate keys of the pages a queued translation changed. Tests that only translate directly leave out this and the two below. */
  onPurge?: PurgeListener;
  /** Asks the scheduler to look at the queue again. */
  wake?: () => void;
  log?: LogLike;
}) {
  const { db, content } = deps;
  const registry = registryOf(deps.providers);

  async function providerFor(source: string, target: string): Promise<TranslationProvider> {
    const provider = await registry.providerFor(source, target);
    if (!provider) throw new AppError('unsupported_pair', `No translation provider can translate from ${source} to ${target}`, 400, 'lang');
    return provider;
  }

  /** The cached pages that show an article's translation into a language are out of date. */
  const purgeTranslation = (articleId: number, language: string) =>
    deps.onPurge?.([surrogateKeys.article(articleId), surrogateKeys.translation(articleId, language), surrogateKeys.translations]);

  const articles = createArticleTranslator({ db, clock: deps.clock, memory: createTranslationMemory(deps), providerFor, embedHosts: deps.embedHosts });
  const queue = createTranslationQueue({
    db,
    clock: deps.clock,
    translate: articles.translateArticle,
    onTranslated: purgeTranslation,
    log: deps.log ?? { warn() {}, error() {} },
    wake: deps.wake,
  });
  const policy = createTranslationPolicy({ db, articles, queue, settings: () => content.settings.get(), ...(deps.languages ? { offered: deps.languages } : {}) });

  return {
    articles,
    queue,
    policy,

    /** Translates an article named by its slug (whatever its status), for the command line. */
    async translateBySlug(slug: string, lang: string): Promise<TranslateResult> {
      const id = await content.editor.idBySlug(slug);
      if (id === undefined) throw notFound(`article with the slug "${slug}"`);
      return articles.translateArticle(id, lang);
    },

    /** After staff changed a translation outside the queue: its cached pages are purged. */
    translationChanged: purgeTranslation,

    /** Whether some provider translates between these languages (compared by primary subtag). */
    async canTranslate(source: string, target: string): Promise<boolean> {
      return (await registry.providerFor(primaryTag(source), primaryTag(target))) !== undefined;
    },

    /** One line per provider for the newsroom: its id, ok or failing, and why. */
    health: () => registry.healthLines(),

    /** Waits for the queue's running batch, then ends the providers' child processes and connections. */
    async close() {
      await queue.task.stop();
      await registry.close();
    },
  };
}

export type TranslationService = ReturnType<typeof createTranslationService>;
export type { ArticleTranslation, TranslatableParts, TranslateResult, TranslationListItem } from './article-translator.js';
export type { FragmentCounts } from './memory.js';
