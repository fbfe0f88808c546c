import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { sniffEncoding } from '../../../main/adapters/files/encoding';
import { openLogStream } from '../../../main/adapters/files/lines';
import { bytesSource, fileSource, LogFileError } from '../../../main/adapters/files/source';
import { emptyStats, readLogFileChunks } from '../../../main/services/read-log';

const FIXTURES = join(__dirname, '../../fixtures');
// netstat -ano on Japanese Windows (headings in Japanese): cmd.exe redirection writes CP932 (Shift_JIS),
// PowerShell's ">" writes UTF-16LE with a BOM.
const NETSTAT_JA = readFileSync(join(FIXTURES, 'sockets/windows-netstat-ano.ja.txt'), 'utf8');
// A Buffalo AirStation log line in Japanese (older Japanese web UIs served EUC-JP).
const BUFFALO = readFileSync(join(FIXTURES, 'logs/buffalo.log'), 'utf8');
const NETFILTER = readFileSync(join(FIXTURES, 'logs/netfilter.log'), 'utf8');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'netwhy-enc-'));
});

function write(name: string, data: Uint8Array | string): string {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
}

async function decodedLines(data: Uint8Array): Promise<{ encoding: string; compressed: boolean; lines: string[] }> {
  const s = await openLogStream(bytesSource('x.log', data));
  const lines: string[] = [];
  for await (const b of s.batches()) lines.push(...b.lines);
  return { encoding: s.encoding, compressed: s.compressed, lines };
}

async function events(path: string) {
  const stats = emptyStats();
  const out = [];
  for await (const chunk of readLogFileChunks(path, { stats, tz: 'UTC', year: 2026 })) out.push(...chunk);
  return { out, stats };
}

const original = NETSTAT_JA.split(/\r?\n/);
const withoutLastEmpty = (l: string[]): string[] => (l.at(-1) === '' ? l.slice(0, -1) : l);

describe('encodings', () => {
  it.each([
    ['UTF-8', Buffer.from(NETSTAT_JA, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(NETSTAT_JA)]), 'utf-8'],
    ['UTF-16LE with BOM', iconv.encode(NETSTAT_JA.replace(/\n/g, '\r\n'), 'utf-16le', { addBOM: true }), 'utf-16le'],
    ['UTF-16LE without BOM', iconv.encode(NETSTAT_JA, 'utf-16le'), 'utf-16le'],
    ['UTF-16BE with BOM', iconv.encode(NETSTAT_JA, 'utf-16be', { addBOM: true }), 'utf-16be'],
    ['Shift_JIS (CP932)', iconv.encode(NETSTAT_JA.replace(/\n/g, '\r\n'), 'cp932'), 'shift_jis'],
    ['EUC-JP', iconv.encode(NETSTAT_JA, 'euc-jp'), 'euc-jp'],
  ])('%s decodes to the same Japanese lines', async (_name, bytes, encoding) => {
    const r = await decodedLines(bytes);
    expect(r.encoding).toBe(encoding);
    expect(withoutLastEmpty(r.lines)).toEqual(withoutLastEmpty(original));
    expect(r.lines[1]).toBe('アクティブな接続');
  });

  it('tells EUC-JP from Shift_JIS on a Japanese router line', () => {
    expect(sniffEncoding(iconv.encode(BUFFALO, 'euc-jp'))).toMatchObject({ encoding: 'euc-jp' });
    expect(sniffEncoding(iconv.encode(BUFFALO, 'cp932'))).toMatchObject({ encoding: 'shift_jis' });
  });

  it('reads the same events from a Shift_JIS and a UTF-16 netstat as from UTF-8', async () => {
    const utf8 = await events(write('ja-utf8.txt', NETSTAT_JA));
    const sjis = await events(write('ja-sjis.txt', iconv.encode(NETSTAT_JA.replace(/\n/g, '\r\n'), 'cp932')));
    const utf16 = await events(write('ja-utf16.txt', iconv.encode(NETSTAT_JA, 'utf-16le', { addBOM: true })));
    expect(utf8.out.length).toBeGreaterThan(0);
    const key = (e: { src: string; sport: number | null; dst: string; dport: number | null }) =>
      `${e.src}:${e.sport}>${e.dst}:${e.dport}`;
    expect(sjis.out.map(key)).toEqual(utf8.out.map(key));
    expect(utf16.out.map(key)).toEqual(utf8.out.map(key));
    expect(sjis.stats.encoding).toBe('shift_jis');
  });

  it('splits multi-byte characters across chunk boundaries correctly (256 KiB chunks)', async () => {
    const big = (BUFFALO.trim() + '\n').repeat(40_000); // > 1 MiB of EUC-JP
    const r = await decodedLines(iconv.encode(big, 'euc-jp'));
    expect(r.lines.filter((l) => l !== '').every((l) => l === BUFFALO.trim())).toBe(true);
    expect(r.lines.filter((l) => l !== '').length).toBe(40_000);
  });
});

describe('gzip and bad files', () => {
  it('reads a gzip-compressed log by its magic bytes', async () => {
    const plain = await events(write('nf.log', NETFILTER));
    const gz = await events(write('nf.log.gz', gzipSync(Buffer.from(NETFILTER))));
    expect(gz.stats.compressed).toBe(true);
    expect(gz.out.map((e) => e.raw)).toEqual(plain.out.map((e) => e.raw));
    expect(gz.out.length).toBeGreaterThan(0);
  });

  it.each([
    ['empty file', () => write('empty.log', ''), 'empty', /empty\.log is empty/],
    ['only blank lines', () => write('blank.log', '\n\n  \n'), 'empty', /blank\.log has no text lines/],
    [
      'binary (PNG)',
      () => write('pic.png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')),
      'binary',
      /pic\.png is a binary file/,
    ],
    [
      'unknown format',
      () => write('notes.txt', 'shopping list\nmilk\n'),
      'no-format',
      /notes\.txt does not look like a log/,
    ],
    ['missing file', () => join(dir, 'nope.log'), 'not-found', /nope\.log was not found/],
    ['a directory', () => dir, 'not-a-file', /is not a file/],
    [
      'damaged gzip',
      () => write('bad.log.gz', gzipSync(Buffer.from(NETFILTER.repeat(50))).subarray(0, 200)),
      'bad-gzip',
      /bad\.log\.gz/,
    ],
  ])('rejects %s with a message naming the file', async (_name, make, code, message) => {
    const path = make();
    const err = await events(path).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(LogFileError);
    expect((err as LogFileError).code).toBe(code);
    expect((err as Error).message).toMatch(message);
  });

  it('refuses a file for NUL bytes in its first 64 KB only, wherever the first read ends', async () => {
    // A syslog file after an unclean shutdown: a run of NULs where the last lines were to be written. At byte ~90 K
    // it lies inside the first 256 KiB read yet past the 64 KB the binary check covers.
    let text = '';
    while (text.length < 90_000) text += NETFILTER.trimEnd() + '\n';
    const lineCount = text.split('\n').length - 1;
    const last = NETFILTER.split('\n')[0] as string;
    const clean = await events(write('clean.log', text + last + '\n'));
    const crashed = await events(
      write('crashed.log', Buffer.concat([Buffer.from(text), Buffer.alloc(20), Buffer.from('\n' + last + '\n')])),
    );
    expect(crashed.stats.unknown).toBe(clean.stats.unknown + 1);
    expect(crashed.out.length).toBe(clean.out.length);
    expect(crashed.out.at(-1)?.line).toBe(lineCount + 2);
  });

  it('cuts an endless line instead of holding it all in memory', async () => {
    const p = write('long.log', 'x'.repeat(300_000) + '\n' + NETFILTER);
    const s = await openLogStream(await fileSource(p));
    const batches = [];
    for await (const b of s.batches()) batches.push(b);
    const first = batches[0];
    expect(first?.lines[0]?.length).toBe(65_536);
    expect(first?.cut).toEqual([0]);
    expect(batches.flatMap((b) => b.lines)[1]).toBe(NETFILTER.split('\n')[0]);
  });
});
