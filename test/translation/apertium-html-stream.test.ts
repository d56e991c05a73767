import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TranslationError } from '../../src/translation/provider.js';
import { fromApertiumStream, toApertiumStream } from '../../src/translation/providers/apertium-html-stream.js';

const badResponse = (error: unknown) => error instanceof TranslationError && error.code === 'bad_response' && !error.retryable;

describe('Apertium stream format', () => {
  it('writes one numbered, NUL-terminated block per fragment, tags bound to their words, specials escaped', () => {
    const input = toApertiumStream(['Read the <a href="/p?x=1&amp;y=2">plan</a> [now]', 'x<br>y <code>a &lt; b</code>', '']);
    assert.equal(
      input.stream.toString('utf8'),
      '[\\<p data-bs-seg="0"\\>]Read the [[t:0]]plan[[/]] \\[now\\].[\\<\\/p\\>]\0' +
        '[\\<p data-bs-seg="1"\\>]x[\\<br\\>]y [\\<code\\>a &lt; b\\<\\/code\\>].[\\<\\/p\\>]\0' +
        '[\\<p data-bs-seg="2"\\>].[\\<\\/p\\>]\0',
    );
    assert.deepEqual(input.tags, [{ open: '<a href="/p?x=1&amp;y=2">', close: '</a>' }]);
  });

  it('reads its own stream back as the HTML it came from', () => {
    const fragments = [
      'Read the <a href="/plan?x=1&amp;y=2" class="ref">digital plan</a> for the <em>new <strong>big</strong> budget</em>.',
      'Line one<br>line two &amp; <code>x &lt; y</code> \\ [a] ^b$ /c @d {e} &lt;f&gt;',
      '',
      '  spaced  ',
      'Ends without a full stop',
    ];
    const input = toApertiumStream(fragments);
    assert.deepEqual(fromApertiumStream(input.stream, input, fragments.length), fragments);
  });

  it('puts each tag around the words that carry it, one element for neighbouring words, nested ones inside', () => {
    const input = toApertiumStream(['Read the <a href="/x">digital collection</a> and <em>the <strong>big</strong> house</em>.']);
    const answer = '[<p data-bs-seg="0">]Lea la [[t:0]]colección[[/]] [[t:0]]digital[[/]] y [[t:1]]la[[/]] [[t:1]]casa[[/]] [[t:1; t:2]]grande[[/]]..[</p>]\0';
    assert.deepEqual(fromApertiumStream(Buffer.from(answer), input, 1), ['Lea la <a href="/x">colección digital</a> y <em>la casa <strong>grande</strong></em>.']);
  });

  it('refuses an answer with a block lost, added, moved or unclosed', () => {
    const input = toApertiumStream(['The house.', 'The dog.']);
    for (const answer of [
      '[<p data-bs-seg="0">]La casa..[</p>]\0',
      '[<p data-bs-seg="0">]La casa..[</p>]\0[<p data-bs-seg="1">]El perro..[</p>]\0[<p data-bs-seg="2">]x.[</p>]\0',
      '[<p data-bs-seg="1">]El perro..[</p>]\0[<p data-bs-seg="0">]La casa..[</p>]\0',
      '[<p data-bs-seg="0">]La casa..[</p>]\0[<p data-bs-seg="1">]El perro..\0',
      'stray[<p data-bs-seg="0">]La casa..[</p>]\0[<p data-bs-seg="1">]El perro..[</p>]\0',
      '[<p data-bs-seg="0">]La casa..[</p>]\0[<p data-bs-seg="1">]El [perro..\0',
    ]) {
      assert.throws(() => fromApertiumStream(Buffer.from(answer), input, 2), badResponse, JSON.stringify(answer));
    }
  });
});
