import type { ArticleStatus } from '../db/schema.js';
import type { StaffUser } from './staff-service.js';
import { forbidden } from './auth.js';
import { canDeleteArticle, canSaveArticle } from './roles.js';

/** The content writer's guard for a staff member's save: refuses with a 403 what their role may not do. */
export const saveGuard = (user: StaffUser) => (before: { createdBy: number | null; status: ArticleStatus } | null, wanted: ArticleStatus) => {
  if (!canSaveArticle(user, before, wanted)) throw forbidden();
};

/** The guard for deleting (and for actions on an existing article that need the same right, such as review requests). */
export const deleteGuard = (user: StaffUser) => (before: { createdBy: number | null; status: ArticleStatus } | null) => {
  if (!before || !canDeleteArticle(user, before)) throw forbidden();
};

/** The guard for submitting for review: one's own draft, or any for an editor. */
export const reviewGuard = (user: StaffUser) => (before: { createdBy: number | null; status: ArticleStatus } | null) => {
  if (!before || !canSaveArticle(user, before, 'draft')) throw forbidden();
};
