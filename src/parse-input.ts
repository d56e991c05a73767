import { z } from 'zod';
import { AppError } from './errors.js';

/**
 * Parses outside input with a schema, turning the first problem into a 400 AppError that names the
 * field. Every domain validates its input through this, so refusals look the same everywhere.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.') || undefined;
  throw new AppError('invalid_input', field ? `${field}: ${issue.message}` : issue.message, 400, field);
}

/**
 * A row id from a URL: a whole number the integer columns of both databases can hold. A larger
 * number would reach PostgreSQL as an out-of-range error (a 500) instead of a plain refusal.
 */
export const rowId = z.coerce.number().int().positive().max(2_147_483_647);

/** Route parameters that are just `:id`. */
export const idParams = z.object({ id: rowId });
