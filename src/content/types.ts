import type { ArticleStatus, TermKind, Visibility } from '../db/schema.js';

export type { ArticleStatus, TermKind, Visibility };

export interface Link {
  label: string;
  url: string;
}

export interface AuthorRef {
  id: number;
  slug: string;
  name: string;
}

export interface Author extends AuthorRef {
  bio: string;
  avatarUrl: string | null;
  links: Link[];
}

export interface Term {
  id: number;
  kind: TermKind;
  slug: string;
  name: string;
  description: string;
}

export interface Source {
  id: number;
  slug: string;
  name: string;
  homepageUrl: string;
  copyrightHolder: string;
  /** Whether others may republish the pieces we cross-post from this partner. */
  allowRepublish: boolean;
  /** The partner's own wording of its credit, shown under every piece cross-posted from it. */
  attribution: string;
}

export interface FeaturedImage {
  url: string;
  alt: string;
  caption: string;
  credit: string;
  /** Responsive variants (`url 480w, …`), when the image comes from the media library. */
  srcset: string | null;
}

/** What a list shows of an article: everything but the body. */
export interface ArticleSummary {
  id: number;
  slug: string;
  kicker: string;
  title: string;
  dek: string;
  status: ArticleStatus;
  visibility: Visibility;
  language: string;
  publishedAt: string | null;
  updatedAt: string;
  image: FeaturedImage | null;
  authors: AuthorRef[];
  regions: Term[];
  themes: Term[];
  dossier: Term | null;
  source: Source | null;
  originalUrl: string | null;
  wordCount: number;
}

export interface Article extends Omit<ArticleSummary, 'authors'> {
  authors: Author[];
  bodyHtml: string;
  noteToReaders: string | null;
  newsletterPick: boolean;
  allowRepublish: boolean;
  /** Whether readers may comment, and the page shows its comments. */
  commentsEnabled: boolean;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  totalPages: number;
}

/** Narrowing of the published-article lists; every field is optional and they combine with AND. */
export interface ArticleFilter {
  termIds?: number[];
  authorId?: number;
  sourceId?: number;
  /** Inclusive lower and exclusive upper bounds on the publication time, ISO strings. */
  publishedFrom?: string;
  publishedBefore?: string;
}
