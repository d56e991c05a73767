import assert from 'node:assert/strict';
import { it } from 'node:test';
import { tokenHash } from '../../src/admin/secrets.js';
import { forEachDatabase } from '../helpers/databases.js';
import { useTestApp } from '../helpers/test-app.js';
import { makeReader } from './comment-fixtures.js';

forEachDatabase('forgetting expired sign-in links and sessions', (dialect) => {
  const t = useTestApp(dialect, { scheduler: false });

  it('deletes the expired ones and keeps those still valid', async () => {
    const db = t.app.database.db;
    const live = await makeReader(t);
    const stale = await makeReader(t);
    const now = t.clock.now().toISOString();
    await db.updateTable('reader_sessions').set({ expires_at: now }).where('reader_id', '=', stale.id).execute();
    await db
      .insertInto('reader_sign_in_tokens')
      .values([
        { token_hash: tokenHash('used-up'), email: stale.email, expires_at: '2026-11-20T11:00:00.000Z', created_at: '2026-11-20T10:45:00.000Z' },
        { token_hash: tokenHash('fresh'), email: live.email, expires_at: '2026-11-20T12:10:00.000Z', created_at: '2026-11-20T11:55:00.000Z' },
      ])
      .execute();

    await t.app.readers.forgetExpired();

    const tokens = await db.selectFrom('reader_sign_in_tokens').select('email').execute();
    assert.deepEqual(tokens.map((r) => r.email), [live.email]);
    const sessions = await db.selectFrom('reader_sessions').select('reader_id').execute();
    assert.deepEqual(sessions.map((r) => r.reader_id), [live.id]);
    assert.equal((await fetch(`${t.baseUrl}/account`, { headers: { cookie: live.cookie }, redirect: 'manual' })).status, 200, 'a live session still signs in');
  });
});
