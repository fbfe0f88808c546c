#!/usr/bin/env node
/**
 * `node scripts/run-bundled.mjs scripts/bench-x.ts [args…]`: runs a TypeScript script bundled into one file, the way
 * NetWhy ships its code (electron-vite bundles the app's main process and the CLI with every module in one scope).
 * tsx transpiles module by module instead, and each imported function or constant is then read through a getter on
 * the module's exports object on every use: measurably slower in hot loops (a 5x slower IPv4 table step, 40 % slower
 * log parsing). Benchmarks should time the code users run, so they go through here.
 * npm packages stay external (better-sqlite3 is native); the bundle goes to node_modules/.cache/netwhy-bench/, not
 * out/ (electron-builder packages out/**, so a benchmark left there would ship in the installer).
 * The parse worker (main/import-worker.ts) is bundled beside it as import-worker.cjs, as the app builds it beside
 * its main process: a benchmark that imports passes join(__dirname, 'import-worker.cjs') as the worker.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-bundled.mjs <script.ts> [args…]');
  process.exit(2);
}
const outdir = join(root, 'node_modules', '.cache', 'netwhy-bench');
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, `${basename(entry).replace(/\.[cm]?tsx?$/, '')}.cjs`);
const options = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
};
await build({
  ...options,
  entryPoints: [join(root, 'main/import-worker.ts')],
  outfile: join(outdir, 'import-worker.cjs'),
});
await build({ ...options, entryPoints: [resolve(entry)], outfile });
const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
