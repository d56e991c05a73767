import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { DatabaseHandle } from './connect.js';
import { contentTables } from './migrations/0001-content.js';
import { staffTables } from './migrations/0002-staff.js';
import { mediaTables } from './migrations/0003-media.js';
import { imageSrcset } from './migrations/0004-image-srcset.js';
import { searchIndex } from './migrations/0005-search.js';
import { syndicationTables } from './migrations/0006-syndication.js';
import { newsletterTables } from './migrations/0007-newsletter.js';
import { newsletterIssueTables } from './migrations/0008-newsletter-issues.js';
import { newsletterDeliveryTables } from './migrations/0009-newsletter-delivery.js';
import { newsletterConsentSources } from './migrations/0010-newsletter-consent-sources.js';
import { translationTables } from './migrations/0011-translations.js';
import { translationJobTables } from './migrations/0012-translation-jobs.js';
import { messageCatalogTables } from './migrations/0013-message-catalogs.js';
import { readerTables } from './migrations/0014-readers.js';
import { membershipTables } from './migrations/0015-membership.js';
import { commentTables } from './migrations/0016-comments.js';
import { searchTeasers } from './migrations/0017-search-teasers.js';

/** Every migration in order. Names sort; never rename or edit one that has shipped. */
function migrationsFor(dialect: DatabaseHandle['dialect']): Record<string, Migration> {
  return {
    '0001-content': contentTables(dialect),
    '0002-staff': staffTables(dialect),
    '0003-media': mediaTables(dialect),
    '0004-image-srcset': imageSrcset,
    '0005-search': searchIndex(dialect),
    '0006-syndication': syndicationTables(dialect),
    '0007-newsletter': newsletterTables(dialect),
    '0008-newsletter-issues': newsletterIssueTables(dialect),
    '0009-newsletter-delivery': newsletterDeliveryTables,
    '0010-newsletter-consent-sources': newsletterConsentSources(dialect),
    '0011-translations': translationTables,
    '0012-translation-jobs': translationJobTables(dialect),
    '0013-message-catalogs': messageCatalogTables,
    '0014-readers': readerTables(dialect),
    '0015-membership': membershipTables(dialect),
    '0016-comments': commentTables(dialect),
    '0017-search-teasers': searchTeasers,
  };
}

/** The names of every migration, in the order they apply. */
export const migrationNames = () => Object.keys(migrationsFor('sqlite')).sort();

function migratorFor(handle: DatabaseHandle, schema: string | undefined): Migrator {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(handle.dialect) };
  return new Migrator({ db: handle.db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
}

async function applied(schema: string | undefined, handle: DatabaseHandle, run: (m: Migrator) => ReturnType<Migrator['migrateToLatest']>): Promise<string[]> {
  if (handle.dialect === 'postgres' && schema) {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(handle.db);
  }
  const { error, results } = await run(migratorFor(handle, schema));
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Brings the schema up to date. Runs inside the migrator's lock, so several nodes starting at once
 * on PostgreSQL apply each migration exactly once.
 */
export const migrateToLatest = (handle: DatabaseHandle, schema?: string): Promise<string[]> => applied(schema, handle, (m) => m.migrateToLatest());

/** Applies the migrations up to and including `name`: how a test builds a database as an older release left it. */
export const migrateUpTo = (handle: DatabaseHandle, name: string, schema?: string): Promise<string[]> => applied(schema, handle, (m) => m.migrateTo(name));
