import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';
import { idColumn, oneOf } from './columns.js';

/**
 * Readers' comments on articles, their reports, and the per-article switch. A comment outlives its
 * author's account (anonymised, `reader_id` null) so a thread keeps its shape; the client address is
 * kept only as a keyed hash, for flood limits.
 */
export function commentTables(dialect: Dialect) {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('articles').addColumn('comments_enabled', 'integer', (c) => c.notNull().defaultTo(1)).execute();

      await idColumn(db.schema.createTable('comments'), dialect)
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('reader_id', 'integer', (c) => c.references('readers.id').onDelete('set null'))
        .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('cascade'))
        .addColumn('body_markdown', 'text', (c) => c.notNull())
        // Rendered once, when written, through the comment Markdown renderer and its sanitiser.
        .addColumn('body_html', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(10)', (c) => c.notNull().check(oneOf('status', ['pending', 'approved', 'rejected', 'deleted'])))
        // Why a comment was held for moderation however the site moderates (a spam signal), if it was.
        .addColumn('held_reason', 'varchar(40)')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('moderated_by', 'integer', (c) => c.references('staff_users.id').onDelete('set null'))
        .addColumn('moderated_at', 'varchar(30)')
        .addColumn('ip_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(0))
        // When the parent's author was told of this reply: at most once, however often it is re-approved.
        .addColumn('reply_notified_at', 'varchar(30)')
        .execute();
      await db.schema.createIndex('comments_article').on('comments').columns(['article_id', 'status', 'created_at']).execute();
      await db.schema.createIndex('comments_reader').on('comments').columns(['reader_id', 'created_at']).execute();
      await db.schema.createIndex('comments_ip').on('comments').columns(['ip_hash', 'created_at']).execute();
      await db.schema.createIndex('comments_status').on('comments').columns(['status', 'report_count']).execute();

      await db.schema
        .createTable('comment_reports')
        .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
        .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
        .addColumn('reason', 'varchar(500)', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addPrimaryKeyConstraint('comment_reports_pk', ['comment_id', 'reader_id'])
        .execute();
    },
  };
}
