import type { ArticleSnapshot } from '../content/article-writer.js';

type FormBody = Record<string, string | string[] | undefined>;

const one = (body: FormBody, key: string): string => {
  const v = body[key];
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
};

const many = (body: FormBody, key: string): string[] => {
  const v = body[key];
  return (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean);
};

/** `<input type="datetime-local">` sends `2026-11-29T08:30`; the form labels it UTC. Anything else goes to validation as it is. */
const fromLocalUtc = (value: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00Z` : value);

/**
 * Turns the article form (or its autosave JSON) into the staff API's article shape. Fields the form
 * does not show (visibility, language) keep the article's current values. The result is validated
 * by the content writer like any other input.
 */
export function articleFromForm(body: unknown, current?: Partial<ArticleSnapshot>): unknown {
  const form = (typeof body === 'object' && body !== null ? body : {}) as FormBody;
  const imageUrl = one(form, 'imageUrl');
  return {
    ...(current?.visibility ? { visibility: current.visibility } : {}),
    ...(current?.language ? { language: current.language } : {}),
    slug: one(form, 'slug') || current?.slug,
    kicker: one(form, 'kicker'),
    title: one(form, 'title'),
    dek: one(form, 'dek'),
    bodyHtml: one(form, 'bodyHtml'),
    status: one(form, 'status') || 'draft',
    publishedAt: one(form, 'publishedAt') ? fromLocalUtc(one(form, 'publishedAt')) : undefined,
    authors: many(form, 'authors'),
    regions: many(form, 'regions'),
    themes: many(form, 'themes'),
    dossier: one(form, 'dossier') || null,
    source: one(form, 'source') || null,
    originalUrl: one(form, 'originalUrl') || null,
    image: imageUrl ? { url: imageUrl, alt: one(form, 'imageAlt'), caption: one(form, 'imageCaption'), credit: one(form, 'imageCredit') } : null,
    noteToReaders: one(form, 'noteToReaders') || null,
    newsletterPick: one(form, 'newsletterPick') === '1',
  };
}
