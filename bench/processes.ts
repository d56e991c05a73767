import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A free loopback port, by asking the kernel for one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Polls a URL until it answers 200; returns the milliseconds taken. Gives up after `limitMs`. */
export async function waitFor200(url: string, startedAt: number, limitMs = 30_000): Promise<number> {
  for (;;) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - startedAt;
    } catch {
      // not listening yet
    }
    if (performance.now() - startedAt > limitMs) throw new Error(`${url} did not answer 200 within ${limitMs} ms`);
    await new Promise((r) => setImmediate(r));
  }
}

/** Resident memory of a process in MiB, from /proc. */
export function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]);
  return kb / 1024;
}

const running = new Set<ChildProcess>();
// Whatever way the bench ends, it leaves no server of its own behind.
process.on('exit', () => {
  for (const child of running) {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
});

/** Starts a command in its own process group, so stopping it stops everything it started. */
export function startGroup(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): ChildProcess {
  const child = spawn(cmd, args, { env, cwd, detached: true, stdio: ['ignore', 'ignore', 'inherit'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

export async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid, 'SIGTERM');
  await exited;
}

/** The pid of the node server itself when `npm start` is the group leader. */
export function serverPid(groupLeader: number): number {
  const children = fs.readFileSync(`/proc/${groupLeader}/task/${groupLeader}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  for (const child of children) {
    const [program = '', ...args] = fs.readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0');
    if (path.basename(program) === 'node' && args.includes('dist/cli.js')) return Number(child);
    const nested = serverPid(Number(child));
    if (nested) return nested;
  }
  return 0;
}
