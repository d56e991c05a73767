import type { ArticleSnapshot } from '../content/article-writer.js';
import { formList, formText, type FormBody } from './form-fields.js';


/** `<input type="datetime-local">` sends `2026-11-29T08:30`; the form labels it UTC. Anything else goes to validation as it is. */
const fromLocalUtc = (value: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00Z` : value);

/**
 * Turns the article form (or its autosave JSON) into the staff API's article shape. Fields the form
 * does not show (visibility, language) keep the article's current values. The result is validated
 * by the content writer like any other input.
 */
export function articleFromForm(body: unknown, current?: Partial<ArticleSnapshot>): unknown {
  const form = (typeof body === 'object' && body !== null ? body : {}) as FormBody;
  const imageUrl = formText(form, 'imageUrl');
  return {
    ...(current?.visibility ? { visibility: current.visibility } : {}),
    ...(current?.language ? { language: current.language } : {}),
    slug: formText(form, 'slug') || current?.slug,
    kicker: formText(form, 'kicker'),
    title: formText(form, 'title'),
    dek: formText(form, 'dek'),
    bodyHtml: formText(form, 'bodyHtml'),
    status: formText(form, 'status') || 'draft',
    publishedAt: formText(form, 'publishedAt') ? fromLocalUtc(formText(form, 'publishedAt')) : undefined,
    authors: formList(form, 'authors'),
    regions: formList(form, 'regions'),
    themes: formList(form, 'themes'),
    dossier: formText(form, 'dossier') || null,
    source: formText(form, 'source') || null,
    originalUrl: formText(form, 'originalUrl') || null,
    image: imageUrl ? { url: imageUrl, alt: formText(form, 'imageAlt'), caption: formText(form, 'imageCaption'), credit: formText(form, 'imageCredit') } : null,
    noteToReaders: formText(form, 'noteToReaders') || null,
    newsletterPick: formText(form, 'newsletterPick') === '1',
    allowRepublish: formText(form, 'noRepublish') !== '1',
    commentsEnabled: formText(form, 'noComments') !== '1',
  };
}
