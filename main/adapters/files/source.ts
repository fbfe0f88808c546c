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

export async function fileSource(path: string): Promise<LogSource> {
  const name = basename(path);
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new LogFileError(`${name} is not a file (${path}).`, 'not-a-file', name);
    size = s.size;
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
    size,
    async head(n) {
      let fh;
      try {
        fh = await open(path, 'r');
        const buf = Buffer.alloc(Math.min(n, size));
        const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
        return buf.subarray(0, bytesRead);
      } catch (e) {
        throw new LogFileError(`${name} cannot be read: ${(e as Error).message}`, 'unreadable', name);
      } finally {
        await fh?.close();
      }
    },
    open(signal) {
      return createReadStream(path, { highWaterMark: CHUNK, ...(signal ? { signal } : {}) });
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
    open: (signal) => {
      const chunks: Buffer[] = [];
      for (let i = 0; i < buf.length; i += CHUNK) chunks.push(buf.subarray(i, i + CHUNK));
      return Readable.from(chunks, signal ? { signal } : {});
    },
  };
}

/** SHA-256 of the raw bytes (as stored: a .gz file hashes compressed), streamed. */
export async function hashSource(source: LogSource, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of source.open(signal)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
