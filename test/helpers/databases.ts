import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe } from 'node:test';
import pg from 'pg';
import type { DatabaseConfig } from '../../src/config.js';

export type TestDialect = 'sqlite' | 'postgres';

/** Where the PostgreSQL suites connect; CI and the dev machines run a server here. */
export const POSTGRES_URL = process.env.BROADSHEET_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const requireAll = process.env.BROADSHEET_TEST_REQUIRE_ALL === '1';

async function probePostgres(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return `PostgreSQL at ${POSTGRES_URL} is not reachable (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
}

const postgresMissing = await probePostgres();
if (postgresMissing && requireAll) {
  throw new Error(`${postgresMissing}; BROADSHEET_TEST_REQUIRE_ALL=1 forbids skipping its suites`);
}
if (postgresMissing) console.log(`# skipping PostgreSQL suites: ${postgresMissing}`);

/** A fresh, empty database of one dialect, and how to throw it away. */
export interface ScratchDatabase {
  dialect: TestDialect;
  config: DatabaseConfig;
  dataDir: string;
  drop(): Promise<void>;
}

export async function scratchDatabase(dialect: TestDialect): Promise<ScratchDatabase> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'broadsheet-test-'));
  const removeDir = () => fs.rm(dataDir, { recursive: true, force: true });
  if (dialect === 'sqlite') {
    return { dialect, dataDir, config: { dialect, file: path.join(dataDir, 'test.db') }, drop: removeDir };
  }
  // Each suite gets its own schema, so suites run side by side and leave nothing behind.
  const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  return {
    dialect,
    dataDir,
    config: { dialect, url: POSTGRES_URL, schema },
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
      await removeDir();
    },
  };
}

/**
 * Declares the same suite once per database: SQLite always, PostgreSQL when reachable (and
 * then it must be, under BROADSHEET_TEST_REQUIRE_ALL=1).
 */
export function forEachDatabase(title: string, body: (dialect: TestDialect) => void) {
  describe(`${title} [sqlite]`, () => body('sqlite'));
  describe(`${title} [postgres]`, { skip: postgresMissing }, () => body('postgres'));
}
