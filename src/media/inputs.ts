import { z } from 'zod';

/** Schemas for everything the media library accepts from outside; each turns bad input into an AppError. */

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);

/** The words that travel with an image wherever it is used; the issue requires all three. */
const describing = {
  alt: text(500).min(1, 'Alt text is required'),
  caption: text(1000).min(1, 'A caption is required'),
  credit: text(300).min(1, 'A credit is required'),
};

export const uploadInput = z.strictObject({
  filename: z.string().max(1000, 'The file name is too long').refine((name) => cleanFilename(name) !== '', 'A file name is required'),
  bytes: z.instanceof(Buffer, { error: 'The file contents are required' }),
  ...describing,
  uploadedBy: z.number().int().positive().nullable().optional(),
});

export const metadataInput = z
  .strictObject({ alt: describing.alt, caption: describing.caption, credit: describing.credit })
  .partial()
  .refine((m) => Object.keys(m).length > 0, 'Give at least one of alt, caption, credit');

export const listQuery = z.strictObject({
  page: z.coerce.number().int('A page number').min(1, 'Pages start at 1').max(100_000).default(1),
  q: z.string().trim().max(200, 'At most 200 characters').optional(),
});

export type UploadInput = z.input<typeof uploadInput>;
export type MetadataInput = z.input<typeof metadataInput>;
export type ListQuery = z.input<typeof listQuery>;

/** The last path segment of an uploaded name, without control characters: browsers may send a full path. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
}
