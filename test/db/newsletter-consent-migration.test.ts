import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Kysely } from 'kysely';
import { connectDatabase, type DatabaseHandle } from '../../src/db/connect.js';
import { migrateUpTo } from '../../src/db/migrate.js';
import type { Database } from '../../src/db/schema.js';
import { forEachDatabase, scratchDatabase, type ScratchDatabase } from '../helpers/databases.js';

const AT = '2026-11-01T08:00:00.000Z';

forEachDatabase('migration 0010 (newsletter consent sources)', (dialect) => {
  let scratch: ScratchDatabase;
  let handle: DatabaseHandle;
  let db: Kysely<Database>;

  before(async () => {
    scratch = await scratchDatabase(dialect);
    const schema = scratch.config.dialect === 'postgres' ? scratch.config.schema : undefined;
    handle = await connectDatabase(scratch.config);
    db = handle.db;
    // The database as the previous release left it, with a reader and their consent history.
    await migrateUpTo(handle, '0009-newsletter-delivery', schema);
    const { id } = await db
      .insertInto('newsletter_subscribers')
      .values({ email: 'reader@example.org', status: 'active', language: 'en', created_at: AT, updated_at: AT })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('newsletter_consents')
      .values([
        { subscriber_id: id, action: 'subscribe', form: 'page', ip_hash: 'ab'.repeat(32), at: AT, detail: '{"language":"en"}' },
        { subscriber_id: id, action: 'confirm', form: 'page', ip_hash: null, at: AT, detail: '{}' },
      ])
      .execute();
    // Up to 0010 only: later migrations are not what this suite is about.
    assert.deepEqual(await migrateUpTo(handle, '0010-newsletter-consent-sources', schema), ['0010-newsletter-consent-sources']);
  });
  after(async () => {
    await handle?.close();
    await scratch?.drop();
  });

  it('keeps every consent record, with its id, through the rebuild', async () => {
    const rows = await db.selectFrom('newsletter_consents').select(['id', 'action', 'form', 'ip_hash', 'detail', 'issue_id']).orderBy('id').execute();
    assert.deepEqual(
      rows.map(({ id: _id, ...r }) => r),
      [
        { action: 'subscribe', form: 'page', ip_hash: 'ab'.repeat(32), detail: '{"language":"en"}', issue_id: null },
        { action: 'confirm', form: 'page', ip_hash: null, detail: '{}', issue_id: null },
      ],
    );
  });

  it('numbers new records after the copied ones and accepts the new sources', async () => {
    const before = await db.selectFrom('newsletter_consents').select((eb) => eb.fn.max('id').as('max')).executeTakeFirstOrThrow();
    const subscriber = await db.selectFrom('newsletter_subscribers').select('id').executeTakeFirstOrThrow();
    const added = await db
      .insertInto('newsletter_consents')
      .values({ subscriber_id: subscriber.id, action: 'import', form: 'admin', ip_hash: null, at: AT, issue_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    assert.ok(added.id > Number(before.max), `new id ${added.id} follows ${before.max}`);
  });

  it('still refuses an action or source outside the list', async () => {
    const subscriber = await db.selectFrom('newsletter_subscribers').select('id').executeTakeFirstOrThrow();
    await assert.rejects(db.insertInto('newsletter_consents').values({ subscriber_id: subscriber.id, action: 'sell' as never, form: 'admin', ip_hash: null, at: AT, issue_id: null }).execute());
    await assert.rejects(db.insertInto('newsletter_consents').values({ subscriber_id: subscriber.id, action: 'import', form: 'fax' as never, ip_hash: null, at: AT, issue_id: null }).execute());
  });

  it('gives suppressions a place for what the bounce said', async () => {
    await db.insertInto('newsletter_suppressions').values({ email: 'gone@example.org', reason: 'bounce', at: AT, detail: '550 5.1.1 mailbox unknown' }).execute();
    const row = await db.selectFrom('newsletter_suppressions').select('detail').where('email', '=', 'gone@example.org').executeTakeFirstOrThrow();
    assert.equal(row.detail, '550 5.1.1 mailbox unknown');
  });
});
