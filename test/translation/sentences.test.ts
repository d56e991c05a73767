import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoArticles } from '../../src/demo/seed.js';
import { createApertiumCommandProvider } from '../../src/translation/providers/apertium-command.js';
import { segmentBody, textFragment } from '../../src/translation/segments.js';
import { sentenceFragments, splitSentences } from '../../src/translation/sentences.js';
import { shout } from './counting-fake-provider.js';

const sentences = (fragment: string, language = 'en') => splitSentences(fragment, language).sentences;

describe('sentences of a fragment', () => {
  it('ends a sentence at . ! ? or … with its closing quotes and brackets, before a capital, a digit or an opening quote', () => {
    assert.deepEqual(sentences('It rained. Then it stopped! Did it? “Yes,” she said. (Twice.) 2026 was wet… ‘Very.’ [Sic.] End.'), [
      'It rained.',
      'Then it stopped!',
      'Did it?',
      '“Yes,” she said.',
      '(Twice.)',
      '2026 was wet…',
      '‘Very.’',
      '[Sic.]',
      'End.',
    ]);
  });

  it('keeps the white space between sentences out of them, to put back as it was', () => {
    const fragment = 'One.  Two.\nThree.';
    const split = splitSentences(fragment, 'en');
    assert.deepEqual(split, { sentences: ['One.', 'Two.', 'Three.'], spaces: ['  ', '\n', ''] });
    assert.equal(split.sentences.map((s, i) => s + split.spaces[i]).join(''), fragment);
  });

  it('does not split when in doubt: abbreviations, initials, dotted words, decimals, lower case or a non-breaking space next', () => {
    for (const one of [
      'Mr. Smith and Dr. Jones met Prof. Ng at St. Mary’s.',
      'J. R. R. Tolkien wrote it.',
      'The U.S. Senate voted at 9 a.m. Tuesday, e.g. Friday.',
      'Inflation rose to 3.5 per cent.',
      'See No. 5 and Fig. 2 on pp. 10–12.',
      'It ended. and then nothing.',
      'It ended.\u00a0Then nothing.',
      'It ended.Then nothing.',
      'Acme Inc. Board members met.',
    ]) {
      assert.deepEqual(sentences(one), [one], one);
    }
    // "no" is an abbreviation before a number only.
    assert.deepEqual(sentences('The answer was no. Then they left.'), ['The answer was no.', 'Then they left.']);
    // A number ends an English sentence.
    assert.deepEqual(sentences('The area grew to 4,200. Most of it is new.'), ['The area grew to 4,200.', 'Most of it is new.']);
  });

  it('never splits inside an inline element, and splits before or after one at the top level', () => {
    assert.deepEqual(sentences('Read <a href="/r">the report. It is long</a> and dull. Then sleep.'), [
      'Read <a href="/r">the report. It is long</a> and dull.',
      'Then sleep.',
    ]);
    assert.deepEqual(sentences('<em>It ended.</em> <a href="/next" title="More. Later.">Then</a> more. <strong>Done.</strong>'), [
      '<em>It ended.</em>',
      '<a href="/next" title="More. Later.">Then</a> more.',
      '<strong>Done.</strong>',
    ]);
    // A line break is no white space: the sentences on either side of one stay together.
    assert.deepEqual(sentences('First line.<br>Second line. Third.'), ['First line.<br>Second line.', 'Third.']);
    assert.deepEqual(sentences('Cafés &amp; kiosks. H<sub>2</sub>O rose. x<sup>2</sup> fell.'), ['Cafés &amp; kiosks.', 'H<sub>2</sub>O rose. x<sup>2</sup> fell.']);
  });

  it('knows the abbreviations of Spanish, Catalan and Galician, and their opening ¿ and ¡', () => {
    assert.deepEqual(sentences('El Sr. García leyó el art. 5 de la ley. ¿Por qué? ¡Nadie lo sabe! «Es normal», dijo la Dra. Pérez.', 'es'), [
      'El Sr. García leyó el art. 5 de la ley.',
      '¿Por qué?',
      '¡Nadie lo sabe!',
      '«Es normal», dijo la Dra. Pérez.',
    ]);
    assert.deepEqual(sentences('La Sra. Puig va llegir el núm. 3. Després va plegar.', 'ca'), ['La Sra. Puig va llegir el núm. 3.', 'Després va plegar.']);
    assert.deepEqual(sentences('O Sr. Castro leu a páx. 4. Despois marchou.', 'gl'), ['O Sr. Castro leu a páx. 4.', 'Despois marchou.']);
  });

  it('reads a number or Roman numeral before a full stop in Serbo-Croatian as an ordinal, in either script', () => {
    assert.deepEqual(sentences('U 19. Stoljeću grad je rastao, npr. Zagreb. Petar II. Karađorđević je vladao. Kraj.', 'hr'), [
      'U 19. Stoljeću grad je rastao, npr. Zagreb.',
      'Petar II. Karađorđević je vladao.',
      'Kraj.',
    ]);
    assert.deepEqual(sentences('Говорио је др. Петровић. Сви су слушали.', 'sr'), ['Говорио је др. Петровић.', 'Сви су слушали.']);
    // A language without rules of its own gets every language's: no split after a number.
    assert.deepEqual(sentences('Sie kam am 3. Mai. Dann ging sie.', 'de'), ['Sie kam am 3. Mai.', 'Dann ging sie.']);
  });

  it('gives the sentences of several fragments in one list and joins translated ones back into their fragments', async () => {
    const fragments = ['One. Two.', 'Three.', 'Four?\nFive.'];
    const split = sentenceFragments(fragments, 'en');
    assert.deepEqual(split.sentences, ['One.', 'Two.', 'Three.', 'Four?', 'Five.']);
    assert.deepEqual(split.join(split.sentences.map(shout)), ['ONE. TWO.', 'THREE.', 'FOUR?\nFIVE.']);
    assert.deepEqual(split.join(split.sentences), fragments);
    assert.throws(() => split.join(['ONE.']), /expected 5 translated sentences, got 1/);
  });
});

// Apertium translates sentence by sentence: each sentence alone must come out as it does inside its block.
const installed = createApertiumCommandProvider();
const apertiumMissing = (await installed.supports('en', 'es')) ? undefined : 'the apertium command with the eng-spa pair is not installed';
const spanishMissing = (await installed.supports('es', 'en')) ? undefined : 'the apertium command with the spa-eng pair is not installed';

describe('sentences through the real Apertium', { skip: apertiumMissing }, () => {
  /** Fragments translated whole and sentence by sentence, each on a pipeline of its own, started afresh. */
  async function bothWays(fragments: string[], source: string, target: string) {
    const translate = async (texts: string[]) => {
      const apertium = createApertiumCommandProvider();
      try {
        return await apertium.translate(texts, source, target);
      } finally {
        await apertium.close();
      }
    };
    const split = sentenceFragments(fragments, source);
    assert.ok(split.sentences.length > fragments.length, 'some fragments hold several sentences');
    return { whole: await translate(fragments), bySentence: split.join(await translate(split.sentences)) };
  }

  it('translates a demo article with links and emphasis the same sentence by sentence as block by block', async () => {
    const demo = demoArticles.find((a) => a.slug === 'a-regional-library-scans-its-past')!;
    const { whole, bySentence } = await bothWays([textFragment(demo.dek), ...segmentBody(demo.body).fragments], 'en', 'es');
    assert.deepEqual(bySentence, whole);
  });

  it('does so from Spanish too', { skip: spanishMissing }, async () => {
    const { whole, bySentence } = await bothWays(
      ['El Sr. García llegó el lunes a la <a href="/capital">capital</a>. ¿Por qué vino? Nadie lo sabe. La Dra. Pérez dijo que el art. 5 lo permite.'],
      'es',
      'en',
    );
    assert.deepEqual(bySentence, whole);
  });
});
