import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchFile = path.join(fileURLToPath(new URL('.', import.meta.url)), 'BENCH.md');

/** "Last run: … on 2 × CPU, Node v20" — the line each section opens with. */
export const runLine = () =>
  `Last run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}.`;

/** Writes one `## heading` section of BENCH.md, replacing an earlier run's; every other section stays. */
export function writeSection(heading: string, section: string) {
  const existing = fs.existsSync(benchFile) ? fs.readFileSync(benchFile, 'utf8') : '# Benchmarks\n';
  const own = new RegExp(`\\n## ${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n[\\s\\S]*?(?=\\n## |$)`);
  fs.writeFileSync(benchFile, `${existing.replace(own, '').trimEnd()}\n\n${section}`);
}
