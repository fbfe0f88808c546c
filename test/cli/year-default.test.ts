import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/main';
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
