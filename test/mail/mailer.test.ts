import assert from 'node:assert/strict';
import { createHash, createPublicKey, generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { createMailer, MailError, type Mailer } from '../../src/mail/mailer.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';

const silentLog = { info() {} };

/** Relaxed header canonicalisation (RFC 6376 §3.4.2) of one raw header field. */
function relaxedHeader(field: string): string {
  const colon = field.indexOf(':');
  const value = field.slice(colon + 1).replace(/\r\n/g, '').replace(/[ \t]+/g, ' ').trim();
  return `${field.slice(0, colon).trim().toLowerCase()}:${value}\r\n`;
}

/** Relaxed body canonicalisation (RFC 6376 §3.4.4). */
function relaxedBody(body: string): string {
  const lines = body.split('\r\n').map((line) => line.replace(/[ \t]+/g, ' ').replace(/ $/, ''));
  while (lines.length && lines.at(-1) === '') lines.pop();
  return lines.length ? `${lines.join('\r\n')}\r\n` : '';
}

/**
 * Checks a relaxed/relaxed rsa-sha256 DKIM signature of a message as received: the body hash, then the
 * signature over the signed headers. Enough of RFC 6376 for what nodemailer writes, not a general verifier.
 */
function dkimVerifies(raw: Buffer, publicKey: KeyObject): { bodyHashMatches: boolean; signatureValid: boolean } {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const fields = text.slice(0, end).split(/\r\n(?![ \t])/);
  const signature = fields.find((f) => /^dkim-signature:/i.test(f))!;
  const tags = new Map(
    signature
      .slice(signature.indexOf(':') + 1)
      .split(';')
      .map((tag) => tag.trim())
      .filter(Boolean)
      .map((tag) => [tag.slice(0, tag.indexOf('=')), tag.slice(tag.indexOf('=') + 1).replace(/\s+/g, '')] as const),
  );
  const bodyHash = createHashBase64(relaxedBody(text.slice(end + 4)));
  // Each named header is taken from the bottom up when it repeats; one that is absent signs as nothing.
  const unused = [...fields];
  const signed = tags
    .get('h')!
    .split(':')
    .map((name) => {
      const index = unused.findLastIndex((f) => f.toLowerCase().startsWith(`${name.toLowerCase()}:`));
      return index === -1 ? '' : relaxedHeader(unused.splice(index, 1)[0]!);
    })
    .join('');
  const unsigned = relaxedHeader(signature.replace(/(^|;)(\s*b=)[^;]*/, '$1$2')).replace(/\r\n$/, '');
  return {
    bodyHashMatches: bodyHash === tags.get('bh'),
    signatureValid: verify('sha256', Buffer.from(signed + unsigned, 'latin1'), publicKey, Buffer.from(tags.get('b')!, 'base64')),
  };
}

function createHashBase64(text: string): string {
  return createHash('sha256').update(text, 'latin1').digest('base64');
}

/** The raw value of a header as it arrived, unfolded. */
function headerLine(lines: readonly { key: string; line: string }[], name: string): string | undefined {
  const line = lines.find((l) => l.key === name.toLowerCase())?.line;
  return line?.replace(/\r?\n(?=[ \t])/g, '').slice(name.length + 1).trim();
}

describe('the SMTP mailer', () => {
  let smtp: TestSmtpServer;
  const mailers: Mailer[] = [];
  const mailerFor = (options: Partial<Parameters<typeof createMailer>[0]> = {}) => {
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'The Ledger <desk@ledger.test>', log: silentLog, ...options });
    mailers.push(mailer);
    return mailer;
  };
  const refusals: Record<string, { code: number; message: string }> = {
    'gone@reader.test': { code: 550, message: 'No such mailbox' },
    'busy@reader.test': { code: 451, message: 'Try again later' },
  };

  before(async () => {
    smtp = await startSmtpServer({ keepRaw: true, refuseRecipient: (address) => refusals[address] });
  });
  // Pooled connections first, or the server would wait on them as it closes.
  after(async () => {
    await Promise.all(mailers.map((m) => m.close()));
    await smtp.close();
  });

  test('a message with HTML and text arrives as multipart/alternative with both parts', async () => {
    const sent = await mailerFor().send({ to: 'ana@reader.test', subject: 'Morning briefing', text: 'Plain words', html: '<p>Rich <b>words</b></p>' });
    const mail = await smtp.nextMessage('ana@reader.test');
    assert.match(headerLine(mail.parsed.headerLines, 'Content-Type')!, /^multipart\/alternative;/);
    assert.equal(mail.parsed.text?.trim(), 'Plain words');
    assert.equal(mail.parsed.html, '<p>Rich <b>words</b></p>');
    assert.match(sent.response, /^250\b/, 'send resolves with the server answer');
  });

  test('List-Unsubscribe and List-Unsubscribe-Post arrive exactly as given', async () => {
    const unsubscribe = '<https://news.test/newsletter/unsubscribe?token=abc.def>, <mailto:unsubscribe@news.test?subject=abc.def>';
    await mailerFor().send({
      to: 'ben@reader.test',
      subject: 'Issue',
      text: 'Hello',
      headers: { 'List-Unsubscribe': unsubscribe, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
    const mail = await smtp.nextMessage('ben@reader.test');
    assert.equal(headerLine(mail.parsed.headerLines, 'List-Unsubscribe'), unsubscribe);
    assert.equal(headerLine(mail.parsed.headerLines, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
  });

  test('a message may name its own sender instead of the configured one', async () => {
    await mailerFor().send({ to: 'cy@reader.test', from: 'Morning Edition <morning@ledger.test>', subject: 'Hi', text: 'Hi' });
    const mail = await smtp.nextMessage('cy@reader.test');
    assert.equal(mail.from, 'morning@ledger.test');
  });

  test('with a DKIM key every message carries a signature with the configured d= and s= that verifies', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-dkim-'));
    try {
      const keyFile = path.join(dir, 'dkim.pem');
      writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
      const { dkim } = loadConfig({ DKIM_DOMAIN: 'ledger.test', DKIM_SELECTOR: 'morning2026', DKIM_PRIVATE_KEY_FILE: keyFile });
      await mailerFor({ dkim }).send({
        to: 'dee@reader.test',
        subject: 'Signed issue',
        text: 'Trailing spaces   \nand blank lines\n\n\n',
        html: '<p>Signed</p>',
        headers: { 'List-Unsubscribe': '<https://news.test/u?t=1>' },
      });
      const mail = await smtp.nextMessage('dee@reader.test');
      const signature = headerLine(mail.parsed.headerLines, 'DKIM-Signature')!;
      assert.match(signature, /(^|;)\s*d=ledger\.test\s*(;|$)/);
      assert.match(signature, /(^|;)\s*s=morning2026\s*(;|$)/);
      const result = dkimVerifies(mail.raw!, createPublicKey(publicKey.export({ type: 'spki', format: 'pem' })));
      assert.deepEqual(result, { bodyHashMatches: true, signatureValid: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a 550 refusal is a permanent MailError', async () => {
    const error = await mailerFor().send({ to: 'gone@reader.test', subject: 'x', text: 'x' }).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof MailError, String(error));
    assert.equal(error.permanent, true);
    assert.equal(error.responseCode, 550);
  });

  test('a 451 refusal is a temporary MailError', async () => {
    const error = await mailerFor().send({ to: 'busy@reader.test', subject: 'x', text: 'x' }).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof MailError, String(error));
    assert.equal(error.permanent, false);
    assert.equal(error.responseCode, 451);
  });

  test('messages share the pooled connections instead of opening one each', async () => {
    const before = smtp.connections;
    const mailer = mailerFor({ maxConnections: 2 });
    await Promise.all(Array.from({ length: 12 }, (_, i) => mailer.send({ to: `pool-${i}@reader.test`, subject: 'Pooled', text: 'x' })));
    for (let i = 0; i < 12; i++) await smtp.nextMessage(`pool-${i}@reader.test`);
    assert.ok(smtp.connections - before <= 2, `${smtp.connections - before} connections for 12 messages`);
    assert.equal(mailer.concurrency, 2);
  });

  test('a server that cannot be reached is a temporary MailError', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await mailerFor({ smtpUrl: `smtp://127.0.0.1:${port}` })
      .send({ to: 'eve@reader.test', subject: 'x', text: 'x' })
      .then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof MailError, String(error));
    assert.equal(error.permanent, false);
  });
});

test('without SMTP_URL a message is logged with its text and headers but not its HTML', async () => {
  const lines: object[] = [];
  const mailer = createMailer({ smtpUrl: undefined, from: 'x@ledger.test', log: { info: (obj) => lines.push(obj) } });
  await mailer.send({ to: 'fay@reader.test', subject: 'Reset', text: 'https://news.test/reset?t=1', html: '<p>big</p>', headers: { 'List-Unsubscribe': '<https://news.test/u>' } });
  assert.deepEqual(lines, [
    { mail: { to: 'fay@reader.test', subject: 'Reset', text: 'https://news.test/reset?t=1', headers: { 'List-Unsubscribe': '<https://news.test/u>' } } },
  ]);
});
