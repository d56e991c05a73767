import fs from 'node:fs/promises';
import { AppError } from '../errors.js';
import { emailAddress } from './inputs.js';
import { MAX_BATCH } from './suppressions.js';

/** Bad lines shown at most; the count says how many more there are. */
const SHOWN_PROBLEMS = 20;

/** A bad line of an address file: its number (1-based) and why it is refused. */
interface LineProblem {
  line: number;
  message: string;
}

/**
 * Reads a list of addresses, one a line; blank lines and lines starting with # are skipped. Every
 * line is checked before anything is used: any bad line refuses the whole file (a 400 listing the
 * bad lines by number), so a half-read list never reaches the database.
 */
function addressesFromText(text: string, fileName: string): string[] {
  const addresses: string[] = [];
  const problems: LineProblem[] = [];
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const parsed = emailAddress.safeParse(line);
    if (parsed.success) addresses.push(parsed.data);
    else problems.push({ line: index + 1, message: parsed.error.issues[0]!.message });
  });
  if (problems.length) {
    const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => `  line ${p.line}: ${p.message}`);
    if (problems.length > SHOWN_PROBLEMS) shown.push(`  … and ${problems.length - SHOWN_PROBLEMS} more`);
    const count = problems.length === 1 ? '1 bad line' : `${problems.length} bad lines`;
    throw new AppError('invalid_file', `${fileName} has ${count}; nothing was imported:\n${shown.join('\n')}`, 400);
  }
  if (addresses.length > MAX_BATCH) {
    throw new AppError('invalid_file', `${fileName} holds ${addresses.length} addresses; import at most ${MAX_BATCH} at a time`, 400);
  }
  return addresses;
}

/** The largest address file read: comfortably more than MAX_BATCH addresses of ordinary length. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Reads and checks an address file (see addressesFromText); an unreadable or oversized file is a 400 too. */
export async function readAddressFile(file: string): Promise<string[]> {
  let bytes: Buffer;
  try {
    const { size } = await fs.stat(file);
    if (size > MAX_FILE_BYTES) throw new AppError('invalid_file', `${file} is over ${MAX_FILE_BYTES / 1024 / 1024} MB: split it into smaller files`, 400);
    bytes = await fs.readFile(file);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('invalid_file', `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`, 400);
  }
  return addressesFromText(new TextDecoder('utf-8').decode(bytes), file);
}
