import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDatabase } from '../helpers/databases.js';
import { useTestApp } from '../helpers/test-app.js';

forEachDatabase('the error handler', (dialect) => {
  const t = useTestApp(dialect);

  it('answers an unknown API path with the JSON error shape and no-store', async () => {
    const res = await t.get('/api/v1/nothing-here');
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await res.json(), { error: { code: 'not_found', message: 'We could not find that page' } });
  });

  it('answers a malformed JSON body with a 400 in the error shape', async () => {
    const res = await fetch(`${t.baseUrl}/api/v1/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"oops' });
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    assert.equal(typeof body.error.code, 'string');
    assert.equal(typeof body.error.message, 'string');
  });

  // Runs last: it takes the database away.
  it('turns an unexpected failure into a bare 500 that reveals nothing, for pages and the API', async () => {
    await t.app.database.db.destroy();
    const page = await t.get('/articles/anything');
    assert.equal(page.status, 500);
    const html = await page.text();
    assert.match(html, /Something went wrong/);
    assert.doesNotMatch(html, /destroyed|at .*\.ts|Error:/);
    const api = await t.get('/api/v1/articles/anything');
    assert.equal(api.status, 500);
    assert.deepEqual(await api.json(), { error: { code: 'internal_error', message: 'Something went wrong on our side' } });
  });
});
