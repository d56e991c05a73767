import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSettingsStore, defaultSettings, type SettingsStore } from '../../src/content/settings.js';
import { connectDatabase, type DatabaseHandle } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { AppError } from '../../src/errors.js';
import { forEachDatabase, scratchDatabase, type ScratchDatabase } from '../helpers/databases.js';
import { fixedClock } from '../helpers/test-app.js';

// The tests of a suite share one database and run in order: the first save happens only in the last group.
forEachDatabase('site settings', (dialect) => {
  let scratch: ScratchDatabase;
  let handle: DatabaseHandle;
  let store: SettingsStore;
  let purged: string[][] = [];

  before(async () => {
    scratch = await scratchDatabase(dialect);
    handle = await connectDatabase(scratch.config);
    await migrateToLatest(handle, scratch.config.dialect === 'postgres' ? scratch.config.schema : undefined);
    store = createSettingsStore({ db: handle.db, clock: fixedClock(), onPurge: (keys) => purged.push(keys) });
  });
  after(async () => {
    await handle?.close();
    await scratch?.drop();
  });

  /** What the database holds, read by a new store so the first store's memory cannot answer. */
  const readBack = () => createSettingsStore({ db: handle.db, clock: fixedClock(), onPurge: () => {} }).get();

  it('gives the defaults and reports the database as fresh before any save', async () => {
    assert.deepEqual(await store.get(), defaultSettings);
    assert.deepEqual(await readBack(), defaultSettings);
    assert.equal(await store.isFresh(), true);
  });

  describe('refuses a bad change with an AppError naming the field, storing and purging nothing', () => {
    const link = { network: 'mastodon', label: 'Mastodon' };
    const cases: [what: string, change: Record<string, unknown>, field: string][] = [
      ['an email that is not one', { siteName: 'Changed', mediaInquiriesEmail: 'press at example' }, 'mediaInquiriesEmail'],
      ['a social link to a javascript: URL', { socialLinks: [{ ...link, url: 'javascript:alert(1)' }] }, 'socialLinks.0.url'],
      ['a social link that is not a URL', { socialLinks: [{ ...link, url: 'mastodon.social/@ledger' }] }, 'socialLinks.0.url'],
      ['a time zone that does not exist', { siteName: 'Changed', timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      ['a blank site name', { siteName: '   ' }, 'siteName'],
    ];
    for (const [what, change, field] of cases) {
      it(what, async () => {
        purged = [];
        await assert.rejects(store.update(change), (error: unknown) => {
          assert.ok(error instanceof AppError, String(error));
          assert.equal(error.code, 'invalid_setting');
          assert.equal(error.status, 400);
          assert.equal(error.field, field, error.message);
          return true;
        });
        assert.deepEqual(await store.get(), defaultSettings);
        assert.deepEqual(await readBack(), defaultSettings);
        assert.equal(await store.isFresh(), true);
        assert.deepEqual(purged, []);
      });
    }

    it('an unknown key, named in the message', async () => {
      await assert.rejects(store.update({ siteName: 'Changed', colour: 'red' }), (error: unknown) => {
        assert.ok(error instanceof AppError, String(error));
        assert.equal(error.code, 'invalid_setting');
        assert.equal(error.status, 400);
        assert.match(error.message, /colour/);
        return true;
      });
      assert.deepEqual(await readBack(), defaultSettings);
      assert.equal(await store.isFresh(), true);
    });
  });

  describe('a valid change', () => {
    const socialLinks = [{ network: 'telegram', label: 'Telegram', url: 'https://t.me/ledger' }];

    it('stores only the fields it names, over the defaults, and purges every page', async () => {
      purged = [];
      const saved = await store.update({ siteName: 'The Ledger', socialLinks });
      const expected = { ...defaultSettings, siteName: 'The Ledger', socialLinks };
      assert.deepEqual(saved, expected);
      assert.deepEqual(await readBack(), expected);
      assert.deepEqual(purged, [['all']]);
    });

    it('marks the database as no longer fresh', async () => {
      assert.equal(await store.isFresh(), false);
    });

    it('merges a later partial change with the earlier one', async () => {
      await store.update({ tagline: 'News that travels', timeZone: 'Europe/Lisbon' });
      assert.deepEqual(await readBack(), {
        ...defaultSettings,
        siteName: 'The Ledger',
        socialLinks,
        tagline: 'News that travels',
        timeZone: 'Europe/Lisbon',
      });
    });

    it('leaves the stored settings as they were when a later change is refused', async () => {
      const before = await readBack();
      await assert.rejects(store.update({ siteName: 'Other', mediaInquiriesEmail: 'nope' }), AppError);
      assert.deepEqual(await readBack(), before);
      assert.deepEqual(await store.get(), before);
    });
  });
});
