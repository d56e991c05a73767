/**
 * CSV as RFC 4180 describes it, for the subscriber import and export. Reading is tolerant where it
 * can be without guessing (CRLF, LF or CR line ends, a UTF-8 byte-order mark) and strict where a
 * guess could shift every later row (an unterminated quote stops the whole file).
 */

/** One record: the line it starts on (1-based), its fields, and what is wrong with it if anything. */
export interface CsvRecord {
  line: number;
  fields: string[];
  /** Set when the record breaks the quoting rules in a way that does not disturb the records after it. */
  problem?: string;
}

/** A text that cannot be read as CSV at all; `line` is where the trouble starts. */
export class CsvError extends Error {
  override name = 'CsvError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Line breaks in a piece of text, a CRLF pair counting once. */
const lineBreaks = (text: string) => (text.match(/\r\n|\r|\n/g) ?? []).length;

/** Splits a CSV text into records. Throws a CsvError for a quoted field that is never closed. */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const end = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;

  while (i < end) {
    const record: CsvRecord = { line, fields: [] };
    for (;;) {
      let value = '';
      const quoted = text[i] === '"';
      if (quoted) {
        const openedOn = line;
        i++;
        for (;;) {
          const quote = text.indexOf('"', i);
          if (quote === -1) throw new CsvError(openedOn, `Line ${openedOn}: a quoted field is never closed (a " is missing)`);
          const piece = text.slice(i, quote);
          line += lineBreaks(piece);
          value += piece;
          if (text[quote + 1] === '"') {
            value += '"';
            i = quote + 2;
          } else {
            i = quote + 1;
            break;
          }
        }
      }
      // An unquoted field, or whatever follows a closing quote up to the next comma or line end.
      let stop = i;
      while (stop < end && text[stop] !== ',' && text[stop] !== '\n' && text[stop] !== '\r') stop++;
      const rest = text.slice(i, stop);
      if (quoted && rest !== '') record.problem ??= 'text after the closing quote of a field';
      else if (rest.includes('"')) record.problem ??= 'a " inside a field that is not enclosed in quotes (enclose the field in quotes and double the ")';
      value += rest;
      i = stop;
      record.fields.push(value);
      if (i < end && text[i] === ',') {
        i++;
        continue;
      }
      if (i < end) {
        i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
      }
      break;
    }
    records.push(record);
  }
  return records;
}

/** What a spreadsheet would run as a formula (or a DDE command) if a cell started with it. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a cell, as given or once trimmed, starts like a spreadsheet formula. */
export const looksLikeFormula = (cell: string) => FORMULA_START.test(cell) || FORMULA_START.test(cell.trim());

/** One CSV line (CRLF-terminated). A cell that would start a formula gets a leading apostrophe, so it stays text. */
export function csvRow(cells: readonly string[]): string {
  return (
    cells
      .map((cell) => {
        const safe = FORMULA_START.test(cell) ? `'${cell}` : cell;
        return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
      })
      .join(',') + '\r\n'
  );
}
