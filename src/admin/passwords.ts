import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

// argon2id with the OWASP-recommended memory cost (19 MiB, 2 passes, 1 lane).
const ARGON2ID = 2;
const options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** A password a newsroom can live with: long rather than clever; no composition rules. */
export const passwordSchema = z
  .string()
  .min(12, 'A password needs at least 12 characters')
  .max(256, 'A password is at most 256 characters');

export const hashPassword = (password: string) => hash(password, options);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Verifying against this when the account does not exist keeps the answer's timing the same.
let decoy: Promise<string> | undefined;
export const decoyHash = () => (decoy ??= hashPassword('decoy password that never matches'));
