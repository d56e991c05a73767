import { tokenHash } from '../../src/admin/secrets.js';
import type { StaffRole } from '../../src/db/schema.js';
import { makeArticle, makeAuthor } from '../helpers/factories.js';
import type { RunningApp } from '../helpers/test-app.js';

let readerCount = 0;

export interface TestReader {
  id: number;
  email: string;
  cookie: string;
  csrf: string;
}

/**
 * A signed-in reader made straight in the database: an account, a session, and a membership at the
 * level asked for (`none`: no membership at all).
 */
export async function makeReader(t: RunningApp, opts: { level?: 'none' | 'member' | 'supporter'; displayName?: string; replyNotifications?: boolean } = {}): Promise<TestReader> {
  const db = t.app.database.db;
  const at = t.clock.now().toISOString();
  const n = ++readerCount;
  const email = `reader-${n}@readers.test`;
  const reader = await db
    .insertInto('readers')
    .values({ email, display_name: opts.displayName ?? `Reader ${n}`, reply_notifications: opts.replyNotifications ? 1 : 0, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const level = opts.level ?? 'member';
  if (level !== 'none') {
    const kind = level === 'member' ? 'free' : 'supporter';
    let tier = await db.selectFrom('membership_tiers').select('id').where('slug', '=', kind).executeTakeFirst();
    tier ??= await db
      .insertInto('membership_tiers')
      .values({ slug: kind, name: kind, kind, currency: 'EUR', monthly_amount: kind === 'free' ? null : 500, yearly_amount: null, stripe_monthly_price_id: null, stripe_yearly_price_id: null, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('memberships')
      .values({ reader_id: reader.id, tier_id: tier.id, status: 'active', source: kind === 'free' ? 'free' : 'staff', created_at: at, updated_at: at })
      .execute();
  }
  const token = `reader-session-${n}-${Math.random().toString(36).slice(2)}`;
  const csrf = `reader-csrf-${n}`;
  await db
    .insertInto('reader_sessions')
    .values({ token_hash: tokenHash(token), reader_id: reader.id, csrf_token: csrf, created_at: at, expires_at: '2099-01-01T00:00:00.000Z' })
    .execute();
  return { id: reader.id, email, cookie: `bs_reader=${token}`, csrf };
}

/** A staff member of the role with a session: their cookie and the CSRF token of their forms. */
export async function makeStaff(t: RunningApp, role: StaffRole): Promise<{ id: number; cookie: string; csrf: string }> {
  const user = await t.app.staff.create({ email: `${role}-${++readerCount}@news.test`, name: `${role} person`, role });
  const s = await t.app.staff.startSession(user.id);
  return { id: user.id, cookie: `bs_session=${s.token}`, csrf: s.csrfToken };
}

/** A published article open to comments unless told otherwise. */
export async function makeCommentedArticle(t: RunningApp, over: { commentsEnabled?: boolean; visibility?: 'public' | 'members' | 'paid' } = {}) {
  const author = await makeAuthor(t.app.content);
  return makeArticle(t.app.content, { authors: [author.slug], ...over });
}

/** A form post, with the cookie and fields given; the Origin header only when asked for. */
export function postForm(t: RunningApp, path: string, fields: Record<string, string>, opts: { cookie?: string; origin?: string } = {}) {
  return fetch(t.baseUrl + path, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
      ...(opts.origin ? { origin: opts.origin } : {}),
    },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });
}

/** Posts a comment as a reader, with their CSRF token. */
export const postComment = (t: RunningApp, reader: TestReader, slug: string, body: string, extra: Record<string, string> = {}) =>
  postForm(t, `/articles/${slug}/comments`, { body, _csrf: reader.csrf, ...extra }, { cookie: reader.cookie });

/** The comments stored for an article, oldest first. */
export const storedComments = (t: RunningApp, articleId: number) =>
  t.app.database.db.selectFrom('comments').selectAll().where('article_id', '=', articleId).orderBy('id').execute();

export const setModeration = (t: RunningApp, mode: 'pre' | 'post') => t.app.content.settings.update({ commentModeration: mode });

let hours = 0;
/** Moves the app's clock two hours on, past every flood window, so each test starts with clean limits. */
export const freshWindow = (t: RunningApp) => t.clock.set(new Date(Date.parse('2026-11-20T12:00:00.000Z') + ++hours * 2 * 3_600_000).toISOString());
