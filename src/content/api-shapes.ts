import { publicBodyOf } from './teaser.js';
import type { Article, ArticleSummary, Author, AuthorRef, Source, Term } from './types.js';

/** The public content API's JSON shapes (documented in docs/api.md). camelCase, absolute URLs. */

const termShape = (t: Term) => ({ slug: t.slug, name: t.name });

/** Our own media are stored as `/media/…` paths; API readers are on other sites and need the whole URL. */
const absoluteUrl = (siteUrl: string, url: string) => (url.startsWith('/') ? siteUrl + url : url);

export const authorShape = (siteUrl: string, a: AuthorRef) => ({ slug: a.slug, name: a.name, url: `${siteUrl}/authors/${a.slug}` });

export const fullAuthorShape = (siteUrl: string, a: Author) => ({ ...authorShape(siteUrl, a), bio: a.bio, avatarUrl: a.avatarUrl && absoluteUrl(siteUrl, a.avatarUrl), links: a.links });

export const sourceShape = (siteUrl: string, s: Source) => ({
  slug: s.slug,
  name: s.name,
  homepageUrl: s.homepageUrl,
  copyrightHolder: s.copyrightHolder,
  allowRepublish: s.allowRepublish,
  attribution: s.attribution,
  url: `${siteUrl}/sources/${s.slug}`,
});

export const termListShape = (t: Term) => ({ kind: t.kind, ...termShape(t), description: t.description });

export function articleSummaryShape(siteUrl: string, a: ArticleSummary) {
  return {
    slug: a.slug,
    url: `${siteUrl}/articles/${a.slug}`,
    kicker: a.kicker,
    title: a.title,
    dek: a.dek,
    language: a.language,
    publishedAt: a.publishedAt,
    updatedAt: a.updatedAt,
    image: a.image && { ...a.image, url: absoluteUrl(siteUrl, a.image.url) },
    authors: a.authors.map((x) => authorShape(siteUrl, x)),
    regions: a.regions.map(termShape),
    themes: a.themes.map(termShape),
    dossier: a.dossier && termShape(a.dossier),
    source: a.source && sourceShape(siteUrl, a.source),
    originalUrl: a.originalUrl,
    wordCount: a.wordCount,
    visibility: a.visibility,
  };
}

/** An article as the public API gives it: a members-only or paid one with its teaser, never its whole body. */
export function articleShape(siteUrl: string, a: Article) {
  return {
    ...articleSummaryShape(siteUrl, a),
    authors: a.authors.map((x) => fullAuthorShape(siteUrl, x)),
    bodyHtml: publicBodyOf(a),
    noteToReaders: a.noteToReaders,
    commentsEnabled: a.commentsEnabled,
  };
}
