import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { MAX_LINE_CHARS } from '../../core/import/pipeline';
import { createDecoder, sniffEncoding, type LogEncoding } from './encoding';
import { LogFileError, type LogSource } from './source';

/** Lines in file order; `cut` lists indexes (into `lines`) of lines longer than MAX_LINE_CHARS that were cut. */
export interface LineBatch {
  /** 1-based number of lines[0] in the file. */
  firstLine: number;
  lines: string[];
  cut: number[] | null;
}

export interface LogStream {
  encoding: LogEncoding;
  compressed: boolean;
  /** Raw (on-disk) bytes consumed so far: the progress measure, also for .gz files. */
  bytesRead(): number;
  batches(): AsyncGenerator<LineBatch>;
}

const HEAD = 64 * 1024;

function isGzip(b: Uint8Array): boolean {
  return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
}

/** Reads and checks the start of the (decompressed) content: empty, binary, encoding. */
async function firstBytes(stream: Readable, name: string): Promise<{ head: Buffer; rest: AsyncIterator<Buffer> }> {
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const parts: Buffer[] = [];
  let size = 0;
  while (size < HEAD) {
    let r: IteratorResult<Buffer>;
    try {
      r = await it.next();
    } catch (e) {
      const msg = (e as Error).message;
      if ((e as NodeJS.ErrnoException).code?.startsWith('Z_'))
        throw new LogFileError(`${name} is not a valid gzip file (${msg}).`, 'bad-gzip', name);
      throw new LogFileError(`${name} cannot be read: ${msg}`, 'unreadable', name);
    }
    if (r.done) break;
    parts.push(r.value);
    size += r.value.length;
  }
  return { head: Buffer.concat(parts), rest: it };
}

/**
 * Opens a log for streaming: gzip by magic bytes, encoding by BOM / NUL pattern / validity, then lines in batches
 * (one per 256 KiB chunk), so memory stays bounded whatever the file's size. Rejects empty and binary files with a
 * message naming the file.
 */
export async function openLogStream(source: LogSource, signal?: AbortSignal): Promise<LogStream> {
  const name = source.name;
  if (source.size === 0) throw new LogFileError(`${name} is empty: there is nothing to import.`, 'empty', name);
  const compressed = isGzip(await source.head(2));
  const raw = source.open(signal);
  let bytes = 0;
  raw.on('data', (c: Buffer) => (bytes += c.length));
  const content = compressed ? raw.pipe(createGunzip()) : raw;
  if (compressed) raw.on('error', (e) => content.destroy(e));
  const { head, rest } = await firstBytes(content, name);
  if (head.length === 0) {
    throw new LogFileError(
      `${name} is empty${compressed ? ' once decompressed' : ''}: there is nothing to import.`,
      'empty',
      name,
    );
  }
  // The first read may bring more than HEAD (a file is read 256 KiB at a time): judge only HEAD, as documented, so a
  // NUL run further on (a syslog file after an unclean shutdown) is kept as an unknown line, wherever it falls.
  const guess = sniffEncoding(head.subarray(0, HEAD));
  if (guess.kind === 'binary') {
    raw.destroy();
    throw new LogFileError(
      `${name} is a binary file, not a text log (byte ${guess.offset} is not text). ` +
        'Export the log as text from the router or firewall and import that.',
      'binary',
      name,
    );
  }
  const encoding = guess.encoding;

  async function* batches(): AsyncGenerator<LineBatch> {
    const decoder = createDecoder(encoding);
    let carry = '';
    let lineNo = 1;
    // A line longer than MAX_LINE_CHARS is cut: the kept part is emitted once, the rest dropped up to its newline.
    let skipping = false;
    function split(text: string, final: boolean): LineBatch | null {
      const lines: string[] = [];
      let cut: number[] | null = null;
      const firstLine = lineNo;
      let s = carry + text;
      carry = '';
      let start = 0;
      for (;;) {
        const nl = s.indexOf('\n', start);
        if (nl < 0) break;
        let end = nl;
        if (end > start && s.charCodeAt(end - 1) === 13) end--;
        if (skipping) {
          // The tail of a line already emitted (cut) in an earlier chunk.
          skipping = false;
          start = nl + 1;
          continue;
        }
        if (end - start > MAX_LINE_CHARS) {
          (cut ??= []).push(lines.length);
          lines.push(s.slice(start, start + MAX_LINE_CHARS));
        } else {
          lines.push(s.slice(start, end));
        }
        lineNo++;
        start = nl + 1;
      }
      s = s.slice(start);
      if (!skipping && s.length > MAX_LINE_CHARS) {
        (cut ??= []).push(lines.length);
        lines.push(s.slice(0, MAX_LINE_CHARS));
        lineNo++;
        skipping = true;
        s = '';
      }
      if (skipping) s = '';
      if (final) {
        if (s.length > 0) {
          if (s.charCodeAt(s.length - 1) === 13) s = s.slice(0, -1);
          lines.push(s);
          lineNo++;
        }
      } else {
        carry = s;
      }
      return lines.length ? { firstLine, lines, cut } : null;
    }
    try {
      let b = split(decoder.write(head), false);
      if (b) yield b;
      for (;;) {
        const r = await rest.next();
        if (r.done) break;
        b = split(decoder.write(r.value), false);
        if (b) yield b;
      }
      b = split(decoder.end(), true);
      if (b) yield b;
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (code.startsWith('Z_') || code === 'ERR_STREAM_PREMATURE_CLOSE') {
        throw new LogFileError(
          `${name} is a damaged gzip file (${(e as Error).message}) after line ${lineNo - 1}.`,
          'bad-gzip',
          name,
        );
      }
      throw new LogFileError(
        `${name} cannot be read after line ${lineNo - 1}: ${(e as Error).message}`,
        'unreadable',
        name,
      );
    } finally {
      raw.destroy();
    }
  }

  return { encoding, compressed, bytesRead: () => bytes, batches };
}
