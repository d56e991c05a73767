import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sanitiseArticleHtml } from '../../src/content/sanitise-html.js';
import { fragmentText, segmentBody, textFragment } from '../../src/translation/segments.js';
import { shout } from './counting-fake-provider.js';

const body = [
  '<h2>Where the <em>river</em> bends</h2>',
  '<p>The council met on <a href="https://example.org/minutes" title="minutes">Tuesday</a>, and <strong>voted</strong> 5&ndash;2 for caf&eacute;s &amp; kiosks.<br>Then it rained.</p>',
  '<ul>\n  <li>first <code>item</code></li>\n  <li>second with<ul><li>a nested one</li></ul></li>\n</ul>',
  '<ol><li>H<sub>2</sub>O and x<sup>2</sup></li></ol>',
  '<blockquote><p>A quoted line.</p></blockquote>',
  '<figure><img src="/media/2026/11/bridge.jpg" alt="The old bridge at dusk" width="800" height="600"><figcaption>The bridge, <i>before</i> the flood.</figcaption></figure>',
  '<hr>',
  '<pre><code>const keep = "as written";</code></pre>',
  '<p><a href="/articles/x"><img src="/media/2026/11/icon.png" alt=""></a></p>',
].join('\n');

describe('article body segments', () => {
  it('sends each block\'s inner HTML, inline tags included, and alt text, in document order', () => {
    assert.deepEqual(segmentBody(body).fragments, [
      'Where the <em>river</em> bends',
      'The council met on <a href="https://example.org/minutes" title="minutes">Tuesday</a>, and <strong>voted</strong> 5–2 for cafés &amp; kiosks.<br>Then it rained.',
      'first <code>item</code>',
      'second with',
      'a nested one',
      'H<sub>2</sub>O and x<sup>2</sup>',
      'A quoted line.',
      'The old bridge at dusk',
      'The bridge, <i>before</i> the flood.',
    ]);
  });

  it('puts translations back into the same structure and leaves images, rules and code blocks untouched', async () => {
    const { fragments, assemble } = segmentBody(body);
    const expected = [
      '<h2>WHERE THE <em>RIVER</em> BENDS</h2>',
      '<p>THE COUNCIL MET ON <a href="https://example.org/minutes" title="minutes">TUESDAY</a>, AND <strong>VOTED</strong> 5–2 FOR CAFÉS &amp; KIOSKS.<br>THEN IT RAINED.</p>',
      '<ul>\n  <li>FIRST <code>ITEM</code></li>\n  <li>SECOND WITH<ul><li>A NESTED ONE</li></ul></li>\n</ul>',
      '<ol><li>H<sub>2</sub>O AND X<sup>2</sup></li></ol>',
      '<blockquote><p>A QUOTED LINE.</p></blockquote>',
      '<figure><img src="/media/2026/11/bridge.jpg" alt="THE OLD BRIDGE AT DUSK" width="800" height="600"><figcaption>THE BRIDGE, <i>BEFORE</i> THE FLOOD.</figcaption></figure>',
      '<hr>',
      '<pre><code>const keep = "as written";</code></pre>',
      '<p><a href="/articles/x"><img src="/media/2026/11/icon.png" alt></a></p>',
    ].join('\n');
    assert.equal(await assemble(fragments.map(shout)), expected);
    // Each assembly starts from the original, so one split serves several languages.
    assert.equal(await assemble(fragments.map(shout)), expected);
    // Untranslated, the body comes back as it was (entities written as the characters they stand for).
    assert.equal(await assemble(fragments), body.replace('&ndash;', '–').replace('&eacute;', 'é').replace('alt=""', 'alt'));
  });

  it('gives a body without text nothing to translate', async () => {
    const { fragments, assemble } = segmentBody('<figure><img src="/media/a.jpg" alt=""></figure>\n<hr>\n<p>  </p>');
    assert.deepEqual(fragments, []);
    assert.equal(await assemble([]), '<figure><img src="/media/a.jpg" alt></figure>\n<hr>\n<p>  </p>');
  });

  it('refuses a translation with the wrong number of segments', async () => {
    await assert.rejects(segmentBody('<p>one</p><p>two</p>').assemble(['UNO']), /expected 2 translated segments, got 1/);
  });

  it('lets the article sanitiser strip markup a hostile provider injects', async () => {
    const { fragments, assemble } = segmentBody('<p>Hello <a href="https://example.org/">there</a>.</p><figure><img src="/media/a.jpg" alt="A cat"><figcaption>Cat</figcaption></figure>');
    const hostile = fragments.map((f) => `${f}<script>alert(1)</script><img src="https://evil.example/x.png" onerror="steal()"><a href="javascript:steal()" onclick="steal()">click</a>`);
    const cleaned = await sanitiseArticleHtml(await assemble(hostile));
    assert.doesNotMatch(cleaned, /script|alert|onerror|onclick|javascript:|evil\.example/i);
    assert.match(cleaned, /<p>Hello <a href="https:\/\/example.org\/">there<\/a>\.<a>click<\/a><\/p>/);
    assert.match(cleaned, /<img src="\/media\/a.jpg" alt="A cat(?:[^"]*)" \/?>/);
    // An alt text is read back as text: markup in it becomes harmless characters of the attribute.
    assert.doesNotMatch(cleaned, /alt="[^"]*</);
  });

  it('turns plain text into a fragment and a translated fragment back into plain text, without a script\'s source', async () => {
    assert.equal(textFragment('Fish & <chips>'), 'Fish &amp; &lt;chips&gt;');
    assert.equal(await fragmentText('PESCADO &amp; <em>PATATAS</em>\n  fritas<script>alert(1)</script>'), 'PESCADO & PATATAS fritas');
  });
});
