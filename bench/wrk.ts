import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface LoadResult {
  requestsPerSecond: number;
  p99Ms: number;
  non2xx: number;
}

const unitMs: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function wrkArgs(url: string, opts: { seconds: number; connections: number; paths?: string[]; scratch: string }): string[] {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error('load tests target loopback only');
  const args = ['-t1', `-c${opts.connections}`, `-d${opts.seconds}s`, '--latency'];
  if (opts.paths) {
    const list = path.join(opts.scratch, 'paths.txt');
    const script = path.join(opts.scratch, 'rotate.lua');
    fs.writeFileSync(list, opts.paths.join('\n') + '\n');
    fs.writeFileSync(
      script,
      `local paths = {}\nfor line in io.lines("${list}") do paths[#paths + 1] = line end\n` +
        `local i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format("GET", paths[i])\nend\n`,
    );
    args.push('-s', script);
  }
  return [...args, url];
}

function readWrk(stdout: string): LoadResult {
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(stdout);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s|m)\b/.exec(stdout);
  const errors = /Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout);
  if (!rps || !p99) throw new Error(`could not read wrk output:\n${stdout}`);
  return { requestsPerSecond: Number(rps[1]), p99Ms: Number(p99[1]) * unitMs[p99[2]!]!, non2xx: errors ? Number(errors[1]) : 0 };
}

/**
 * One wrk run against a loopback URL. With `paths`, each request takes the next path in turn
 * (a Lua script), so the server sees many distinct pages.
 */
export function runWrk(url: string, opts: { seconds: number; connections: number; paths?: string[]; scratch: string }): LoadResult {
  const out = spawnSync('wrk', wrkArgs(url, opts), { encoding: 'utf8', timeout: (opts.seconds + 30) * 1000 });
  if (out.status !== 0) throw new Error(`wrk failed: ${out.stderr || out.stdout}`);
  return readWrk(out.stdout);
}

/**
 * wrk in the background, for load while this process works; `stop()` ends it early (wrk reports
 * what it measured so far on SIGINT) and resolves with the figures.
 */
export function startWrk(url: string, opts: { maxSeconds: number; connections: number; paths?: string[]; scratch: string }) {
  const child = spawn('wrk', wrkArgs(url, { ...opts, seconds: opts.maxSeconds }), { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const done = new Promise<LoadResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', () => {
      try {
        resolve(readWrk(stdout));
      } catch (error) {
        reject(error);
      }
    });
  });
  return {
    /** Resolves when wrk ends of itself after `maxSeconds`. */
    done,
    stop(): Promise<LoadResult> {
      if (child.exitCode === null) child.kill('SIGINT');
      return done;
    },
  };
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Median requests/s and p99 over several runs of the same load. */
export function medianOf(runs: LoadResult[]): LoadResult {
  return {
    requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
  };
}
