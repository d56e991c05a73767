/**
 * Sentences of a fragment (text with inline tags, as segments.ts makes them), for providers that
 * translate each sentence on its own: the translation memory then holds sentences, and an edited
 * paragraph costs the provider only the sentences that changed. The pieces are substrings of the
 * fragment, so the pieces and the white space between them give back the fragment exactly.
 *
 * A sentence ends at . ! ? or … (closing quotes and brackets may follow), then white space, then
 * an uppercase letter or a digit (opening quotes, brackets, ¿ or ¡ may come first). The split is
 * conservative: never inside an inline element, never at a non-breaking space, and a full stop
 * after an abbreviation, an initial, a dotted word (U.S., e.g.) or, where a full stop marks an
 * ordinal, a number, ends nothing.
 */

/** Abbreviations that take a full stop, lower case, by the languages Apertium's pairs here translate from. */
const ABBREVIATIONS: Record<string, readonly string[]> = {
  en: [
    'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'st', 'mt', 'ft', 'jr', 'sr', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'gov', 'sen', 'rep', 'rev',
    'hon', 'pres', 'supt', 'insp', 'vs', 'etc', 'approx', 'est', 'inc', 'ltd', 'co', 'corp', 'bros', 'dept', 'univ', 'assn', 'ave', 'blvd', 'rd',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  ],
  es: [
    'sr', 'sra', 'srta', 'sres', 'dr', 'dra', 'dña', 'ud', 'uds', 'vd', 'vds', 'lic', 'ing', 'arq', 'gral', 'excmo', 'excma', 'ilmo', 'sto', 'sta',
    'av', 'avda', 'pza', 'etc', 'ej', 'aprox', 'cía', 'admón', 'depto', 'ee', 'uu', 'ene', 'abr', 'ago', 'sept', 'oct', 'dic',
  ],
  ca: [
    'sr', 'sra', 'srta', 'dr', 'dra', 'st', 'sta', 'av', 'pl', 'ptge', 'etc', 'ex', 'aprox', 'cia',
    'gen', 'febr', 'març', 'abr', 'ag', 'set', 'oct', 'des',
  ],
  gl: [
    'sr', 'sra', 'srta', 'dr', 'dra', 'dna', 'av', 'avda', 'pza', 'etc', 'ex', 'aprox', 'cía', 'xan', 'abr', 'xuñ', 'xul', 'ago', 'set', 'out', 'dec',
  ],
  hbs: [
    'dr', 'mr', 'prof', 'ing', 'dipl', 'gosp', 'gđa', 'gđica', 'sv', 'npr', 'tj', 'itd', 'itsl', 'sl', 'tzv', 'odn', 'god', 'mj', 'st', 'stolj', 'ul',
    'др', 'мр', 'проф', 'инж', 'нпр', 'тј', 'итд', 'итсл', 'тзв', 'одн', 'год', 'ул',
  ],
};
/** Abbreviations that stand before a number only (No. 5, núm. 3, str. 12): elsewhere the word may end a sentence. */
const BEFORE_NUMBERS: Record<string, readonly string[]> = {
  en: ['no', 'nos', 'vol', 'vols', 'fig', 'figs', 'pp', 'ch', 'sec', 'art', 'para', 'tel'],
  es: ['núm', 'nº', 'art', 'pág', 'págs', 'vol', 'cap', 'tel', 'fig'],
  ca: ['núm', 'art', 'pàg', 'pàgs', 'vol', 'cap', 'tel', 'fig'],
  gl: ['núm', 'nº', 'art', 'páx', 'páxs', 'vol', 'cap', 'tel', 'fig'],
  hbs: ['br', 'čl', 'str', 'tel', 'бр', 'чл', 'стр', 'тел'],
};
/** Languages that write an ordinal as a number and a full stop (u 19. stoljeću, Petar II.): such a number ends nothing. */
const ORDINAL_STOP = new Set(['hbs']);

/** Serbo-Croatian is one language to Apertium, and here. */
const languageKey = (language: string) => {
  const primary = language.toLowerCase().split('-')[0]!;
  return ['sr', 'hr', 'bs', 'sh', 'hbs'].includes(primary) ? 'hbs' : primary;
};

interface Rules {
  abbreviations: ReadonlySet<string>;
  beforeNumbers: ReadonlySet<string>;
  ordinalStop: boolean;
}

const rulesFor = (key: string): Rules => ({
  abbreviations: new Set(ABBREVIATIONS[key]),
  beforeNumbers: new Set(BEFORE_NUMBERS[key]),
  ordinalStop: ORDINAL_STOP.has(key),
});
const RULES = new Map(Object.keys(ABBREVIATIONS).map((key) => [key, rulesFor(key)]));
/** A language without rules of its own gets everyone's: when in doubt, no split. */
const ANY_LANGUAGE: Rules = {
  abbreviations: new Set(Object.values(ABBREVIATIONS).flat()),
  beforeNumbers: new Set(Object.values(BEFORE_NUMBERS).flat()),
  ordinalStop: true,
};

/** A tag, its attribute values quoted or not (a quoted value may hold '>'). */
const TAG = /<(?:[^>"']|"[^"]*"|'[^']*')*>/g;
const VOID = /^<(?:br|wbr|img|hr|input|source|track|area|col|embed)\b/i;

/**
 * The fragment's text without its tags, and for each of its characters where it sits in the
 * fragment and whether it is outside every inline element.
 */
function visibleText(fragment: string): { text: string; at: number[]; topLevel: boolean[] } {
  let text = '';
  const at: number[] = [];
  const topLevel: boolean[] = [];
  let depth = 0;
  let from = 0;
  const addText = (end: number) => {
    for (let i = from; i < end; i++) {
      text += fragment[i];
      at.push(i);
      topLevel.push(depth === 0);
    }
  };
  for (const tag of fragment.matchAll(TAG)) {
    addText(tag.index);
    const [markup] = tag;
    if (markup.startsWith('</')) depth = Math.max(0, depth - 1);
    else if (!markup.startsWith('<!') && !markup.endsWith('/>') && !VOID.test(markup)) depth += 1;
    from = tag.index + markup.length;
  }
  addText(fragment.length);
  return { text, at, topLevel };
}

/** End punctuation, closing quotes and brackets, the space (no non-breaking one), then the letter or digit a sentence starts with. */
const BOUNDARY = /([.!?…]+)[)\]"'”’»]*([ \t\r\n]+)(?=[(\["'“‘«„¿¡]*([\p{Lu}\p{Nd}]))/gu;
const OPENING = /^[(\["'“‘«„¿¡]+/u;

/** The text between the last white space before `end` and `end`. */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start -= 1;
  return text.slice(start, end);
}

/** Whether a full stop after `word` (the text since the last space) is an abbreviation's, an initial's or an ordinal's. */
function abbreviated(word: string, nextIsDigit: boolean, rules: Rules): boolean {
  const bare = word.replace(OPENING, '');
  if (bare === '' || bare.includes('.')) return true; // U.S., e.g., a.m., or a stray stop
  if (/^\p{L}$/u.test(bare)) return true; // an initial: J. Smith
  const lower = bare.toLowerCase();
  if (rules.abbreviations.has(lower)) return true;
  if (nextIsDigit && rules.beforeNumbers.has(lower)) return true;
  return rules.ordinalStop && /^(?:\p{Nd}+|[IVXLCDM]+)$/u.test(bare);
}

/** A fragment cut into sentences: `sentences` in order and `spaces[i]`, the white space after `sentences[i]`. */
export interface SentenceSplit {
  sentences: string[];
  spaces: string[];
}

/** Splits a fragment in the language `language` (a BCP 47 tag) into its sentences; a fragment of one sentence is one piece. */
export function splitSentences(fragment: string, language: string): SentenceSplit {
  const rules = RULES.get(languageKey(language)) ?? ANY_LANGUAGE;
  const { text, at, topLevel } = visibleText(fragment);
  const sentences: string[] = [];
  const spaces: string[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const [whole, stops, space, next] = match as unknown as [string, string, string, string];
    const first = match.index + whole.length - space.length;
    const last = first + space.length - 1;
    // The space must lie outside every element, with no tag inside it.
    if (!topLevel.slice(first, last + 1).every(Boolean) || at[last]! - at[first]! !== last - first) continue;
    if (stops === '.' && abbreviated(wordBefore(text, match.index), /\p{Nd}/u.test(next), rules)) continue;
    sentences.push(fragment.slice(start, at[first]));
    spaces.push(fragment.slice(at[first], at[last]! + 1));
    start = at[last]! + 1;
  }
  sentences.push(fragment.slice(start));
  spaces.push('');
  return { sentences, spaces };
}

/**
 * Fragments as the sentences to translate, all in one list, and `join` to put translated sentences
 * back into fragments, each with the white space its original had between sentences.
 */
export function sentenceFragments(fragments: readonly string[], language: string): { sentences: string[]; join(translated: readonly string[]): string[] } {
  const splits = fragments.map((fragment) => splitSentences(fragment, language));
  const sentences = splits.flatMap((split) => split.sentences);
  return {
    sentences,
    join(translated) {
      if (translated.length !== sentences.length) throw new Error(`expected ${sentences.length} translated sentences, got ${translated.length}`);
      let next = 0;
      return splits.map(({ spaces }) => spaces.map((space) => translated[next++] + space).join(''));
    },
  };
}
