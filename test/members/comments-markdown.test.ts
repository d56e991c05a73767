import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countLinks, renderCommentMarkdown } from '../../src/members/markdown.js';

const render = renderCommentMarkdown;

describe('the comment Markdown subset', () => {
  it('makes paragraphs from blank-line blocks and line breaks from single newlines', async () => {
    assert.equal(await render('First line\nsecond line\n\nNext paragraph'), '<p>First line<br />second line</p><p>Next paragraph</p>');
  });

  it('marks up emphasis, strong and code, leaving code contents as text', async () => {
    assert.equal(await render('An *aside*, a **point** and `a * b ** c`'), '<p>An <em>aside</em>, a <strong>point</strong> and <code>a * b ** c</code></p>');
  });

  it('renders quotes and both kinds of list', async () => {
    assert.equal(await render('> quoted\n> more'), '<blockquote><p>quoted<br />more</p></blockquote>');
    assert.equal(await render('- one\n- two'), '<ul><li>one</li><li>two</li></ul>');
    assert.equal(await render('1. first\n2. second'), '<ol><li>first</li><li>second</li></ol>');
  });

  it('links http and https addresses with rel="nofollow ugc noopener"', async () => {
    assert.equal(
      await render('See [the report](https://example.org/report?a=1&b=2).'),
      '<p>See <a href="https://example.org/report?a=1&amp;b=2" rel="nofollow ugc noopener">the report</a>.</p>',
    );
  });

  it('treats raw HTML as text: no script, no image, no handler survives', async () => {
    const html = await render('<script>alert(1)</script> <img src=x onerror=alert(2)> <b onclick="x()">bold</b>');
    assert.doesNotMatch(html, /<script|<img|<b[ >]/i);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /&lt;img src=x onerror=alert\(2\)&gt;/);
  });

  it('never links javascript:, data: or protocol-relative addresses', async () => {
    for (const target of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', '//evil.example/x', 'vbscript:msgbox(1)']) {
      const html = await render(`[x](${target})`);
      assert.doesNotMatch(html, /<a /, target);
      assert.doesNotMatch(html, /href/, target);
    }
  });

  it('keeps a quote in a link address from breaking out of the attribute', async () => {
    const html = await render('[x](https://example.org/a"onmouseover="x)');
    assert.equal(html, '<p><a href="https://example.org/a%22onmouseover=%22x" rel="nofollow ugc noopener">x</a></p>');
  });

  it('escapes HTML entities as typed, so they show rather than decode', async () => {
    assert.equal(await render('&lt;script&gt; &amp; &#60;b&#62;'), '<p>&amp;lt;script&amp;gt; &amp;amp; &amp;#60;b&amp;#62;</p>');
  });

  it('cannot close a surrounding textarea or element', async () => {
    const html = await render('</textarea><script>alert(1)</script></p></div>');
    assert.doesNotMatch(html, /<\/textarea|<script|<\/div/);
  });

  it('has no images and no headings', async () => {
    assert.equal(await render('![alt](https://example.org/x.png)'), '<p>!<a href="https://example.org/x.png" rel="nofollow ugc noopener">alt</a></p>');
    assert.equal(await render('# Not a heading'), '<p># Not a heading</p>');
  });

  it('counts every http(s) address, linked or bare', () => {
    assert.equal(countLinks('[a](https://a.example) http://b.example and HTTPS://c.example'), 3);
    assert.equal(countLinks('no links here'), 0);
  });
});
