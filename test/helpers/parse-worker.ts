import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
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

/**
 * Writes `file`: the real parse worker, with each message it sends to the import passing through `onPost` first, a
 * script body that sees `m` (the message), `post(m)` (sends it) and `batches` (batch messages so far, this one
 * included). Tests make the worker die, garble a batch or stall with it, as a crash, another build or a stalled
 * disk would. Returns `file`.
 */
export function patchedParseWorker(file: string, onPost: string): string {
  writeFileSync(
    file,
    `const { parentPort } = require('node:worker_threads');
const post = parentPort.postMessage.bind(parentPort);
let batches = 0;
parentPort.postMessage = (m) => {
  if (m.type === 'batch') batches++;
  ${onPost}
};
require(${JSON.stringify(parseWorkerScript())});
`,
  );
  return file;
}
