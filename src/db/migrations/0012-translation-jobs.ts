import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../connect.js';
import { idColumn, oneOf } from './columns.js';

/**
 * The translation queue: one row per article and language waiting to be machine-translated. The
 * table is the queue itself, so nothing is lost on restart, and a job is claimed with a conditional
 * update (a lease), so several processes can work through it side by side.
 */
export function translationJobTables(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await idColumn(db.schema.createTable('translation_jobs'), dialect)
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('language', 'varchar(35)', (c) => c.notNull())
        .addColumn('reason', 'varchar(10)', (c) => c.notNull().check(oneOf('reason', ['reader', 'publish', 'refresh', 'partner', 'staff'])))
        // Moved on when the job is asked for again while it runs: its runner then knows to go round once more.
        .addColumn('requested_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('run_after', 'varchar(30)', (c) => c.notNull())
        .addColumn('claimed_until', 'varchar(30)')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        // Set when the queue gave up: the row stays, for the admin, until it is asked for again.
        .addColumn('failed_at', 'varchar(30)')
        .addUniqueConstraint('translation_jobs_article_language', ['article_id', 'language'])
        .execute();
      // The runner's question: which live jobs are due.
      await db.schema.createIndex('translation_jobs_due').on('translation_jobs').columns(['failed_at', 'run_after']).execute();
    },
  };
}
