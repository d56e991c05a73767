import type { Kysely, Migration } from 'kysely';
import { oneOf } from './columns.js';

/**
 * Newsletter delivery: one record per issue and subscriber, which is what makes a send resumable
 * (a restart finds the rows not yet sent) and idempotent (a row is claimed before its mail goes
 * out); and the suppression list of addresses never to be mailed again.
 */
export const newsletterDeliveryTables: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('newsletter_deliveries')
      .addColumn('issue_id', 'integer', (c) => c.notNull().references('newsletter_issues.id').onDelete('cascade'))
      .addColumn('subscriber_id', 'integer', (c) => c.notNull().references('newsletter_subscribers.id').onDelete('cascade'))
      .addColumn('status', 'varchar(20)', (c) => c.notNull().check(oneOf('status', ['pending', 'sending', 'sent', 'failed'])))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'varchar(30)', (c) => c.notNull())
      .addColumn('claimed_at', 'varchar(30)')
      .addColumn('last_error', 'text')
      .addColumn('sent_at', 'varchar(30)')
      .addPrimaryKeyConstraint('newsletter_deliveries_pk', ['issue_id', 'subscriber_id'])
      .execute();
    // The delivery's one question: which rows of this issue are due in this status.
    await db.schema
      .createIndex('newsletter_deliveries_due')
      .on('newsletter_deliveries')
      .columns(['issue_id', 'status', 'next_attempt_at'])
      .execute();

    await db.schema
      .createTable('newsletter_suppressions')
      // Lower-cased, like subscriber addresses, so the two compare directly.
      .addColumn('email', 'varchar(254)', (c) => c.primaryKey())
      .addColumn('reason', 'varchar(20)', (c) => c.notNull().check(oneOf('reason', ['bounce', 'complaint', 'manual'])))
      .addColumn('at', 'varchar(30)', (c) => c.notNull())
      .execute();
  },
};
