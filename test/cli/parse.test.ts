import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../main/cli/io';
import { progressBar } from '../../main/cli/import';
import { runCli } from '../../main/cli/main';
import { openDatabase } from '../../main/db/open';
import { FAMILIES } from '../../main/core/parsers/registry';

const LOGS = join(__dirname, '../fixtures/logs');
const KEYS = ['line', 'ts', 'proto', 'src', 'sport', 'dst', 'dport', 'action', 'flags', 'direction', 'format'];

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    isTTY: false,
    env,
    cwd: process.cwd(),
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

const jsonLines = (s: string): Record<string, unknown>[] =>
  s
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'netwhy-cli-'));
});

describe('netwhy parse', () => {
  it('prints one JSON object per event with exactly the contract keys, in input order; summary on stderr', async () => {
    const r = await cli(['parse', join(LOGS, 'netfilter.log'), '--year', '2026']);
    expect(r.code).toBe(0);
    const rows = jsonLines(r.stdout);
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) expect(Object.keys(row)).toEqual(KEYS);
    const lines = rows.map((x) => x['line'] as number);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
    expect(rows[0]).toEqual({
      line: 1,
      ts: '2026-12-26T09:05:47',
      proto: 'tcp',
      src: '254.253.252.251',
      sport: 17833,
      dst: '191.192.193.194',
      dport: 22,
      action: 'deny',
      flags: ['SYN', 'ECE', 'CWR'],
      direction: 'in',
      format: 'netfilter',
    });
    expect(r.stderr).toMatch(/netfilter\.log: \d+ lines, \d+ events/);
    expect(r.stdout).not.toMatch(/lines,/);
  });

  it('--tz puts the zone offset into ts; --format forces a family', async () => {
    const r = await cli([
      'parse',
      join(LOGS, 'netfilter.log'),
      '--tz',
      'Asia/Tokyo',
      '--year',
      '2026',
      '--format',
      'netfilter',
    ]);
    expect(jsonLines(r.stdout)[0]?.['ts']).toBe('2026-12-26T09:05:47+09:00');
  });

  it('reads a gzip file and a Japanese Shift_JIS netstat the same way (ts null for socket tables)', async () => {
    const gz = join(dir, 'nf.log.gz');
    writeFileSync(gz, gzipSync(readFileSync(join(LOGS, 'netfilter.log'))));
    const plain = await cli(['parse', join(LOGS, 'netfilter.log'), '--year', '2026']);
    expect((await cli(['parse', gz, '--year', '2026'])).stdout).toBe(plain.stdout);
    const netstat = await cli(['parse', join(__dirname, '../fixtures/sockets/windows-netstat-ano.ja.txt')]);
    const rows = jsonLines(netstat.stdout);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((x) => x['ts'] === null && x['src'] === '192.168.1.7')).toBe(true);
  });

  it('fails with a clear message and exit 1 for a bad file; exit 2 for bad options', async () => {
    const bin = join(dir, 'x.bin');
    writeFileSync(bin, Buffer.from([0, 1, 2, 3, 0, 0, 7]));
    const r = await cli(['parse', bin]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/x\.bin is a binary file/);
    expect(r.stdout).toBe('');
    expect((await cli(['parse', join(LOGS, 'netfilter.log'), '--format', 'nope'])).code).toBe(2);
    expect((await cli(['parse', join(LOGS, 'netfilter.log'), '--tz', 'Mars/Olympus'])).code).toBe(2);
    expect((await cli(['parse', join(LOGS, 'netfilter.log'), '--year', '26'])).code).toBe(2);
  });
});

describe('netwhy formats', () => {
  it('lists every family with an example line', async () => {
    const r = await cli(['formats']);
    expect(r.code).toBe(0);
    for (const f of FAMILIES) {
      expect(r.stdout).toContain(f.id);
      expect(r.stdout).toContain(f.example.split('\n')[0] as string);
    }
  });
});

describe('netwhy import', () => {
  it('stores into --db, then adds nothing on a second run', async () => {
    const dbPath = join(dir, 'cli.sqlite');
    const first = await cli(['import', join(LOGS, 'netfilter.log'), join(LOGS, 'pfsense.log'), '--db', dbPath]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/netfilter\.log: imported as import #1/);
    expect(first.stdout).toMatch(/pfsense\.log: imported as import #2/);
    expect(first.stderr).not.toMatch(/\r/);
    const second = await cli(['import', join(LOGS, 'netfilter.log'), '--db', dbPath]);
    expect(second.stdout).toMatch(/already imported \(import #1\); nothing added/);
    const d = openDatabase(dbPath);
    expect((d.prepare('SELECT count(*) AS n FROM imports').get() as { n: number }).n).toBe(2);
    d.close();
  });

  it('uses the app database by default (NETWHY_DB) and reports a bad file with exit 1', async () => {
    const dbPath = join(dir, 'app.sqlite');
    const empty = join(dir, 'empty.log');
    writeFileSync(empty, '');
    const r = await cli(['import', empty, join(LOGS, 'netfilter.log')], { NETWHY_DB: dbPath });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/empty\.log is empty/);
    expect(r.stdout).toMatch(/netfilter\.log: imported/);
  });

  it('draws a terminal progress bar with the rate and time left, then the index phase of a big import', () => {
    const p = {
      importId: 1,
      fileName: 'kern.log',
      family: 'netfilter',
      confidence: 1,
      encoding: 'utf-8',
      bytesDone: 12_300_000,
      bytesTotal: 27_000_000,
      lines: 45_000,
      parsed: 44_000,
      ignored: 900,
      unknown: 100,
      linesPerSec: 85_000,
      secondsLeft: 12,
      phase: 'reading' as const,
    };
    expect(progressBar(p)).toBe('[#########-----------]  46%  12.3/27.0 MB  85,000 lines/s  0:12 left');
    expect(progressBar({ ...p, bytesDone: p.bytesTotal, secondsLeft: 0, phase: 'indexing' })).toBe(
      '[####################] 100%  27.0/27.0 MB  85,000 lines/s  building the address index…',
    );
    // A year-less log that ran over New Year: the lines before the move are read again after the last one.
    expect(progressBar({ ...p, bytesDone: p.bytesTotal, secondsLeft: 0, phase: 'redating' })).toBe(
      '[####################] 100%  27.0/27.0 MB  85,000 lines/s  dating earlier lines a year back…',
    );
  });
});
