import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ModeFileError, nullFlushingPipeline, parseModePipeline, shellPipeline } from '../../src/translation/providers/apertium-mode-file.js';
import { apertiumMissing } from './apertium-setup.js';

const argvs = (mode: string, args: string[] = []) => parseModePipeline(mode, args).map((stage) => stage.argv);

describe('parseModePipeline', () => {
  it('splits a pipeline into programs, with quotes and escapes read as the shell reads them', () => {
    assert.deepEqual(argvs(`lt-proc -w '/data/a b.automorf.bin' | cg-proc "/data/\\"x\\".rlx.bin" | lsx-proc /data/c\\ d.bin\n`), [
      ['lt-proc', '-w', '/data/a b.automorf.bin'],
      ['cg-proc', '/data/"x".rlx.bin'],
      ['lsx-proc', '/data/c d.bin'],
    ]);
    assert.deepEqual(argvs(`lt-proc 'has|pipe' ''`), [['lt-proc', 'has|pipe', '']], 'a quoted | is a character, a quoted empty word a word');
  });

  it('fills in $1 and $2, an unquoted empty one leaving no word', () => {
    const mode = `apertium-tagger -g $2 'x.prob' | lt-proc $1 'x.autogen.bin' | lt-proc "$2" \${1} y`;
    assert.deepEqual(argvs(mode, ['-n', '']), [
      ['apertium-tagger', '-g', 'x.prob'],
      ['lt-proc', '-n', 'x.autogen.bin'],
      ['lt-proc', '', '-n', 'y'],
    ]);
  });

  it('keeps a 2>/dev/null as a quiet stage', () => {
    const stages = parseModePipeline(`lt-proc a.bin 2>/dev/null | cg-proc b.bin 2> /dev/null | lrx-proc c.bin`);
    assert.deepEqual(stages.map((stage) => stage.quiet), [true, true, false]);
    assert.deepEqual(stages[1]!.argv, ['cg-proc', 'b.bin']);
  });

  it('refuses what it does not understand rather than guessing', () => {
    for (const mode of ['', 'lt-proc a; rm -rf x', 'lt-proc a > out', 'lt-proc a && b', 'lt-proc $(cat x)', 'lt-proc `x`', 'lt-proc a || b', 'lt-proc | | b', "lt-proc 'a", 'lt-proc a\nlt-proc b', 'lt-proc $HOME', '# comment']) {
      assert.throws(() => parseModePipeline(mode, ['-n', '']), ModeFileError, JSON.stringify(mode));
    }
  });
});

describe('nullFlushingPipeline', () => {
  it('puts -z first on every program and the wblank helpers around the chunking stages, as apertium does', () => {
    const stages = nullFlushingPipeline(parseModePipeline(`lt-proc 'x.automorf.bin' | apertium-tagger -g $2 'x.prob' | apertium-anaphora x.arx | lt-proc $1 'x.autogen.bin' | lt-proc -z -p 'x.autopgen.bin'`, ['-n', '']));
    assert.deepEqual(stages.map((stage) => stage.argv), [
      ['lt-proc', '-z', 'x.automorf.bin'],
      ['apertium-wblank-attach'],
      ['apertium-tagger', '-z', '-g', 'x.prob'],
      ['apertium-anaphora', '-z', 'x.arx'],
      ['apertium-wblank-detach'],
      ['lt-proc', '-z', '-n', 'x.autogen.bin'],
      ['lt-proc', '-z', '-p', 'x.autopgen.bin'],
    ]);
  });

  it('refuses a program not known to flush on NUL, naming it', () => {
    assert.throws(() => nullFlushingPipeline(parseModePipeline(`lt-proc x.automorf.bin | vislcg3 -g x.rlx`)), /vislcg3 is not known/);
  });

  it('writes the pipeline back as a shell command with every word quoted', () => {
    const stages = parseModePipeline(`lt-proc "it's here" 2>/dev/null | lrx-proc x`);
    assert.equal(shellPipeline(stages), `'lt-proc' 'it'\\''s here' 2>/dev/null | 'lrx-proc' 'x'`);
    assert.deepEqual(argvs(shellPipeline(stages)), stages.map((stage) => stage.argv));
  });

  it('reads every installed mode', { skip: apertiumMissing }, () => {
    const dir = '/usr/share/apertium/modes';
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.mode'))) {
      const stages = nullFlushingPipeline(parseModePipeline(readFileSync(`${dir}/${file}`, 'utf8'), ['-n', '']));
      assert.ok(stages.every((stage) => stage.argv.includes('-z') || stage.argv[0]!.startsWith('apertium-wblank-')), file);
    }
  });
});
