import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { createTokenSigner } from '../../src/newsletter/tokens.js';
import { fixedClock } from '../helpers/test-app.js';

const secret = randomBytes(32);
const signerWith = (key: Buffer, clock = fixedClock()) => createTokenSigner({ key: async () => key, clock });

describe('newsletter link tokens', () => {
  it('name the subscriber they were made for, for their purpose', async () => {
    const signer = signerWith(secret);
    const token = await signer.issue('unsubscribe', 42);
    assert.deepEqual(await signer.check(token, 'unsubscribe'), { ok: true, subscriberId: 42 });
  });

  it('are refused for any other purpose', async () => {
    const signer = signerWith(secret);
    const token = await signer.issue('preferences', 42);
    assert.deepEqual(await signer.check(token, 'unsubscribe'), { ok: false, reason: 'invalid' });
    // Relabelling the purpose breaks the signature too.
    assert.deepEqual(await signer.check(`u${token.slice(1)}`, 'unsubscribe'), { ok: false, reason: 'invalid' });
  });

  it('are refused when the subscriber id, the expiry or the signature was changed', async () => {
    const signer = signerWith(secret);
    const token = await signer.issue('confirm', 42, 3600);
    const [purpose, id, expires, signature] = token.split('.') as [string, string, string, string];
    const flipped = signature.at(-1) === 'A' ? 'B' : 'A';
    for (const forged of [
      [purpose, '43', expires, signature],
      [purpose, id, String(Number(expires) + 86_400), signature],
      [purpose, id, '0', signature],
      [purpose, id, expires, signature.slice(0, -1) + flipped],
    ]) {
      assert.deepEqual(await signer.check(forged.join('.'), 'confirm'), { ok: false, reason: 'invalid' }, forged.join('.'));
    }
  });

  it('made with another secret are refused', async () => {
    const token = await signerWith(randomBytes(32)).issue('unsubscribe', 42);
    assert.deepEqual(await signerWith(secret).check(token, 'unsubscribe'), { ok: false, reason: 'invalid' });
  });

  it('expire when given a lifetime, and only then', async () => {
    const clock = fixedClock('2026-11-20T12:00:00.000Z');
    const signer = signerWith(secret, clock);
    const confirm = await signer.issue('confirm', 7, 2 * 86_400);
    const lasting = await signer.issue('unsubscribe', 7);
    clock.set('2026-11-22T11:59:00.000Z');
    assert.equal((await signer.check(confirm, 'confirm')).ok, true);
    clock.set('2026-11-22T12:01:00.000Z');
    assert.deepEqual(await signer.check(confirm, 'confirm'), { ok: false, reason: 'expired' });
    clock.set('2036-11-22T12:00:00.000Z');
    assert.deepEqual(await signer.check(lasting, 'unsubscribe'), { ok: true, subscriberId: 7 });
  });

  it('refuse malformed input without throwing', async () => {
    const signer = signerWith(secret);
    for (const junk of ['', 'u', 'u.1.0', 'u.1.0.short', 'u.01.0.' + 'A'.repeat(43), `u.1.0.${'A'.repeat(44)}`, 'u.-1.0.' + 'A'.repeat(43), '../../etc/passwd']) {
      assert.deepEqual(await signer.check(junk, 'unsubscribe'), { ok: false, reason: 'invalid' }, junk);
    }
  });
});
