import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.js';

const key = 'sk_test_51SecretValue0123456789';
const secret = 'whsec_SecretValue0123456789';

test('the Stripe keys are read from the environment', () => {
  const config = loadConfig({ STRIPE_SECRET_KEY: key, STRIPE_WEBHOOK_SECRET: secret, STRIPE_API_URL: 'http://127.0.0.1:12111' });
  assert.deepEqual(config.stripe, { secretKey: key, webhookSecret: secret, apiUrl: 'http://127.0.0.1:12111' });
  assert.equal(loadConfig({}).stripe, undefined, 'payments are off without a key');
});

test('a bad Stripe setting names the variable and never echoes a secret', () => {
  for (const env of [{ STRIPE_SECRET_KEY: 'pk_live_notasecretkey' }, { STRIPE_SECRET_KEY: key, STRIPE_WEBHOOK_SECRET: 'nope-SecretValue' }, { STRIPE_WEBHOOK_SECRET: secret }]) {
    assert.throws(
      () => loadConfig(env),
      (error: Error) => error instanceof ConfigError && /STRIPE_/.test(error.message) && !error.message.includes('SecretValue') && !error.message.includes('notasecretkey'),
    );
  }
});
