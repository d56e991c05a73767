import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { DEFAULT_LANGUAGES, languageByCode } from '../translation/languages.js';
import { surrogateKeys, type PurgeListener } from './surrogate-keys.js';

const httpUrl = z.url({ protocol: /^https?$/, error: 'Must be an absolute http(s) URL' }).max(2000);

/** Every site-wide setting a page shows. Each is data an editor can change, never template text. */
export const siteSettingsSchema = z.object({
  siteName: z.string().trim().min(1).max(120),
  tagline: z.string().trim().max(300),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'A BCP 47 language tag such as en or pt-BR'),
  timeZone: z.string().refine(isTimeZone, 'An IANA time zone such as Europe/London'),
  noteToReaders: z.string().max(5000),
  republishingPolicy: z.string().max(5000),
  disclaimer: z.string().max(5000),
  fairUseNotice: z.string().max(5000),
  mediaInquiriesEmail: z.email().max(320),
  copyrightHolder: z.string().trim().min(1).max(200),
  socialLinks: z
    .array(z.object({ network: z.string().regex(/^[a-z0-9-]{1,30}$/), label: z.string().trim().min(1).max(60), url: httpUrl }))
    .max(20),
  /** Whether feeds carry each article's full text, or only its summary (the dek) and a link. */
  feedFullText: z.boolean(),
  /** When the day's newsletter goes out, as HH:MM in the site's time zone. */
  newsletterSendTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time of day as HH:MM, such as 07:00'),
  /** Languages every published article is machine-translated into without a reader asking first. */
  translationPriorityLanguages: z
    .array(
      z
        .string()
        .trim()
        .refine((tag) => languageByCode(tag) !== undefined, {
          error: (issue) => `"${String(issue.input)}" is not one of the site's languages (${DEFAULT_LANGUAGES.map((l) => l.code).join(', ')})`,
        })
        .transform((tag) => languageByCode(tag)!.code),
    )
    .max(DEFAULT_LANGUAGES.length, `At most ${DEFAULT_LANGUAGES.length} languages`)
    .transform((tags) => [...new Set(tags)]),
  /** `pre`: readers' comments wait for a moderator; `post`: they show at once and moderators remove what breaks the rules. */
  commentModeration: z.enum(['pre', 'post'], 'Either pre or post'),
});

export type SiteSettings = z.infer<typeof siteSettingsSchema>;

export const defaultSettings: SiteSettings = {
  siteName: 'Broadsheet',
  tagline: '',
  language: 'en',
  timeZone: 'UTC',
  noteToReaders: '',
  republishingPolicy: '',
  disclaimer: '',
  fairUseNotice: '',
  mediaInquiriesEmail: 'press@example.com',
  copyrightHolder: 'Broadsheet',
  socialLinks: [],
  feedFullText: true,
  newsletterSendTime: '07:00',
  translationPriorityLanguages: [],
  commentModeration: 'pre',
};

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const SITE_KEY = 'site';

/**
 * Site settings, kept in memory after the first read: every page shows them, and they change rarely.
 * A change purges every cached page.
 */
export function createSettingsStore(deps: { db: Kysely<Database>; clock: Clock; onPurge: PurgeListener }) {
  let cached: SiteSettings | undefined;

  async function get(): Promise<SiteSettings> {
    if (cached) return cached;
    const row = await deps.db.selectFrom('settings').select('value').where('key', '=', SITE_KEY).executeTakeFirst();
    const stored = row ? siteSettingsSchema.partial().safeParse(JSON.parse(row.value)) : undefined;
    cached = { ...defaultSettings, ...(stored?.success ? stored.data : {}) };
    return cached;
  }

  /** Applies a partial change after validating the whole result; nothing is stored if any field is bad. */
  async function update(change: unknown): Promise<SiteSettings> {
    const parsed = siteSettingsSchema.partial().strict().safeParse(change);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AppError('invalid_setting', issue.message, 400, issue.path.join('.') || undefined);
    }
    const next = { ...(await get()), ...parsed.data };
    const value = JSON.stringify(next);
    const updated_at = deps.clock.now().toISOString();
    await deps.db
      .insertInto('settings')
      .values({ key: SITE_KEY, value, updated_at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at }))
      .execute();
    cached = next;
    deps.onPurge([surrogateKeys.all]);
    return next;
  }

  /** Whether this database has ever been set up (the demo newsroom is only seeded into a fresh one). */
  async function isFresh(): Promise<boolean> {
    const row = await deps.db.selectFrom('settings').select('key').where('key', '=', SITE_KEY).executeTakeFirst();
    return !row;
  }

  return { get, update, isFresh };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
