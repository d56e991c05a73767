import { createHash } from 'node:crypto';

/** The SHA-256 of a text, as 64 hex characters: the one digest behind token hashes, item identities and dedupe keys. */
export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');
