import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../main/cli/analyze';
import { runCli } from '../../main/cli/main';
import { reportCommand } from '../../main/cli/report';
import { captureIo } from '../helpers/cli-io';

/**
 * The year of a log line that has none, without --year: `netwhy parse` keeps its contract (the current year), while
 * `analyze` and `report`, like an import, take last year for a date after today — a log is about the past, and an
 * abuse report dated in the future would not be believed.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// The scan fixture's first line ("Nov 21 09:14:03 kaito-pc kernel: … [UFW BLOCK] … SRC=45.155.205.10 …"), re-dated.
const LINE = (readFileSync(join(__dirname, '../fixtures/report/ufw-scan.log'), 'utf8').split('\n')[0] as string).slice(
  6,
);

// Ten days from now, as a syslog date without a year.
const later = new Date(Date.now() + 10 * 86_400_000);
const thisYear = new Date().getUTCFullYear();
const stamp = `${MONTHS[later.getUTCMonth()]} ${String(later.getUTCDate()).padStart(2, ' ')}`;
// Read in this year it lies ten days ahead, unless the ten days cross New Year: then this year's date is long past.
const pastYear = later.getUTCFullYear() === thisYear ? thisYear - 1 : thisYear;

function logFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'netwhy-year-')), 'ufw.log');
  writeFileSync(file, `${stamp}${LINE}\n`);
  return file;
}

async function run(...argv: string[]): Promise<string> {
  const c = captureIo();
  expect(await runCli(argv, c.io)).toBe(0);
  return c.out();
}

describe('the year of a line without one, when --year is not given', () => {
  it('netwhy parse: the current year, as its contract says', async () => {
    const out = JSON.parse(await run('parse', logFile(), '--tz', 'UTC')) as { ts: string };
    expect(out.ts.slice(0, 4)).toBe(String(thisYear));
  });

  it('netwhy report: last year for a date after today, so the abuse report is not dated in the future', async () => {
    const csv = await run(
      'report',
      logFile(),
      '--host',
      '45.155.205.10',
      '--tz',
      'UTC',
      '--format',
      'csv',
      '--offline',
    );
    const [head, row] = csv.trim().split(/\r?\n/);
    const timestamp = (row ?? '').split(',')[(head ?? '').split(',').indexOf('timestamp')] ?? '';
    expect(timestamp.slice(0, 4)).toBe(String(pastYear));
  });

  it('netwhy analyze: the same year as report', async () => {
    const out = JSON.parse(await run('analyze', logFile(), '--tz', 'UTC', '--offline', '--json')) as {
      hosts: { ip: string; firstSeen: string | null }[];
    };
    const host = out.hosts.find((h) => h.ip === '45.155.205.10');
    expect(host?.firstSeen?.slice(0, 4)).toBe(String(pastYear));
  });
});

// A log written from October 2025 to February 2026, read on 2026-11-21: its year is inferred from its first date
// as it streams in, and until the years moved back part-way it ended in February 2027.
const OCT_TO_FEB = ['Oct  3 08:00:01', 'Nov 27 10:00:00', 'Dec 31 23:59:58', 'Jan  1 00:00:03', 'Feb 14 18:30:00'];
const NOV_21 = () => Date.UTC(2026, 10, 21, 12);

function octToFeb(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'netwhy-year-')), 'ufw.log');
  writeFileSync(file, OCT_TO_FEB.map((t) => `${t}${LINE}\n`).join(''));
  return file;
}

describe('a log without years that runs over New Year, read in November', () => {
  it('netwhy report: dated October 2025 to February 2026, not into next year', async () => {
    const c = captureIo();
    const argv = [octToFeb(), '--host', '45.155.205.10', '--tz', 'UTC', '--format', 'csv', '--offline'];
    expect(await reportCommand(argv, c.io, { now: NOV_21, newId: () => 'test' })).toBe(0);
    const [head, ...rows] = c.out().trim().split(/\r?\n/);
    const column = (head ?? '').split(',').indexOf('timestamp');
    expect(rows.map((r) => r.split(',')[column])).toEqual([
      '2025-10-03T08:00:01+00:00',
      '2025-11-27T10:00:00+00:00',
      '2025-12-31T23:59:58+00:00',
      '2026-01-01T00:00:03+00:00',
      '2026-02-14T18:30:00+00:00',
    ]);
  });

  it('netwhy analyze: the host was first and last seen then', async () => {
    const c = captureIo();
    const argv = [octToFeb(), '--tz', 'UTC', '--offline', '--json'];
    expect(await analyzeCommand(argv, c.io, { now: NOV_21 })).toBe(0);
    const out = JSON.parse(c.out()) as {
      hosts: { ip: string; firstSeen: string | null; lastSeen: string | null; events: number }[];
    };
    expect(out.hosts.find((h) => h.ip === '45.155.205.10')).toMatchObject({
      firstSeen: '2025-10-03T08:00:01.000Z',
      lastSeen: '2026-02-14T18:30:00.000Z',
      events: 5,
    });
  });

  it('netwhy parse: its contract, the current year for the first date, rolled over from there', async () => {
    const out = (await run('parse', octToFeb(), '--tz', 'UTC'))
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { ts: string }).ts.slice(0, 4));
    const y = new Date().getUTCFullYear();
    expect(out).toEqual([y, y, y, y + 1, y + 1].map(String));
  });
});
