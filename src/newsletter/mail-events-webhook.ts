import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { createRateLimiter } from '../http/rate-limit.js';
import { parseInput } from '../parse-input.js';
import { emailAddress } from './inputs.js';
import { suppressionDetail, type SuppressionEntry, type SuppressionList } from './suppressions.js';
import { checkSignature } from './webhook-signature.js';

const MAIL_EVENTS_PATH = '/newsletter/webhooks/mail-events';
const MAX_EVENTS = 500;
/** Ample for 500 events with ordinary diagnostics; anything larger is refused without being read whole. */
const MAX_BODY_BYTES = 512 * 1024;
/** A provider posts in batches; this only stops a flood from one address. */
const RATE_LIMIT = { limit: 120, windowMs: 60_000 };

const eventTime = z.iso.datetime({ offset: true, error: 'A time in ISO 8601, such as 2026-11-20T07:00:00Z' });

const mailEvent = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('bounce'), email: emailAddress, bounce: z.enum(['hard', 'soft'], { error: 'bounce is "hard" or "soft"' }), detail: suppressionDetail.optional(), at: eventTime }),
    z.strictObject({ type: z.literal('complaint'), email: emailAddress, at: eventTime }),
  ],
  { error: 'An event is an object whose type is "bounce" or "complaint"' },
);

const mailEvents = z.strictObject({
  events: z
    .array(mailEvent, { error: 'events is a list' })
    .min(1, 'Send at least one event')
    .max(MAX_EVENTS, `Send at most ${MAX_EVENTS} events at a time`),
});

/** What the provider is told a delivery did. */
interface MailEventsReport {
  events: number;
  suppressed: number;
  alreadySuppressed: number;
  unsubscribed: number;
  /** Soft bounces: the address may work tomorrow, so it stays on the list of recipients. */
  ignored: number;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new AppError('invalid_json', 'The body is not valid JSON', 400);
  }
}

/**
 * `POST /newsletter/webhooks/mail-events`: the mail provider reports hard bounces and complaints,
 * signed with the shared secret over the raw body. A batch is validated whole and applied in one
 * transaction, so a bad event anywhere changes nothing. Registered only when the secret is set.
 */
export function registerMailEventsWebhook(app: FastifyInstance, deps: { suppressions: SuppressionList; secret: string; clock: Clock }) {
  const limiter = createRateLimiter({ ...RATE_LIMIT, now: () => deps.clock.now().getTime() });

  // Its own scope: the signature covers the bytes as sent, so this route alone takes JSON unparsed.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    scope.post(
      MAIL_EVENTS_PATH,
      {
        bodyLimit: MAX_BODY_BYTES,
        config: { jsonErrors: true },
        // Before the body is read: a flood is turned away without buffering it.
        onRequest: async (request) => {
          if (!limiter.attempt(request.ip)) throw new AppError('rate_limited', 'Too many deliveries from this address. Wait a minute and try again', 429);
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        // An empty body never reaches the parser.
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const signature = checkSignature({ secret: deps.secret, header: request.headers['broadsheet-signature'], body, now: deps.clock.now() });
        if (!signature.ok) throw new AppError('bad_signature', signature.message, 401);

        const { events } = parseInput(mailEvents, parseJson(body));
        const entries = events.flatMap((e): SuppressionEntry[] =>
          e.type === 'complaint'
            ? [{ email: e.email, reason: 'complaint', at: e.at }]
            : e.bounce === 'hard'
              ? [{ email: e.email, reason: 'bounce', at: e.at, ...(e.detail ? { detail: e.detail } : {}) }]
              : [],
        );
        const tally = await deps.suppressions.addMany(entries, 'webhook');
        const report: MailEventsReport = {
          events: events.length,
          suppressed: tally.added,
          alreadySuppressed: tally.madeComplaint + tally.unchanged,
          unsubscribed: tally.unsubscribed,
          ignored: events.length - entries.length,
        };
        request.log.info(report, 'mail events applied');
        return report;
      },
    );
  });
}
