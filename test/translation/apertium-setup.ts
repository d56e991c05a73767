import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

function probe(): string | undefined {
  try {
    execFileSync('sh', ['-c', 'command -v apertium'], { stdio: 'ignore' });
  } catch {
    return 'the apertium command is not installed (apt-get install -y apertium apertium-eng-spa)';
  }
  if (!existsSync('/usr/share/apertium/modes/eng-spa.mode')) return 'the Apertium English–Spanish pair is not installed (apt-get install -y apertium-eng-spa)';
  return undefined;
}

/** Why the real Apertium cannot be used here (its tests are then skipped), or undefined when it can. */
export const apertiumMissing = probe();
if (apertiumMissing && process.env.BROADSHEET_TEST_REQUIRE_ALL === '1') {
  throw new Error(`${apertiumMissing}; BROADSHEET_TEST_REQUIRE_ALL=1 forbids skipping its tests`);
}
if (apertiumMissing) console.log(`# skipping real Apertium checks: ${apertiumMissing}`);

/** A fresh temporary folder for one test's scripts and logs. */
export const scratchDir = () => mkdtemp(path.join(tmpdir(), 'broadsheet-apertium-test-'));

/** Writes an executable shell script into `dir` and returns its path. */
export async function writeScript(dir: string, name: string, body: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, `#!/bin/sh\n${body}\n`);
  await chmod(file, 0o755);
  return file;
}

/** An Apertium data folder whose modes/ holds empty mode files with these names: enough for a fake command. */
export async function fakeDataDir(dir: string, modes: string[]): Promise<string> {
  const data = path.join(dir, 'data');
  await mkdir(path.join(data, 'modes'), { recursive: true });
  for (const mode of modes) await writeFile(path.join(data, 'modes', `${mode}.mode`), '');
  return data;
}

/** Whether a process is still alive (a zombie waiting to be reaped counts as gone). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = execFileSync('cat', [`/proc/${pid}/stat`], { encoding: 'utf8' });
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}
