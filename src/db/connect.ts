import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { CustomTypesConfig } from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { DatabaseConfig } from '../config.js';
import type { Database } from './schema.js';

export type Dialect = DatabaseConfig['dialect'];

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

/**
 * Opens the configured database. The only place that knows which driver is underneath; the
 * PostgreSQL driver is loaded only when it is used, which keeps an embedded site's memory down.
 */
export async function connectDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  return config.dialect === 'sqlite' ? openSqlite(config.file) : openPostgres(config.url, config.schema);
}

function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers proceed while a write is in progress; NORMAL sync is safe under WAL.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 4 MB of SQLite's own page cache (the driver's default is 16 MB): the kernel caches the file
  // anyway, and the page cache above holds the rendered pages, so more here mostly costs memory.
  sqlite.pragma('cache_size = -4000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * Kysely prepares every query afresh, and on a page render preparing costs more than running.
 * Our queries are built from a fixed set of shapes, so their SQL texts repeat: keep the prepared
 * statements, least recently used dropped past a bound. Safe because Kysely runs one query at a
 * time on this connection and we never stream.
 */
function withStatementCache(sqlite: SQLite.Database, limit = 500): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = statements.get(sql);
      if (stmt) {
        statements.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (statements.size >= limit) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, stmt);
      return stmt;
    },
  };
}

// COUNT(*) and SUM() come back as int8; our counts fit comfortably in a JS number.
const INT8_OID = 20;
const NUMERIC_OID = 1700;

async function openPostgres(url: string, schema?: string): Promise<DatabaseHandle> {
  const { default: pg } = await import('pg');
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8_OID || oid === NUMERIC_OID) return (v: string) => Number(v);
      return pg.types.getTypeParser(oid, format as 'text');
    },
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: types as CustomTypesConfig,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
