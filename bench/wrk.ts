import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface LoadResult {
  requestsPerSecond: number;
  p99Ms: number;
  non2xx: number;
}

const unitMs: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

/**
 * One wrk run against a loopback URL. With `paths`, each request takes the next path in turn
 * (a Lua script), so the server sees many distinct pages.
 */
export function runWrk(url: string, opts: { seconds: number; connections: number; paths?: string[]; scratch: string }): LoadResult {
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
  const out = spawnSync('wrk', [...args, url], { encoding: 'utf8', timeout: (opts.seconds + 30) * 1000 });
  if (out.status !== 0) throw new Error(`wrk failed: ${out.stderr || out.stdout}`);
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out.stdout);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s|m)\b/.exec(out.stdout);
  const errors = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out.stdout);
  if (!rps || !p99) throw new Error(`could not read wrk output:\n${out.stdout}`);
  return { requestsPerSecond: Number(rps[1]), p99Ms: Number(p99[1]) * unitMs[p99[2]!]!, non2xx: errors ? Number(errors[1]) : 0 };
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
