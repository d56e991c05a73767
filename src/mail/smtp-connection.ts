import net from 'node:net';

/** Where and how to reach the relay, as nodemailer's transport options take it. */
export interface SmtpEndpoint {
  host: string;
  port: number;
  /** TLS from the first byte (smtps://); smtp:// upgrades with STARTTLS when the relay offers it. */
  secure: boolean;
  auth?: { user: string; pass: string };
}

/**
 * Reads SMTP_URL (smtp[s]://[user:password@]host[:port]). Parsed here rather than handed to nodemailer
 * as a string: given a URL, nodemailer ignores every other transport option, pooling and rate included.
 */
export function smtpEndpoint(url: string): SmtpEndpoint {
  const u = new URL(url);
  const secure = u.protocol === 'smtps:';
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  const endpoint: SmtpEndpoint = { host, port: u.port ? Number(u.port) : secure ? 465 : 587, secure };
  if (u.username) endpoint.auth = { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) };
  return endpoint;
}

type SocketCallback = (error: Error | null, socket?: { connection: net.Socket }) => void;

/**
 * Opens the TCP connection for a pooled transport with Nagle's algorithm off. nodemailer writes each
 * command and the message in small pieces; with Nagle on, each exchange waited for the relay's delayed
 * ACK (measured on loopback: 51 ms a message on one connection, 6 ms with it off). TLS for smtps:// is
 * started over this socket by nodemailer.
 */
export function noDelaySocket(timeoutMs: number) {
  return (options: { host?: string; port?: number }, callback: SocketCallback) => {
    let answered = false;
    const answer = (error: Error | null, socket?: net.Socket) => {
      if (answered) return;
      answered = true;
      socket?.setTimeout(0);
      callback(error, socket ? { connection: socket } : undefined);
    };
    const socket = net.connect({ host: options.host ?? 'localhost', port: options.port ?? 587 });
    socket.setNoDelay(true);
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      answer(new Error(`Connection to the SMTP relay timed out after ${timeoutMs / 1000} s`));
    });
    socket.once('connect', () => answer(null, socket));
    socket.once('error', (error) => answer(error));
  };
}
