import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** Whether `program` can be run: a path to an executable file, or a name found on `searchPath`. */
export function isExecutable(program: string, searchPath = process.env.PATH ?? ''): boolean {
  const candidates = program.includes('/') ? [program] : searchPath.split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, program));
  return candidates.some((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
