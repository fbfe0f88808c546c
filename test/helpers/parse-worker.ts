import { mkdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = resolve(__dirname, '../..');
let built: string | null = null;

/**
 * The parse worker (main/import-worker.ts) bundled for tests, as electron-vite builds it beside the app's main
 * process: a worker thread runs JavaScript, not the TypeScript sources vitest reads. Built once per test file.
 */
export function parseWorkerScript(): string {
  if (built) return built;
  const dir = join(ROOT, 'node_modules/.cache/netwhy-test');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, 'import-worker.cjs');
  // Test files run in parallel processes: each builds to its own name and renames (atomic), so none loads half a file.
  const tmp = `${outfile}.${process.pid}.tmp`;
  buildSync({
    entryPoints: [join(ROOT, 'main/import-worker.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  renameSync(tmp, outfile);
  built = outfile;
  return outfile;
}
