import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { diskPath } from './paths.js';

export interface FileToWrite {
  /** Relative to the media directory, forward slashes. */
  file: string;
  data: Buffer;
}

/**
 * Writes a set of files so that none is ever seen half-written: each goes to a hidden temporary
 * name beside its final one and is renamed into place. If any step fails, everything written so
 * far is removed and the error is rethrown. Returns an undo that removes the whole set, for a
 * caller whose next step (the database row) fails.
 */
export async function writeFileSet(mediaDir: string, files: FileToWrite[]): Promise<() => Promise<void>> {
  const written: string[] = [];
  const undo = () => removePaths(written);
  try {
    for (const { file, data } of files) {
      const target = diskPath(mediaDir, file);
      await fs.mkdir(path.dirname(target), { recursive: true });
      // Dot-prefixed so the static file server, which denies dotfiles, never serves a partial file.
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
      written.push(temp);
      await fs.writeFile(temp, data, { flag: 'wx' });
      await fs.rename(temp, target);
      written[written.length - 1] = target;
    }
  } catch (error) {
    await undo();
    throw error;
  }
  return undo;
}

/** Removes stored files, ignoring any already gone. */
export async function removeFiles(mediaDir: string, files: string[]): Promise<void> {
  await removePaths(files.map((file) => diskPath(mediaDir, file)));
}

async function removePaths(paths: string[]): Promise<void> {
  await Promise.all(paths.map((p) => fs.rm(p, { force: true })));
}
