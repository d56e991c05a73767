import path from 'node:path';

/** One program of a mode's pipeline: its words, and whether the mode sends its error output to /dev/null. */
export interface ModeStage {
  argv: string[];
  quiet: boolean;
}

/** Why a mode file cannot be run as a persistent pipeline. */
export class ModeFileError extends Error {
  override name = 'ModeFileError';
}

/**
 * Parses a mode file, a one-line shell pipeline such as `lt-proc 'x.automorf.bin' | apertium-tagger
 * -g $2 'x.prob' | …`, into its programs. Understood: single and double quotes, backslash escapes,
 * `$1`/`${1}` placeholders (replaced by `args`; an unquoted empty one leaves no word, as in the shell)
 * and `2>/dev/null`. Anything else the shell would interpret (`;`, `&`, other redirections,
 * substitutions, comments) is refused rather than guessed at.
 */
export function parseModePipeline(mode: string, args: readonly string[] = []): ModeStage[] {
  const text = mode.trim();
  if (text === '') throw new ModeFileError('the mode file is empty');
  const stages: ModeStage[] = [];
  let stage: ModeStage = { argv: [], quiet: false };
  let word = '';
  // A word exists once it has a character or a quote, even an empty pair of quotes.
  let inWord = false;
  let i = 0;

  const fail = (why: string): never => {
    throw new ModeFileError(`${why} at character ${i + 1} of the mode`);
  };
  const endWord = () => {
    if (inWord) stage.argv.push(word);
    word = '';
    inWord = false;
  };
  const endStage = () => {
    endWord();
    if (stage.argv.length === 0) fail('an empty command in the pipeline');
    stages.push(stage);
    stage = { argv: [], quiet: false };
  };
  /** Reads `$N` or `${N}` at i (which is on the `$`) and returns the argument's value. */
  const placeholder = (): string => {
    const match = /^\$(?:(\d)|\{(\d+)\})/.exec(text.slice(i));
    if (!match) fail('a shell expansion other than $1, $2, …');
    i += match![0].length;
    return args[Number(match![1] ?? match![2]) - 1] ?? '';
  };

  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t') {
      endWord();
      i++;
    } else if (c === '|') {
      if (text[i + 1] === '|') fail('"||"');
      endStage();
      i++;
    } else if (c === '\\') {
      if (text[i + 1] === '\n') {
        i += 2; // A line continuation.
        continue;
      }
      if (i + 1 >= text.length) fail('a backslash at the end');
      word += text[i + 1];
      inWord = true;
      i += 2;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) fail('an unclosed single quote');
      word += text.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      inWord = true;
      i++;
      while (text[i] !== '"') {
        if (i >= text.length) fail('an unclosed double quote');
        const d = text[i]!;
        if (d === '\\' && '"\\$`\n'.includes(text[i + 1] ?? '')) {
          if (text[i + 1] !== '\n') word += text[i + 1];
          i += 2;
        } else if (d === '$') {
          word += placeholder();
        } else if (d === '`') {
          fail('a command substitution');
        } else {
          word += d;
          i++;
        }
      }
      i++;
    } else if (c === '$') {
      const value = placeholder();
      word += value;
      if (value !== '') inWord = true;
    } else if (!inWord && /^2>\s*\/dev\/null(?=[\s|]|$)/.test(text.slice(i))) {
      stage.quiet = true;
      i += /^2>\s*\/dev\/null/.exec(text.slice(i))![0].length;
    } else if ('\n;&<>()`'.includes(c) || (c === '#' && !inWord)) {
      fail(c === '\n' ? 'more than one command' : `"${c}"`);
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  endStage();
  return stages;
}

/**
 * Programs of Apertium pairs that answer a NUL-terminated block with its translation and a NUL, and
 * then flush and wait for the next, given `-z` as their first option (checked against each one's
 * --help: apertium-tagger needs it before `-g FILE`, apertium-anaphora before its rules file).
 * Others are refused rather than assumed: vislcg3, for one, has a `-z` that means something else.
 */
const NULL_FLUSHING = new Set([
  'lt-proc',
  'apertium-tagger',
  'apertium-pretransfer',
  'apertium-transfer',
  'apertium-interchunk',
  'apertium-postchunk',
  'apertium-posttransfer',
  'lrx-proc',
  'lsx-proc',
  'cg-proc',
  'apertium-anaphora',
]);
/** Apertium's helpers for word-bound blanks, which pass NULs through without an option. */
const ATTACH = 'apertium-wblank-attach';
const DETACH = 'apertium-wblank-detach';

const program = (stage: ModeStage) => path.basename(stage.argv[0]!);
const runsFile = (stage: ModeStage, suffix: RegExp) => stage.argv.slice(1).some((arg) => suffix.test(arg));

/**
 * The pipeline as `apertium` itself runs it (through apertium-wblank-mode) to keep the tags an HTML
 * deformatter marks on words (word-bound blanks, `[[t:a:…]]`) on those words through the chunking
 * stages: with `-z` on every program, so it serves one NUL-terminated block after another, and with
 * apertium-wblank-attach after the analyser and apertium-wblank-detach before the generator.
 * Without the two helpers a tag lands on a neighbouring word ("Un plan <a>nuevo</a>").
 */
export function nullFlushingPipeline(stages: readonly ModeStage[]): ModeStage[] {
  const hasHelpers = stages.some((stage) => program(stage) === ATTACH || program(stage) === DETACH);
  const result: ModeStage[] = [];
  for (const stage of stages) {
    const name = program(stage);
    if (name === ATTACH || name === DETACH) {
      result.push(stage);
      continue;
    }
    if (!NULL_FLUSHING.has(name)) throw new ModeFileError(`${name} is not known to serve one NUL-terminated block after another (-z)`);
    const flushing = stage.argv.includes('-z') ? stage : { ...stage, argv: [stage.argv[0]!, '-z', ...stage.argv.slice(1)] };
    const generator = !hasHelpers && runsFile(stage, /autogen\.(bin|hfst)$/);
    if (generator) result.push({ argv: [DETACH], quiet: false });
    result.push(flushing);
    if (!hasHelpers && runsFile(stage, /automorf\.(bin|hfst)$/)) result.push({ argv: [ATTACH], quiet: false });
  }
  return result;
}

const shellQuote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

/** The pipeline as a shell command line, every word quoted. */
export function shellPipeline(stages: readonly ModeStage[]): string {
  return stages.map((stage) => stage.argv.map(shellQuote).join(' ') + (stage.quiet ? ' 2>/dev/null' : '')).join(' | ');
}
