import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Socket } from 'node:net';
import type { Readable, Writable } from 'node:stream';

/**
 * apertium-tagger is the one program of a pipeline that does not forget a block once it has answered
 * it. Given a word whose ambiguity class its model lacks ("I": numeral or pronoun; "known": adjective
 * or participle), it picks a similar class and, doing so, overwrites the open class it gives unknown
 * words with it (tagger_utils.cc, find_similar_ambiguity_class binds a reference to the open class),
 * until the process exits. Every unknown word in every later block is then tagged differently: "the
 * fields look pockmarked" after a block with "known" in it reads "look" as a verb, not a noun. No
 * option turns this off, so the tagger runs apart from the pipeline: the blocks go to it one at a
 * time, and a tagger that has met such a word (it says so on its error output with -d, before it
 * answers the block) is replaced, in a few milliseconds, before the next block.
 */
export interface TaggerRelay {
  /** The running tagger's process id. */
  readonly pid: number | undefined;
  /** How many taggers were replaced so far. */
  readonly replaced: number;
  /** Lets Node exit while the relay waits (true) or keeps it running (false). */
  idle(yes: boolean): void;
  kill(): void;
}

/**
 * Carries NUL-terminated blocks from `from` (the programs before the tagger) through a tagger started
 * with `argv` (plus -d) to `to` (the programs after it), which ends once `from` has ended and its
 * last block is through. `fail` hears of a tagger that stopped without being asked to.
 */
export function relayThroughTagger(argv: readonly string[], env: NodeJS.ProcessEnv, from: Readable, to: Writable, fail: (why: string) => void): TaggerRelay {
  const blocks: Buffer[] = [];
  let partial = Buffer.alloc(0);
  let inputEnded = false;
  let answering = false;
  let tainted = false;
  let stopped = false;
  let idle = true;
  let replaced = 0;
  let tagger = start();

  function handles(child: ChildProcessWithoutNullStreams) {
    return [child, ...[child.stdin, child.stdout, child.stderr].map((pipe) => pipe as unknown as Socket)];
  }
  function setIdle(child: ChildProcessWithoutNullStreams) {
    for (const handle of handles(child)) {
      if (idle) handle.unref();
      else handle.ref();
    }
  }

  function start(): ChildProcessWithoutNullStreams {
    const child = spawn(argv[0]!, ['-d', ...argv.slice(1)], { stdio: ['pipe', 'pipe', 'pipe'], env });
    tainted = false;
    setIdle(child);
    const current = () => child === tagger && !stopped;
    child.stdin.on('error', () => undefined); // Its exit says more.
    child.stderr.on('data', () => {
      if (current()) tainted = true;
    });
    child.stdout.on('data', (chunk: Buffer) => {
      if (!current()) return;
      to.write(chunk);
      // One block at a time: its NUL ends the tagger's answer. Its error output, written before the
      // answer, has been read by the time the poll that brought the answer is over.
      if (chunk.at(-1) === 0) setImmediate(answered);
    });
    child.on('close', (code, signal) => {
      if (current()) {
        stopped = true;
        fail(`${argv[0]} exited (${signal ? `killed by ${signal}` : `exit status ${code}`})`);
      }
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (current()) {
        stopped = true;
        fail(`cannot run ${argv[0]}: ${error.code ?? error.message}`);
      }
    });
    return child;
  }

  function answered() {
    answering = false;
    if (stopped) return;
    if (tainted) {
      tagger.kill('SIGKILL');
      replaced++;
      tagger = start();
    }
    next();
  }

  function next() {
    if (answering || stopped) return;
    const block = blocks.shift();
    if (block) {
      answering = true;
      tagger.stdin.write(block);
    } else if (inputEnded) {
      // Closing: the tagger flushes whatever is left, then the programs after it hear the end.
      stopped = true;
      tagger.stdout.on('data', (chunk: Buffer) => to.write(chunk));
      tagger.stdout.on('end', () => to.end());
      tagger.stdin.end();
    }
  }

  from.on('data', (chunk: Buffer) => {
    let start = 0;
    for (let at = chunk.indexOf(0); at !== -1; at = chunk.indexOf(0, start)) {
      blocks.push(Buffer.concat([partial, chunk.subarray(start, at + 1)]));
      partial = Buffer.alloc(0);
      start = at + 1;
    }
    if (start < chunk.length) partial = Buffer.concat([partial, chunk.subarray(start)]);
    next();
  });
  from.on('end', () => {
    if (partial.length > 0) blocks.push(partial);
    inputEnded = true;
    next();
  });

  return {
    get pid() {
      return tagger.pid;
    },
    get replaced() {
      return replaced;
    },
    idle(yes) {
      idle = yes;
      setIdle(tagger);
    },
    kill() {
      stopped = true;
      tagger.kill('SIGKILL');
    },
  };
}
