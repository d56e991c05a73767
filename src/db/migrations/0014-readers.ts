import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';
import { idColumn } from './columns.js';

/**
 * Readers (the public's accounts, apart from staff), their single-use sign-in links and their
 * sessions. Links and sessions are stored only as SHA-256 hashes of their tokens.
 */
export function readerTables(dialect: Dialect) {
  return {
    async up(db: Kysely<any>) {
      await idColumn(db.schema.createTable('readers'), dialect)
        // Stored trimmed and lower-cased, so one mailbox is one reader however it was typed.
        .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
        .addColumn('display_name', 'varchar(80)', (c) => c.notNull().defaultTo(''))
        .addColumn('reply_notifications', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('banned_at', 'varchar(30)')
        .addColumn('ban_reason', 'text')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();

      // Keyed by address, not reader: the reader is created only when a link is first used.
      await db.schema
        .createTable('reader_sign_in_tokens')
        .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('email', 'varchar(254)', (c) => c.notNull())
        .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('used_at', 'varchar(30)')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('reader_sign_in_tokens_email').on('reader_sign_in_tokens').columns(['email', 'created_at']).execute();

      await db.schema
        .createTable('reader_sessions')
        .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
        .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('reader_sessions_reader').on('reader_sessions').column('reader_id').execute();
    },
  };
}
