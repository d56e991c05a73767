/** The most of a query we read: longer input is cut here rather than refused. */
export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_WORDS = 20;

/**
 * PostgreSQL's `english` stop words. SQLite's FTS5 has none, so both sides drop them from the query
 * here: otherwise "the grid" would need "the" on SQLite and ignore it on PostgreSQL.
 */
const STOP_WORDS = new Set(
  (
    'i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it ' +
    'its itself they them their theirs themselves what which who whom this that these those am is are was were be been ' +
    'being have has had having do does did doing a an the and but if or because as until while of at by for with about ' +
    'against between into through during before after above below to from up down in out on off over under again further ' +
    'then once here there when where why how all any both each few more most other some such no nor not only own same so ' +
    'than too very s t can will just don should now'
  ).split(' '),
);

/**
 * The words of what a reader typed: letters and digits only, lower-cased, without stop words or
 * repeats. Nothing the reader types reaches the database as query syntax: operators, quotes,
 * brackets and column filters are all just separators here.
 */
export function queryWords(input: string): string[] {
  const text = input.slice(0, MAX_QUERY_CHARS).normalize('NFC').toLowerCase();
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu) ?? [];
  return [...new Set(words)].filter((w) => !STOP_WORDS.has(w)).slice(0, MAX_QUERY_WORDS);
}
