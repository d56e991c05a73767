import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { sanitiseArticleHtml } from '../../src/content/sanitise-html.js';
import { demoArticles } from '../../src/demo/seed.js';
import { createTranslationService } from '../../src/translation/index.js';
import type { TranslationProvider } from '../../src/translation/provider.js';
import { createApertiumCommandProvider } from '../../src/translation/providers/apertium-command.js';
import { forEachDatabase } from '../helpers/databases.js';
import { makeAuthor } from '../helpers/factories.js';
import { useTestApp } from '../helpers/test-app.js';

const apertium = createApertiumCommandProvider();
const missing = (await apertium.supports('en', 'es')) ? undefined : 'the apertium command with the eng-spa pair is not installed';
if (missing) console.log(`# skipping the Apertium article suites: ${missing}`);

/** The real provider, recording what reaches it. */
function recorded(provider: TranslationProvider) {
  const calls: string[][] = [];
  const wrapped: TranslationProvider = {
    id: provider.id,
    supports: (source, target) => provider.supports(source, target),
    async translate(fragments, source, target) {
      calls.push([...fragments]);
      return provider.translate(fragments, source, target);
    },
    health: () => provider.health(),
    close: async () => {},
  };
  return { provider: wrapped, calls };
}

/** The inline elements of a kind in some HTML, as [attributes, words] pairs. */
const inline = (html: string, tag: string) => [...html.matchAll(new RegExp(`<${tag}([^>]*)>([^<]*)</${tag}>`, 'g'))].map((m) => [m[1]!.trim(), m[2]!]);

// A demo article with links and emphasis, translated by the real Apertium (Debian's apertium-eng-spa).
const demo = demoArticles.find((a) => a.slug === 'a-regional-library-scans-its-past')!;

forEachDatabase('English to Spanish with Apertium', (dialect) => {
  if (missing) return void it('needs Apertium', { skip: missing }, () => {});
  const t = useTestApp(dialect, { scheduler: false });
  let articleId: number;
  const input = { title: demo.title, kicker: demo.kicker, dek: demo.dek, bodyHtml: demo.body, status: 'published' as const, authors: [] as string[] };

  before(async () => {
    const author = await makeAuthor(t.app.content, { name: 'Mei Lin Tan' });
    input.authors = [author.slug];
    articleId = (await t.app.content.editor.create(input)).id;
  });

  it('keeps each link and emphasis around the words that translate the ones it wrapped, sanitised', async () => {
    const { provider, calls } = recorded(apertium);
    const translations = createTranslationService({ db: t.app.database.db, clock: t.clock, content: t.app.content, providers: [provider] }).articles;
    const result = await translations.translateArticle(articleId, 'es');
    assert.equal(result.outcome === 'translated' && result.provider, 'apertium');
    assert.equal(calls.length, 1);
    assert.ok(!calls.flat().some((f) => f.includes('Mei Lin Tan')), 'the byline is not sent');

    const stored = (await translations.get(articleId, 'es'))!;
    assert.equal(stored.status, 'machine');
    assert.notEqual(stored.title, demo.title);
    assert.deepEqual(inline(stored.bodyHtml, 'em'), [['', 'Tambaroa Heraldo']]);
    assert.deepEqual(inline(stored.bodyHtml, 'a'), [
      ['href="https://tambaroa-library.example/digital-collection"', 'colección digital'],
      ['href="/articles/local-language-radio-finds-new-listeners"', 'radio comunitaria en lenguas locales'],
    ]);
    // As many paragraphs and headings as the original, and nothing the sanitiser would change.
    for (const tag of ['<p>', '<h2>']) assert.equal(stored.bodyHtml.split(tag).length, demo.body.split(tag).length, tag);
    assert.equal(stored.bodyHtml, await sanitiseArticleHtml(stored.bodyHtml));
  });

  it('after a one-paragraph edit calls Apertium for that paragraph only', async () => {
    const paragraphs = demo.body.split('\n');
    const at = paragraphs.findIndex((p) => p.startsWith('<p>'));
    paragraphs[at] = '<p>The library opened its <em>new</em> reading room on Monday.</p>';
    await t.app.content.editor.update(articleId, { ...input, bodyHtml: paragraphs.join('\n') });

    const { provider, calls } = recorded(apertium);
    const translations = createTranslationService({ db: t.app.database.db, clock: t.clock, content: t.app.content, providers: [provider] }).articles;
    const result = await translations.translateArticle(articleId, 'es');
    assert.deepEqual(calls, [['The library opened its <em>new</em> reading room on Monday.']]);
    assert.ok(result.outcome === 'translated' && result.counts.sent === 1 && result.counts.fromMemory === result.counts.total - 1);
    assert.match((await translations.get(articleId, 'es'))!.bodyHtml, /<p>[^<]*<em>nueva<\/em>[^<]*lunes\.<\/p>/);
  });
});
