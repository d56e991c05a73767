import { z } from 'zod';
import { slugSchema } from '../content/slug.js';
import { parseInput } from '../parse-input.js';

/** Parsers for what public URLs carry. A malformed value is a 400 with a message, never a guess. */

const pageNumber = z.coerce
  .number({ error: 'page must be a whole number from 1 to 100000' })
  .int('page must be a whole number from 1 to 100000')
  .min(1, 'page must be a whole number from 1 to 100000')
  .max(100_000, 'page must be a whole number from 1 to 100000');

const slugParams = z.object({ slug: slugSchema });
// Readers arrive with tracking parameters we do not use; only `page` is read, and checked.
const listQuery = z.object({ page: pageNumber.default(1) });
const archiveParams = z.object({
  year: z.string().regex(/^\d{4}$/, 'year must have four digits'),
  month: z.string().regex(/^(0[1-9]|1[0-2])$/, 'month must be 01 to 12'),
});

export const parseSlug = (params: unknown) => parseInput(slugParams, params).slug;
export const parsePage = (query: unknown) => parseInput(listQuery, query).page;
export const parseArchive = (params: unknown) => parseInput(archiveParams, params);
export { pageNumber };
