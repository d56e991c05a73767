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
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  api_tokens: ApiTokensTable;
  password_resets: PasswordResetsTable;
  audit_log: AuditLogTable;
  article_revisions: ArticleRevisionsTable;
  slug_redirects: SlugRedirectsTable;
  media: MediaTable;
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
  /** `srcset` of the featured image's variants, when it comes from the media library. */
  image_srcset: string | null;
  source_id: number | null;
  original_url: string | null;
  /** Overrides the site's note to readers for this article when set. */
  note_to_readers: string | null;
  newsletter_pick: number;
  word_count: number;
  /** The staff member who created it: "own articles" for authors and contributors. */
  created_by: number | null;
  /** Set when a contributor submits a draft for review; cleared when it is published. */
  review_requested_at: string | null;
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

export type StaffRole = 'owner' | 'editor' | 'author' | 'contributor';

export interface StaffUsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: StaffRole;
  password_hash: string | null;
  failed_logins: Generated<number>;
  locked_until: string | null;
  sessions_valid_after: string;
  disabled: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface StaffSessionsTable {
  /** SHA-256 of the cookie's token: a stolen database does not yield usable sessions. */
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: number | null;
  action: string;
  subject: string;
  /** JSON text. */
  detail: string;
  at: string;
}

export interface ArticleRevisionsTable {
  id: Generated<number>;
  article_id: number;
  actor_id: number | null;
  /** JSON of the article in the staff API shape, as saved. */
  snapshot: string;
  created_at: string;
}

export interface SlugRedirectsTable {
  old_slug: string;
  article_id: number;
}

export interface MediaTable {
  id: Generated<number>;
  /** The uploader's file name, cleaned of any path. */
  filename: string;
  /** `YYYY/MM/<random>-<slug>` under the media directory; every file of the item starts with it. */
  path_prefix: string;
  mime_type: string;
  /** Of the stored original, after orientation. */
  width: number;
  height: number;
  /** Of the stored original. */
  byte_size: number;
  alt: string;
  caption: string;
  credit: string;
  /** A staff user id; no foreign key, the staff domain owns that table. */
  uploaded_by: number | null;
  created_at: string;
  /** JSON array of { width, height } for the WebP variants made. */
  variants: string;
}
