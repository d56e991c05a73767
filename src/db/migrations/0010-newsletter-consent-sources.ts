import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connect.js';
import { idColumn, oneOf } from './columns.js';

const ACTIONS = ['subscribe', 'confirm', 'unsubscribe', 'preferences', 'import'];
const FORMS = ['page', 'footer', 'api', 'email', 'admin', 'webhook', 'cli'];

/**
 * The consent record learns changes made on a reader's behalf: staff importing or unsubscribing an
 * address (`admin`, `cli`) and a mail provider reporting a complaint (`webhook`); and which issue an
 * unsubscribe link came from, for the figures. Suppressions keep what the bounce said.
 *
 * The consent table is rebuilt because SQLite cannot change a CHECK constraint in place.
 */
export function newsletterConsentSources(dialect: Dialect) {
  return {
    async up(db: Kysely<any>) {
      await idColumn(db.schema.createTable('newsletter_consents_next'), dialect)
        .addColumn('subscriber_id', 'integer', (c) => c.notNull().references('newsletter_subscribers.id').onDelete('cascade'))
        .addColumn('action', 'varchar(20)', (c) => c.notNull().check(oneOf('action', ACTIONS)))
        .addColumn('form', 'varchar(10)', (c) => c.notNull().check(oneOf('form', FORMS)))
        .addColumn('ip_hash', 'varchar(64)')
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('issue_id', 'integer', (c) => c.references('newsletter_issues.id').onDelete('set null'))
        .execute();
      await sql`insert into newsletter_consents_next (id, subscriber_id, action, form, ip_hash, at, detail)
                select id, subscriber_id, action, form, ip_hash, at, detail from newsletter_consents`.execute(db);
      await db.schema.dropTable('newsletter_consents').execute();
      await db.schema.alterTable('newsletter_consents_next').renameTo('newsletter_consents').execute();
      if (dialect === 'postgres') {
        // Ids were copied, so the identity must continue after the highest of them.
        await sql`select setval(pg_get_serial_sequence('newsletter_consents', 'id'), coalesce((select max(id) from newsletter_consents), 0) + 1, false)`.execute(db);
      }
      await db.schema.createIndex('newsletter_consents_subscriber').on('newsletter_consents').columns(['subscriber_id', 'at']).execute();
      await db.schema.createIndex('newsletter_consents_issue').on('newsletter_consents').columns(['issue_id', 'action']).execute();

      await db.schema.alterTable('newsletter_suppressions').addColumn('detail', 'text').execute();
    },
  };
}
