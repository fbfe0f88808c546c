import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFamily } from '../../../main/core/import/detect';
import { createPipeline } from '../../../main/core/import/pipeline';
import { createTimeResolver } from '../../../main/core/import/time';
import type { ConnectionEvent } from '../../../main/core/model/event';
import { FAMILIES } from '../../../main/core/parsers/registry';

/*
 * The `ts` that `netwhy parse FILE --tz ZONE [--year Y]` prints for real-format lines: detection, the family's
 * parser, the syslog header reader and the time resolver together, as the CLI runs them.
 */

/** The Japanese home-router line (issue 3), after the time under test. */
const REJECTED = 'UDP connection rejected from 203.0.113.9:3478 to 192.168.1.10:61234';
/** A UFW block as Ubuntu's kernel log writes it, after the syslog header under test. */
const UFW =
  'kernel: [UFW BLOCK] IN=eth0 OUT= MAC=00:11 SRC=1.2.3.4 DST=5.6.7.8 LEN=52 PROTO=TCP SPT=1111 DPT=22 SYN URGP=0';
/** 2026-11-21 12:00 in Tokyo, 03:00 UTC. */
const NOW = Date.UTC(2026, 10, 21, 3, 0, 0);

interface Options {
  tz: string;
  year?: number;
  now?: number;
}

/** What `netwhy parse` prints as ts, one entry per input line (every line here must come out as an event). */
function tsOf(lines: readonly string[], o: Options): (string | null)[] {
  const events: ConnectionEvent[] = [];
  const family = detectFamily(lines, FAMILIES).family;
  const pipeline = createPipeline(
    {
      family,
      fallback: FAMILIES,
      time: createTimeResolver({ zone: o.tz, defaultZone: 'UTC', year: o.year, now: o.now ?? NOW }),
    },
    { event: (e) => events.push(e), unknown: () => undefined, ignored: () => undefined },
  );
  lines.forEach((l, i) => pipeline.push(l, i + 1));
  pipeline.end();
  expect(events.map((e) => e.line)).toEqual(lines.map((_, i) => i + 1));
  return events.map((e) => e.ts);
}

describe('12-hour clocks after a dash date', () => {
  it('reads PM and AM instead of stopping before them', () => {
    expect(
      tsOf(
        [
          `2024-11-21 03:04:05 PM ${REJECTED}`,
          `2024-11-21 12:04:05 AM ${REJECTED}`,
          `2024-11-21 12:04:05 PM ${REJECTED}`,
          `2024-11-21 03:04:05 ${REJECTED}`,
        ],
        { tz: 'UTC' },
      ),
    ).toEqual(['2024-11-21T15:04:05Z', '2024-11-21T00:04:05Z', '2024-11-21T12:04:05Z', '2024-11-21T03:04:05Z']);
  });
});

describe('Japanese dates, US dates and a time of day alone', () => {
  it.each([
    [`2024年11月21日 午後3時04分05秒 ${REJECTED}`, '2024-11-21T15:04:05+09:00'],
    [`2024年11月21日(木) 午前0:04:05 ${REJECTED}`, '2024-11-21T00:04:05+09:00'],
    // No year: --year, else the current year (2026 at NOW).
    [`11月21日 15時04分 ${REJECTED}`, '2026-11-21T15:04:00+09:00'],
    [`11/21/2024 3:04:05 PM ${REJECTED}`, '2024-11-21T15:04:05+09:00'],
    // A clock alone, with no date before it: today in the chosen zone.
    [`15:04:05 ${REJECTED}`, '2026-11-21T15:04:05+09:00'],
    [`午後3:04:05 ${REJECTED}`, '2026-11-21T15:04:05+09:00'],
  ])('%s', (line, ts) => {
    expect(tsOf([line], { tz: 'Asia/Tokyo' })).toEqual([ts]);
  });

  it('gives a time-only syslog line the date of the dated line before it', () => {
    expect(tsOf([`Nov 19 09:14:01 h ${UFW}`, `09:15:00 h ${UFW}`], { tz: 'Asia/Tokyo' })).toEqual([
      '2026-11-19T09:14:01+09:00',
      '2026-11-19T09:15:00+09:00',
    ]);
  });

  it('takes no time from a date without a clock, a MAC address or an impossible clock', () => {
    expect(
      tsOf([`2024/11/21 ${REJECTED}`, `00:11:22:33:44:55 ${REJECTED}`, `午後13:04:05 ${REJECTED}`], {
        tz: 'Asia/Tokyo',
      }),
    ).toEqual([null, null, null]);
  });
});

describe('year inference', () => {
  it('is not reset by a line that states its own year: --year still holds for the year-less lines', () => {
    expect(
      tsOf([`Nov 21 09:14:01 h ${UFW}`, `<6>2016-02-23T10:59:24Z h ${UFW}`, `Nov 21 09:14:03 h ${UFW}`], {
        tz: 'UTC',
        year: 2026,
      }),
    ).toEqual(['2026-11-21T09:14:01Z', '2016-02-23T10:59:24Z', '2026-11-21T09:14:03Z']);
  });

  it('still rolls over Dec -> Jan across a line with its own year', () => {
    expect(
      tsOf([`Dec 31 23:59:59 h ${UFW}`, `<6>2016-02-23T10:59:24Z h ${UFW}`, `Jan  1 00:00:01 h ${UFW}`], {
        tz: 'UTC',
        year: 2025,
      }),
    ).toEqual(['2025-12-31T23:59:59Z', '2016-02-23T10:59:24Z', '2026-01-01T00:00:01Z']);
  });
});

describe('impossible dates and clocks', () => {
  it('give no time (ts null) but the lines stay events', () => {
    expect(
      tsOf(
        [
          `Apr 31 00:00:01 h ${UFW}`,
          `Jan 45 00:00:01 h ${UFW}`,
          `Nov 21 25:61:61 h ${UFW}`,
          `<6>2025-13-45T10:00:00Z h ${UFW}`,
          `<6>2025-02-29T10:00:00Z h ${UFW}`,
        ],
        { tz: 'UTC' },
      ),
    ).toEqual([null, null, null, null, null]);
  });

  it('do not move the year inference', () => {
    expect(
      tsOf([`Nov 20 09:00:00 h ${UFW}`, `Jan 45 00:00:01 h ${UFW}`, `Nov 21 09:00:00 h ${UFW}`], { tz: 'UTC' }),
    ).toEqual(['2026-11-20T09:00:00Z', null, '2026-11-21T09:00:00Z']);
  });

  it('put a year-less Feb 29 in the nearest earlier leap year, and the lines after it with it', () => {
    expect(
      tsOf([`Feb 29 00:00:01 h ${UFW}`, `Mar  1 00:00:01 h ${UFW}`], { tz: 'UTC', now: Date.UTC(2026, 10, 21) }),
    ).toEqual(['2024-02-29T00:00:01Z', '2024-03-01T00:00:01Z']);
    expect(tsOf([`Feb 29 23:00:00 h ${UFW}`], { tz: 'UTC', year: 2028 })).toEqual(['2028-02-29T23:00:00Z']);
  });

  it('always print a ts that a date parser reads back, or null', () => {
    const lines = ['Feb 28', 'Feb 29', 'Apr 30', 'Apr 31', 'Jun 30', 'Jun 31'].map((d) => `${d} 23:59:59 h ${UFW}`);
    const ts = tsOf(lines, { tz: 'Asia/Tokyo', year: 2025 });
    expect(ts).toEqual([
      '2025-02-28T23:59:59+09:00',
      '2024-02-29T23:59:59+09:00',
      '2024-04-30T23:59:59+09:00',
      null,
      '2024-06-30T23:59:59+09:00',
      null,
    ]);
    for (const t of ts) if (t !== null) expect(Number.isNaN(Date.parse(t))).toBe(false);
  });
});

describe('MikroTik RouterOS "today" clocks', () => {
  const older =
    'nov/02 14:30:01 firewall,info input: in:ether1 out:(unknown 0), src-mac 00:11:22:33:44:55, proto TCP (SYN), 185.220.101.1:45678->192.168.1.1:22, len 60';
  const todays = older.replace('nov/02 14:30:01', '10:29:41');

  it("dates a clock-only entry with the import's today, not with the older date above it", () => {
    expect(tsOf([older, todays], { tz: 'UTC', now: Date.UTC(2026, 10, 21, 11, 28) })).toEqual([
      '2026-11-02T14:30:01Z',
      '2026-11-21T10:29:41Z',
    ]);
  });

  it('takes today in the chosen zone (already Nov 22 in Tokyo at 20:00 UTC)', () => {
    expect(tsOf([older, todays], { tz: 'Asia/Tokyo', now: Date.UTC(2026, 10, 21, 20, 0) })).toEqual([
      '2026-11-02T14:30:01+09:00',
      '2026-11-22T10:29:41+09:00',
    ]);
  });

  it('reads the fixture log', () => {
    const lines = readFileSync(join(__dirname, '../../fixtures/logs/mikrotik.log'), 'utf8')
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '' && !l.includes('system,info'));
    expect(tsOf(lines, { tz: 'UTC', now: Date.UTC(2026, 10, 21, 11, 28) })).toEqual([
      '2026-07-22T10:54:38Z',
      '2023-03-14T01:28:08-04:00',
      '2026-01-15T14:30:01Z',
      '2026-11-21T10:29:41Z', // today-only clocks: the day of the import
      '2026-11-21T08:10:55Z',
      null, // no time at all
      '2025-09-03T09:03:02Z', // Jan -> Sep reads as a newest-first log stepping back a year
    ]);
  });
});

describe('fractions of a second', () => {
  it('keeps the digits the log states in ts', () => {
    expect(
      tsOf(
        [
          `<6>2026-11-21T09:14:01.578333-05:00 h ${UFW}`,
          `<6>2026-11-21T09:14:01.851865123Z h ${UFW}`,
          `<6>2026-11-21T09:14:01.120+09:00 h ${UFW}`,
          `Nov 21 09:14:03.5 h ${UFW}`,
          `2024/11/21 15:04:05 ${REJECTED}`,
        ],
        { tz: 'UTC' },
      ),
    ).toEqual([
      '2026-11-21T09:14:01.578333-05:00',
      '2026-11-21T09:14:01.851865123Z',
      '2026-11-21T09:14:01.120+09:00',
      '2026-11-21T09:14:03.5Z',
      '2024-11-21T15:04:05Z',
    ]);
  });
});
