import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a signature's timestamp may be from our clock: older deliveries are refused as replays. */
const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; message: string };

const HEADER = /^t=(\d{1,15}),v1=([0-9a-fA-F]{64})$/;

/**
 * Checks a `Broadsheet-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` header
 * against the shared secret. The comparison takes the same time however many bytes match, and the
 * messages name what is wrong without revealing anything about the secret.
 */
export function checkSignature(opts: { secret: string; header: string | string[] | undefined; body: Buffer; now: Date }): SignatureCheck {
  if (opts.header === undefined || opts.header === '') return { ok: false, message: 'The Broadsheet-Signature header is missing' };
  const match = typeof opts.header === 'string' ? HEADER.exec(opts.header.trim()) : null;
  if (!match) return { ok: false, message: 'The Broadsheet-Signature header must read t=<unix seconds>,v1=<64 hex digits>' };
  const [, timestamp, given] = match as unknown as [string, string, string];
  if (Math.abs(opts.now.getTime() / 1000 - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) {
    return { ok: false, message: 'The signature is more than 5 minutes from our clock: sign each delivery when it is sent' };
  }
  const expected = createHmac('sha256', opts.secret).update(`${timestamp}.`).update(opts.body).digest();
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) return { ok: false, message: 'The signature does not match the body' };
  return { ok: true };
}
