import { parentPort, workerData } from 'node:worker_threads';
import { serveParseWorker } from './services/parse-worker';

// The parse worker's entry (built to out/main/import-worker.js beside index.js and cli.js): a big import reads and
// parses its log here, on the other core, while the app's main process (or the CLI) only writes. See
// main/services/parsed-log.ts.
if (parentPort) void serveParseWorker(parentPort, workerData);
