import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';
import { idColumn, oneOf } from './columns.js';

/**
 * Membership tiers set by staff, each reader's one membership (free, paid through Stripe, or granted
 * by staff) and the ids of the Stripe events already applied, so a redelivered event changes nothing.
 */
export function membershipTables(dialect: Dialect) {
  return {
    async up(db: Kysely<any>) {
      await idColumn(db.schema.createTable('membership_tiers'), dialect)
        .addColumn('slug', 'varchar(100)', (c) => c.notNull().unique())
        .addColumn('name', 'varchar(100)', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('kind', 'varchar(10)', (c) => c.notNull().check(oneOf('kind', ['free', 'supporter'])))
        // Minor units (cents); null on a free tier.
        .addColumn('monthly_amount', 'integer')
        .addColumn('yearly_amount', 'integer')
        .addColumn('currency', 'varchar(3)', (c) => c.notNull())
        .addColumn('stripe_monthly_price_id', 'varchar(255)')
        .addColumn('stripe_yearly_price_id', 'varchar(255)')
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('memberships')
        .addColumn('reader_id', 'integer', (c) => c.primaryKey().references('readers.id').onDelete('cascade'))
        .addColumn('tier_id', 'integer', (c) => c.notNull().references('membership_tiers.id'))
        .addColumn('status', 'varchar(10)', (c) => c.notNull().check(oneOf('status', ['active', 'past_due', 'canceled'])))
        .addColumn('source', 'varchar(10)', (c) => c.notNull().check(oneOf('source', ['free', 'stripe', 'staff'])))
        .addColumn('interval', 'varchar(10)', (c) => c.check(oneOf('interval', ['month', 'year'])))
        .addColumn('stripe_customer_id', 'varchar(255)')
        .addColumn('stripe_subscription_id', 'varchar(255)')
        .addColumn('current_period_end', 'varchar(30)')
        // The `created` (Unix seconds) of the last Stripe event applied: an older one arriving late is ignored.
        .addColumn('stripe_event_created', 'bigint')
        .addColumn('granted_by', 'integer', (c) => c.references('staff_users.id').onDelete('set null'))
        .addColumn('note', 'text')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('memberships_subscription').on('memberships').column('stripe_subscription_id').execute();

      await db.schema
        .createTable('stripe_events')
        .addColumn('id', 'varchar(255)', (c) => c.primaryKey())
        .addColumn('type', 'varchar(100)', (c) => c.notNull())
        .addColumn('received_at', 'varchar(30)', (c) => c.notNull())
        .execute();
    },
  };
}
