import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { LOG_FILE_ERROR_CODES, type LogFileErrorCode } from '../../core/model/import-errors';

/** Why a file cannot be imported; `message` names the file and says what to do. */
export { LOG_FILE_ERROR_CODES, type LogFileErrorCode };

export class LogFileError extends Error {
  constructor(
    message: string,
    readonly code: LogFileErrorCode,
    readonly fileName: string,
  ) {
    super(message);
  }
}

/** Where log bytes come from: a file on disk, or bytes the user pasted or dropped (no path in a browser). */
export interface LogSource {
  kind: 'file' | 'bytes';
  name: string;
  path: string | null;
  size: number;
  /** Up to `n` bytes from the start. */
  head(n: number): Promise<Uint8Array>;
  /** The raw bytes as a stream (256 KiB chunks for files). */
  open(signal?: AbortSignal): Readable;
}

const CHUNK = 1 << 18;

/**
 * A file as it is now: every read stops at the size it has at this call (or `size`, when the caller fixed it
 * earlier and the file is not shorter). A log still being written is read as one consistent snapshot: its hash,
 * its lines and its recorded size all cover the same bytes, which is what lets a later import of the grown file
 * continue it (main/services/import.ts).
 */
export async function fileSource(path: string, size?: number): Promise<LogSource> {
  const name = basename(path);
  let bytes: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new LogFileError(`${name} is not a file (${path}).`, 'not-a-file', name);
    bytes = size === undefined ? s.size : Math.min(size, s.size);
  } catch (e) {
    if (e instanceof LogFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new LogFileError(`${name} was not found (${path}).`, 'not-found', name);
    throw new LogFileError(`${name} cannot be read: ${(e as Error).message}`, 'unreadable', name);
  }
  return {
    kind: 'file',
    name,
    path,
    size: bytes,
    async head(n) {
      let fh;
      try {
        fh = await open(path, 'r');
        const buf = Buffer.alloc(Math.min(n, bytes));
        const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
        return buf.subarray(0, bytesRead);
      } catch (e) {
        throw new LogFileError(`${name} cannot be read: ${(e as Error).message}`, 'unreadable', name);
      } finally {
        await fh?.close();
      }
    },
    open(signal) {
      if (bytes === 0) return Readable.from([], signal ? { signal } : {});
      return createReadStream(path, { highWaterMark: CHUNK, end: bytes - 1, ...(signal ? { signal } : {}) });
    },
  };
}

export function bytesSource(name: string, data: Uint8Array): LogSource {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return {
    kind: 'bytes',
    name,
    path: null,
    size: buf.length,
    head: async (n) => buf.subarray(0, n),
    // One read ahead at most, as a file's stream: the chunks are handed out as they are asked for.
    open: (signal) => Readable.from(inTurns(buf), { highWaterMark: 1, ...(signal ? { signal } : {}) }),
  };
}

/**
 * Bytes already in memory, handed out a chunk per turn of the event loop, as a file's reads arrive. Handed out all
 * at once (Readable.from of an array), a paste's import ran to its end without the loop ever turning: the window's
 * progress events, its Cancel and every other call waited for the whole import (a 36 MB paste: ~18 s).
 */
async function* inTurns(buf: Buffer): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += CHUNK) {
    if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    yield buf.subarray(i, i + CHUNK);
  }
}

/** A finished import whose bytes the source may start with (see hashSource). */
export interface PrefixCheck {
  /** Its size in bytes: the source's first `size` bytes are compared. */
  size: number;
  /** Its SHA-256 (hex). */
  hash: string;
  /** The bytes it must end with to end at a line boundary (its encoding's newline). */
  endsWith: Uint8Array;
}

export interface SourceHash<P extends PrefixCheck> {
  /** SHA-256 of the raw bytes (as stored: a .gz file hashes compressed). */
  hash: string;
  /** The checks whose content is exactly the source's first `size` bytes, ending with `endsWith`; longest first. */
  prefixes: P[];
}

/**
 * Hashes the source in one streamed pass and, on the way, tells which of `prefixes` it starts with: at each
 * check's size the running hash is copied and finished (Hash.copy) and compared, so finding that a grown log starts
 * with an earlier import costs no second read. Only sizes below the source's are checked.
 */
export async function hashSource<P extends PrefixCheck>(
  source: LogSource,
  signal?: AbortSignal,
  prefixes: readonly P[] = [],
): Promise<SourceHash<P>> {
  const hash = createHash('sha256');
  const todo = prefixes.filter((p) => p.size > 0 && p.size < source.size).sort((a, b) => a.size - b.size);
  const found: P[] = [];
  let next = 0;
  let pos = 0;
  // The last few bytes before `pos`: a check's final bytes may lie in the chunk before.
  let tail = Buffer.alloc(0);
  for await (const data of source.open(signal)) {
    const chunk = data as Buffer;
    let done = 0;
    for (let p = todo[next]; p && p.size <= pos + chunk.length; p = todo[++next]) {
      const cut = p.size - pos;
      if (cut > done) hash.update(chunk.subarray(done, cut));
      done = cut;
      const n = p.endsWith.length;
      const last = cut >= n ? chunk.subarray(cut - n, cut) : Buffer.concat([tail, chunk.subarray(0, cut)]).subarray(-n);
      if (Buffer.compare(last, p.endsWith) === 0 && hash.copy().digest('hex') === p.hash) found.push(p);
    }
    hash.update(done ? chunk.subarray(done) : chunk);
    pos += chunk.length;
    tail = chunk.length >= 8 ? Buffer.from(chunk.subarray(-8)) : Buffer.concat([tail, chunk]).subarray(-8);
  }
  return { hash: hash.digest('hex'), prefixes: found.reverse() };
}
