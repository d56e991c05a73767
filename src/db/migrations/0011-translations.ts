import type { Kysely, Migration } from 'kysely';
import { oneOf } from './columns.js';

/**
 * Machine translation: a memory of translated fragments, so an edit re-translates only what changed,
 * and the stored translation of each article per language, with the hash of the original it was
 * made from so a changed original is noticed.
 */
export const translationTables: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('translation_memory')
      .addColumn('provider', 'varchar(40)', (c) => c.notNull())
      .addColumn('source_lang', 'varchar(35)', (c) => c.notNull())
      .addColumn('target_lang', 'varchar(35)', (c) => c.notNull())
      // SHA-256 of the source fragment: fragments can be long, the key stays short.
      .addColumn('source_hash', 'varchar(64)', (c) => c.notNull())
      .addColumn('translated', 'text', (c) => c.notNull())
      .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
      .addPrimaryKeyConstraint('translation_memory_pk', ['provider', 'source_lang', 'target_lang', 'source_hash'])
      .execute();

    await db.schema
      .createTable('article_translations')
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('language', 'varchar(35)', (c) => c.notNull())
      .addColumn('status', 'varchar(10)', (c) => c.notNull().check(oneOf('status', ['machine', 'reviewed', 'stale'])))
      .addColumn('kicker', 'varchar(1000)', (c) => c.notNull().defaultTo(''))
      .addColumn('title', 'varchar(2000)', (c) => c.notNull())
      .addColumn('dek', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('image_alt', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('image_caption', 'text', (c) => c.notNull().defaultTo(''))
      // Sanitised like every article body.
      .addColumn('body_html', 'text', (c) => c.notNull())
      // What the translation was made from: the hash decides staleness, the snapshot shows what changed since.
      .addColumn('source_hash', 'varchar(64)', (c) => c.notNull())
      .addColumn('source_snapshot', 'text', (c) => c.notNull())
      .addColumn('provider', 'varchar(40)')
      .addColumn('translated_at', 'varchar(30)')
      .addColumn('reviewed_by', 'integer', (c) => c.references('staff_users.id').onDelete('set null'))
      .addColumn('reviewed_at', 'varchar(30)')
      .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_translations_pk', ['article_id', 'language'])
      .execute();
    // The review queue's question: which translations are stale, newest change first.
    await db.schema.createIndex('article_translations_status').on('article_translations').columns(['status', 'updated_at']).execute();
  },
};
