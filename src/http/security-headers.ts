import type { FastifyInstance } from 'fastify';

/**
 * Everything is served from our own origin, so the policy can be strict: no inline script, no
 * third-party anything but the configured video players, no framing by others.
 */
const policy = (embedHosts: readonly string[]) =>
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self'; " +
  `frame-src 'self'${embedHosts.map((h) => ` https://${h}`).join('')}; ` +
  "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'; upgrade-insecure-requests";

const fixedHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'SAMEORIGIN',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

/** Sets the security headers on every response, before any route runs, so cached copies carry them too. */
export function registerSecurityHeaders(app: FastifyInstance, embedHosts: readonly string[]) {
  const headers = { ...fixedHeaders, 'content-security-policy': policy(embedHosts) };
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(headers);
  });
}
