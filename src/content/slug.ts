import { z } from 'zod';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A URL slug: lower-case letters, digits and single hyphens, at most 120 characters. */
export const slugSchema = z
  .string()
  .max(120, 'A slug is at most 120 characters')
  .regex(SLUG_PATTERN, 'A slug uses lower-case letters, digits and single hyphens');
