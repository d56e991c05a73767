import type { Kysely, Migration } from 'kysely';
import { oneOf } from './columns.js';

/**
 * The interface strings of the public site in each language: one row per language and message key,
 * with the hash of the English it was made from, so a changed English message is noticed.
 */
export const messageCatalogTables: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('message_translations')
      .addColumn('language', 'varchar(35)', (c) => c.notNull())
      .addColumn('key', 'varchar(100)', (c) => c.notNull())
      // The text, or for a plural message a JSON object of its forms by plural category.
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('source_hash', 'varchar(64)', (c) => c.notNull())
      .addColumn('status', 'varchar(10)', (c) => c.notNull().check(oneOf('status', ['machine', 'reviewed'])))
      .addColumn('provider', 'varchar(40)')
      .addColumn('updated_by', 'integer', (c) => c.references('staff_users.id').onDelete('set null'))
      .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
      .addPrimaryKeyConstraint('message_translations_pk', ['language', 'key'])
      .execute();
  },
};
