import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';
import { idColumn } from './columns.js';

/** The media library: one row per uploaded image, its files named from `path_prefix`. */
export function mediaTables(dialect: Dialect) {
  return {
    async up(db: Kysely<any>) {
      await idColumn(db.schema.createTable('media'), dialect)
        .addColumn('filename', 'varchar(255)', (c) => c.notNull())
        .addColumn('path_prefix', 'varchar(300)', (c) => c.notNull().unique())
        .addColumn('mime_type', 'varchar(50)', (c) => c.notNull())
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('byte_size', 'integer', (c) => c.notNull())
        .addColumn('alt', 'varchar(500)', (c) => c.notNull())
        .addColumn('caption', 'varchar(1000)', (c) => c.notNull())
        .addColumn('credit', 'varchar(300)', (c) => c.notNull())
        // No foreign key: staff accounts live in another domain's table, written separately.
        .addColumn('uploaded_by', 'integer')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('variants', 'text', (c) => c.notNull().defaultTo('[]'))
        .execute();
      // The library lists newest first.
      await db.schema.createIndex('media_created').on('media').columns(['created_at', 'id']).execute();
    },
  };
}
