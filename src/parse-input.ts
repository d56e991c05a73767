import type { z } from 'zod';
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
