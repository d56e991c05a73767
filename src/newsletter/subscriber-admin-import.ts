import type { Kysely } from 'kysely';
import type { Database, SubscriberStatus } from '../db/schema.js';
import { AppError } from '../errors.js';
import { CsvError, csvRow, looksLikeFormula, parseCsv, type CsvRecord } from './csv.js';
import { emailAddress, newsletterLanguage } from './inputs.js';

/** The most rows one import takes; a larger list is split into several files. */
export const IMPORT_MAX_ROWS = 50_000;
/** The largest file (or pasted text) an import reads. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** Addresses looked up per query: well under both databases' limits on bound parameters. */
const LOOKUP_BATCH = 500;

/** A row that will be added. */
export interface ImportReader {
  line: number;
  email: string;
  language: string;
}

/** A row that will not be added, and why. `shown` is the address as given, made printable and cut short. */
export interface ImportNote {
  line: number;
  shown: string;
  reason: string;
}

/** What an import would do, row by row, before anything is written. */
export interface ImportPlan {
  toAdd: ImportReader[];
  /** Rows naming an address an earlier row of the same file already named. */
  duplicates: ImportNote[];
  /** Addresses already on the list, in whatever status: an import never changes them. */
  known: ImportNote[];
  /** Rows that cannot be imported: malformed, not an address, an unknown language, a formula, suppressed. */
  refused: ImportNote[];
}

// Control characters (tab, CR and LF aside) and U+FFFD, which stands in for bytes that were not UTF-8.
const JUNK = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]/;

const printable = (cell: string) => {
  const shown = cell.replace(/[\x00-\x1f\x7f]/g, '\ufffd');
  return shown.length > 80 ? `${shown.slice(0, 79)}…` : shown;
};

const sizeOf = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** An uploaded file's text; bytes that are not UTF-8 become U+FFFD, which refuses the rows holding them. */
export function importText(bytes: Buffer): string {
  if (bytes.length > IMPORT_MAX_BYTES) tooLarge(bytes.length);
  return new TextDecoder('utf-8').decode(bytes);
}

function tooLarge(bytes: number): never {
  throw new AppError('file_too_large', `The list is over ${sizeOf(IMPORT_MAX_BYTES)} (${sizeOf(bytes)}): split it into smaller files`, 413, 'file');
}

const statusReason: Record<SubscriberStatus, string> = {
  active: 'already subscribed; left as it is',
  pending: 'already signed up, waiting for confirmation; left as it is',
  unsubscribed: 'unsubscribed; an import never signs a reader up again',
};

/** The header's column positions; a file that has no usable header is refused whole. */
function columnsOf(header: CsvRecord): { email: number; language: number | undefined; count: number } {
  if (header.problem) throw new AppError('invalid_file', `Line ${header.line} (the header): ${header.problem}`, 400, 'file');
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const email = names.indexOf('email');
  if (email === -1) {
    throw new AppError('invalid_file', `The first line must be a header naming an "email" column; it names: ${printable(names.join(', ')) || 'nothing'}`, 400, 'file');
  }
  if (names.indexOf('email', email + 1) !== -1) throw new AppError('invalid_file', 'The header names the "email" column twice', 400, 'file');
  const language = names.indexOf('language');
  if (language !== -1 && names.indexOf('language', language + 1) !== -1) throw new AppError('invalid_file', 'The header names the "language" column twice', 400, 'file');
  return { email, language: language === -1 ? undefined : language, count: names.length };
}

/** The address and language of one data row, or why the row is refused. */
function readRow(record: CsvRecord, columns: ReturnType<typeof columnsOf>, fallbackLanguage: string): { email: string; language: string } | { reason: string } {
  if (record.problem) return { reason: record.problem };
  if (record.fields.some((f) => JUNK.test(f))) return { reason: 'holds control characters or bytes that are not UTF-8 text' };
  if (record.fields.length !== columns.count) return { reason: `has ${record.fields.length} fields where the header has ${columns.count}` };
  const emailCell = record.fields[columns.email]!;
  const languageCell = columns.language === undefined ? '' : record.fields[columns.language]!;
  if (looksLikeFormula(emailCell) || looksLikeFormula(languageCell)) return { reason: 'a cell starts with =, +, -, @ or a tab, as a spreadsheet formula would' };
  const email = emailAddress.safeParse(emailCell);
  if (!email.success) return { reason: email.error.issues[0]!.message };
  const wanted = languageCell.trim().toLowerCase() || fallbackLanguage;
  const language = newsletterLanguage.safeParse(wanted);
  if (!language.success) return { reason: `unknown language "${printable(wanted)}": ${language.error.issues[0]!.message}` };
  return { email: email.data, language: language.data };
}

async function inBatches<T>(emails: string[], lookup: (batch: string[]) => Promise<T[]>): Promise<T[]> {
  const found: T[] = [];
  for (let i = 0; i < emails.length; i += LOOKUP_BATCH) found.push(...(await lookup(emails.slice(i, i + LOOKUP_BATCH))));
  return found;
}

/**
 * Reads a subscriber list (CSV with a header naming `email` and optionally `language`) and works
 * out, row by row, what importing it would do. Writes nothing. Problems with the file as a whole
 * (empty, no email column, too large, a quote never closed) are a 400 or 413 naming the line.
 */
export async function planImport(db: Kysely<Database>, text: string, fallbackLanguage: string): Promise<ImportPlan> {
  // Line ends are counted once each, as they were in the file, whichever form a browser sent them in.
  const size = Buffer.byteLength(text) - (text.match(/\r\n/g)?.length ?? 0);
  if (size > IMPORT_MAX_BYTES) tooLarge(size);
  let records: CsvRecord[];
  try {
    records = parseCsv(text).filter((r) => r.problem || r.fields.some((f) => f.trim() !== ''));
  } catch (error) {
    if (error instanceof CsvError) throw new AppError('invalid_file', error.message, 400, 'file');
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) throw new AppError('invalid_file', 'The list is empty: it needs a header line naming an "email" column, then one reader a line', 400, 'file');
  const columns = columnsOf(header);
  if (rows.length === 0) throw new AppError('invalid_file', 'The list has a header but no readers under it', 400, 'file');
  if (rows.length > IMPORT_MAX_ROWS) {
    throw new AppError('invalid_file', `The list has ${rows.length.toLocaleString('en')} rows; one import takes at most ${IMPORT_MAX_ROWS.toLocaleString('en')}: split it`, 400, 'file');
  }

  const plan: ImportPlan = { toAdd: [], duplicates: [], known: [], refused: [] };
  const firstLine = new Map<string, number>();
  const candidates: ImportReader[] = [];
  for (const record of rows) {
    const read = readRow(record, columns, fallbackLanguage);
    const shown = printable(record.fields[columns.email] ?? record.fields[0] ?? '');
    if ('reason' in read) {
      plan.refused.push({ line: record.line, shown, reason: read.reason });
      continue;
    }
    const earlier = firstLine.get(read.email);
    if (earlier !== undefined) {
      plan.duplicates.push({ line: record.line, shown, reason: `the same address as line ${earlier}` });
      continue;
    }
    firstLine.set(read.email, record.line);
    candidates.push({ line: record.line, ...read });
  }

  const emails = candidates.map((c) => c.email);
  const [existing, suppressed] = await Promise.all([
    inBatches(emails, (batch) => db.selectFrom('newsletter_subscribers').select(['email', 'status']).where('email', 'in', batch).execute()),
    inBatches(emails, (batch) => db.selectFrom('newsletter_suppressions').select(['email', 'reason']).where('email', 'in', batch).execute()),
  ]);
  const statusOf = new Map(existing.map((r) => [r.email, r.status]));
  const suppressionOf = new Map(suppressed.map((r) => [r.email, r.reason]));
  for (const reader of candidates) {
    const status = statusOf.get(reader.email);
    const suppression = suppressionOf.get(reader.email);
    if (status) plan.known.push({ line: reader.line, shown: reader.email, reason: statusReason[status] });
    else if (suppression) plan.refused.push({ line: reader.line, shown: reader.email, reason: `on the suppression list (${suppression}): never mailed again` });
    else plan.toAdd.push(reader);
  }
  plan.refused.sort((a, b) => a.line - b.line);
  return plan;
}

/** The readers a plan would add, as the CSV the confirmation form carries back (and `planImport` reads again). */
export const planAsCsv = (readers: ImportReader[]) => csvRow(['email', 'language']) + readers.map((r) => csvRow([r.email, r.language])).join('');
