import assert from 'node:assert/strict';
import { TranslationError } from '../../src/translation/provider.js';

/** The TranslationError a provider call fails with; fails the test when it succeeds or throws anything else. */
export async function rejection(promise: Promise<unknown>): Promise<TranslationError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof TranslationError, `expected a TranslationError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}
