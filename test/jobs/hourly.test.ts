import assert from 'node:assert/strict';
import { it } from 'node:test';
import { hourly } from '../../src/jobs/scheduler.js';
import { fixedClock } from '../helpers/test-app.js';

it('runs an hourly task at the first look, then not again until an hour has passed', async () => {
  const clock = fixedClock('2026-11-20T12:00:00.000Z');
  let runs = 0;
  const task = hourly('tidy up', clock, async () => {
    runs++;
  });
  assert.deepEqual(await task.run(), { nextDueAt: '2026-11-20T13:00:00.000Z' });
  assert.equal(runs, 1);
  clock.set('2026-11-20T12:59:59.000Z');
  assert.deepEqual(await task.run(), { nextDueAt: '2026-11-20T13:00:00.000Z' });
  assert.equal(runs, 1);
  clock.set('2026-11-20T13:00:00.000Z');
  await task.run();
  assert.equal(runs, 2);
});

it('tries a failed hourly task again at the next look', async () => {
  const clock = fixedClock();
  let calls = 0;
  const task = hourly('tidy up', clock, async () => {
    if (++calls === 1) throw new Error('database away');
  });
  await assert.rejects(task.run(), /database away/);
  await task.run();
  assert.equal(calls, 2);
});
