import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TranslationError } from '../../src/translation/provider.js';
import { createApertiumApyProvider, restorePlaceholders, withPlaceholders } from '../../src/translation/providers/apertium-apy.js';
import { startFakeApertiumApy } from '../helpers/fake-apertium-apy.js';
import type { FakeHttpServer } from '../helpers/fake-http.js';
import { apertiumMissing } from './apertium-setup.js';

const SENTENCE = 'Read the <a href="/plan?a=1&amp;b=2">plan</a> for the <em>new</em> budget.';

describe('Apertium APY provider (fake APY backed by the real apertium command)', { skip: apertiumMissing }, () => {
  let fake: FakeHttpServer;
  before(async () => {
    fake = await startFakeApertiumApy();
  });
  after(() => fake.close());
  const provider = () => createApertiumApyProvider({ url: fake.url, backoffMs: 1 });

  it('has a fake whose HTML mode misplaces inline tags, as the issue warns', async () => {
    const response = await fetch(`${fake.url}/translate`, {
      method: 'POST',
      body: new URLSearchParams({ langpair: 'eng|spa', q: SENTENCE, format: 'html' }),
    });
    const { responseData } = (await response.json()) as { responseData: { translatedText: string } };
    assert.doesNotMatch(responseData.translatedText, /<em>nuevo<\/em>/);
  });

  it('keeps each inline tag around the right words by sending placeholders as plain text', async () => {
    const [first, second] = await provider().translate([SENTENCE, 'The <strong>mayor</strong> said nothing.'], 'en', 'es');
    assert.match(first!, /<a href="\/plan\?a=1&amp;b=2">plan<\/a>/);
    assert.match(first!, /<em>nuevo<\/em>/);
    assert.match(first!, /presupuesto/);
    assert.match(second!, /<strong>alcalde<\/strong>/);
    const sent = fake.received.filter((r) => r.path === '/translate').map((r) => r.body as Record<string, string>);
    assert.ok(sent.some((b) => b.q === 'Read the [0]plan[1] for the [2]new[3] budget.' && b.format === 'txt' && b.markUnknown === 'no'));
  });

  it('escapes the translated text and leaves bracketed numbers of the source alone', async () => {
    const [result] = await provider().translate(['See note [1] on <em>tax</em> &amp; spending.'], 'en', 'es');
    assert.match(result!, /\[1\]/);
    assert.match(result!, /&amp;/);
    assert.match(result!, /<em>[^<]+<\/em>/);
  });

  it('falls back to one run at a time when placeholders come back lost, tags still right', async () => {
    const lossy = await startFakeApertiumApy({ losePlaceholders: true });
    try {
      const [result] = await createApertiumApyProvider({ url: lossy.url, backoffMs: 1 }).translate([SENTENCE], 'en', 'es');
      assert.match(result!, /<a href="\/plan\?a=1&amp;b=2">plan<\/a>/);
      assert.match(result!, /<em>nuevo<\/em>/);
      assert.match(result!, /presupuesto/);
    } finally {
      await lossy.close();
    }
  });

  it('supports the pairs APY lists, and refuses others without sending them', async () => {
    const apy = provider();
    assert.equal(await apy.supports('en', 'es'), true);
    assert.equal(await apy.supports('en', 'ja'), false);
    const sentBefore = fake.received.filter((r) => r.path === '/translate').length;
    await assert.rejects(apy.translate(['Hi'], 'en', 'ja'), (e) => e instanceof TranslationError && e.code === 'unsupported_pair');
    assert.equal(fake.received.filter((r) => r.path === '/translate').length, sentBefore);
    assert.deepEqual(await apy.health(), { ok: true, detail: `${fake.url}: pairs eng-spa` });
  });
});

describe('APY placeholders', () => {
  it('numbers placeholders above bracketed numbers already in the text', () => {
    const { text, tags, first } = withPlaceholders('Note [4] <b>bold</b> &lt;x&gt;');
    assert.equal(first, 5);
    assert.equal(text, 'Note [4] [5]bold[6] <x>');
    assert.deepEqual(tags, ['<b>', '</b>']);
    assert.equal(restorePlaceholders('Nota [4] [5]negrita[6] <x>', tags, first), 'Nota [4] <b>negrita</b> &lt;x&gt;');
  });

  it('refuses a translation with a placeholder lost, repeated or out of order', () => {
    const tags = ['<b>', '</b>'];
    assert.equal(restorePlaceholders('[0]negrita', tags, 0), undefined);
    assert.equal(restorePlaceholders('[0]negrita[1][1]', tags, 0), undefined);
    assert.equal(restorePlaceholders('[1]negrita[0]', tags, 0), undefined);
  });
});
