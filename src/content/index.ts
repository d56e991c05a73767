import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { createArticleReader } from './article-reader.js';
import { createArticleWriter, type ArticleChangeListener } from './article-writer.js';
import { createDirectory } from './directory.js';
import { createEditorialReader } from './editorial-reader.js';
import { createSettingsStore } from './settings.js';
import type { PurgeListener } from './surrogate-keys.js';

/**
 * The content domain's public face: articles (read and write), the directory of authors, sources
 * and terms, and site settings. Every change reports the surrogate keys it invalidates to `onPurge`,
 * and every article change the ids of the articles it touched to `onArticleChange`.
 */
export function createContentService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  onPurge: PurgeListener;
  onArticleChange?: ArticleChangeListener;
  embedHosts?: readonly string[];
}) {
  return {
    articles: createArticleReader(deps.db),
    editor: createArticleWriter(deps),
    editorial: createEditorialReader(deps.db),
    directory: createDirectory(deps),
    settings: createSettingsStore(deps),
  };
}

export type ContentService = ReturnType<typeof createContentService>;
export type * from './types.js';
export type { SiteSettings } from './settings.js';
export type { ArticleChangeListener } from './article-writer.js';
export { articlePageKeys, surrogateKeys } from './surrogate-keys.js';
