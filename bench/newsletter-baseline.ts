/**
 * The floor of the newsletter benchmark: plain nodemailer sending COUNT copies of one pre-rendered
 * message (about 20 KB, HTML and text) to the sink, through a pooled transport set up as
 * src/mail/mailer.ts sets up its own. No database, no rendering, no bookkeeping: only what any
 * sender pays to hand a newsletter to a local SMTP server.
 *
 * Usage: tsx bench/newsletter-baseline.ts SMTP_PORT COUNT POOL RATE. Prints "COUNT sent" and exits 0,
 * or names the first refusal and exits 1.
 */
import nodemailer from 'nodemailer';
import { noDelaySocket } from '../src/mail/smtp-connection.js';

const FROM = 'Bench <bench@localhost>';

/** One newsletter-shaped message: a table layout with inline styles, and its plain-text twin. */
function sampleIssue(): { subject: string; html: string; text: string } {
  const cell = 'font-family:Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1d1d1b;';
  const stories = Array.from({ length: 9 }, (_, n) => ({
    title: `Story ${n + 1}: the council's budget hearing runs into a second week`,
    dek:
      'Residents asked for clearer figures on the harbour works, and officials promised to publish the supporting ' +
      'papers before the next session. The vote is expected in the spring, after a further round of consultation ' +
      'with the districts most affected by the closures.',
    url: `http://127.0.0.1/articles/bench-story-${n + 1}`,
  }));
  const rows = stories.map(
    (s) =>
      `<tr><td style="padding:24px 32px 8px 32px;border-top:1px solid #e2ded5;">` +
      `<img src="${s.url}.jpg" width="536" height="357" alt="" style="display:block;width:100%;max-width:536px;height:auto;border:0;margin:0 0 12px 0;">` +
      `<h2 style="${cell}font-size:22px;font-weight:700;margin:0 0 8px 0;"><a href="${s.url}" style="color:#1d1d1b;text-decoration:none;">${s.title}</a></h2>` +
      `<p style="${cell}color:#5f5b53;font-size:14px;margin:0 0 8px 0;">By A. Reporter and B. Editor</p>` +
      `<p style="${cell}margin:0 0 16px 0;">${s.dek}</p>` +
      `<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr><td style="border-radius:4px;background-color:#9e2a2b;">` +
      `<a href="${s.url}" style="display:inline-block;padding:10px 18px;${cell}font-size:15px;color:#ffffff;text-decoration:none;">Read the article</a></td></tr></table>` +
      `</td></tr>`,
  );
  const html =
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Bench Daily</title></head>\n` +
    `<body style="margin:0;padding:0;background-color:#f3f1ec;">\n<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td align="center" style="padding:24px 12px;">\n` +
    `<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:600px;background-color:#ffffff;">\n` +
    rows.join('\n') +
    `\n<tr><td style="padding:24px 32px 32px 32px;"><p style="${cell}font-size:13px;">You receive this because you subscribed. ` +
    `<a href="http://127.0.0.1/newsletter/unsubscribe?token=bench">Unsubscribe</a></p></td></tr>\n</table>\n</td></tr></table>\n</body></html>\n`;
  const text = [
    'Bench Daily',
    ...stories.map((s) => `${s.title}\nBy A. Reporter and B. Editor\n${s.dek}\n${s.url}`),
    'Unsubscribe: http://127.0.0.1/newsletter/unsubscribe?token=bench',
  ].join('\n\n');
  return { subject: 'Bench Daily: the council budget hearing runs into a second week', html, text };
}

async function main(argv: string[]) {
  const [port, count, pool, rate] = argv.map(Number);
  if (argv.length !== 4 || !port || !count || !pool || !rate) throw new Error('usage: newsletter-baseline.ts SMTP_PORT COUNT POOL RATE');

  // Rendered once into its final bytes; every copy below reuses them with its own envelope.
  const composed = await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail({ from: FROM, to: 'reader@bench.example', ...sampleIssue() });
  const raw = composed.message as Buffer;

  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    pool: true,
    maxConnections: pool,
    rateDelta: 1000,
    rateLimit: rate,
    // The same sockets as the mailer's: without TCP_NODELAY every message would wait out a delayed ACK.
    getSocket: noDelaySocket(30_000),
  });
  try {
    // All handed over at once: the pool decides how many are on the wire.
    await Promise.all(
      Array.from({ length: count }, (_, i) => transport.sendMail({ envelope: { from: 'bench@localhost', to: [`baseline-${i}@bench.example`] }, raw })),
    );
  } finally {
    transport.close();
  }
  console.log(`${count} sent`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
