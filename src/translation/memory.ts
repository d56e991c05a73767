import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { sha256Hex } from '../sha256-hex.js';
import { TranslationError, type TranslationProvider } from './provider.js';

/** What one call cost: fragments asked for, found in the memory, and sent to the provider (each distinct one once). */
export interface FragmentCounts {
  total: number;
  fromMemory: number;
  sent: number;
}

/**
 * The translation memory: fragments already translated by a provider for a language pair are
 * answered from the database, keyed by the hash of the source fragment, so an edited article
 * costs the provider only its changed paragraphs (or sentences, for a provider sent sentences).
 */
export function createTranslationMemory(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  return {
    /**
     * Translates `fragments` in order: one query for what the memory knows, one provider call for
     * the rest (each distinct fragment once), and one transaction storing what the provider returned.
     * Throws the provider's error with nothing stored when the provider fails.
     */
    async translateFragments(
      provider: TranslationProvider,
      fragments: readonly string[],
      source: string,
      target: string,
    ): Promise<{ translated: string[]; counts: FragmentCounts }> {
      const hashes = fragments.map(sha256Hex);
      const distinct = [...new Set(hashes)];
      const known = new Map<string, string>();
      if (distinct.length) {
        const rows = await db
          .selectFrom('translation_memory')
          .select(['source_hash', 'translated'])
          .where('provider', '=', provider.id)
          .where('source_lang', '=', source)
          .where('target_lang', '=', target)
          .where('source_hash', 'in', distinct)
          .execute();
        for (const row of rows) known.set(row.source_hash, row.translated);
      }

      const missing = distinct.filter((h) => !known.has(h));
      if (missing.length) {
        const sourceOf = new Map(hashes.map((h, i) => [h, fragments[i]!]));
        const answers = await provider.translate(missing.map((h) => sourceOf.get(h)!), source, target);
        if (answers.length !== missing.length) {
          throw new TranslationError(`${provider.id} returned ${answers.length} translations for ${missing.length} fragments`, 'bad_response', false);
        }
        const at = clock.now().toISOString();
        const rows = missing.map((h, i) => ({ provider: provider.id, source_lang: source, target_lang: target, source_hash: h, translated: answers[i]!, created_at: at }));
        await db.transaction().execute(async (trx) => {
          // Another translator may have stored the same fragment meanwhile: its answer is as good.
          await trx
            .insertInto('translation_memory')
            .values(rows)
            .onConflict((oc) => oc.columns(['provider', 'source_lang', 'target_lang', 'source_hash']).doNothing())
            .execute();
        });
        missing.forEach((h, i) => known.set(h, answers[i]!));
      }

      const sentNow = new Set(missing);
      const fromMemory = hashes.filter((h) => !sentNow.has(h)).length;
      return { translated: hashes.map((h) => known.get(h)!), counts: { total: fragments.length, fromMemory, sent: missing.length } };
    },
  };
}

export type TranslationMemory = ReturnType<typeof createTranslationMemory>;
