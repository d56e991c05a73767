import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLimiter } from '../limiter.js';
import { TranslationError, type TranslationProvider } from '../provider.js';
import { withRetries, type RetryOptions } from '../retry.js';
import { describePairs, findPair, pairOfModeFile, type ApertiumPair } from './apertium-pairs.js';

export interface ApertiumCommandOptions extends RetryOptions {
  /** The apertium program (default `apertium`, looked up on PATH). */
  command?: string;
  /** Apertium's data folder, holding `modes/` (default Debian's /usr/share/apertium). */
  dataDir?: string;
  /** Apertium processes running at once at most (default 2): each pipeline is several programs. */
  maxProcesses?: number;
  /** How long one call may run before its processes are killed (default 60 s). */
  timeoutMs?: number;
}

/**
 * The local Apertium command. One process per translate() call: every fragment is wrapped in its own
 * numbered paragraph, the lot is translated with `-f html` (Apertium's HTML format keeps inline tags
 * around the words they wrapped, and paragraphs as sentence boundaries) and split again on the
 * numbered paragraphs, which come back untouched. The input goes in a temporary file, not stdin:
 * Apertium's format detection aborts on the socket Node would give it as stdin.
 */
export function createApertiumCommandProvider(options: ApertiumCommandOptions = {}): TranslationProvider {
  const command = options.command ?? 'apertium';
  const dataDir = options.dataDir ?? '/usr/share/apertium';
  const timeoutMs = options.timeoutMs ?? 60_000;
  const pool = createLimiter(options.maxProcesses ?? 2);
  const running = new Set<ChildProcess>();
  let installed: Promise<ApertiumPair[]> | undefined;
  let workDir: Promise<string> | undefined;
  let calls = 0;
  let closed = false;

  async function readPairs(): Promise<ApertiumPair[]> {
    const files = await readdir(path.join(dataDir, 'modes')).catch(() => []);
    return files.map(pairOfModeFile).filter((pair): pair is ApertiumPair => pair !== undefined);
  }
  // Pairs are installed with apt, not at run time: read them once.
  const pairs = () => (installed ??= readPairs());

  async function run(mode: string, input: string): Promise<string> {
    if (closed) throw new TranslationError('the Apertium provider is closed', 'unavailable', false);
    const file = path.join(await (workDir ??= mkdtemp(path.join(tmpdir(), 'broadsheet-apertium-'))), `${++calls}.html`);
    await writeFile(file, input, 'utf8');
    try {
      return await runOn(mode, file);
    } finally {
      await rm(file, { force: true });
    }
  }

  function runOn(mode: string, file: string): Promise<string> {
    return new Promise((resolve, reject) => {
      // Its own process group, so a timeout kills the whole pipeline the apertium script starts, not just the shell.
      const child = spawn(command, ['-d', dataDir, '-u', '-f', 'html', mode, file], {
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      running.add(child);
      const out: Buffer[] = [];
      let errorText = '';
      let failure: TranslationError | undefined;
      const timer = setTimeout(() => {
        failure = new TranslationError(`apertium ${mode} took longer than ${timeoutMs} ms`, 'timeout', true);
        killGroup(child);
      }, timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => {
        if (errorText.length < 2000) errorText += chunk.toString('utf8');
      });
      child.on('error', (error: NodeJS.ErrnoException) => {
        failure ??= new TranslationError(`cannot run ${command}: ${error.code ?? error.message}`, 'unavailable', false);
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        running.delete(child);
        if (failure) return reject(failure);
        if (code !== 0) {
          const why = errorText.trim().split('\n')[0] || (signal ? `killed by ${signal}` : `exit status ${code}`);
          return reject(new TranslationError(`apertium ${mode} failed: ${why}`, 'unavailable', !closed));
        }
        resolve(Buffer.concat(out).toString('utf8'));
      });
    });
  }

  return {
    id: 'apertium',

    async supports(source, target) {
      return findPair(await pairs(), source, target) !== undefined;
    },

    async translate(fragments, source, target) {
      const pair = findPair(await pairs(), source, target);
      if (!pair) throw new TranslationError(`no Apertium pair for ${source} → ${target} is installed`, 'unsupported_pair', false);
      if (fragments.length === 0) return [];
      const input = fragments.map((fragment, i) => `<p data-bs-seg="${i}">${fragment}</p>`).join('\n');
      const output = await withRetries(() => pool.run(() => run(`${pair.from}-${pair.to}`, input)), options);
      return splitSegments(output, fragments.length);
    },

    async health() {
      const found = await readPairs();
      if (found.length === 0) return { ok: false, detail: `no Apertium modes in ${path.join(dataDir, 'modes')}` };
      return { ok: true, detail: `local command, pairs: ${describePairs(found)}` };
    },

    async close() {
      closed = true;
      for (const child of running) killGroup(child);
      if (workDir) await rm(await workDir, { recursive: true, force: true });
    },
  };
}

/** Kills the child and every program of its pipeline (they share its process group). */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Cuts Apertium's output back into the numbered fragments; anything out of place is a bad response, never a guess. */
export function splitSegments(output: string, count: number): string[] {
  const parts = output.split(/<p data-bs-seg="(\d+)">/);
  // parts: [before, index0, body0, index1, body1, ...]
  if (parts[0]!.trim() !== '' || parts.length !== 1 + 2 * count) {
    throw new TranslationError(`Apertium returned ${(parts.length - 1) / 2} segments for ${count}`, 'bad_response', false);
  }
  const result: string[] = [];
  for (let i = 0; i < count; i++) {
    const body = parts[2 + 2 * i]!.replace(/\s+$/, '');
    if (parts[1 + 2 * i] !== String(i) || !body.endsWith('</p>')) {
      throw new TranslationError(`Apertium returned segment ${i} out of order or unclosed`, 'bad_response', false);
    }
    result.push(body.slice(0, -'</p>'.length));
  }
  return result;
}
