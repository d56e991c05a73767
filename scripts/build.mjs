// Bundles the server into dist/cli.js (and its feed-reading worker into dist/prepare-worker.js). Dependencies stay in node_modules; only our code is bundled,
// which keeps start-up to one file read instead of dozens of module resolutions.
// Also bundles the browser islands into dist/client/: there everything is bundled, since a browser
// has no node_modules.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/** Newest modification time of any file under the given folders. */
const newest = (...dirs) =>
  Math.max(
    ...dirs.flatMap((dir) =>
      readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile())
        .map((e) => statSync(path.join(e.parentPath ?? e.path, e.name)).mtimeMs),
    ),
  );

// `--if-stale` (used by `npm start`) skips the build when dist/ is newer than every source file.
const outputs = ['dist/cli.js', 'dist/prepare-worker.js', 'dist/client/editor.js', 'dist/client/share.js'];
if (process.argv.includes('--if-stale') && outputs.every(existsSync)) {
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  if (built > newest('src', 'client', 'scripts')) process.exit(0);
}

await Promise.all([
  build({
    // The feed reader's worker thread is its own entry: src/syndication/prepare-pool.ts starts it from dist/.
    entryPoints: [
      { in: 'src/cli.ts', out: 'cli' },
      { in: 'src/syndication/prepare-worker.ts', out: 'prepare-worker' },
    ],
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
  }),
  build({
    entryPoints: [
      { in: 'client/editor/main.ts', out: 'editor' },
      { in: 'client/editor/editor.css', out: 'editor' },
      { in: 'client/share/main.ts', out: 'share' },
    ],
    outdir: 'dist/client',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
  }),
]);
