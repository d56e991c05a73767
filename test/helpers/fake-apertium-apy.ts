import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startFakeHttpServer, type FakeHttpServer } from './fake-http.js';

const run = promisify(execFile);

export interface FakeApyOptions {
  /** Drops every bracketed number from translations, to exercise the provider's fallback. */
  losePlaceholders?: boolean;
}

/** Plain-text translation by the real apertium command, as APY itself does it. */
async function apertiumText(mode: string, text: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fake-apy-'));
  try {
    await writeFile(path.join(dir, 'in.txt'), text);
    const { stdout } = await run('apertium', ['-u', '-f', 'txt', mode, path.join(dir, 'in.txt')]);
    return stdout.replace(/\n$/, '');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A fake Apertium APY server for tests, offering eng→spa through the real apertium command.
 * format=txt translates as APY does. format=html misplaces inline tags as the issue warns real
 * APY does: the text is translated without them and each tag is put back at the character offset
 * it had in the source, which no longer falls on the same words.
 */
export function startFakeApertiumApy(options: FakeApyOptions = {}): Promise<FakeHttpServer> {
  return startFakeHttpServer({
    '/listPairs': () => ({ status: 200, body: { responseData: [{ sourceLanguage: 'eng', targetLanguage: 'spa' }], responseDetails: null, responseStatus: 200 } }),
    '/translate': async ({ body }) => {
      const { langpair, q = '', format } = body as Record<string, string | undefined>;
      if (langpair !== 'eng|spa') return { status: 400, body: { status: 'error', code: 400, message: 'Bad Request', explanation: 'That pair is not installed' } };
      let translated: string;
      if (format === 'html') {
        translated = await apertiumText('eng-spa', q.replace(/<[^>]*>/g, ''));
        // tag.index counts the tags before it, which are back in `translated` already: each tag lands at
        // its offset in the untagged source text, on whatever word the translation has there.
        for (const tag of q.matchAll(/<[^>]*>/g)) {
          const at = Math.min(tag.index, translated.length);
          translated = translated.slice(0, at) + tag[0] + translated.slice(at);
        }
      } else {
        translated = await apertiumText('eng-spa', q);
        if (options.losePlaceholders) translated = translated.replace(/\[\d+\]/g, '');
      }
      return { status: 200, body: { responseData: { translatedText: translated }, responseDetails: null, responseStatus: 200 } };
    },
  });
}
