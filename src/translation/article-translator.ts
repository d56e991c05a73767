import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { sanitiseArticleHtml } from '../content/sanitise-html.js';
import type { ArticleTranslationsTable, Database, TranslationStatus } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { parseInput } from '../parse-input.js';
import { sha256Hex } from '../sha256-hex.js';
import { primaryTag } from './languages.js';
import type { FragmentCounts, TranslationMemory } from './memory.js';
import type { TranslationProvider } from './provider.js';
import { fragmentText, segmentBody, textFragment } from './segments.js';
import { sentenceFragments } from './sentences.js';

/**
 * The parts of an article a translation replaces. Bylines, partner sources and image credits are
 * names: they are not among them, so they are never sent to a provider.
 */
export interface TranslatableParts {
  kicker: string;
  title: string;
  dek: string;
  imageAlt: string;
  imageCaption: string;
  bodyHtml: string;
}

/** The plain-text parts, in the order they are sent ahead of the body's segments. */
const TEXT_FIELDS = ['kicker', 'title', 'dek', 'imageAlt', 'imageCaption'] as const;

export interface ArticleTranslation extends TranslatableParts {
  articleId: number;
  language: string;
  status: TranslationStatus;
  /** What the original looked like when this translation was made or last reviewed. */
  source: TranslatableParts;
  provider: string | null;
  translatedAt: string | null;
  reviewedBy: number | null;
  reviewedAt: string | null;
  updatedAt: string;
}

/** A row of the newsroom's translation list: the translation, named by its article's current title. */
export interface TranslationListItem {
  articleId: number;
  articleTitle: string;
  language: string;
  status: TranslationStatus;
  provider: string | null;
  updatedAt: string;
}

export type TranslateResult =
  | { outcome: 'translated'; language: string; provider: string; counts: FragmentCounts }
  /** A reviewed translation is never overwritten by a machine; it was kept (and marked stale if the original changed). */
  | { outcome: 'kept_review'; language: string; status: 'reviewed' | 'stale' };

/** A BCP 47 tag as the translation domain takes one. */
export const languageTag = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'A BCP 47 language tag, such as es or pt-BR');

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
export const reviewInput = z.strictObject({
  kicker: text(1000).default(''),
  title: text(2000).min(1, 'A title is required'),
  dek: text(5000).default(''),
  imageAlt: text(2000).default(''),
  imageCaption: text(5000).default(''),
  bodyHtml: z.string().max(2_000_000, 'The body is too long'),
});

const hashOf = (parts: TranslatableParts) => sha256Hex(JSON.stringify([...TEXT_FIELDS.map((f) => parts[f]), parts.bodyHtml]));

function toTranslation(row: Selectable<ArticleTranslationsTable>): ArticleTranslation {
  return {
    articleId: row.article_id,
    language: row.language,
    status: row.status,
    kicker: row.kicker,
    title: row.title,
    dek: row.dek,
    imageAlt: row.image_alt,
    imageCaption: row.image_caption,
    bodyHtml: row.body_html,
    source: JSON.parse(row.source_snapshot) as TranslatableParts,
    provider: row.provider,
    translatedAt: row.translated_at,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Stored translations of articles. A machine translation is made whole or not at all: every part is
 * translated first, and only then is the row written, in one statement; a provider failing half-way
 * leaves the previous translation (or none) as it was.
 */
export function createArticleTranslator(deps: {
  db: Kysely<Database>;
  clock: Clock;
  memory: TranslationMemory;
  /** The provider for a pair of primary language subtags; throws an AppError when none can do it. */
  providerFor(source: string, target: string): Promise<TranslationProvider>;
  embedHosts?: readonly string[];
}) {
  const { db, clock, memory } = deps;

  async function original(articleId: number): Promise<{ language: string; parts: TranslatableParts }> {
    const row = await db
      .selectFrom('articles')
      .select(['language', 'kicker', 'title', 'dek', 'image_alt', 'image_caption', 'body_html'])
      .where('id', '=', articleId)
      .executeTakeFirst();
    if (!row) throw notFound('article');
    return {
      language: row.language,
      parts: { kicker: row.kicker, title: row.title, dek: row.dek, imageAlt: row.image_alt, imageCaption: row.image_caption, bodyHtml: row.body_html },
    };
  }

  function targetLanguage(articleLanguage: string, lang: string): string {
    const target = parseInput(languageTag, lang);
    if (primaryTag(target) === primaryTag(articleLanguage)) {
      throw new AppError('invalid_input', `The article is written in ${articleLanguage} already`, 400, 'lang');
    }
    return target;
  }

  const existing = (articleId: number, language: string) =>
    db.selectFrom('article_translations').selectAll().where('article_id', '=', articleId).where('language', '=', language).executeTakeFirst();

  /** Marks reviewed translations made from another version of the original stale; returns their languages. */
  async function markReviewedStale(articleId: number, currentHash: string): Promise<string[]> {
    return db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('article_translations')
        .select('language')
        .where('article_id', '=', articleId)
        .where('status', '=', 'reviewed')
        .where('source_hash', '<>', currentHash)
        .execute();
      if (rows.length) {
        await trx
          .updateTable('article_translations')
          .set({ status: 'stale', updated_at: clock.now().toISOString() })
          .where('article_id', '=', articleId)
          .where('status', '=', 'reviewed')
          .where('source_hash', '<>', currentHash)
          .execute();
      }
      return rows.map((r) => r.language);
    });
  }

  async function translateArticle(articleId: number, lang: string): Promise<TranslateResult> {
    const { language: sourceLanguage, parts } = await original(articleId);
    const language = targetLanguage(sourceLanguage, lang);
    const sourceHash = hashOf(parts);

    const previous = await existing(articleId, language);
    if (previous && previous.status !== 'machine') {
      if (previous.status === 'stale' || previous.source_hash === sourceHash) return { outcome: 'kept_review', language, status: previous.status };
      await markReviewedStale(articleId, sourceHash);
      return { outcome: 'kept_review', language, status: 'stale' };
    }

    const [source, target] = [primaryTag(sourceLanguage), primaryTag(language)];
    const provider = await deps.providerFor(source, target);
    const body = segmentBody(parts.bodyHtml);
    const fields = TEXT_FIELDS.filter((f) => parts[f].trim() !== '');
    const fragments = [...fields.map((f) => textFragment(parts[f])), ...body.fragments];
    // A sentence-by-sentence engine is sent, and remembered, sentences: an edit costs only the sentences it changed.
    const sentences = provider.granularity === 'sentence' ? sentenceFragments(fragments, source) : undefined;
    const { translated: answers, counts } = await memory.translateFragments(provider, sentences?.sentences ?? fragments, source, target);
    const translated = sentences ? sentences.join(answers) : answers;
    const translatedText = Object.fromEntries(await Promise.all(fields.map(async (f, i) => [f, await fragmentText(translated[i]!)] as const)));
    // The provider's output is outside input: the article sanitiser decides what markup survives.
    const bodyHtml = await sanitiseArticleHtml(await body.assemble(translated.slice(fields.length)), deps.embedHosts);

    const at = clock.now().toISOString();
    const values = {
      status: 'machine' as const,
      kicker: translatedText.kicker ?? '',
      title: translatedText.title ?? '',
      dek: translatedText.dek ?? '',
      image_alt: translatedText.imageAlt ?? '',
      image_caption: translatedText.imageCaption ?? '',
      body_html: bodyHtml,
      source_hash: sourceHash,
      source_snapshot: JSON.stringify(parts),
      provider: provider.id,
      translated_at: at,
      reviewed_by: null,
      reviewed_at: null,
      updated_at: at,
    };
    // One statement, so never half-written; and a review saved meanwhile is not overwritten.
    const written = await db
      .insertInto('article_translations')
      .values({ article_id: articleId, language, ...values })
      .onConflict((oc) => oc.columns(['article_id', 'language']).doUpdateSet(values).where('article_translations.status', '=', 'machine'))
      .executeTakeFirst();
    // Nothing written: staff saved a review while the provider worked. Going round again keeps it (or marks it stale).
    if (Number(written.numInsertedOrUpdatedRows ?? 0) === 0) return translateArticle(articleId, lang);
    return { outcome: 'translated', language, provider: provider.id, counts };
  }

  return {
    translateArticle,

    /** The article as it is now: its language and the parts a translation replaces. */
    original,

    /**
     * After the original changed: reviewed translations made from an older version become `stale`
     * (an editor must look again); returns them, and the languages of the machine translations
     * that are out of date, which the caller refreshes with `translateArticle`.
     */
    async markChanged(articleId: number): Promise<{ stale: string[]; toRefresh: string[] }> {
      const sourceHash = hashOf((await original(articleId)).parts);
      const stale = await markReviewedStale(articleId, sourceHash);
      const machine = await db
        .selectFrom('article_translations')
        .select('language')
        .where('article_id', '=', articleId)
        .where('status', '=', 'machine')
        .where('source_hash', '<>', sourceHash)
        .orderBy('language')
        .execute();
      return { stale, toRefresh: machine.map((r) => r.language) };
    },

    /**
     * Saves a translation as staff edited it (the body sanitised like any article body) with status
     * `reviewed`, as made from the original as it is now.
     */
    async saveReview(articleId: number, lang: string, edited: unknown, staffId: number): Promise<ArticleTranslation> {
      const { language: sourceLanguage, parts } = await original(articleId);
      const language = targetLanguage(sourceLanguage, lang);
      const input = parseInput(reviewInput, edited);
      const at = clock.now().toISOString();
      const values = {
        status: 'reviewed' as const,
        kicker: input.kicker,
        title: input.title,
        dek: input.dek,
        image_alt: input.imageAlt,
        image_caption: input.imageCaption,
        body_html: await sanitiseArticleHtml(input.bodyHtml, deps.embedHosts),
        source_hash: hashOf(parts),
        source_snapshot: JSON.stringify(parts),
        reviewed_by: staffId,
        reviewed_at: at,
        updated_at: at,
      };
      await db
        .insertInto('article_translations')
        .values({ article_id: articleId, language, provider: null, translated_at: null, ...values })
        .onConflict((oc) => oc.columns(['article_id', 'language']).doUpdateSet(values))
        .execute();
      return toTranslation((await existing(articleId, language))!);
    },

    /** Every stored translation of an article, by language. */
    async forArticle(articleId: number): Promise<ArticleTranslation[]> {
      const rows = await db.selectFrom('article_translations').selectAll().where('article_id', '=', articleId).orderBy('language').execute();
      return rows.map(toTranslation);
    },

    /**
     * A page of translations with these statuses (all when none are given), optionally in one
     * language: stale ones first, as they need an editor most, then the most recently changed.
     */
    async list(filter: { statuses?: readonly TranslationStatus[]; language?: string }, page: number, pageSize = 25): Promise<{ items: TranslationListItem[]; total: number }> {
      let query = db.selectFrom('article_translations').innerJoin('articles', 'articles.id', 'article_translations.article_id');
      if (filter.statuses?.length) query = query.where('article_translations.status', 'in', filter.statuses);
      if (filter.language) query = query.where('article_translations.language', '=', filter.language);
      const [rows, count] = await Promise.all([
        query
          .select(['article_translations.article_id', 'articles.title', 'article_translations.language', 'article_translations.status', 'article_translations.provider', 'article_translations.updated_at'])
          .orderBy((eb) => eb.case().when('article_translations.status', '=', 'stale').then(0).else(1).end())
          .orderBy('article_translations.updated_at', 'desc')
          .orderBy('article_translations.article_id', 'desc')
          .orderBy('article_translations.language')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((r) => ({ articleId: r.article_id, articleTitle: r.title, language: r.language, status: r.status, provider: r.provider, updatedAt: r.updated_at })),
        total: Number(count.n),
      };
    },

    /** The stored translation of an article into a language, whatever its status. */
    async get(articleId: number, lang: string): Promise<ArticleTranslation | undefined> {
      const row = await existing(articleId, lang);
      return row && toTranslation(row);
    },
  };
}

export type ArticleTranslator = ReturnType<typeof createArticleTranslator>;
