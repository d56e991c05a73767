import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createContentService } from '../../src/content/index.js';
import { connectDatabase, type DatabaseHandle } from '../../src/db/connect.js';
import { migrateToLatest, migrationNames } from '../../src/db/migrate.js';
import { forEachDatabase, scratchDatabase, type ScratchDatabase, type TestDialect } from '../helpers/databases.js';
import { makeArticle, makeAuthor } from '../helpers/factories.js';
import { fixedClock } from '../helpers/test-app.js';

const contentTables = ['settings', 'authors', 'sources', 'terms', 'articles', 'article_authors', 'article_terms'];
const staffTables = ['staff_users', 'staff_sessions', 'api_tokens', 'password_resets', 'audit_log', 'article_revisions', 'slug_redirects'];

/** A scratch database for the suite, opened but not migrated; closed and dropped after. */
function useScratch(dialect: TestDialect) {
  const state = {} as { scratch: ScratchDatabase; handle: DatabaseHandle; schema: string | undefined };
  before(async () => {
    state.scratch = await scratchDatabase(dialect);
    state.schema = state.scratch.config.dialect === 'postgres' ? state.scratch.config.schema : undefined;
    state.handle = await connectDatabase(state.scratch.config);
  });
  after(async () => {
    await state.handle?.close();
    await state.scratch?.drop();
  });
  return state;
}

async function tableNames(handle: DatabaseHandle, schema: string | undefined): Promise<string[]> {
  const tables = await handle.db.introspection.getTables();
  // PostgreSQL lists every schema's tables; only this suite's schema is ours.
  return tables.filter((t) => schema === undefined || t.schema === schema).map((t) => t.name);
}

forEachDatabase('migrateToLatest', (dialect) => {
  const s = useScratch(dialect);

  it('applies every migration in order and creates every content and newsroom table on an empty database', async () => {
    assert.deepEqual(await tableNames(s.handle, s.schema), []);
    const applied = await migrateToLatest(s.handle, s.schema);
    assert.deepEqual(applied, migrationNames());
    assert.deepEqual(applied.slice(0, 2), ['0001-content', '0002-staff']);
    const names = await tableNames(s.handle, s.schema);
    for (const table of [...contentTables, ...staffTables]) assert.ok(names.includes(table), `table ${table} exists (have ${names.join(', ')})`);
  });

  it('applies nothing on a second run, even from a new connection', async () => {
    await migrateToLatest(s.handle, s.schema);
    const again = await connectDatabase(s.scratch.config);
    try {
      assert.deepEqual(await migrateToLatest(again, s.schema), []);
    } finally {
      await again.close();
    }
    assert.deepEqual(await migrateToLatest(s.handle, s.schema), []);
  });

  describe('foreign keys', () => {
    let articleId: number;
    let authorId: number;

    before(async () => {
      await migrateToLatest(s.handle, s.schema);
      const content = createContentService({ db: s.handle.db, clock: fixedClock(), onPurge: () => {} });
      const author = await makeAuthor(content);
      authorId = author.id;
      ({ id: articleId } = await makeArticle(content, { authors: [author.slug] }));
    });

    const countLinks = async () =>
      Number((await s.handle.db.selectFrom('article_authors').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    /** Each driver's own sign of a foreign key violation, so an unrelated failure does not pass. */
    const isForeignKeyViolation = (error: unknown) => {
      const { code, message } = error as { code?: string; message?: string };
      if (dialect === 'postgres') assert.equal(code, '23503', String(error));
      // SQLite reports ON DELETE RESTRICT as SQLITE_CONSTRAINT_TRIGGER, with the same message.
      else assert.match(`${code} ${message}`, /^SQLITE_CONSTRAINT\w* FOREIGN KEY constraint failed$/);
      return true;
    };

    it('refuses an article_authors row pointing at a missing author', async () => {
      const before = await countLinks();
      await assert.rejects(
        s.handle.db.insertInto('article_authors').values({ article_id: articleId, author_id: authorId + 1000, position: 1 }).execute(),
        isForeignKeyViolation,
      );
      assert.equal(await countLinks(), before);
    });

    it('refuses an article_authors row pointing at a missing article', async () => {
      const before = await countLinks();
      await assert.rejects(
        s.handle.db.insertInto('article_authors').values({ article_id: articleId + 1000, author_id: authorId, position: 0 }).execute(),
        isForeignKeyViolation,
      );
      assert.equal(await countLinks(), before);
    });

    it('refuses to delete an author who still has a byline', async () => {
      await assert.rejects(s.handle.db.deleteFrom('authors').where('id', '=', authorId).execute(), isForeignKeyViolation);
      const still = await s.handle.db.selectFrom('authors').select('id').where('id', '=', authorId).executeTakeFirst();
      assert.ok(still, 'the author is still there');
    });
  });
});

describe('the SQLite connection', () => {
  const s = useScratch('sqlite');

  it('writes in WAL journal mode', async () => {
    const { rows } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(s.handle.db);
    assert.equal(rows[0]?.journal_mode, 'wal');
  });

  it('enforces foreign keys', async () => {
    const { rows } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(s.handle.db);
    assert.equal(rows[0]?.foreign_keys, 1);
  });
});
