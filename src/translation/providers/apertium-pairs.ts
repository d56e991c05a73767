import { languageByCode } from '../languages.js';

/**
 * An Apertium translation direction as Apertium names it: `eng` → `spa`, `en` → `gl`, `eng` →
 * `hbs_SR` (a variant after the underscore). Both the local modes and an APY server's /listPairs
 * name their pairs this way.
 */
export interface ApertiumPair {
  from: string;
  to: string;
}

/** Serbo-Croatian is one Apertium language (`hbs`) with a variant per standard for output. */
const SERBO_CROATIAN: Record<string, string> = { sr: 'SR', hr: 'HR', bs: 'BS' };

/** The pair a mode file such as `eng-hbs_SR.mode` provides, or undefined for other files (Cyrl-Latn.mode, README). */
export function pairOfModeFile(fileName: string): ApertiumPair | undefined {
  const match = /^([a-z]{2,3})-([a-z]{2,3}(?:_[A-Za-z0-9]+)?)\.mode$/.exec(fileName);
  return match ? { from: match[1]!, to: match[2]! } : undefined;
}

/** Apertium's possible names for a BCP 47 language as a source: the tag itself and its ISO 639-3 code. */
function sourceNames(code: string): string[] {
  const primary = code.toLowerCase().split('-')[0]!;
  if (SERBO_CROATIAN[primary]) return ['hbs'];
  return [...new Set([primary, languageByCode(primary)?.iso639_3 ?? primary])];
}

/** As a target, best first: for Serbian, Croatian and Bosnian the variant for that standard, then plain `hbs`. */
function targetNames(code: string): string[] {
  const primary = code.toLowerCase().split('-')[0]!;
  const variant = SERBO_CROATIAN[primary];
  if (variant) return [`hbs_${variant}`, 'hbs'];
  return sourceNames(primary);
}

/** The installed pair that translates `source` into `target` (BCP 47 tags), or undefined. */
export function findPair(pairs: readonly ApertiumPair[], source: string, target: string): ApertiumPair | undefined {
  const from = sourceNames(source);
  for (const to of targetNames(target)) {
    const pair = pairs.find((p) => p.to === to && from.includes(p.from));
    if (pair) return pair;
  }
  return undefined;
}

export const describePairs = (pairs: readonly ApertiumPair[]) => pairs.map((p) => `${p.from}-${p.to}`).sort().join(', ');
