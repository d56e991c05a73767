import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { forEachDatabase } from '../helpers/databases.js';
import { demoPages, missingTool, useDemoSite } from './demo-pages.js';

/**
 * Every page type, rendered by the real app from the demo newsroom, is valid HTML under the Nu HTML
 * Checker (the W3C's validator), run from npm's vnu-jar with the machine's Java.
 */

const JAVA = '/usr/bin/java';
const vnuJar: string = createRequire(import.meta.url)('vnu-jar');
const javaMissing = missingTool('Java (for the Nu HTML Checker)', JAVA, 'apt-get install -y default-jre-headless');

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** Runs the checker once over many files (one JVM start) and groups its errors by file name. */
async function validate(files: string[]): Promise<Map<string, VnuMessage[]>> {
  const run = promisify(execFile);
  // The checker exits 1 when it found errors; its JSON report on stdout is what counts.
  const { stdout } = await run(JAVA, ['-jar', vnuJar, '--errors-only', '--format', 'json', '--stdout', ...files], { maxBuffer: 32 * 1024 * 1024 }).catch(
    (error: { stdout?: string; stderr?: string; message: string }) => {
      if (!error.stdout) throw new Error(`the Nu HTML Checker did not run: ${error.stderr || error.message}`);
      return { stdout: error.stdout };
    },
  );
  const byFile = new Map<string, VnuMessage[]>();
  for (const m of (JSON.parse(stdout) as { messages: VnuMessage[] }).messages) {
    const name = path.basename(decodeURIComponent(new URL(m.url).pathname));
    byFile.set(name, [...(byFile.get(name) ?? []), m]);
  }
  return byFile;
}

const fileName = (pageName: string) => `${pageName.replace(/\W+/g, '-')}.html`;
const CANARY = 'known-invalid.html';
const describeError = (m: VnuMessage) => `line ${m.lastLine ?? '?'}: ${m.message}${m.extract ? ` [${m.extract.trim()}]` : ''}`;

describe('the Nu HTML Checker', { skip: javaMissing }, () => {
  forEachDatabase('every page type is valid HTML', (dialect) => {
    const site = useDemoSite(dialect);
    let dir: string;
    let errors: Map<string, VnuMessage[]>;

    before(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'broadsheet-vnu-'));
      for (const page of demoPages) {
        const res = await site.get(page.path);
        const body = await res.text();
        assert.equal(res.status, page.status, `GET ${page.path}`);
        await fs.writeFile(path.join(dir, fileName(page.name)), body);
      }
      // A page known to be invalid goes through the same run, so a checker that silently checks nothing fails.
      await fs.writeFile(path.join(dir, CANARY), '<!doctype html><html lang="en"><head><title>t</title></head><body><p><div>x</div></p></body></html>');
      errors = await validate([...demoPages.map((p) => path.join(dir, fileName(p.name))), path.join(dir, CANARY)]);
    });
    after(() => fs.rm(dir, { recursive: true, force: true }));

    it('reports the error in a known-invalid page (the checker really ran)', () => {
      assert.match((errors.get(CANARY) ?? []).map(describeError).join('\n'), /No “p” element in scope/);
    });

    for (const page of demoPages) {
      it(`the ${page.name} page has no HTML errors`, () => {
        const found = errors.get(fileName(page.name)) ?? [];
        assert.deepEqual(found.map(describeError), [], `${page.path} is not valid HTML`);
      });
    }
  });
});
