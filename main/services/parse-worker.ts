import { fileSource, LogFileError } from '../adapters/files/source';
import { produceBatches } from './import-batches';
import { ParseWorkerData, ToWorker, type FromWorker } from './parse-worker-protocol';
import { logHeader, prepareLog, type PreparedLog } from './read-log';

/** The worker's side of its message port (worker_threads' parentPort). */
export interface WorkerPort {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  postMessage(message: FromWorker): void;
}

function failure(e: unknown): FromWorker {
  if (e instanceof LogFileError) return { type: 'failed', message: e.message, code: e.code, fileName: e.fileName };
  return { type: 'failed', message: e instanceof Error ? e.message : String(e), code: null, fileName: null };
}

/**
 * The parse worker (main/import-worker.ts runs this): reads and detects the file named in `data`, says what it
 * found ('ready'), then on 'start' parses it into commit-ready batches exactly as an import on one thread would
 * (produceBatches), sending at most `window` batches the import has not taken yet, so memory stays bounded however
 * far the parser could run ahead of the writer.
 */
export async function serveParseWorker(port: WorkerPort, data: unknown): Promise<void> {
  let credits = 0;
  let wake: (() => void) | null = null;
  let started: (start: Extract<ToWorker, { type: 'start' }>) => void = () => undefined;
  const start = new Promise<Extract<ToWorker, { type: 'start' }>>((resolve) => (started = resolve));
  port.on('message', (raw) => {
    const m = ToWorker.parse(raw);
    if (m.type === 'start') {
      credits += m.window;
      started(m);
    } else credits++;
    wake?.();
    wake = null;
  });

  let log: PreparedLog;
  try {
    const d = ParseWorkerData.parse(data);
    log = await prepareLog(await fileSource(d.path, d.size), d.options);
  } catch (e) {
    port.postMessage(failure(e));
    return;
  }
  port.postMessage({ type: 'ready', header: logHeader(log) });
  const { importId, committedLine, batchLines } = await start;
  try {
    for await (const batch of produceBatches(log, importId, committedLine, batchLines)) {
      while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
      credits--;
      port.postMessage({ type: 'batch', batch });
    }
  } catch (e) {
    port.postMessage(failure(e));
  }
}
