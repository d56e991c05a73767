/**
 * The SMTP server of the newsletter benchmark: accepts every message on a loopback port, reads and
 * discards its body, and counts messages, envelope recipients and bytes. Run directly, it prints
 * `{"smtp":PORT,"report":PORT}` on stdout and serves until killed; `GET /counts` on the report port
 * answers with the counts as JSON and `POST /reset` zeroes them between runs. It runs in its own
 * process so that neither the sender under test nor the bench pays for receiving.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** What the sink has received since it started or was last reset. */
export interface SinkCounts {
  /** Messages whose data arrived in full (each acknowledged with 250). */
  messages: number;
  /** Envelope recipients over all those messages. */
  recipients: number;
  /** Distinct envelope recipients (lower-cased). */
  distinctRecipients: number;
  /** Recipients that got more than one message. */
  repeatedRecipients: number;
  /** Bytes of message data, as on the wire after the DATA command. */
  bytes: number;
}

function startSink() {
  const perRecipient = new Map<string, number>();
  let messages = 0;
  let recipients = 0;
  let repeated = 0;
  let bytes = 0;

  const smtp = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    // A DNS lookup per connection would time the resolver, not the sender.
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
      stream.once('error', callback);
      stream.once('end', () => {
        messages++;
        for (const { address } of session.envelope.rcptTo) {
          const key = address.toLowerCase();
          const seen = perRecipient.get(key) ?? 0;
          if (seen === 1) repeated++;
          perRecipient.set(key, seen + 1);
          recipients++;
        }
        callback();
      });
    },
  });

  const counts = (): SinkCounts => ({ messages, recipients, distinctRecipients: perRecipient.size, repeatedRecipients: repeated, bytes });

  const report = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/counts') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(counts()));
    } else if (req.method === 'POST' && req.url === '/reset') {
      perRecipient.clear();
      messages = recipients = repeated = bytes = 0;
      res.writeHead(204).end();
    } else {
      res.writeHead(404).end();
    }
  });

  smtp.listen(0, '127.0.0.1', () => {
    report.listen(0, '127.0.0.1', () => {
      const smtpPort = (smtp.server.address() as AddressInfo).port;
      const reportPort = (report.address() as AddressInfo).port;
      console.log(JSON.stringify({ smtp: smtpPort, report: reportPort }));
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) startSink();
