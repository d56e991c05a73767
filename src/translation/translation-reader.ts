import type { Kysely } from 'kysely';
import type { Database, TranslationStatus } from '../db/schema.js';

/** What a list shows of a translated article. */
export interface TranslatedSummary {
  kicker: string;
  title: string;
  dek: string;
  imageAlt: string;
}

export interface TranslatedArticle extends TranslatedSummary {
  status: TranslationStatus;
  imageCaption: string;
  bodyHtml: string;
}

/** Reads stored translations for the public pages: a few rows per request, never the snapshots. */
export function createTranslationReader(db: Kysely<Database>) {
  const publishedTranslations = (language: string) =>
    db
      .selectFrom('article_translations')
      .innerJoin('articles', 'articles.id', 'article_translations.article_id')
      .where('articles.status', '=', 'published')
      .where('article_translations.language', '=', language);

  return {
    /** The translated titles of a page of articles, for one language. */
    async summaries(articleIds: readonly number[], language: string): Promise<Map<number, TranslatedSummary>> {
      if (articleIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('article_translations')
        .select(['article_id', 'kicker', 'title', 'dek', 'image_alt'])
        .where('article_id', 'in', articleIds)
        .where('language', '=', language)
        .execute();
      return new Map(rows.map((r) => [r.article_id, { kicker: r.kicker, title: r.title, dek: r.dek, imageAlt: r.image_alt }]));
    },

    /** The languages each article has a stored translation in. */
    async languagesOf(articleIds: readonly number[]): Promise<Map<number, string[]>> {
      const found = new Map<number, string[]>(articleIds.map((id) => [id, []]));
      if (articleIds.length === 0) return found;
      const rows = await db
        .selectFrom('article_translations')
        .select(['article_id', 'language'])
        .where('article_id', 'in', articleIds)
        .orderBy('language')
        .execute();
      for (const row of rows) found.get(row.article_id)!.push(row.language);
      return found;
    },

    /** How many published articles have a translation into a language: sizes its sitemaps. */
    async countPublishedIn(language: string): Promise<number> {
      const row = await publishedTranslations(language)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** The published articles translated into a language, oldest first by id (as the site's own sitemaps page them). */
    async addressesIn(language: string, limit: number, offset: number): Promise<{ id: number; slug: string; language: string; updatedAt: string }[]> {
      const rows = await publishedTranslations(language)
        .select(['articles.id', 'articles.slug', 'articles.language', 'articles.updated_at', 'article_translations.updated_at as translated_at'])
        .orderBy('articles.id')
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.map((r) => ({ id: r.id, slug: r.slug, language: r.language, updatedAt: r.translated_at > r.updated_at ? r.translated_at : r.updated_at }));
    },

    /** Articles' whole translations into one language, with the parts a page shows. */
    async forPages(articleIds: readonly number[], language: string): Promise<Map<number, TranslatedArticle>> {
      if (articleIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('article_translations')
        .select(['article_id', 'status', 'kicker', 'title', 'dek', 'image_alt', 'image_caption', 'body_html'])
        .where('article_id', 'in', articleIds)
        .where('language', '=', language)
        .execute();
      return new Map(
        rows.map((r) => [
          r.article_id,
          { status: r.status, kicker: r.kicker, title: r.title, dek: r.dek, imageAlt: r.image_alt, imageCaption: r.image_caption, bodyHtml: r.body_html },
        ]),
      );
    },
  };
}

export type TranslationReader = ReturnType<typeof createTranslationReader>;
