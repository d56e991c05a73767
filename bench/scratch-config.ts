import path from 'node:path';
import type { Config } from '../src/config.js';
import { DEFAULT_LANGUAGES } from '../src/translation/languages.js';

/** A Broadsheet config on a fresh SQLite database in `dataDir`, for a benchmark that builds its app in-process. */
export function scratchConfig(dataDir: string, overrides: Partial<Config> = {}): Config {
  return {
    host: '127.0.0.1',
    port: 0,
    siteUrl: 'http://127.0.0.1',
    dataDir,
    database: { dialect: 'sqlite', file: path.join(dataDir, 'broadsheet.db') },
    logLevel: 'warn',
    pageCacheBytes: 32 * 1024 * 1024,
    demoContent: false,
    mailFrom: 'Bench <bench@localhost>',
    mediaMaxBytes: 20 * 1024 * 1024,
    trustProxy: false,
    embedHosts: [],
    feedMaxBytes: 20 * 1024 * 1024,
    languages: DEFAULT_LANGUAGES,
    ...overrides,
  };
}
