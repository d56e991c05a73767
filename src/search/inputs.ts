import { z } from 'zod';
import { slugSchema } from '../content/slug.js';
import type { ContentService } from '../content/index.js';
import { AppError } from '../errors.js';
import type { SearchFilter } from './filters.js';

/** A GET form sends an untouched select or date field as an empty value: that means "any". */
const blankIsUnset = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'is not a real date');

/** Filters and paging, shared by the page and the API. `q` is any text: it is cut and split later, never refused for its content. */
const fields = {
  q: z.string({ error: 'q must be given once, as text' }),
  region: blankIsUnset(slugSchema),
  theme: blankIsUnset(slugSchema),
  author: blankIsUnset(slugSchema),
  source: blankIsUnset(slugSchema),
  from: blankIsUnset(dateSchema),
  to: blankIsUnset(dateSchema),
  page: z.coerce
    .number({ error: 'page must be a whole number from 1 to 1000' })
    .int('page must be a whole number from 1 to 1000')
    .min(1, 'page must be a whole number from 1 to 1000')
    .max(1000, 'page must be a whole number from 1 to 1000')
    .default(1),
};

const checkRange = (v: { from?: string; to?: string }, ctx: z.RefinementCtx) => {
  if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
};

/** The search page: readers arrive with tracking parameters, so unknown ones are ignored; a missing q is the empty form. */
export const searchPageQuery = z.object({ ...fields, q: fields.q.default('') }).superRefine(checkRange);

/** The API: unknown parameters are a 400, like the rest of /api/v1. */
export const searchApiQuery = z
  .strictObject({ ...fields, limit: z.coerce.number().int().min(1).max(100).default(20) })
  .superRefine(checkRange);

export type SearchParams = z.output<typeof searchPageQuery>;

/** Turns filter slugs into ids; an unknown slug is a 400 naming the parameter. */
export async function resolveFilter(directory: ContentService['directory'], p: SearchParams): Promise<SearchFilter> {
  const unknown = (field: string, slug: string): never => {
    throw new AppError('unknown_reference', `${field}: no ${field} "${slug}"`, 400, field);
  };
  const filter: SearchFilter = { termIds: [] };
  for (const kind of ['region', 'theme'] as const) {
    const slug = p[kind];
    if (slug) filter.termIds.push((await directory.termBySlug(kind, slug))?.id ?? unknown(kind, slug));
  }
  if (p.author) filter.authorId = (await directory.authorBySlug(p.author))?.id ?? unknown('author', p.author);
  if (p.source) filter.sourceId = (await directory.sourceBySlug(p.source))?.id ?? unknown('source', p.source);
  if (p.from) filter.publishedFrom = `${p.from}T00:00:00.000Z`;
  // "to" names the last day included.
  if (p.to) filter.publishedBefore = new Date(Date.parse(`${p.to}T00:00:00Z`) + 86_400_000).toISOString();
  return filter;
}
