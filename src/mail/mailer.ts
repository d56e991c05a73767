import type { Transporter } from 'nodemailer';
import type { DkimConfig } from '../config.js';
import { noDelaySocket, smtpEndpoint } from './smtp-connection.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The HTML alternative; with it the message goes out as multipart/alternative. */
  html?: string;
  /** Extra headers, such as List-Unsubscribe and List-Unsubscribe-Post. */
  headers?: Record<string, string>;
  /** Overrides the configured sender. */
  from?: string;
}

/** What the SMTP server said when it took a message. */
export interface SentMail {
  messageId: string;
  /** The server's answer to the message data, e.g. "250 OK: queued as 12345". */
  response: string;
}

/**
 * A message the SMTP server (or the way to it) refused. `permanent` is true when the server answered
 * the message or its recipient with a 5xx code: sending it again will not help. Anything else (a 4xx
 * answer, a lost connection, a failed login) may pass on a later try.
 */
export class MailError extends Error {
  override name = 'MailError';
  constructor(
    message: string,
    readonly permanent: boolean,
    /** The SMTP reply code, when the server gave one. */
    readonly responseCode: number | undefined,
  ) {
    super(message);
  }
}

/** Sends mail. Every domain that mails (password resets, the newsletter, sign-in links) takes one. */
export interface Mailer {
  send(message: MailMessage): Promise<SentMail>;
  /** How many messages it can have on the wire at once (its pooled connections). */
  readonly concurrency: number;
  /** Closes pooled SMTP connections; a later `send` opens new ones. */
  close(): Promise<void>;
}

interface LogLike {
  info(obj: object, msg: string): void;
}

export interface MailerOptions {
  smtpUrl: string | undefined;
  from: string;
  log: LogLike;
  /** Pooled SMTP connections at most (default 3). */
  maxConnections?: number;
  /** Messages per second at most, across the pool (default 20). */
  messagesPerSecond?: number;
  /** Signs every message when given. */
  dkim?: DkimConfig;
}

// Pooled connections are closed after this long without a message, so an idle newsroom holds no
// sockets open to its relay (and a shutdown does not wait on them), while a delivery run reuses them.
const IDLE_CLOSE_MS = 1000;
const CONNECT_TIMEOUT_MS = 30_000;

/**
 * SMTP through a pooled nodemailer transport when `SMTP_URL` is set. Without it (a laptop, a first
 * start) messages are written to the log instead, so a newcomer can still follow a reset link; never
 * do that in production.
 */
export function createMailer(deps: MailerOptions): Mailer {
  if (!deps.smtpUrl) {
    return {
      concurrency: 1,
      async send({ html: _html, ...message }) {
        // The HTML part is left out: the text part carries the same links, and a newsletter's HTML floods the log.
        deps.log.info({ mail: message }, 'SMTP_URL is not set: this message was logged, not sent');
        return { messageId: '', response: 'logged, not sent (SMTP_URL is not set)' };
      },
      async close() {},
    };
  }
  const options = {
    ...smtpEndpoint(deps.smtpUrl),
    getSocket: noDelaySocket(CONNECT_TIMEOUT_MS),
    pool: true,
    maxConnections: deps.maxConnections ?? 3,
    rateDelta: 1000,
    rateLimit: deps.messagesPerSecond ?? 20,
    // Bounded waits (nodemailer's socket default is ten minutes), so a stalled relay fails a copy
    // into a retry rather than holding a newsletter batch.
    connectionTimeout: CONNECT_TIMEOUT_MS,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    ...(deps.dkim ? { dkim: { domainName: deps.dkim.domain, keySelector: deps.dkim.selector, privateKey: deps.dkim.privateKey } } : {}),
  };
  // nodemailer loads with the first message, not at every start.
  let transport: Promise<Transporter> | undefined;
  let inFlight = 0;
  let idleTimer: NodeJS.Timeout | undefined;

  async function closeTransport() {
    clearTimeout(idleTimer);
    const closing = transport;
    transport = undefined;
    if (closing) (await closing).close();
  }

  return {
    concurrency: options.maxConnections,
    async send(message) {
      clearTimeout(idleTimer);
      inFlight++;
      try {
        transport ??= import('nodemailer').then((m) => m.default.createTransport(options));
        // Named, or nodemailer scans both bodies of every message with regular expressions to choose
        // (a third of a newsletter send's time). Quoted-printable keeps mostly-ASCII text readable.
        const info = await (await transport).sendMail({ from: deps.from, textEncoding: 'quoted-printable', ...message });
        return { messageId: String(info.messageId ?? ''), response: String(info.response ?? '') };
      } catch (error) {
        throw toMailError(error);
      } finally {
        if (--inFlight === 0) {
          idleTimer = setTimeout(() => void closeTransport(), IDLE_CLOSE_MS);
          idleTimer.unref();
        }
      }
    },
    close: closeTransport,
  };
}

/** nodemailer's error codes for a refusal of this message or its recipients, as against the connection or login. */
const MESSAGE_REFUSALS = new Set(['EENVELOPE', 'EMESSAGE']);

function toMailError(error: unknown): MailError {
  const e = error as { message?: string; code?: string; responseCode?: number };
  const code = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  // A 5xx to our login or greeting is our misconfiguration, not the subscriber's address: retry after a fix.
  const permanent = code !== undefined && code >= 500 && code < 600 && MESSAGE_REFUSALS.has(e.code ?? '');
  return new MailError(e.message ?? String(error), permanent, code);
}
