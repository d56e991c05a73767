import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createLimiter, type Limiter } from '../limiter.js';
import { TranslationError, type TranslationProvider } from '../provider.js';
import { withRetries, type RetryOptions } from '../retry.js';
import { fromApertiumStream, toApertiumStream, type ApertiumStream } from './apertium-html-stream.js';
import { ModeFileError, nullFlushingPipeline, parseModePipeline, type ModeStage } from './apertium-mode-file.js';
import { describePairs, findPair, pairOfModeFile, type ApertiumPair } from './apertium-pairs.js';
import { startPipeline, type ApertiumPipeline } from './apertium-pipeline.js';

export interface ApertiumCommandOptions extends RetryOptions {
  /**
   * The apertium program (default `apertium`, looked up on PATH). Its folder, when given as a path,
   * goes first on the pipelines' PATH, as the apertium script does with APERTIUM_PATH, so that the
   * programs of that installation run.
   */
  command?: string;
  /** Apertium's data folder, holding `modes/` (default Debian's /usr/share/apertium). */
  dataDir?: string;
  /** Pipelines kept running per mode at most (default 2): each is a dozen programs with their dictionaries loaded. */
  maxProcesses?: number;
  /** How long one call may run on its pipeline before the pipeline is killed (default 60 s). */
  timeoutMs?: number;
}

/** The provider, and which pipelines it has running: for the admin and for tests. */
export interface ApertiumCommandProvider extends TranslationProvider {
  pipelines(): Array<{ mode: string; pid: number }>;
}

/**
 * What mode files say for `$1` and `$2`, as `apertium -u` says it: the generator's flag for leaving
 * unknown words unmarked, and no flag for the tagger.
 */
const MODE_ARGUMENTS = ['-n', ''];

/**
 * The local Apertium installation, kept running as Apertium's own APY server keeps it: the first
 * call for a mode starts its pipeline (the programs of the mode file, each in null-flush mode),
 * later calls reuse it, up to `maxProcesses` pipelines per mode with further calls queued for a free
 * one. The fragments go in as Apertium's stream, one block each, numbered so that a block lost or
 * moved is caught, with their inline tags bound to their words (see apertium-html-stream.ts); no
 * process is started per call. A call that runs out of time kills its pipeline, a pipeline that
 * dies is dropped, and the next call starts a fresh one.
 */
export function createApertiumCommandProvider(options: ApertiumCommandOptions = {}): ApertiumCommandProvider {
  const dataDir = options.dataDir ?? '/usr/share/apertium';
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxProcesses = options.maxProcesses ?? 2;
  const env = pipelineEnvironment(options.command);
  const pools = new Map<string, { limiter: Limiter; idle: ApertiumPipeline[] }>();
  const running = new Set<ApertiumPipeline>();
  const modes = new Map<string, Promise<ModeStage[]>>();
  let installed: Promise<ApertiumPair[]> | undefined;
  let closed = false;

  async function readPairs(): Promise<ApertiumPair[]> {
    const files = await readdir(path.join(dataDir, 'modes')).catch(() => []);
    return files.map(pairOfModeFile).filter((pair): pair is ApertiumPair => pair !== undefined);
  }
  // Pairs are installed with apt, not at run time: read them once.
  const pairs = () => (installed ??= readPairs());

  async function readMode(mode: string): Promise<ModeStage[]> {
    const file = path.join(dataDir, 'modes', `${mode}.mode`);
    try {
      return nullFlushingPipeline(parseModePipeline(await readFile(file, 'utf8'), MODE_ARGUMENTS));
    } catch (error) {
      const why = error instanceof ModeFileError ? error.message : `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
      throw new TranslationError(`cannot run Apertium ${mode} as a persistent pipeline: ${why}`, 'unavailable', false);
    }
  }
  const stagesOf = (mode: string) => {
    let stages = modes.get(mode);
    if (!stages) {
      stages = readMode(mode);
      modes.set(mode, stages);
      stages.catch(() => modes.delete(mode));
    }
    return stages;
  };

  /** Runs `task` on a pipeline of `mode` that nothing else is using, started if none is free. */
  function withPipeline<T>(mode: string, task: (pipeline: ApertiumPipeline) => Promise<T>): Promise<T> {
    let pool = pools.get(mode);
    if (!pool) pools.set(mode, (pool = { limiter: createLimiter(maxProcesses), idle: [] }));
    const { limiter, idle } = pool;
    return limiter.run(async () => {
      if (closed) throw closedError();
      let pipeline = idle.pop();
      while (pipeline && !pipeline.alive) pipeline = idle.pop();
      if (!pipeline) {
        const stages = await stagesOf(mode);
        if (closed) throw closedError();
        const started = startPipeline(mode, stages, env);
        running.add(started);
        void started.ended.then(() => running.delete(started));
        pipeline = started;
      }
      try {
        return await task(pipeline);
      } finally {
        if (pipeline.alive && !closed) idle.push(pipeline);
      }
    });
  }

  /** One call on a pipeline of its own, killed should it run out of time. */
  async function translateOn(pipeline: ApertiumPipeline, input: ApertiumStream): Promise<Buffer> {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      pipeline.kill();
    }, timeoutMs);
    try {
      return await pipeline.process(input.stream);
    } catch (error) {
      if (!timedOut) throw error;
      // Report the timeout once the killed pipeline is really gone.
      await pipeline.ended;
      throw new TranslationError(`Apertium ${pipeline.mode} took longer than ${timeoutMs} ms`, 'timeout', true);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    id: 'apertium',
    // Rule-based: a sentence translates the same alone as among others.
    granularity: 'sentence',

    async supports(source, target) {
      return findPair(await pairs(), source, target) !== undefined;
    },

    async translate(fragments, source, target) {
      const pair = findPair(await pairs(), source, target);
      if (!pair) throw new TranslationError(`no Apertium pair for ${source} → ${target} is installed`, 'unsupported_pair', false);
      if (fragments.length === 0) return [];
      const input = toApertiumStream(fragments);
      const mode = `${pair.from}-${pair.to}`;
      const output = await withRetries(() => withPipeline(mode, (pipeline) => translateOn(pipeline, input)), options);
      return fromApertiumStream(output, input, fragments.length);
    },

    async health() {
      const found = await readPairs();
      if (found.length === 0) return { ok: false, detail: `no Apertium modes in ${path.join(dataDir, 'modes')}` };
      return { ok: true, detail: `local command, pairs: ${describePairs(found)}` };
    },

    pipelines: () => [...running].map((pipeline) => ({ mode: pipeline.mode, pid: pipeline.pid })),

    async close() {
      closed = true;
      await Promise.all([...running].map((pipeline) => pipeline.close()));
    },
  };
}

const closedError = () => new TranslationError('the Apertium provider is closed', 'unavailable', false);

/** The pipelines' environment: a UTF-8 locale, as the apertium script insists on, and the installation's folder first on PATH. */
function pipelineEnvironment(command: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C.UTF-8' };
  if (command?.includes('/')) env.PATH = [path.dirname(path.resolve(command)), env.PATH].filter(Boolean).join(':');
  return env;
}
