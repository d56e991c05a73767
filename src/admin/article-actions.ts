import type { ContentService } from '../content/index.js';
import { srcset, type MediaService } from '../media/index.js';
import { notFound } from '../errors.js';
import { deleteGuard, reviewGuard, saveGuard } from './article-access.js';
import type { AuditLog } from './audit-log.js';
import type { StaffUser } from './staff-service.js';

/**
 * What a staff member can do to an article, whichever door they come in by (the form, the JSON
 * API, autosave): each action is checked against their role, saved, audited, and wakes the scheduler.
 */
export function createArticleActions(deps: { content: ContentService; audit: AuditLog; media: MediaService; onScheduleChange: () => void }) {
  const { content, audit } = deps;

  /** A featured image from the media library brings its responsive variants along. */
  async function withSrcset(input: unknown): Promise<unknown> {
    const image = (input as { image?: unknown } | null)?.image;
    if (typeof image !== 'object' || image === null || typeof (image as { url?: unknown }).url !== 'string') return input;
    const item = await deps.media.byUrl((image as { url: string }).url);
    const { srcset: _given, ...rest } = image as Record<string, unknown>;
    const variants = item ? srcset(item.variants) : '';
    return { ...(input as object), image: variants ? { ...rest, srcset: variants } : rest };
  }

  return {
    async save(user: StaffUser, id: number | null, rawInput: unknown, opts: { audit?: boolean } = {}) {
      const input = await withSrcset(rawInput);
      const options = { actorId: user.id, guard: saveGuard(user) };
      const saved = id === null ? await content.editor.create(input, options) : await content.editor.update(id, input, options);
      if (opts.audit !== false) await audit.record(user.id, id === null ? 'article.create' : 'article.update', saved.slug, { id: saved.id });
      deps.onScheduleChange();
      return saved;
    },
    async restore(user: StaffUser, id: number, revision: number) {
      const current = await content.editorial.editable(id);
      if (!current) throw notFound('article');
      const chosen = (await content.editorial.revisions(id)).find((r) => r.id === revision);
      if (!chosen) throw notFound('revision');
      // A revision brings back what the article said. Whether and when it is published stays as it is
      // now: restoring a version saved as a draft (or as scheduled) must not take a live article off the site.
      const input = { ...chosen.snapshot, status: current.status, publishedAt: current.snapshot.publishedAt };
      const saved = await content.editor.update(id, input, { actorId: user.id, guard: saveGuard(user) });
      await audit.record(user.id, 'article.restore', saved.slug, { id, revision });
      deps.onScheduleChange();
      return saved;
    },
    async remove(user: StaffUser, id: number) {
      await content.editor.remove(id, { guard: deleteGuard(user) });
      await audit.record(user.id, 'article.delete', String(id));
    },
    async requestReview(user: StaffUser, id: number) {
      await content.editor.requestReview(id, { guard: reviewGuard(user) });
      await audit.record(user.id, 'article.review-requested', String(id));
    },
  };
}

export type ArticleActions = ReturnType<typeof createArticleActions>;
