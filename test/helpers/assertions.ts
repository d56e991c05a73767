import assert from 'node:assert/strict';
import { AppError } from '../../src/errors.js';

/** A validator for assert.rejects: an AppError with this code and status, and this field when given. */
export const appError = (code: string, status: number, field?: string) => (error: unknown) => {
  assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
  assert.equal(error.code, code, error.message);
  assert.equal(error.status, status, error.message);
  if (field !== undefined) assert.equal(error.field, field, error.message);
  return true;
};
