import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';
import { idColumn, oneOf } from './columns.js';

/**
 * Partner feeds, the items they brought and the partner images copied into the media library, plus the two republishing permissions: a partner may
 * allow its cross-posted pieces to be passed on, and any article may be marked "no republishing".
 */
export function syndicationTables(dialect: Dialect) {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('sources').addColumn('allow_republish', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('sources').addColumn('attribution', 'text', (c) => c.notNull().defaultTo('')).execute();
      await db.schema.alterTable('articles').addColumn('allow_republish', 'integer', (c) => c.notNull().defaultTo(1)).execute();

      // One feed per partner source; the row is also the poll's schedule and status.
      await db.schema
        .createTable('syndication_feeds')
        .addColumn('source_id', 'integer', (c) => c.primaryKey().references('sources.id').onDelete('cascade'))
        .addColumn('feed_url', 'varchar(2000)', (c) => c.notNull())
        .addColumn('poll_minutes', 'integer', (c) => c.notNull())
        .addColumn('mode', 'varchar(10)', (c) => c.notNull().check(oneOf('mode', ['review', 'auto'])))
        .addColumn('default_author_id', 'integer', (c) => c.references('authors.id').onDelete('set null'))
        .addColumn('default_region_id', 'integer', (c) => c.references('terms.id').onDelete('set null'))
        .addColumn('default_theme_id', 'integer', (c) => c.references('terms.id').onDelete('set null'))
        .addColumn('fetch_full_text', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('etag', 'varchar(500)')
        .addColumn('last_modified', 'varchar(100)')
        .addColumn('next_poll_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('lease_until', 'varchar(30)')
        .addColumn('last_polled_at', 'varchar(30)')
        .addColumn('last_success_at', 'varchar(30)')
        .addColumn('last_error', 'text')
        .addColumn('last_error_at', 'varchar(30)')
        .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_format', 'varchar(20)')
        .addColumn('last_warnings', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('items_seen', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('items_imported', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('syndication_feeds_due').on('syndication_feeds').columns(['active', 'next_poll_at']).execute();

      await idColumn(db.schema.createTable('syndicated_items'), dialect)
        .addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id').onDelete('cascade'))
        // GUIDs can be long URLs: the unique key is their hash.
        .addColumn('guid_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('guid', 'text', (c) => c.notNull())
        .addColumn('canonical_url', 'varchar(2000)')
        .addColumn('fingerprint', 'varchar(64)')
        .addColumn('version_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('status', 'varchar(20)', (c) =>
          c.notNull().check(oneOf('status', ['pending', 'imported', 'rejected', 'blocked', 'duplicate'])),
        )
        .addColumn('article_id', 'integer', (c) => c.references('articles.id').onDelete('set null'))
        .addColumn('duplicate_of', 'integer')
        .addColumn('original_url', 'varchar(2000)')
        .addColumn('title', 'varchar(300)', (c) => c.notNull())
        .addColumn('dek', 'varchar(1000)', (c) => c.notNull().defaultTo(''))
        .addColumn('body_html', 'text', (c) => c.notNull())
        .addColumn('author_names', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('language', 'varchar(35)')
        .addColumn('published_at', 'varchar(30)')
        .addColumn('first_seen_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('decided_by', 'integer')
        .addColumn('decided_at', 'varchar(30)')
        // JSON of the lead image once it is in our media library: { url, alt, caption, credit, srcset }.
        .addColumn('image', 'text')
        .addUniqueConstraint('syndicated_items_source_guid', ['source_id', 'guid_hash'])
        .execute();
      await db.schema.createIndex('syndicated_items_url').on('syndicated_items').column('canonical_url').execute();
      await db.schema.createIndex('syndicated_items_fingerprint').on('syndicated_items').column('fingerprint').execute();
      await db.schema.createIndex('syndicated_items_queue').on('syndicated_items').columns(['status', 'first_seen_at']).execute();
      await db.schema.createIndex('syndicated_items_article').on('syndicated_items').column('article_id').execute();

      // Which partner image became which library item, so each is downloaded once however often it appears.
      await db.schema
        .createTable('syndicated_media')
        .addColumn('url_hash', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('media_id', 'integer', (c) => c.notNull().references('media.id').onDelete('cascade'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('syndicated_media_media').on('syndicated_media').column('media_id').execute();
    },
  };
}
