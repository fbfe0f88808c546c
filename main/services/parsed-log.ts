import { Worker } from 'node:worker_threads';
import { LogFileError, type LogSource } from '../adapters/files/source';
import { produceBatches, type CommitBatch } from './import-batches';
import {
  FromWorker,
  type LogHeader,
  type ParseWorkerData,
  type StoredOptions,
  type ToWorker,
} from './parse-worker-protocol';
import { logHeader, prepareLog } from './read-log';

/** A log opened for import: how it reads (format, encoding) and then its commit-ready batches. */
export interface ParsedLog {
  header: LogHeader;
  /** True when a worker thread parses it (the import's own thread only writes). */
  inWorker: boolean;
  /** Batches of about `batchLines` lines after `committedLine` (see produceBatches); run once. */
  batches(importId: number, committedLine: number, batchLines: number): AsyncGenerator<CommitBatch>;
  /** Lets go of the file and the worker when the batches are not read to the end. */
  close(): Promise<void>;
}

export interface ParseOptions {
  /** The built parse worker (out/main/import-worker.js); without it, or for a small file, parsing stays here. */
  worker?: string | undefined;
  /** Files from this size go to the worker (default 1 MiB: below it, starting a worker costs more than it saves). */
  workerMinBytes?: number | undefined;
  signal?: AbortSignal | undefined;
}

/** Batches the worker may have sent ahead of the import: enough to keep both cores busy, ~1 MB each. */
const WINDOW = 3;
const WORKER_MIN_BYTES = 1 << 20;
/**
 * The worker's short-lived-object space. V8's default let a 1M-line import peak at ~300 MB (two heaps now); 8 MB
 * kept it at ~260 MB at the same speed (its garbage is per line, collected young either way).
 */
const YOUNG_GENERATION_MB = 8;
/**
 * The worker's long-lived space. What it holds at once is small (a 256 KiB chunk, a line batch, at most WINDOW
 * batches not yet taken, the decoder), but V8 let it grow far beyond that before collecting: `netwhy import` of a
 * million lines peaked at 289-295 MB, with this cap at 250-253 MB in the same time (alternate runs, 2-core VM).
 */
const OLD_GENERATION_MB = 64;
/** Imports the user starts side by side share the two cores: each worker is a heap of its own (~80 MB at peak). */
const MAX_WORKERS = 2;
let workers = 0;

/**
 * Opens a log for import. A file of a megabyte or more is read and parsed by a worker thread while the caller
 * stores what it sends: on two cores a big import runs about 1.5 times as fast, and the app's main process only
 * writes. Everything else, a file beyond the workers already running, and any file when the worker cannot start
 * (a broken install) is parsed here; the batches are the same either way.
 */
export async function openParsedLog(
  source: LogSource,
  read: StoredOptions,
  options: ParseOptions = {},
): Promise<ParsedLog> {
  const useWorker =
    options.worker !== undefined &&
    source.path !== null &&
    source.size >= (options.workerMinBytes ?? WORKER_MIN_BYTES) &&
    workers < MAX_WORKERS;
  if (useWorker) {
    const data = { path: source.path as string, size: source.size, options: read };
    const parsed = await openInWorker(options.worker as string, data, options.signal);
    if (parsed) return parsed;
  }
  const log = await prepareLog(source, { ...read, signal: options.signal });
  return {
    header: logHeader(log),
    inWorker: false,
    batches: (importId, committedLine, batchLines) => produceBatches(log, importId, committedLine, batchLines),
    close: () => Promise.resolve(),
  };
}

/** The thread reading a log stopped before the end (crashed, or sent something that failed the check). */
export class ReaderStoppedError extends Error {
  readonly code = 'reader-stopped';
}

function workerFailure(m: Extract<FromWorker, { type: 'failed' }>): Error {
  return m.code !== null ? new LogFileError(m.message, m.code, m.fileName ?? '') : new ReaderStoppedError(m.message);
}

function cancelled(signal: AbortSignal): Error {
  return signal.reason instanceof Error
    ? signal.reason
    : Object.assign(new Error('The import was cancelled.'), { name: 'AbortError' });
}

/**
 * The worker's messages, checked, one at a time. A crash or exit of the worker, a message that fails the check, or
 * the user cancelling rejects the next read; nothing the worker sends after a failure is handed out (a batch after
 * a rejected one would skip its lines).
 */
function inbox(worker: Worker, signal: AbortSignal | undefined): () => Promise<FromWorker> {
  const queue: FromWorker[] = [];
  let failed: Error | null = null;
  let waiting: { resolve: (m: FromWorker) => void; reject: (e: Error) => void } | null = null;
  const settle = (): void => {
    if (!waiting) return;
    const w = waiting;
    const m = queue.shift();
    if (m) {
      waiting = null;
      w.resolve(m);
    } else if (failed) {
      waiting = null;
      w.reject(failed);
    }
  };
  const fail = (e: Error): void => {
    failed ??= e;
    settle();
  };
  worker.on('message', (raw: unknown) => {
    if (failed) return;
    const r = FromWorker.safeParse(raw);
    if (r.success) queue.push(r.data);
    else fail(new ReaderStoppedError(`The parse worker sent a message NetWhy does not understand: ${r.error.message}`));
    settle();
  });
  worker.on('error', (e: Error) => fail(new ReaderStoppedError(`The parse worker failed: ${e.message}`)));
  worker.on('exit', (code: number) =>
    fail(new ReaderStoppedError(`The parse worker stopped unexpectedly (exit code ${code}).`)),
  );
  // Batches already received are still handed out (the import stops after the one it is storing).
  const onAbort = (): void => fail(cancelled(signal as AbortSignal));
  signal?.addEventListener('abort', onAbort, { once: true });
  // The CLI's one signal serves every file it imports: no listener outlives its worker.
  worker.once('exit', () => signal?.removeEventListener('abort', onAbort));
  return () =>
    new Promise<FromWorker>((resolve, reject) => {
      waiting = { resolve, reject };
      settle();
    });
}

/** null when the worker cannot start or dies before reading the file: the caller parses on its own thread then. */
async function openInWorker(
  script: string,
  data: ParseWorkerData,
  signal: AbortSignal | undefined,
): Promise<ParsedLog | null> {
  if (signal?.aborted) throw cancelled(signal);
  let worker: Worker;
  try {
    worker = new Worker(script, {
      workerData: data,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: OLD_GENERATION_MB },
    });
  } catch (e) {
    console.warn(`NetWhy: the parse worker ${script} did not start (${(e as Error).message}); parsing on one thread.`);
    return null;
  }
  workers++;
  worker.once('exit', () => workers--);
  const next = inbox(worker, signal);
  const post = (m: ToWorker): void => worker.postMessage(m);
  const stop = async (): Promise<void> => {
    await worker.terminate();
  };
  let first: FromWorker;
  try {
    first = await next();
  } catch (e) {
    await stop();
    if (signal?.aborted) throw e;
    console.warn(
      `NetWhy: the parse worker ${script} failed to start (${(e as Error).message}); parsing on one thread.`,
    );
    return null;
  }
  if (first.type !== 'ready') {
    await stop();
    if (first.type === 'failed') throw workerFailure(first);
    throw new Error('The parse worker sent a batch before saying how it reads the file.');
  }
  return {
    header: first.header,
    inWorker: true,
    async *batches(importId, committedLine, batchLines) {
      post({ type: 'start', importId, committedLine, batchLines, window: WINDOW });
      try {
        for (;;) {
          const m = await next();
          if (m.type === 'failed') throw workerFailure(m);
          if (m.type !== 'batch') throw new Error('The parse worker said it was ready twice.');
          post({ type: 'credit' });
          yield m.batch;
          if (m.batch.final) return;
        }
      } finally {
        await stop();
      }
    },
    close: stop,
  };
}
