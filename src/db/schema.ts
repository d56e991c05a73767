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
  syndication_feeds: SyndicationFeedsTable;
  syndicated_items: SyndicatedItemsTable;
  syndicated_media: SyndicatedMediaTable;
  newsletter_subscribers: NewsletterSubscribersTable;
  newsletter_consents: NewsletterConsentsTable;
  newsletter_issues: NewsletterIssuesTable;
  newsletter_deliveries: NewsletterDeliveriesTable;
  newsletter_suppressions: NewsletterSuppressionsTable;
  translation_memory: TranslationMemoryTable;
  article_translations: ArticleTranslationsTable;
  translation_jobs: TranslationJobsTable;
  message_translations: MessageTranslationsTable;
  readers: ReadersTable;
  reader_sign_in_tokens: ReaderSignInTokensTable;
  reader_sessions: ReaderSessionsTable;
  comments: CommentsTable;
  comment_reports: CommentReportsTable;
  membership_tiers: MembershipTiersTable;
  memberships: MembershipsTable;
  stripe_events: StripeEventsTable;
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
  /** Whether others may republish the pieces we cross-post from this partner. */
  allow_republish: Generated<number>;
  /** The partner's own wording of its credit, shown under every piece cross-posted from it. */
  attribution: Generated<string>;
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
  /** 0 when the article must not be offered for republishing. */
  allow_republish: Generated<number>;
  /** 0 when the article takes no comments (and shows none). */
  comments_enabled: Generated<number>;
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

export type FeedMode = 'review' | 'auto';

/** A partner source's feed: its settings, its poll schedule and what the last poll found. */
export interface SyndicationFeedsTable {
  source_id: number;
  feed_url: string;
  poll_minutes: number;
  mode: FeedMode;
  default_author_id: number | null;
  default_region_id: number | null;
  default_theme_id: number | null;
  fetch_full_text: number;
  active: number;
  etag: string | null;
  last_modified: string | null;
  next_poll_at: string;
  /** Set while a process polls the feed, so no other process polls it at the same time. */
  lease_until: string | null;
  last_polled_at: string | null;
  last_success_at: string | null;
  /** In plain words, for the status page. */
  last_error: string | null;
  last_error_at: string | null;
  /** Consecutive failed polls; the next poll backs off with them. */
  failures: Generated<number>;
  last_format: string | null;
  /** JSON array of the parser's warnings from the last successful poll. */
  last_warnings: Generated<string>;
  items_seen: Generated<number>;
  items_imported: Generated<number>;
  created_at: string;
  updated_at: string;
}

export type SyndicatedItemStatus = 'pending' | 'imported' | 'rejected' | 'blocked' | 'duplicate';

/** Every item a partner feed brought, whatever became of it: the dedupe memory and the review queue. */
export interface SyndicatedItemsTable {
  id: Generated<number>;
  source_id: number;
  guid_hash: string;
  guid: string;
  canonical_url: string | null;
  fingerprint: string | null;
  /** Changes when the partner updates the item. */
  version_hash: string;
  status: SyndicatedItemStatus;
  article_id: number | null;
  /** The item this one repeats, for `duplicate`. */
  duplicate_of: number | null;
  original_url: string | null;
  title: string;
  dek: Generated<string>;
  /** Sanitised partner HTML. */
  body_html: string;
  /** JSON array of the partner's byline names. */
  author_names: Generated<string>;
  language: string | null;
  published_at: string | null;
  first_seen_at: string;
  updated_at: string;
  decided_by: number | null;
  decided_at: string | null;
  /** JSON { url, alt, caption, credit, srcset? } of the lead image copied into our media library; null when there is none. */
  image: string | null;
}

/** A partner image already in our media library, keyed by the hash of its partner URL. */
export interface SyndicatedMediaTable {
  url_hash: string;
  url: string;
  media_id: number;
  created_at: string;
}

export type SubscriberStatus = 'pending' | 'active' | 'unsubscribed';

/** A newsletter reader: `pending` until the emailed link is opened, `active` after, `unsubscribed` once they leave. */
export interface NewsletterSubscribersTable {
  id: Generated<number>;
  /** Trimmed and lower-cased. */
  email: string;
  status: SubscriberStatus;
  /** BCP 47 tag of the language the newsletter is wanted in. */
  language: string;
  created_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
  confirmation_sent_at: string | null;
  updated_at: string;
}

/** `import`: staff added an address that had consented elsewhere. */
export type ConsentAction = 'subscribe' | 'confirm' | 'unsubscribe' | 'preferences' | 'import';
/**
 * Where the change came from: the newsletter page, the footer form, the API, a mail client's one-click
 * unsubscribe; or, on the reader's behalf, staff in the admin or the CLI, and a mail provider's report.
 */
export type ConsentForm = 'page' | 'footer' | 'api' | 'email' | 'admin' | 'webhook' | 'cli';

/** The consent record: one row per change a reader asked for. */
export interface NewsletterConsentsTable {
  id: Generated<number>;
  subscriber_id: number;
  action: ConsentAction;
  form: ConsentForm;
  /** HMAC-SHA256 of the client address with the newsletter secret; null when no address was known. */
  ip_hash: string | null;
  at: string;
  /** JSON text: what was chosen (the language, for instance). */
  detail: Generated<string>;
  /** The issue whose unsubscribe link was followed, for that issue's figures. */
  issue_id: number | null;
}

/** `draft`: held, with no send time; `scheduled`: due at `send_at`; `sending` and `sent` are the delivery's. */
export type IssueStatus = 'draft' | 'scheduled' | 'sending' | 'sent';

/** One day's newsletter issue. */
export interface NewsletterIssuesTable {
  id: Generated<number>;
  /** YYYY-MM-DD in the site's time zone; unique. */
  day: string;
  status: IssueStatus;
  intro: Generated<string>;
  /** JSON array of article ids, in the order the issue shows them. */
  article_ids: Generated<string>;
  send_at: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

/** `pending`: due at `next_attempt_at`; `sending`: claimed by a delivery run; `sent` and `failed` are final. */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** One subscriber's copy of one issue. */
export interface NewsletterDeliveriesTable {
  issue_id: number;
  subscriber_id: number;
  status: DeliveryStatus;
  attempts: Generated<number>;
  next_attempt_at: string;
  /** When a run claimed the row; a `sending` row claimed long ago was left by a process that died. */
  claimed_at: string | null;
  last_error: string | null;
  sent_at: string | null;
}

export type SuppressionReason = 'bounce' | 'complaint' | 'manual';

/** An address never to be mailed again (lower-cased). */
export interface NewsletterSuppressionsTable {
  email: string;
  reason: SuppressionReason;
  at: string;
  /** What the mail server or provider said (a bounce's diagnostic), or a note by staff. */
  detail: string | null;
}

/** One translated fragment, keyed by provider, language pair and the SHA-256 of the source fragment. */
export interface TranslationMemoryTable {
  provider: string;
  source_lang: string;
  target_lang: string;
  source_hash: string;
  translated: string;
  created_at: string;
}

/**
 * `machine`: as a provider made it, refreshed when the original changes; `reviewed`: edited or approved by
 * staff, never overwritten by a machine; `stale`: reviewed, but the original has changed since.
 */
export type TranslationStatus = 'machine' | 'reviewed' | 'stale';

/** An article's translation into one language: its translatable parts (names and credits are never translated). */
export interface ArticleTranslationsTable {
  article_id: number;
  /** BCP 47 tag. */
  language: string;
  status: TranslationStatus;
  kicker: string;
  title: string;
  dek: string;
  image_alt: string;
  image_caption: string;
  /** Sanitised on the way in, like `articles.body_html`. */
  body_html: string;
  /** SHA-256 of the original's translatable parts this translation was made from. */
  source_hash: string;
  /** JSON of those parts, so an editor can see what changed in the original since. */
  source_snapshot: string;
  /** The provider's id; null when staff wrote the translation without one. */
  provider: string | null;
  translated_at: string | null;
  reviewed_by: number | null;
  reviewed_at: string | null;
  updated_at: string;
}

/** Why a translation was queued: a reader asked, the article was published or changed, a partner's piece arrived, or staff asked. */
export type TranslationJobReason = 'reader' | 'publish' | 'refresh' | 'partner' | 'staff';

/** An article waiting to be machine-translated into one language; deleted once translated. */
export interface TranslationJobsTable {
  id: Generated<number>;
  article_id: number;
  /** BCP 47 tag. */
  language: string;
  reason: TranslationJobReason;
  requested_at: string;
  run_after: string;
  /** While a runner holds the job; an expired lease may be taken over. */
  claimed_until: string | null;
  attempts: Generated<number>;
  /** The last failure's message (never the request, so never a key). */
  last_error: string | null;
  /** When the queue gave up on the job. */
  failed_at: string | null;
}

/** `machine`: made by a provider; `reviewed`: written or checked by staff, never overwritten by a machine. */
export type MessageTranslationStatus = 'machine' | 'reviewed';

/** One interface string (or boilerplate setting) of the public site in one language. */
export interface MessageTranslationsTable {
  /** BCP 47 tag. */
  language: string;
  /** A key of the English catalog, or `settings.*` for the boilerplate settings. */
  key: string;
  /** The text; for a plural message, JSON of its forms by plural category. */
  text: string;
  /** SHA-256 of the English (or the setting's value) it was made from: a different hash means outdated. */
  source_hash: string;
  status: MessageTranslationStatus;
  /** The provider's id; null when staff wrote it. */
  provider: string | null;
  updated_by: number | null;
  updated_at: string;
}

/** A member of the public with an account (signed in by emailed links; never a password). */
export interface ReadersTable {
  id: Generated<number>;
  email: string;
  display_name: Generated<string>;
  /** 0 or 1: mail me when someone replies to my comment. */
  reply_notifications: Generated<number>;
  banned_at: string | null;
  ban_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** A mailed sign-in link: single-use, short-lived, stored as the SHA-256 of its token. */
export interface ReaderSignInTokensTable {
  token_hash: string;
  email: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface ReaderSessionsTable {
  token_hash: string;
  reader_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export type MembershipTierKind = 'free' | 'supporter';

export interface MembershipTiersTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: Generated<string>;
  kind: MembershipTierKind;
  /** Minor units (cents); null on a free tier. */
  monthly_amount: number | null;
  yearly_amount: number | null;
  /** ISO 4217, upper case. */
  currency: string;
  stripe_monthly_price_id: string | null;
  stripe_yearly_price_id: string | null;
  active: Generated<number>;
  position: Generated<number>;
  created_at: string;
  updated_at: string;
}

export type MembershipStatus = 'active' | 'past_due' | 'canceled';
export type MembershipSource = 'free' | 'stripe' | 'staff';

/** A reader's one membership. */
export interface MembershipsTable {
  reader_id: number;
  tier_id: number;
  status: MembershipStatus;
  source: MembershipSource;
  interval: 'month' | 'year' | null;
  stripe_customer_id: string | null;
  stripe_subscription_id: string | null;
  current_period_end: string | null;
  /** The `created` (Unix seconds) of the last Stripe event applied. */
  stripe_event_created: number | null;
  granted_by: number | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

/** A Stripe webhook event already applied. */
export interface StripeEventsTable {
  id: string;
  type: string;
  received_at: string;
}

export type CommentStatus = 'pending' | 'approved' | 'rejected' | 'deleted';

/** A reader's comment on an article; a reply has a `parent_id` (one level deep). */
export interface CommentsTable {
  id: Generated<number>;
  article_id: number;
  /** Null once the author's account is deleted: the comment stays, anonymised. */
  reader_id: number | null;
  parent_id: number | null;
  body_markdown: string;
  /** Rendered and sanitised once, when written. */
  body_html: string;
  status: CommentStatus;
  /** The spam signal that held it for moderation, if one did. */
  held_reason: string | null;
  created_at: string;
  updated_at: string;
  moderated_by: number | null;
  moderated_at: string | null;
  /** Keyed SHA-256 of the client address, for flood limits; never the address. */
  ip_hash: string;
  report_count: Generated<number>;
  reply_notified_at: string | null;
}

/** One reader's report of one comment. */
export interface CommentReportsTable {
  comment_id: number;
  reader_id: number;
  reason: Generated<string>;
  created_at: string;
}
