import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';
import { idColumn, oneOf } from './columns.js';

/**
 * Newsletter subscribers and the record of their consent: every subscribe, confirmation,
 * unsubscribe and change of preferences, with when, through which form and a keyed hash of the
 * client address (never the address itself).
 */
export function newsletterTables(dialect: Dialect) {
  return {
    async up(db: Kysely<any>) {
      await idColumn(db.schema.createTable('newsletter_subscribers'), dialect)
        // Stored trimmed and lower-cased, so one mailbox is one row however it was typed.
        .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
        .addColumn('status', 'varchar(20)', (c) => c.notNull().check(oneOf('status', ['pending', 'active', 'unsubscribed'])))
        .addColumn('language', 'varchar(35)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('confirmed_at', 'varchar(30)')
        .addColumn('unsubscribed_at', 'varchar(30)')
        // When the last confirmation mail went out: repeated sign-ups do not turn into a mail bomb.
        .addColumn('confirmation_sent_at', 'varchar(30)')
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('newsletter_subscribers_status').on('newsletter_subscribers').column('status').execute();

      await idColumn(db.schema.createTable('newsletter_consents'), dialect)
        .addColumn('subscriber_id', 'integer', (c) => c.notNull().references('newsletter_subscribers.id').onDelete('cascade'))
        .addColumn('action', 'varchar(20)', (c) => c.notNull().check(oneOf('action', ['subscribe', 'confirm', 'unsubscribe', 'preferences'])))
        // `email`: a one-click unsubscribe sent by a mail client (RFC 8058), not a page of ours.
        .addColumn('form', 'varchar(10)', (c) => c.notNull().check(oneOf('form', ['page', 'footer', 'api', 'email'])))
        .addColumn('ip_hash', 'varchar(64)')
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
        .execute();
      await db.schema.createIndex('newsletter_consents_subscriber').on('newsletter_consents').columns(['subscriber_id', 'at']).execute();
    },
  };
}
