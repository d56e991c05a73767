import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emailAddress } from '../../src/newsletter/inputs.js';
import { refusedAddresses } from './refused-addresses.js';

describe('the newsletter email address schema', () => {
  it('trims and lower-cases an address', () => {
    assert.equal(emailAddress.parse('  Reader.One+News@Example.ORG \t'), 'reader.one+news@example.org');
  });

  it('accepts the unusual but valid characters of a dot-atom local part', () => {
    assert.equal(emailAddress.parse("o'brien!#$%&*+/=?^_`{|}~-x@news.example.co.uk"), "o'brien!#$%&*+/=?^_`{|}~-x@news.example.co.uk");
  });

  it('stores an internationalised domain in its ASCII form', () => {
    assert.equal(emailAddress.parse('reader@bücher.example'), 'reader@xn--bcher-kva.example');
  });

  for (const [why, address] of refusedAddresses) {
    it(`refuses an address with ${why}`, () => {
      const parsed = emailAddress.safeParse(address);
      assert.equal(parsed.success, false, `${JSON.stringify(address)} was accepted as ${JSON.stringify(parsed.data)}`);
      assert.ok(parsed.error.issues[0]!.message.length > 10, 'the refusal says why');
    });
  }

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 42, ['reader@example.org'], { email: 'reader@example.org' }]) {
      assert.equal(emailAddress.safeParse(value).success, false, JSON.stringify(value));
    }
  });
});
