import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';
import { idColumn, oneOf } from './columns.js';

/** Site settings, authors, partner sources, terms and articles with their links. */
export function contentTables(dialect: Dialect) {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('settings')
        .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();

      await idColumn(db.schema.createTable('authors'), dialect)
        .addColumn('slug', 'varchar(200)', (c) => c.notNull().unique())
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('avatar_url', 'varchar(2000)')
        .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();

      await idColumn(db.schema.createTable('sources'), dialect)
        .addColumn('slug', 'varchar(200)', (c) => c.notNull().unique())
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('homepage_url', 'varchar(2000)', (c) => c.notNull())
        .addColumn('copyright_holder', 'varchar(200)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();

      await idColumn(db.schema.createTable('terms'), dialect)
        .addColumn('kind', 'varchar(20)', (c) => c.notNull().check(oneOf('kind', ['region', 'theme', 'dossier'])))
        .addColumn('slug', 'varchar(200)', (c) => c.notNull())
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addUniqueConstraint('terms_kind_slug', ['kind', 'slug'])
        .execute();

      await idColumn(db.schema.createTable('articles'), dialect)
        .addColumn('slug', 'varchar(200)', (c) => c.notNull().unique())
        .addColumn('kicker', 'varchar(100)', (c) => c.notNull().defaultTo(''))
        .addColumn('title', 'varchar(300)', (c) => c.notNull())
        .addColumn('dek', 'varchar(1000)', (c) => c.notNull().defaultTo(''))
        .addColumn('body_html', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(20)', (c) => c.notNull().check(oneOf('status', ['draft', 'scheduled', 'published'])))
        .addColumn('visibility', 'varchar(20)', (c) =>
          c.notNull().defaultTo('public').check(oneOf('visibility', ['public', 'members', 'paid'])),
        )
        .addColumn('language', 'varchar(35)', (c) => c.notNull().defaultTo('en'))
        .addColumn('published_at', 'varchar(30)')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('image_url', 'varchar(2000)')
        .addColumn('image_alt', 'varchar(500)', (c) => c.notNull().defaultTo(''))
        .addColumn('image_caption', 'varchar(1000)', (c) => c.notNull().defaultTo(''))
        .addColumn('image_credit', 'varchar(300)', (c) => c.notNull().defaultTo(''))
        .addColumn('source_id', 'integer', (c) => c.references('sources.id').onDelete('restrict'))
        .addColumn('original_url', 'varchar(2000)')
        .addColumn('note_to_readers', 'text')
        .addColumn('newsletter_pick', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('word_count', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      // The public lists all read "published, newest first", optionally narrowed by source.
      await db.schema.createIndex('articles_status_published').on('articles').columns(['status', 'published_at']).execute();
      await db.schema.createIndex('articles_source').on('articles').columns(['source_id', 'published_at']).execute();

      await db.schema
        .createTable('article_authors')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('author_id', 'integer', (c) => c.notNull().references('authors.id').onDelete('restrict'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('article_authors_pk', ['article_id', 'author_id'])
        .execute();
      await db.schema.createIndex('article_authors_author').on('article_authors').columns(['author_id', 'article_id']).execute();

      await db.schema
        .createTable('article_terms')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('term_id', 'integer', (c) => c.notNull().references('terms.id').onDelete('restrict'))
        .addPrimaryKeyConstraint('article_terms_pk', ['article_id', 'term_id'])
        .execute();
      await db.schema.createIndex('article_terms_term').on('article_terms').columns(['term_id', 'article_id']).execute();
    },
  };
}
