import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';
import { idColumn, oneOf } from './columns.js';

/**
 * The newsroom: staff accounts and their sessions, API tokens and password resets, the audit log,
 * article revisions and old-slug redirects, and who created each article (for "own articles").
 */
export function staffTables(dialect: Dialect) {
  return {
    async up(db: Kysely<any>) {
      await idColumn(db.schema.createTable('staff_users'), dialect)
        .addColumn('email', 'varchar(320)', (c) => c.notNull().unique())
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('role', 'varchar(20)', (c) => c.notNull().check(oneOf('role', ['owner', 'editor', 'author', 'contributor'])))
        .addColumn('password_hash', 'varchar(200)')
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'varchar(30)')
        // Sessions made before this moment are void: "sign out everywhere" and password changes set it.
        .addColumn('sessions_valid_after', 'varchar(30)', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('staff_sessions')
        .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('staff_sessions_user').on('staff_sessions').column('user_id').execute();

      await idColumn(db.schema.createTable('api_tokens'), dialect)
        .addColumn('user_id', 'integer', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
        .addColumn('name', 'varchar(100)', (c) => c.notNull())
        .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('last_used_at', 'varchar(30)')
        .addColumn('revoked_at', 'varchar(30)')
        .execute();

      await db.schema
        .createTable('password_resets')
        .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('used_at', 'varchar(30)')
        .execute();

      await idColumn(db.schema.createTable('audit_log'), dialect)
        .addColumn('actor_id', 'integer', (c) => c.references('staff_users.id').onDelete('set null'))
        .addColumn('action', 'varchar(60)', (c) => c.notNull())
        .addColumn('subject', 'varchar(300)', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();

      await idColumn(db.schema.createTable('article_revisions'), dialect)
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('actor_id', 'integer', (c) => c.references('staff_users.id').onDelete('set null'))
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('article_revisions_article').on('article_revisions').columns(['article_id', 'id']).execute();

      await db.schema
        .createTable('slug_redirects')
        .addColumn('old_slug', 'varchar(200)', (c) => c.primaryKey())
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .execute();

      await db.schema.alterTable('articles').addColumn('created_by', 'integer', (c) => c.references('staff_users.id').onDelete('set null')).execute();
      await db.schema.alterTable('articles').addColumn('review_requested_at', 'varchar(30)').execute();
    },
  };
}
