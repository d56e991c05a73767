import { AppError } from '../errors.js';
import { TranslationError } from '../translation/provider.js';
import type { Catalogs, ProduceResult } from './catalogs.js';

const describe = (r: ProduceResult) =>
  [`Catalog ${r.language}: ${r.translated} translated, ${r.kept} kept, ${r.failed} failed`, ...r.failures.map((f) => `  ${f.key}: ${f.reason}`)].join('\n');

/**
 * `broadsheet translate --catalog --lang L|all`: produces one language's catalog (a refusal or a
 * provider's failure is thrown, for the command's exit status), or every language's but the site's,
 * each on its own line whatever became of the others. Resolves to whether every language was produced.
 */
export async function produceCatalogsFromCli(catalogs: Catalogs, lang: string, print: (line: string) => void): Promise<boolean> {
  if (lang !== 'all') {
    print(describe(await catalogs.produce(lang)));
    return true;
  }
  let allDone = true;
  for (const code of await catalogs.producibleLanguages()) {
    try {
      print(describe(await catalogs.produce(code)));
    } catch (error) {
      if (!(error instanceof AppError || error instanceof TranslationError)) throw error;
      print(`Catalog ${code}: not produced: ${error.message}`);
      allDone = false;
    }
  }
  return allDone;
}
