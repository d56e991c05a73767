/**
 * A LIKE pattern matching `text` anywhere, with the `%`, `_` and `\` someone typed taken literally.
 * Use it with `escape '\'`; lower-case both sides where case must not matter (PostgreSQL's LIKE
 * heeds case, SQLite's does not).
 */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
