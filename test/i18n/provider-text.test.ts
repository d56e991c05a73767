import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toProviderText } from '../../src/i18n/provider-text.js';

describe('message text for a translation provider', () => {
  it('sends each placeholder as a number in a translate="no" span, and the text escaped', () => {
    const { fragment } = toProviderText('Copyright © {holder} & <friends>, {year}', { placeholders: true });
    assert.equal(fragment, 'Copyright © <span translate="no">1901</span> &amp; &lt;friends&gt;, <span translate="no">1902</span>');
  });

  it('reads the answer by the numbers alone, wherever the engine moved the span and its words', () => {
    const text = toProviderText('Page {page} of {total} and more', { placeholders: true });
    // Apertium's Catalan pair pulls "de" into the second span.
    assert.equal(text.restore('Pàgina <span translate="no">1901</span> <span translate="no">de 1902</span> i més'), 'Pàgina {page} de {total} i més');
    // Placeholders may change places.
    assert.equal(text.restore('<span translate="no">1902</span> 의 <span translate="no">1901</span> 페이지'), '{total} 의 {page} 페이지');
  });

  it('gives nothing when a placeholder is lost or comes back twice', () => {
    const text = toProviderText('Articles by {name}', { placeholders: true });
    assert.equal(text.restore('Artículos por'), undefined);
    assert.equal(text.restore('Artículos por 1901 y 1901'), undefined);
    assert.equal(text.restore('Artículos por 19010'), undefined);
  });

  it('gives each repeat of a placeholder its own number', () => {
    const text = toProviderText('Credit {source}, as {source} asks', { placeholders: true });
    assert.match(text.fragment, /1901.*1902/);
    assert.equal(text.restore('Cite 1902, comme 1901 le demande'), 'Cite {source}, comme {source} le demande');
  });

  it('picks numbers the text does not hold itself', () => {
    const text = toProviderText('Founded in 1901 by {name}', { placeholders: true });
    assert.equal(text.fragment, 'Founded in 1901 by <span translate="no">2001</span>');
    assert.equal(text.restore('Fundado en 1901 por 2001'), 'Fundado en 1901 por {name}');
  });

  it('keeps braces of plain text as they are, and its line breaks as <br>', () => {
    const text = toProviderText('Read {carefully}.\nSecond & last line.', { placeholders: false });
    assert.equal(text.fragment, 'Read {carefully}.<br>Second &amp; last line.');
    assert.equal(text.restore('Lee  {carefully}.<br/>Segunda &amp; última línea. '), 'Lee {carefully}.\nSegunda & última línea.');
  });

  it('takes an empty answer for a failure', () => {
    assert.equal(toProviderText('Search', { placeholders: true }).restore(' <b></b> '), undefined);
  });
});
