import { TranslationError, type TranslationProvider } from '../../src/translation/provider.js';

/** Upper-cases the words of an HTML fragment, leaving tags and entities as they are: a "translation" a test can predict. */
export const shout = (html: string) =>
  html.replace(/(<[^>]*>)|([^<]+)/g, (_m, tag: string | undefined, text: string | undefined) =>
    tag ?? text!.replace(/&[a-z0-9#]+;|[^&]+/gi, (part) => (part.startsWith('&') ? part : part.toUpperCase())),
  );

/**
 * A fake translation provider for tests, named as one: it "translates" by upper-casing words outside
 * tags and records every call, so a test can count what reached the provider. `failOn` makes it throw
 * when a call carries a matching fragment; `rewrite` replaces its output (a hostile provider);
 * `granularity: 'sentence'` makes it a sentence-by-sentence engine.
 */
export function countingFakeProvider(
  options: { id?: string; pairs?: string[]; failOn?: (fragment: string) => boolean; rewrite?: (fragment: string) => string; granularity?: 'sentence' } = {},
) {
  const calls: { fragments: string[]; source: string; target: string }[] = [];
  const provider: TranslationProvider & { calls: typeof calls; sentFragments(): string[] } = {
    id: options.id ?? 'fake',
    granularity: options.granularity,
    calls,
    sentFragments: () => calls.flatMap((c) => c.fragments),
    async supports(source, target) {
      return (options.pairs ?? ['en-es', 'en-fr']).includes(`${source}-${target}`);
    },
    async translate(fragments, source, target) {
      calls.push({ fragments: [...fragments], source, target });
      if (options.failOn && fragments.some(options.failOn)) throw new TranslationError('the fake provider refused', 'unavailable', true);
      return fragments.map(options.rewrite ?? shout);
    },
    async health() {
      return { ok: true, detail: 'a fake for tests' };
    },
    async close() {},
  };
  return provider;
}
