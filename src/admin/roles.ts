import type { StaffRole } from '../db/schema.js';

/**
 * Who may do what. Contributors write drafts; authors also publish their own articles; editors do
 * everything editorial; owners also manage staff and settings. Every route asks here, on the server.
 */
export type Action =
  | 'article.create'
  | 'article.edit-own-draft'
  | 'article.publish-own'
  | 'article.edit-any'
  | 'article.delete-any'
  | 'directory.edit'
  | 'syndication.manage'
  | 'syndication.review'
  | 'media.upload'
  | 'media.edit-any'
  | 'newsletter.manage'
  | 'members.manage'
  | 'comments.moderate'
  | 'settings.edit'
  | 'staff.manage'
  | 'audit.read';

const grants: Record<StaffRole, Action[]> = {
  contributor: ['article.create', 'article.edit-own-draft', 'media.upload'],
  author: ['article.create', 'article.edit-own-draft', 'article.publish-own', 'media.upload'],
  editor: [
    'article.create', 'article.edit-own-draft', 'article.publish-own', 'article.edit-any', 'article.delete-any',
    'directory.edit', 'syndication.manage', 'syndication.review', 'media.upload', 'media.edit-any', 'audit.read',
    'newsletter.manage', 'members.manage', 'comments.moderate',
  ],
  owner: [
    'article.create', 'article.edit-own-draft', 'article.publish-own', 'article.edit-any', 'article.delete-any',
    'directory.edit', 'syndication.manage', 'syndication.review', 'media.upload', 'media.edit-any', 'audit.read',
    'newsletter.manage', 'members.manage', 'comments.moderate', 'settings.edit', 'staff.manage',
  ],
};

export const ROLES: StaffRole[] = ['owner', 'editor', 'author', 'contributor'];

export const can = (role: StaffRole, action: Action) => grants[role].includes(action);

export interface ArticleAccess {
  createdBy: number | null;
  status: 'draft' | 'scheduled' | 'published';
}

/** Whether a staff member may save this article, given its state before and the status asked for. */
export function canSaveArticle(user: { id: number; role: StaffRole }, before: ArticleAccess | null, wantedStatus: ArticleAccess['status']): boolean {
  if (can(user.role, 'article.edit-any')) return true;
  const own = before === null || before.createdBy === user.id;
  if (!own) return false;
  if (can(user.role, 'article.publish-own')) return true;
  // A contributor only ever touches drafts: never one that is live or queued to go live.
  return wantedStatus === 'draft' && (before === null || before.status === 'draft');
}

/** Whether a staff member may delete this article. Authors and contributors may drop their own unpublished drafts. */
export function canDeleteArticle(user: { id: number; role: StaffRole }, article: ArticleAccess): boolean {
  if (can(user.role, 'article.delete-any')) return true;
  return article.createdBy === user.id && article.status === 'draft';
}
