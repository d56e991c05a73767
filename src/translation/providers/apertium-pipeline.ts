import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { TranslationError } from '../provider.js';
import { shellPipeline, type ModeStage } from './apertium-mode-file.js';
import { relayThroughTagger, type TaggerRelay } from './apertium-tagger-relay.js';
import { isExecutable } from './executable.js';

/** How long close() lets a pipeline finish what it was given before killing it. */
const CLOSE_GRACE_MS = 5_000;
/** Why a pipeline stopped when its last program exited: its exit, or its error output, says more. */
const OUTPUT_ENDED = 'its output ended';
/** Enough of a pipeline's error output to say why it failed. */
const MAX_ERROR_TEXT = 2_000;

/**
 * One Apertium mode kept running between calls: its programs, each in null-flush mode, joined by one
 * `sh -c` in a process group of their own. A block of Apertium stream ending in NUL goes in and its
 * translation comes out ending in NUL, without the programs loading their dictionaries again. One
 * call at a time: a call counts the NULs it wrote and takes the output up to as many NULs as its own.
 */
export interface ApertiumPipeline {
  readonly mode: string;
  /** The shell's process id, which is also the id of the process group of every program in the pipeline. */
  readonly pid: number;
  readonly alive: boolean;
  /** Settles once the pipeline has ended, whatever the reason. */
  readonly ended: Promise<void>;
  /** Sends a stream of NUL-terminated blocks and resolves with the output of as many blocks. */
  process(stream: Buffer): Promise<Buffer>;
  /** Kills every program of the pipeline at once. */
  kill(): void;
  /** Ends the input, lets the programs finish and exit (killing them if they will not) and waits for that. */
  close(): Promise<void>;
}

interface Call {
  nuls: number;
  chunks: Buffer[];
  resolve(output: Buffer): void;
  reject(error: TranslationError): void;
}

/** Starts a pipeline; refuses at once, not retryably, when one of its programs is not installed. */
export function startPipeline(mode: string, stages: readonly ModeStage[], env: NodeJS.ProcessEnv): ApertiumPipeline {
  for (const stage of stages) {
    if (!isExecutable(stage.argv[0]!, env.PATH ?? '')) {
      throw new TranslationError(`cannot start Apertium ${mode}: its program ${stage.argv[0]} is not installed`, 'unavailable', false);
    }
  }
  const tagger = stages.findIndex((stage) => path.basename(stage.argv[0]!) === 'apertium-tagger');
  const script = tagger < 0 ? shellPipeline(stages) : aroundTagger(stages.slice(0, tagger), stages.slice(tagger + 1));
  const child = spawn('/bin/sh', ['-c', script], { detached: true, stdio: ['pipe', 'pipe', 'pipe', 'pipe', 'pipe'], env });
  let relay: TaggerRelay | undefined;
  // An idle pipeline does not keep Node running: when Node exits, the pipeline's input closes and its programs exit too.
  // (Node gives a child its pipes as sockets, which can be unreferenced like the child.)
  const handles = [child, ...child.stdio.map((pipe) => pipe as unknown as Socket)];
  const idle = (yes: boolean) => {
    for (const handle of handles) {
      if (yes) handle.unref();
      else handle.ref();
    }
    relay?.idle(yes);
  };
  idle(true);
  let call: Call | undefined;
  let alive = true;
  let errorText = '';
  let endedBy: string | undefined;
  let closing = false;

  const killGroup = () => {
    relay?.kill();
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  /** The pipeline cannot be used again: kill what is left of it; the call waiting on it hears why once it has exited. */
  const stop = (why: string) => {
    endedBy ??= why;
    alive = false;
    idle(false); // Until it has exited, so that whoever waits for that hears of it.
    killGroup();
  };
  const stopped = () => new TranslationError(`Apertium ${mode} stopped: ${endedBy}`, 'unavailable', true);
  const ended = new Promise<void>((resolve) => {
    child.on('close', (code, signal) => {
      alive = false;
      const exit = signal ? `killed by ${signal}` : `exit status ${code}`;
      endedBy = errorText.trim().split('\n')[0] || (endedBy === OUTPUT_ENDED ? undefined : endedBy) || exit;
      call?.reject(stopped());
      call = undefined;
      relay?.kill();
      resolve();
    });
  });

  child.on('error', (error: NodeJS.ErrnoException) => stop(`cannot run /bin/sh: ${error.code ?? error.message}`));
  if (tagger >= 0) {
    const [toTagger, fromTagger] = [child.stdio[3] as Readable, child.stdio[4] as Writable];
    fromTagger.on('error', () => stop('its input was closed'));
    relay = relayThroughTagger(stages[tagger]!.argv, env, toTagger, fromTagger, (why) => {
      if (!closing) stop(why);
    });
  }
  child.stdin.on('error', () => stop('its input was closed'));
  child.stderr.on('data', (chunk: Buffer) => {
    if (errorText.length < MAX_ERROR_TEXT) errorText += chunk.toString('utf8');
  });
  // The last program exiting ends the output while the others may still wait for input.
  child.stdout.on('end', () => {
    if (!closing) stop(OUTPUT_ENDED);
  });
  child.stdout.on('data', (chunk: Buffer) => {
    // Programs reaching the end of their input after close() flush once more: that is no reply to anyone.
    if (closing) return;
    if (!call) return stop('it wrote output nobody asked for');
    let at = -1;
    while (call.nuls > 0 && (at = chunk.indexOf(0, at + 1)) !== -1) call.nuls--;
    if (call.nuls > 0) return void call.chunks.push(chunk);
    // Output past this call's last NUL would be read as the next call's: the pipeline is out of step.
    if (at + 1 < chunk.length) {
      call.reject(new TranslationError(`Apertium ${mode} wrote more blocks than it was given`, 'bad_response', true));
      call = undefined;
      return stop('it wrote more blocks than it was given');
    }
    const done = call;
    call = undefined;
    // What the programs complained of while answering does not explain a later failure.
    errorText = '';
    done.resolve(Buffer.concat([...done.chunks, chunk]));
  });

  return {
    mode,
    pid: child.pid ?? 0,
    get alive() {
      return alive;
    },
    ended,

    process(stream) {
      if (call) throw new Error(`Apertium ${mode}: a call is already waiting on this pipeline`);
      if (stream.at(-1) !== 0) throw new Error('a stream for an Apertium pipeline must end with a NUL');
      // Stopped but maybe not yet exited: its error output says why once it has.
      if (!alive) return ended.then(() => Promise.reject(stopped()));
      idle(false);
      return new Promise<Buffer>((resolve, reject) => {
        call = { nuls: stream.filter((byte) => byte === 0).length, chunks: [], resolve, reject };
        child.stdin.write(stream);
      }).finally(() => idle(true));
    },

    kill: () => stop('killed'),

    async close() {
      closing = true;
      endedBy ??= 'closed';
      idle(false);
      child.stdin.end();
      const timer = setTimeout(killGroup, CLOSE_GRACE_MS);
      await ended;
      clearTimeout(timer);
    },
  };
}

/**
 * The programs before the tagger and those after it, in one shell and one process group: the first
 * read the pipeline's input and write to descriptor 3, the others read descriptor 4 and write the
 * pipeline's output; the tagger between them runs apart (see apertium-tagger-relay.ts). Each side
 * holds only its own descriptors, so that each hears the end of its input.
 */
function aroundTagger(before: readonly ModeStage[], after: readonly ModeStage[]): string {
  // Job control being off, a command run in the background reads /dev/null unless told otherwise:
  // the input is kept as descriptor 5 for the programs before the tagger.
  return [
    'exec 5<&0',
    `{ ${shellPipeline(before)}; } <&5 >&3 4<&- 5<&- &`,
    `{ ${shellPipeline(after)}; } <&4 3>&- 5<&- &`,
    'exec 0<&- 3>&- 4<&- 5<&-',
    'wait',
  ].join('\n');
}
