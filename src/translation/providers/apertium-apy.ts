import { decodeHTML, escapeText } from 'entities';
import { displayUrl, endpoint, keepOnSuccess, requestJson, type HttpCallOptions, type StatusMeaning } from '../http-client.js';
import { createLimiter } from '../limiter.js';
import { TranslationError, type TranslationProvider } from '../provider.js';
import { describePairs, findPair, type ApertiumPair } from './apertium-pairs.js';

export interface ApertiumApyOptions extends HttpCallOptions {
  /** The APY server, such as http://127.0.0.1:2737 (APERTIUM_URL). */
  url: string;
  /** Requests in flight at once at most: APY translates one text per request (default 4). */
  maxRequests?: number;
}

// Pairs are checked against /listPairs before sending, so APY's statuses need no meaning beyond the common ones.
const meaning: StatusMeaning = () => undefined;

/** A tag, its attribute values quoted or not (a quoted value may hold '>'). */
const TAG = /<(?:[^>"']|"[^"]*"|'[^']*')*>/g;

/**
 * An Apertium APY server. APY's own HTML mode puts inline tags back at the wrong words, so each
 * fragment goes as plain text with every tag replaced by a bracketed number such as `[7]`: Apertium
 * passes those through untouched and in place, and they are swapped back for the tags afterwards.
 * Should a translation lose, repeat or reorder a placeholder, that fragment is translated again one
 * text run at a time between its tags, which puts every tag right at some cost to the wording.
 */
export function createApertiumApyProvider(options: ApertiumApyOptions): TranslationProvider {
  const limiter = createLimiter(options.maxRequests ?? 4);
  const call = (path: string, body?: URLSearchParams, overrides: HttpCallOptions = {}) =>
    requestJson('Apertium APY', { method: body ? 'POST' : 'GET', url: endpoint(options.url, path), body }, meaning, { ...options, ...overrides });

  async function listPairs(overrides: HttpCallOptions = {}): Promise<ApertiumPair[]> {
    const answer = (await call('/listPairs', undefined, overrides)) as { responseData?: unknown };
    const data = answer.responseData;
    if (!Array.isArray(data) || !data.every((p) => typeof p?.sourceLanguage === 'string' && typeof p?.targetLanguage === 'string')) {
      throw new TranslationError('Apertium APY listed its pairs in an unknown shape', 'bad_response', false);
    }
    return (data as Array<{ sourceLanguage: string; targetLanguage: string }>).map((p) => ({ from: p.sourceLanguage, to: p.targetLanguage }));
  }
  const pairs = keepOnSuccess(() => listPairs());

  const translateText = (text: string, pair: ApertiumPair) =>
    limiter.run(async () => {
      const form = new URLSearchParams({ langpair: `${pair.from}|${pair.to}`, q: text, format: 'txt', markUnknown: 'no' });
      const answer = (await call('/translate', form)) as { responseData?: { translatedText?: unknown } };
      const translated = answer.responseData?.translatedText;
      if (typeof translated !== 'string') throw new TranslationError('Apertium APY returned no translated text', 'bad_response', false);
      return translated;
    });

  async function translateFragment(fragment: string, pair: ApertiumPair): Promise<string> {
    const { text, tags, first } = withPlaceholders(fragment);
    if (tags.length === 0) return escapeText(await translateText(text, pair));
    const restored = restorePlaceholders(await translateText(text, pair), tags, first);
    if (restored !== undefined) return restored;
    // Runs of text between tags, each translated alone; whitespace-only runs are kept as they are.
    const pieces = fragment.split(new RegExp(`(${TAG.source})`));
    const translated = await Promise.all(
      pieces.map((piece, i) => (i % 2 === 1 || piece.trim() === '' ? piece : translateText(decodeHTML(piece), pair).then((t) => likeSource(piece, escapeText(t))))),
    );
    return translated.join('');
  }

  return {
    id: 'apertium-apy',
    // Rule-based: a sentence translates the same alone as among others.
    granularity: 'sentence',

    async supports(source, target) {
      return findPair(await pairs().catch(() => []), source, target) !== undefined;
    },

    async translate(fragments, source, target) {
      const pair = findPair(await pairs(), source, target);
      if (!pair) throw new TranslationError(`the Apertium APY server has no pair for ${source} → ${target}`, 'unsupported_pair', false);
      return Promise.all(fragments.map((fragment) => (fragment.trim() === '' ? fragment : translateFragment(fragment, pair))));
    },

    async health() {
      try {
        return { ok: true, detail: `${displayUrl(options.url)}: pairs ${describePairs(await listPairs({ attempts: 1 }))}` };
      } catch (error) {
        return { ok: false, detail: `${displayUrl(options.url)}: ${(error as Error).message}` };
      }
    },

    async close() {
      // fetch keeps no connection of ours open.
    },
  };
}

/**
 * The fragment's text with each tag replaced by `[n]`, numbered from above any bracketed number
 * already in the text so that none can be mistaken for a placeholder.
 */
export function withPlaceholders(fragment: string): { text: string; tags: string[]; first: number } {
  const tags = fragment.match(TAG) ?? [];
  const plain = decodeHTML(fragment.replace(TAG, ''));
  const first = Math.max(0, ...[...plain.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]) + 1));
  let n = first;
  const text = fragment
    .split(TAG)
    .map((run) => decodeHTML(run))
    .reduce((joined, run, i) => (i === 0 ? run : `${joined}[${n++}]${run}`), '');
  return { text, tags, first };
}

/** The translation with its placeholders swapped back for the tags, or undefined unless each came back once, in order. */
export function restorePlaceholders(translated: string, tags: readonly string[], first: number): string | undefined {
  const parts = translated.split(/\[(\d+)\]/);
  const out: string[] = [];
  let text = parts[0]!;
  let next = first;
  for (let i = 1; i < parts.length; i += 2) {
    const n = Number(parts[i]);
    if (n < first) {
      // A bracketed number of the source text, not ours.
      text += `[${parts[i]}]${parts[i + 1]}`;
      continue;
    }
    if (n !== next) return undefined;
    out.push(escapeText(text), tags[n - first]!);
    text = parts[i + 1]!;
    next++;
  }
  if (next !== first + tags.length) return undefined;
  out.push(escapeText(text));
  return out.join('');
}

/**
 * A run translated alone, given the source run's leading and trailing whitespace (Apertium trims it)
 * and its initial's case: Apertium takes every lone run for a sentence and capitalises it.
 */
function likeSource(source: string, translated: string): string {
  const text = translated.trim();
  const initial = /\p{L}/u.exec(source)?.[0];
  const lower = initial !== undefined && initial === initial.toLowerCase() && initial !== initial.toUpperCase();
  return `${/^\s*/.exec(source)![0]}${lower ? text.charAt(0).toLowerCase() + text.slice(1) : text}${/\s*$/.exec(source)![0]}`;
}
