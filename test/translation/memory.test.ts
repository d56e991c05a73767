import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createTranslationMemory } from '../../src/translation/memory.js';
import { TranslationError } from '../../src/translation/provider.js';
import { forEachDatabase } from '../helpers/databases.js';
import { useTestApp, type RunningApp } from '../helpers/test-app.js';
import { countingFakeProvider } from './counting-fake-provider.js';

const memoryRows = async (t: RunningApp) =>
  Number((await t.app.database.db.selectFrom('translation_memory').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

forEachDatabase('the translation memory', (dialect) => {
  const t = useTestApp(dialect, { scheduler: false });
  const memory = () => createTranslationMemory({ db: t.app.database.db, clock: t.clock });

  it('sends each distinct fragment once, in one call, and answers in the order asked', async () => {
    const fake = countingFakeProvider();
    const { translated, counts } = await memory().translateFragments(fake, ['Read more', 'The <em>news</em>', 'Read more', 'Read more'], 'en', 'es');
    assert.deepEqual(translated, ['READ MORE', 'THE <em>NEWS</em>', 'READ MORE', 'READ MORE']);
    assert.deepEqual(fake.calls, [{ fragments: ['Read more', 'The <em>news</em>'], source: 'en', target: 'es' }]);
    assert.deepEqual(counts, { total: 4, fromMemory: 0, sent: 2 });
  });

  it('answers known fragments from the memory and sends only the new ones', async () => {
    const fake = countingFakeProvider();
    const { translated, counts } = await memory().translateFragments(fake, ['The <em>news</em>', 'Fresh words', 'Read more'], 'en', 'es');
    assert.deepEqual(translated, ['THE <em>NEWS</em>', 'FRESH WORDS', 'READ MORE']);
    assert.deepEqual(fake.sentFragments(), ['Fresh words']);
    assert.deepEqual(counts, { total: 3, fromMemory: 2, sent: 1 });

    const again = countingFakeProvider();
    await memory().translateFragments(again, ['Fresh words', 'Read more'], 'en', 'es');
    assert.equal(again.calls.length, 0, 'nothing new: the provider is not called at all');
  });

  it('keys the memory by provider and language pair', async () => {
    const toFrench = countingFakeProvider();
    await memory().translateFragments(toFrench, ['Read more'], 'en', 'fr');
    assert.deepEqual(toFrench.sentFragments(), ['Read more']);
    const other = countingFakeProvider({ id: 'another-fake' });
    await memory().translateFragments(other, ['Read more'], 'en', 'es');
    assert.deepEqual(other.sentFragments(), ['Read more']);
  });

  it('stores nothing when the provider fails, or answers with the wrong number of fragments', async () => {
    const before = await memoryRows(t);
    const failing = countingFakeProvider({ failOn: (f) => f === 'Doomed' });
    await assert.rejects(memory().translateFragments(failing, ['Never seen', 'Doomed'], 'en', 'es'), TranslationError);
    const short: ReturnType<typeof countingFakeProvider> = { ...countingFakeProvider(), translate: async (fragments) => fragments.slice(1) };
    await assert.rejects(memory().translateFragments(short, ['Never seen', 'Doomed'], 'en', 'es'), (e) => e instanceof TranslationError && e.code === 'bad_response');
    assert.equal(await memoryRows(t), before);
    // And the next attempt sends them again.
    const fake = countingFakeProvider();
    await memory().translateFragments(fake, ['Never seen', 'Doomed'], 'en', 'es');
    assert.deepEqual(fake.sentFragments(), ['Never seen', 'Doomed']);
  });

  it('holds one translation per provider, pair and source hash', async () => {
    const row = { provider: 'fake', source_lang: 'en', target_lang: 'de', source_hash: 'a'.repeat(64), translated: 'EINS', created_at: t.clock.now().toISOString() };
    const db = t.app.database.db;
    await db.insertInto('translation_memory').values(row).execute();
    await assert.rejects(db.insertInto('translation_memory').values({ ...row, translated: 'ZWEI' }).execute());
    await db.insertInto('translation_memory').values({ ...row, target_lang: 'nl' }).execute();
  });
});
