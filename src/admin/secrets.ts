import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../sha256-hex.js';

/** A fresh unguessable token: 256 bits, URL-safe. */
export const newToken = (prefix = '') => prefix + randomBytes(32).toString('base64url');

/** What we store instead of a token: the database alone never yields a usable credential. */
export const tokenHash = sha256Hex;
