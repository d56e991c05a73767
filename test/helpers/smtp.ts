import type { AddressInfo } from 'node:net';
import { after, before } from 'node:test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message as the test SMTP server received it. */
export interface ReceivedMail {
  /** Envelope recipients (RCPT TO), lower-cased: where the message was actually delivered. */
  to: string[];
  /** Envelope sender (MAIL FROM). */
  from: string;
  subject: string;
  text: string;
  parsed: ParsedMail;
  /** The message's bytes as they arrived, when the server was started with `keepRaw`. */
  raw?: Buffer;
}

/** Optional behaviour of the test SMTP server. */
export interface SmtpServerOptions {
  /** Keep each message's bytes as received (`ReceivedMail.raw`), e.g. to check a DKIM signature. */
  keepRaw?: boolean;
  /** The SMTP answer to refuse a recipient with (RCPT TO), e.g. 550 for a mailbox that does not exist; undefined accepts it. */
  refuseRecipient?: (address: string) => { code: number; message: string } | undefined;
  /** Called when a message's data begins; the server neither reads nor acknowledges it until the returned promise settles. */
  beforeAccept?: (recipients: string[]) => Promise<void> | void;
}

export interface TestSmtpServer {
  /** smtp://127.0.0.1:PORT, for SMTP_URL. Known once the server listens (in a before() hook). */
  url: string;
  /** Every message received so far, in order of arrival. */
  readonly received: readonly ReceivedMail[];
  /** How many client connections the server has accepted so far. */
  readonly connections: number;
  /**
   * The earliest message not yet handed to a test, to `address` when given: one already received,
   * or else the next to arrive. Each message is handed out once.
   */
  nextMessage(address?: string, failAfterMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

interface Waiter {
  accepts(mail: ReceivedMail): boolean;
  resolve(mail: ReceivedMail): void;
}

/**
 * A real SMTP server on a free loopback port: no TLS, no authentication required. Each message is
 * parsed with mailparser before the server acknowledges it, so by the time the sender's `sendMail`
 * resolves, the message is already waiting for the test.
 */
export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const unclaimed: ReceivedMail[] = [];
  const waiters: Waiter[] = [];
  let connections = 0;

  function deliver(mail: ReceivedMail) {
    received.push(mail);
    const index = waiters.findIndex((w) => w.accepts(mail));
    if (index === -1) unclaimed.push(mail);
    else waiters.splice(index, 1)[0]!.resolve(mail);
  }

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onRcptTo(address, _session, callback) {
      const refusal = options.refuseRecipient?.(address.address);
      if (!refusal) return callback();
      callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      if (options.keepRaw) stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      Promise.resolve(options.beforeAccept?.(session.envelope.rcptTo.map((r) => r.address.toLowerCase())))
        .then(() => simpleParser(stream))
        .then(
          (parsed) => {
            deliver({
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              parsed,
              ...(options.keepRaw ? { raw: Buffer.concat(chunks) } : {}),
            });
            callback();
          },
          (error: Error) => callback(error),
        );
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    get connections() {
      return connections;
    },
    nextMessage(address, failAfterMs = 10_000) {
      const wanted = address?.toLowerCase();
      const accepts = (mail: ReceivedMail) => wanted === undefined || mail.to.includes(wanted);
      const index = unclaimed.findIndex(accepts);
      if (index !== -1) return Promise.resolve(unclaimed.splice(index, 1)[0]!);
      return new Promise<ReceivedMail>((resolve, reject) => {
        // A safety net so a missing message fails the test instead of hanging the run; never a wait.
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no message${wanted ? ` to ${wanted}` : ''} arrived`));
        }, failAfterMs);
        timer.unref();
        const waiter: Waiter = {
          accepts,
          resolve(mail) {
            clearTimeout(timer);
            resolve(mail);
          },
        };
        waiters.push(waiter);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Starts a test SMTP server for the suite in which it is called and stops it after. Call it before
 * `useTestApp(dialect, { smtpUrl: () => smtp.url })` so the server listens by the time the app starts.
 */
export function useSmtpServer(options: SmtpServerOptions = {}): TestSmtpServer {
  let server: TestSmtpServer | undefined;
  const running = () => {
    if (!server) throw new Error('the test SMTP server is not running (use it inside a test or hook)');
    return server;
  };
  before(async () => {
    server = await startSmtpServer(options);
  });
  after(async () => {
    await server?.close();
  });
  return {
    get url() {
      return running().url;
    },
    get received() {
      return running().received;
    },
    get connections() {
      return running().connections;
    },
    nextMessage: (address, failAfterMs) => running().nextMessage(address, failAfterMs),
    close: () => running().close(),
  };
}
