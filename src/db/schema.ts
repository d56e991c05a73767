import type { Generated } from 'kysely';

/**
 * Row types of every table, as both dialects return them.
 * Times are ISO-8601 UTC strings (`2026-11-29T09:00:00.000Z`) on both databases: one
 * representation everywhere, and string order is time order. Flags are 0/1 integers.
 */
export interface Database {
  settings: SettingsTable;
  authors: AuthorsTable;
  sources: SourcesTable;
  terms: TermsTable;
  articles: ArticlesTable;
  article_authors: ArticleAuthorsTable;
  article_terms: ArticleTermsTable;
}

export interface SettingsTable {
  key: string;
  /** JSON text. */
  value: string;
  updated_at: string;
}

export interface AuthorsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  bio: string;
  avatar_url: string | null;
  /** JSON array of { label, url }. */
  links: string;
  created_at: string;
  updated_at: string;
}

export interface SourcesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  homepage_url: string;
  copyright_holder: string;
  created_at: string;
  updated_at: string;
}

export type TermKind = 'region' | 'theme' | 'dossier';

export interface TermsTable {
  id: Generated<number>;
  kind: TermKind;
  slug: string;
  name: string;
  description: string;
  created_at: string;
  updated_at: string;
}

export type ArticleStatus = 'draft' | 'scheduled' | 'published';
export type Visibility = 'public' | 'members' | 'paid';

export interface ArticlesTable {
  id: Generated<number>;
  slug: string;
  kicker: string;
  title: string;
  dek: string;
  /** Sanitised on the way in (content/sanitise-html.ts). */
  body_html: string;
  status: ArticleStatus;
  visibility: Visibility;
  language: string;
  published_at: string | null;
  created_at: string;
  updated_at: string;
  image_url: string | null;
  image_alt: string;
  image_caption: string;
  image_credit: string;
  source_id: number | null;
  original_url: string | null;
  /** Overrides the site's note to readers for this article when set. */
  note_to_readers: string | null;
  newsletter_pick: number;
  word_count: number;
}

export interface ArticleAuthorsTable {
  article_id: number;
  author_id: number;
  position: number;
}

export interface ArticleTermsTable {
  article_id: number;
  term_id: number;
}
