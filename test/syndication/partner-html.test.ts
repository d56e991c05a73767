import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { partnerText, sanitisePartnerHtml, type PartnerHtmlOptions } from '../../src/syndication/partner-html.js';

const options: PartnerHtmlOptions = {
  baseUrl: 'https://tidewater-ledger.example/news/2024/harbour-vote.html',
  embedHosts: ['www.youtube-nocookie.com', 'player.vimeo.com'],
};
const clean = (html: string) => sanitisePartnerHtml(html, options);
const REL = 'rel="nofollow noopener"';

describe('sanitisePartnerHtml', () => {
  test('keeps the structural tags an article body may contain', async () => {
    const html =
      '<h2>Vote</h2><h3>Count</h3><h4>a</h4><h5>b</h5><h6>c</h6>' +
      '<p><em>e</em> <strong>s</strong> <b>b</b> <i>i</i> <u>u</u> <s>s</s> H<sub>2</sub>O x<sup>2</sup> ' +
      '<code>c</code> <cite>Ledger</cite> <q>quoted</q> <abbr title="Harbour Authority">HA</abbr><br />line</p>' +
      '<blockquote><p>Said.</p></blockquote><ul><li>one</li></ul><ol><li>two</li></ol><hr /><pre>pre</pre>' +
      '<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table>';
    assert.equal(await clean(html), html);
  });

  test('turns an h1 into an h2, since the page already has its headline', async () => {
    assert.equal(await clean('<h1>Council votes</h1>'), '<h2>Council votes</h2>');
  });

  test('unwraps unknown wrappers and keeps their text', async () => {
    const html =
      '<article><section><div><p>The <span>harbour</span> <font color="red">board</font> <center>met</center>.</p></div></section></article>';
    assert.equal(await clean(html), '<p>The harbour board met.</p>');
  });

  test('drops scripts, styles, forms, embeds and frames together with their content', async () => {
    const dropped = [
      '<script>steal()</script>', '<style>p{color:red}</style>', '<noscript>enable scripts</noscript>',
      '<template><p>hidden</p></template>', '<object data="x.swf"><p>fallback</p></object>', '<embed src="x.swf">',
      '<svg><text>drawn</text><script>svgscript()</script></svg>', '<math><mi>x</mi></math>',
      '<form action="/x"><p>form prose</p><input value="typed"><button>Send</button><select><option>opt</option></select><textarea>area</textarea></form>',
      '<meta charset="utf-8"><link rel="stylesheet" href="x.css"><base href="https://elsewhere.example/">',
      '<frameset><frame src="x.html"></frameset>',
    ];
    for (const markup of dropped) {
      assert.equal(await clean(`<p>Before.</p>${markup}<p>After.</p>`), '<p>Before.</p><p>After.</p>', markup);
    }
  });

  test('removes event handlers, style, class and id attributes', async () => {
    const html =
      '<p id="lead" class="intro" style="color:red" onclick="steal()" onmouseover="steal()">Text <em onfocus="x()" class="k">here</em></p>';
    assert.equal(await clean(html), '<p>Text <em>here</em></p>');
  });

  test('removes links with a forbidden scheme and keeps their text', async () => {
    const html =
      '<p><a href="javascript:steal()">one</a> <a href="vbscript:msgbox(1)">two</a> ' +
      '<a href="data:text/html,<script>x()</script>">three</a> <a href="file:///etc/passwd">four</a></p>';
    assert.equal(await clean(html), '<p>one two three four</p>');
  });

  test('catches schemes hidden behind entities, whitespace and case', async () => {
    const html =
      '<p><a href="jav&#x09;ascript:steal()">a</a> <a href=" javascript:steal()">b</a> ' +
      '<a href="&#106;avascript:steal()">c</a> <a href="java&#x0A;script:steal()">d</a> ' +
      '<a href="JaVaScRiPt:steal()">e</a> <a href="javascript&colon;steal()">f</a> <a href="&#x01;javascript:steal()">g</a></p>';
    assert.equal(await clean(html), '<p>a b c d e f g</p>');
  });

  test('makes relative links absolute against the base URL', async () => {
    const html = '<p><a href="/about">a</a> <a href="../2023/old.html">b</a> <a href="?page=2">c</a> <a href="//cdn.example/f">d</a></p>';
    assert.equal(
      await clean(html),
      `<p><a href="https://tidewater-ledger.example/about" ${REL}>a</a> ` +
        `<a href="https://tidewater-ledger.example/news/2023/old.html" ${REL}>b</a> ` +
        `<a href="https://tidewater-ledger.example/news/2024/harbour-vote.html?page=2" ${REL}>c</a> ` +
        `<a href="https://cdn.example/f" ${REL}>d</a></p>`,
    );
  });

  test('turns fragment-only and empty links into plain text', async () => {
    assert.equal(await clean('<p><a href="#notes">notes</a>, <a href=" #top">top</a>, <a href="">here</a></p>'), '<p>notes, top, here</p>');
  });

  test('gives every link rel="nofollow noopener", replacing whatever the partner set', async () => {
    const html = '<p><a href="https://example.org/" rel="author" target="_blank">web</a> <a href="mailto:desk@tidewater-ledger.example">mail</a></p>';
    assert.equal(
      await clean(html),
      `<p><a href="https://example.org/" ${REL}>web</a> <a href="mailto:desk@tidewater-ledger.example" ${REL}>mail</a></p>`,
    );
  });

  test('resolves image sources and keeps only alt and numeric width and height', async () => {
    const html = '<p><img src="../img/quay.jpg" alt="The quay" width="640" height="auto" title="t" srcset="a.jpg 1x, b.jpg 2x" onerror="x()" loading="lazy"></p>';
    assert.equal(
      await clean(html),
      '<p><img src="https://tidewater-ledger.example/news/img/quay.jpg" alt="The quay" width="640" /></p>',
    );
  });

  test('drops images whose source is not http(s)', async () => {
    const html =
      '<p>Text<img src="data:image/png;base64,iVBORw0KGgo="><img src="javascript:x()"><img src="file:///x.png"><img alt="no source"></p>';
    assert.equal(await clean(html), '<p>Text</p>');
  });

  test('keeps an https iframe from an embed host with only its safe attributes, and nothing inside it', async () => {
    const html =
      '<iframe src="https://www.youtube-nocookie.com/embed/abc" width="560" height="315" title="Harbour tour" ' +
      'allowfullscreen sandbox="allow-scripts" style="border:0" onload="x()" srcdoc="<script>x()</script>">' +
      '<p>Your browser cannot show this video.</p></iframe>';
    assert.equal(
      await clean(html),
      '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Harbour tour" width="560" height="315" allowfullscreen></iframe>',
    );
  });

  test('drops any other iframe with its content', async () => {
    const html =
      '<p>Watch.</p><iframe src="https://tracker.example/embed">fallback</iframe>' +
      '<iframe src="http://player.vimeo.com/video/1">plain http</iframe>' +
      '<iframe src="https://player.vimeo.com.evil.example/video/1">lookalike</iframe>' +
      '<iframe src="/embed/local">relative</iframe><iframe srcdoc="<p>inline</p>">no src</iframe>';
    assert.equal(await clean(html), '<p>Watch.</p>');
  });

  test('keeps only colspan and rowspan on table cells, and only when numeric', async () => {
    const html = '<table border="1" class="data"><tr style="x"><td colspan="2" align="left">a</td><th rowspan="wide" scope="col">b</th></tr></table>';
    assert.equal(await clean(html), '<table><tr><td colspan="2">a</td><th>b</th></tr></table>');
  });

  test('resolves a quotation cite URL and drops an unusable one', async () => {
    const html = '<blockquote cite="/speeches/mayor">a</blockquote><q cite="javascript:x()">b</q>';
    assert.equal(
      await clean(html),
      '<blockquote cite="https://tidewater-ledger.example/speeches/mayor">a</blockquote><q>b</q>',
    );
  });

  test('drops paragraphs left empty by removals and trims the result', async () => {
    const html =
      '  <p><script>x()</script></p><p>Kept.</p><p><img src="data:image/gif;base64,R0lGOD"></p>' +
      '<p>&nbsp; <br> </p><p><span> </span></p>\n';
    assert.equal(await clean(html), '<p>Kept.</p>');
  });

  test('keeps a paragraph whose only content is a linked image', async () => {
    const html = '<p><a href="/photo"><span><img src="/p.jpg" alt=""></span></a></p>';
    assert.equal(
      await clean(html),
      `<p><a href="https://tidewater-ledger.example/photo" ${REL}><img src="https://tidewater-ledger.example/p.jpg" alt="" /></a></p>`,
    );
  });

  test('gives the same output for the same input, whatever order its attributes come in', async () => {
    const html =
      '<div><h1>T</h1><p><a title="x" href="b">l</a><img height="2" src="i.png" width="1" alt="a"></p>' +
      '<iframe title="v" src="https://player.vimeo.com/video/9"></iframe></div>';
    const reordered =
      '<div><h1>T</h1><p><a href="b" title="x">l</a><img alt="a" width="1" src="i.png" height="2"></p>' +
      '<iframe src="https://player.vimeo.com/video/9" title="v"></iframe></div>';
    const first = await clean(html);
    assert.equal(await clean(html), first);
    assert.equal(await clean(reordered), first);
  });
});

describe('partnerText', () => {
  test('strips tags, decodes entities and collapses whitespace', () => {
    assert.equal(partnerText('  Fish &amp; <b>chips</b>&nbsp;&mdash;\n\tthe <i>best</i>  in&#32;town ', 100), 'Fish & chips — the best in town');
  });

  test('leaves out the content of scripts and styles, and separates blocks', () => {
    assert.equal(partnerText('<p>Tide</p><script>steal()</script><style>p{}</style><p>rises</p>', 100), 'Tide rises');
  });

  test('passes plain text through unchanged', () => {
    assert.equal(partnerText('Council approves harbour budget', 100), 'Council approves harbour budget');
  });

  test('cuts long text on a word boundary within max characters, marking the cut', () => {
    const cut = partnerText('Council approves the harbour budget after a long night', 30);
    assert.equal(cut, 'Council approves the harbour…');
    assert.ok(cut.length <= 30);
  });

  test('cuts a single overlong word hard', () => {
    assert.equal(partnerText('Donaudampfschifffahrtsgesellschaft', 10), 'Donaudamp…');
  });
});
