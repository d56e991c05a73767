import { z } from 'zod';
import { slugSchema } from './slug.js';

/** Schemas for everything the content domain accepts from outside; each turns bad input into an AppError. */

const httpUrl = z.url({ protocol: /^https?$/, error: 'Must be an absolute http(s) URL' }).max(2000);
/** Images come from our own media store (`/media/…`): a page must never make a reader's browser call a third party. */
const imageUrl = z.string().regex(/^\/media\/(?!.*\.\.)[A-Za-z0-9._\/-]+$/, 'Must be a /media/ path (upload the image to the media library)');
const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);

export const authorInput = z.strictObject({
  slug: slugSchema,
  name: text(200).min(1, 'A name is required'),
  bio: text(5000).default(''),
  avatarUrl: imageUrl.nullable().default(null),
  links: z.array(z.strictObject({ label: text(60).min(1), url: httpUrl })).max(20).default([]),
});

export const sourceInput = z.strictObject({
  slug: slugSchema,
  name: text(200).min(1, 'A name is required'),
  homepageUrl: httpUrl,
  copyrightHolder: text(200).min(1, 'A copyright holder is required'),
  /** Whether others may republish the pieces we cross-post from this partner. */
  allowRepublish: z.boolean().default(false),
  /** The partner's own wording of its credit, shown under every piece cross-posted from it. */
  attribution: text(1000).default(''),
});

export const termInput = z.strictObject({
  kind: z.enum(['region', 'theme', 'dossier']),
  slug: slugSchema,
  name: text(200).min(1, 'A name is required'),
  description: text(2000).default(''),
});

/** The article shape of the staff API (DESIGN.md), plus the fields the editor sets. */
export const articleInput = z.strictObject({
  slug: slugSchema.optional(),
  kicker: text(100).default(''),
  title: text(300).min(1, 'A title is required'),
  dek: text(1000).default(''),
  bodyHtml: z.string().max(500_000, 'The body is too long').min(1, 'A body is required'),
  status: z.enum(['draft', 'scheduled', 'published']),
  publishedAt: z.iso.datetime({ offset: true, error: 'An ISO 8601 date and time' }).optional(),
  visibility: z.enum(['public', 'members', 'paid']).default('public'),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'A BCP 47 language tag').default('en'),
  authors: z.array(slugSchema).min(1, 'At least one author').max(10),
  regions: z.array(slugSchema).max(20).default([]),
  themes: z.array(slugSchema).max(20).default([]),
  dossier: slugSchema.nullable().optional(),
  source: slugSchema.nullable().optional(),
  originalUrl: httpUrl.nullable().optional(),
  image: z
    .strictObject({
      url: imageUrl,
      alt: text(500).min(1, 'Alt text is required'),
      caption: text(1000).default(''),
      credit: text(300).default(''),
      srcset: z
        .string()
        .regex(/^\/media\/[A-Za-z0-9._\/-]+ \d+w(, \/media\/[A-Za-z0-9._\/-]+ \d+w)*$/, 'A srcset of /media/ variants')
        .max(2000)
        .optional(),
    })
    .nullable()
    .optional(),
  noteToReaders: text(5000).nullable().optional(),
  newsletterPick: z.boolean().default(false),
  /** False marks the article "no republishing": the republish tool is not offered for it. */
  allowRepublish: z.boolean().default(true),
  /** False closes the article to comments and hides the ones it has. */
  commentsEnabled: z.boolean().default(true),
});

export type AuthorInput = z.input<typeof authorInput>;
export type SourceInput = z.input<typeof sourceInput>;
export type TermInput = z.input<typeof termInput>;
export type ArticleInput = z.input<typeof articleInput>;
