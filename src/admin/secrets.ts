import { createHash, randomBytes } from 'node:crypto';

/** A fresh unguessable token: 256 bits, URL-safe. */
export const newToken = (prefix = '') => prefix + randomBytes(32).toString('base64url');

/** What we store instead of a token: the database alone never yields a usable credential. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
