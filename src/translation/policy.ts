import type { Kysely } from 'kysely';
import type { SiteSettings } from '../content/index.js';
import type { Database } from '../db/schema.js';
import type { ArticleTranslator } from './article-translator.js';
import { primaryTag as primary } from './languages.js';
import type { Language } from './languages.js';
import type { TranslationQueue } from './queue.js';

/**
 * What gets translated without anyone asking, decided whenever articles change. Only published
 * articles count: a draft or a scheduled piece is considered when it goes live.
 */
export function createTranslationPolicy(deps: {
  db: Kysely<Database>;
  articles: Pick<ArticleTranslator, 'markChanged'>;
  queue: Pick<TranslationQueue, 'enqueue'>;
  settings: () => Promise<Pick<SiteSettings, 'language' | 'translationPriorityLanguages'>>;
  /** The languages the site is offered in; a priority language outside them has no pages to show a translation on. */
  offered?: readonly Pick<Language, 'code'>[];
}) {
  const { db, articles, queue } = deps;
  const offered = deps.offered && new Set(deps.offered.map((l) => l.code));
  const isOffered = (language: string) => !offered || offered.has(primary(language));

  /** The languages an article has a translation or a job for, whatever their state. */
  async function coveredLanguages(articleId: number): Promise<Set<string>> {
    const [translations, jobs] = await Promise.all([
      db.selectFrom('article_translations').select('language').where('article_id', '=', articleId).execute(),
      db.selectFrom('translation_jobs').select('language').where('article_id', '=', articleId).execute(),
    ]);
    return new Set([...translations, ...jobs].map((r) => r.language.toLowerCase()));
  }

  return {
    /**
     * Called after articles were saved, published, unpublished or deleted. For each published one:
     * machine translations of an older version of it are queued for a refresh (reviewed ones become
     * stale, for an editor); every priority language it lacks is queued; and a partner's piece in
     * another language than the site's is queued into the site's language.
     */
    async articlesChanged(ids: number[]): Promise<void> {
      const published = [];
      // A rename can hand over every article of an author: in slices, within any database's limit on parameters.
      for (let i = 0; i < ids.length; i += 500) {
        published.push(
          ...(await db
            .selectFrom('articles')
            .select(['id', 'language', 'source_id'])
            .where('id', 'in', ids.slice(i, i + 500))
            .where('status', '=', 'published')
            .execute()),
        );
      }
      if (!published.length) return;
      const settings = await deps.settings();

      for (const article of published) {
        const { toRefresh } = await articles.markChanged(article.id);
        for (const language of toRefresh) await queue.enqueue(article.id, language, 'refresh');

        const covered = await coveredLanguages(article.id);
        const queueIfMissing = async (language: string, reason: 'partner' | 'publish') => {
          if (primary(language) === primary(article.language) || covered.has(language.toLowerCase())) return;
          await queue.enqueue(article.id, language, reason);
          covered.add(language.toLowerCase());
        };
        if (article.source_id !== null) await queueIfMissing(settings.language, 'partner');
        for (const language of settings.translationPriorityLanguages.filter(isOffered)) await queueIfMissing(language, 'publish');
      }
    },
  };
}

export type TranslationPolicy = ReturnType<typeof createTranslationPolicy>;
