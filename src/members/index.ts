/**
 * The members domain's public face: reader accounts and sessions, membership and what it lets a
 * reader read. Comments and gated articles build on these.
 */
export { createReaderAccounts, type Reader, type ReaderAccounts, type ReaderDataHolder } from './accounts.js';
export { checkReaderCsrf, hasReaderCookie, readerCsrfToken, registerReaderSessions } from './reader-sessions.js';
export { signInPath } from './account-routes.js';
export { canRead, createMemberships, membershipDataHolder, type AccessLevel, type Memberships, type Visibility } from './membership.js';
export { createMembershipTiers, type MembershipTier, type MembershipTiers } from './membership-tiers.js';
