import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { containsPattern } from '../db/like-pattern.js';
import { notFound } from '../errors.js';
import { removeFiles } from './file-store.js';
import { listQuery, metadataInput, type ListQuery, type MetadataInput } from './inputs.js';
import { parseInput } from '../parse-input.js';
import { filesOf, toRecord } from './rows.js';
import type { MediaPage, MediaRecord } from './types.js';

export const PAGE_SIZE = 24;

/** Ids are PostgreSQL `integer`; anything else cannot name a row, and must not reach the driver as an error. */
const isId = (id: number) => Number.isInteger(id) && id >= 1 && id <= 2_147_483_647;

/** `%` and `_` typed by an editor are literal characters, not wildcards. */

/** Finding, describing and deleting what is already in the library. */
export function createLibrary(deps: { db: Kysely<Database>; mediaDir: string }) {
  const { db } = deps;

  return {
    /** A page of the library, newest first, optionally narrowed to items whose file name, alt text or caption contain `q`. */
    async list(query: ListQuery = {}): Promise<MediaPage> {
      const { page, q } = parseInput(listQuery, query);
      let matching = db.selectFrom('media');
      if (q) {
        // lower() on both sides: LIKE ignores case on SQLite but not on PostgreSQL.
        const pattern = containsPattern(q.toLowerCase());
        const contains = (column: 'filename' | 'alt' | 'caption') => sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
        matching = matching.where((eb) => eb.or([contains('filename'), contains('alt'), contains('caption')]));
      }
      const [rows, counted] = await Promise.all([
        matching
          .selectAll()
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(PAGE_SIZE)
          .offset((page - 1) * PAGE_SIZE)
          .execute(),
        matching.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      const total = Number(counted.n);
      return { items: rows.map(toRecord), page, pageSize: PAGE_SIZE, total, totalPages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
    },

    async get(id: number): Promise<MediaRecord | undefined> {
      if (!isId(id)) return undefined;
      const row = await db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRecord(row);
    },

    /** The library item whose original is at this `/media/…` URL, if any. */
    async byUrl(url: string): Promise<MediaRecord | undefined> {
      const prefix = /^\/media\/(.+)\.[a-z0-9]+$/.exec(url)?.[1];
      if (!prefix) return undefined;
      const row = await db.selectFrom('media').selectAll().where('path_prefix', '=', prefix).executeTakeFirst();
      return row && row.id && toRecord(row).url === url ? toRecord(row) : undefined;
    },

    /** Changes any of alt text, caption and credit; none of them may be made empty. */
    async update(id: number, input: MetadataInput): Promise<MediaRecord> {
      const changes = parseInput(metadataInput, input);
      if (!isId(id)) throw notFound('media item');
      const row = await db.updateTable('media').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
      if (!row) throw notFound('media item');
      return toRecord(row);
    },

    /**
     * Deletes the row, then its files. In that order because a row whose files are gone would be a
     * broken image everywhere it is offered, while files without a row are merely unused.
     */
    async remove(id: number): Promise<void> {
      if (!isId(id)) throw notFound('media item');
      const row = await db.deleteFrom('media').where('id', '=', id).returningAll().executeTakeFirst();
      if (!row) throw notFound('media item');
      await removeFiles(deps.mediaDir, filesOf(row));
    },
  };
}
