import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';
import { idColumn, oneOf } from './columns.js';

/**
 * The daily newsletter issues: one row a day (the day in the site's time zone), holding the
 * editors' intro, the chosen articles in order and when the issue is to go out.
 */
export function newsletterIssueTables(dialect: Dialect) {
  return {
    async up(db: Kysely<any>) {
      await idColumn(db.schema.createTable('newsletter_issues'), dialect)
        // Unique: assembling a day twice, from two processes or two clicks, finds the one issue.
        .addColumn('day', 'varchar(10)', (c) => c.notNull().unique())
        .addColumn('status', 'varchar(20)', (c) => c.notNull().check(oneOf('status', ['draft', 'scheduled', 'sending', 'sent'])))
        .addColumn('intro', 'text', (c) => c.notNull().defaultTo(''))
        // JSON array of article ids, in the order the issue shows them.
        .addColumn('article_ids', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('send_at', 'varchar(30)')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('sent_at', 'varchar(30)')
        .execute();
      await db.schema.createIndex('newsletter_issues_status_send_at').on('newsletter_issues').columns(['status', 'send_at']).execute();
    },
  };
}
