import assert from 'node:assert/strict';
import { test } from 'node:test';
import { smtpEndpoint } from '../../src/mail/smtp-connection.js';

test('smtp:// names a host and port, with no TLS from the first byte and no login', () => {
  assert.deepEqual(smtpEndpoint('smtp://relay.example:2525'), { host: 'relay.example', port: 2525, secure: false });
});

test('the ports default to 587 for smtp:// and 465 for smtps://', () => {
  assert.equal(smtpEndpoint('smtp://relay.example').port, 587);
  assert.deepEqual(smtpEndpoint('smtps://relay.example'), { host: 'relay.example', port: 465, secure: true });
});

test('a login in the URL is decoded, so a password may hold @ : / and %', () => {
  assert.deepEqual(smtpEndpoint('smtps://news%40paper.example:p%40ss%3Aw%2Fo%25rd@mail.example:465').auth, { user: 'news@paper.example', pass: 'p@ss:w/o%rd' });
});

test('an IPv6 host loses its brackets', () => {
  assert.equal(smtpEndpoint('smtp://[::1]:25').host, '::1');
});
