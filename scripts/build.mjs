// Bundles the server into dist/cli.js. Dependencies stay in node_modules; only our code is bundled,
// which keeps start-up to one file read instead of dozens of module resolutions.
// Also bundles the browser islands into dist/client/: there everything is bundled, since a browser
// has no node_modules.
import { build } from 'esbuild';

await Promise.all([
  build({
    entryPoints: ['src/cli.ts'],
    outfile: 'dist/cli.js',
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
