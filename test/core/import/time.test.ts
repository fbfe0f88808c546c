import { describe, expect, it } from 'vitest';
import { createTimeResolver } from '../../../main/core/import/time';
import { parseDateText } from '../../../main/core/time/date-text';
import { zonedToUtc } from '../../../main/core/time/zone';

const NOW = Date.UTC(2026, 10, 21, 3, 0, 0); // 2026-11-21 12:00 in Tokyo

describe('time resolution', () => {
  it('reads a year-less line in the user zone: local ts without offset, UTC from the zone', () => {
    const r = createTimeResolver({ defaultZone: 'Asia/Tokyo', now: NOW });
    const t = r.resolve({ month: 11, day: 21, hour: 9, minute: 14, second: 3 });
    expect(t.ts).toBe('2026-11-21T09:14:03');
    expect(t.tsUtc).toBe(Date.UTC(2026, 10, 21, 0, 14, 3));
    expect(t.zone).toBe('Asia/Tokyo');
  });

  it('puts the offset of an explicitly chosen zone (--tz) into ts', () => {
    const r = createTimeResolver({ zone: 'America/New_York', defaultZone: 'Asia/Tokyo', now: NOW });
    const t = r.resolve({ month: 7, day: 4, hour: 12, minute: 0, second: 0 });
    expect(t.ts).toBe('2026-07-04T12:00:00-04:00');
    expect(t.tsUtc).toBe(Date.UTC(2026, 6, 4, 16, 0, 0));
    const w = r.resolve({ month: 12, day: 25, hour: 12, minute: 0, second: 0 });
    expect(w.ts).toBe('2026-12-25T12:00:00-05:00');
  });

  it('keeps an offset the line states itself, whatever zone the user picked', () => {
    const r = createTimeResolver({ zone: 'Europe/Berlin', defaultZone: 'UTC', now: NOW });
    const t = r.resolve({
      year: 2026,
      month: 11,
      day: 21,
      hour: 9,
      minute: 0,
      second: 0,
      millisecond: 120,
      offsetMinutes: 540,
    });
    expect(t.ts).toBe('2026-11-21T09:00:00.120+09:00');
    expect(t.tsUtc).toBe(Date.UTC(2026, 10, 21, 0, 0, 0, 120));
    expect(t.zone).toBe('+09:00');
  });

  it('stores a stated UTC stamp as "Z", so the zone name UTC only ever means assumed (--tz UTC)', () => {
    const r = createTimeResolver({ zone: 'UTC', defaultZone: 'Asia/Tokyo', now: NOW });
    const stated = r.resolve({ year: 2021, month: 3, day: 12, hour: 14, minute: 10, second: 18, offsetMinutes: 0 });
    expect(stated).toEqual({ ts: '2021-03-12T14:10:18Z', tsUtc: Date.UTC(2021, 2, 12, 14, 10, 18), zone: 'Z' });
    const assumed = r.resolve({ month: 11, day: 21, hour: 9, minute: 14, second: 3 });
    expect(assumed).toEqual({ ts: '2026-11-21T09:14:03Z', tsUtc: Date.UTC(2026, 10, 21, 9, 14, 3), zone: 'UTC' });
  });

  it('keeps a stated fraction of a second in ts, and milliseconds in tsUtc', () => {
    const r = createTimeResolver({ zone: 'UTC', defaultZone: 'UTC', now: NOW });
    const t = r.resolve({
      year: 2021,
      month: 7,
      day: 3,
      hour: 19,
      minute: 10,
      second: 14,
      millisecond: 578,
      fraction: '578333',
      offsetMinutes: -300,
    });
    expect(t.ts).toBe('2021-07-03T19:10:14.578333-05:00');
    expect(t.tsUtc).toBe(Date.UTC(2021, 6, 4, 0, 10, 14, 578));
  });

  it('rolls the year over when a year-less log runs Dec 30 -> Jan 2 (no jump back 11 months)', () => {
    const r = createTimeResolver({ defaultZone: 'UTC', year: 2025, now: NOW });
    const days = [
      { month: 12, day: 30 },
      { month: 12, day: 31 },
      { month: 1, day: 1 },
      { month: 1, day: 2 },
    ].map((d) => r.resolve({ ...d, hour: 23, minute: 0, second: 0 }));
    expect(days.map((d) => d.ts)).toEqual([
      '2025-12-30T23:00:00',
      '2025-12-31T23:00:00',
      '2026-01-01T23:00:00',
      '2026-01-02T23:00:00',
    ]);
    const utc = days.map((d) => d.tsUtc as number);
    expect([...utc].sort((a, b) => a - b)).toEqual(utc);
  });

  it('rolls back for a newest-first log going Jan -> Dec', () => {
    const r = createTimeResolver({ defaultZone: 'UTC', year: 2026, now: NOW });
    expect(r.resolve({ month: 1, day: 2, hour: 0, minute: 0, second: 0 }).ts).toBe('2026-01-02T00:00:00');
    expect(r.resolve({ month: 12, day: 31, hour: 0, minute: 0, second: 0 }).ts).toBe('2025-12-31T00:00:00');
  });

  it('uses the current year (in the zone) when neither the line nor --year gives one', () => {
    const r = createTimeResolver({ defaultZone: 'UTC', now: Date.UTC(2027, 0, 3) });
    expect(r.resolve({ month: 3, day: 1, hour: 0, minute: 0, second: 0 }).ts).toBe('2027-03-01T00:00:00');
  });

  it('an import (pastYear) puts a first year-less date after today into last year, and rolls on from there', () => {
    const at = (now: number, dates: [number, number][]): (string | null)[] => {
      const r = createTimeResolver({ defaultZone: 'UTC', now, pastYear: true });
      return dates.map(([month, day]) => r.resolve({ month, day, hour: 9, minute: 5, second: 47 }).ts);
    };
    // A "Dec 26" line imported on 2026-11-21 was written last December, not next month.
    expect(at(NOW, [[12, 26]])).toEqual(['2025-12-26T09:05:47']);
    // A log running Dec -> Jan imported on 2027-01-10: December is 2026, January 2027.
    expect(
      at(Date.UTC(2027, 0, 10), [
        [12, 30],
        [1, 2],
      ]),
    ).toEqual(['2026-12-30T09:05:47', '2027-01-02T09:05:47']);
    // Within two days of now (a router clock or zone ahead of this PC) it stays this year; today stays today.
    expect(at(NOW, [[11, 22]])).toEqual(['2026-11-22T09:05:47']);
    expect(at(NOW, [[11, 21]])).toEqual(['2026-11-21T09:05:47']);
    expect(at(NOW, [[11, 24]])).toEqual(['2025-11-24T09:05:47']);
    // --year still wins, and `netwhy parse` (no pastYear) keeps its contract's current year.
    const withYear = createTimeResolver({ defaultZone: 'UTC', now: NOW, year: 2030, pastYear: true });
    expect(withYear.resolve({ month: 12, day: 26, hour: 0, minute: 0, second: 0 }).ts).toBe('2030-12-26T00:00:00');
    const parse = createTimeResolver({ defaultZone: 'UTC', now: NOW });
    expect(parse.resolve({ month: 12, day: 26, hour: 0, minute: 0, second: 0 }).ts).toBe('2026-12-26T00:00:00');
  });

  it('says from which seed to read again when a year-less log would end in the future', () => {
    // Oct 2025 -> Feb 2026, read on 2026-11-21 in Berlin: the first date is taken as this October, so the log would
    // run into 2027 and end there: every date given was a year late.
    const OCT_TO_FEB: [number, number][] = [
      [10, 3],
      [11, 20],
      [11, 27],
      [12, 31],
      [1, 1],
      [2, 14],
    ];
    const read = (options: { seedYear?: number; pastYear?: boolean; year?: number }) => {
      const r = createTimeResolver({ zone: 'Europe/Berlin', defaultZone: 'UTC', now: NOW, ...options });
      const ts = OCT_TO_FEB.map(([month, day]) => r.resolve({ month, day, hour: 8, minute: 0, second: 1 }).ts);
      return { ts, dating: r.dating() };
    };
    const first = read({ pastYear: true });
    expect(first.ts).toEqual([
      '2026-10-03T08:00:01+02:00',
      '2026-11-20T08:00:01+01:00',
      '2026-11-27T08:00:01+01:00',
      '2026-12-31T08:00:01+01:00',
      '2027-01-01T08:00:01+01:00',
      '2027-02-14T08:00:01+01:00',
    ]);
    expect(first.dating).toEqual({ seed: 2025, moves: 1 });
    // Read again from that seed, every date is right (summer time in October 2025 too) and nothing moves.
    const again = read({ pastYear: true, seedYear: 2025 });
    expect(again.ts).toEqual([
      '2025-10-03T08:00:01+02:00',
      '2025-11-20T08:00:01+01:00',
      '2025-11-27T08:00:01+01:00',
      '2025-12-31T08:00:01+01:00',
      '2026-01-01T08:00:01+01:00',
      '2026-02-14T08:00:01+01:00',
    ]);
    expect(again.dating).toEqual({ seed: 2025, moves: 0 });
    // `netwhy parse` and --year keep their years.
    expect(read({}).dating.moves).toBe(0);
    expect(read({}).ts.at(-1)).toBe('2027-02-14T08:00:01+01:00');
    expect(read({ pastYear: true, year: 2026 }).ts.at(-1)).toBe('2027-02-14T08:00:01+01:00');
  });

  it('a year-less Feb 29 that would lie in the future moves back to the leap year before, with the seed', () => {
    // Dec 2023 -> Mar 2024, read on 2028-02-10: Feb 29 2028 is ahead, the one before is 2024.
    const at = (seedYear?: number) => {
      const r = createTimeResolver({ defaultZone: 'UTC', now: Date.UTC(2028, 1, 10), pastYear: true, seedYear });
      const ts = (
        [
          [12, 10],
          [2, 29],
          [3, 2],
        ] as const
      ).map(([month, day]) => r.resolve({ month, day, hour: 0, minute: 0, second: 0 }).ts);
      return { ts, dating: r.dating() };
    };
    // The first read ends on Mar 2 2028, ahead: a year back. The second pins Feb 29 to 2024: three more.
    expect(at()).toEqual({
      ts: ['2027-12-10T00:00:00', '2028-02-29T00:00:00', '2028-03-02T00:00:00'],
      dating: { seed: 2026, moves: 1 },
    });
    expect(at(2026)).toEqual({
      ts: ['2026-12-10T00:00:00', '2024-02-29T00:00:00', '2024-03-02T00:00:00'],
      dating: { seed: 2023, moves: 1 },
    });
    expect(at(2023)).toEqual({
      ts: ['2023-12-10T00:00:00', '2024-02-29T00:00:00', '2024-03-02T00:00:00'],
      dating: { seed: 2023, moves: 0 },
    });
  });

  it('a line that states its year is not moved, and does not move the lines around it', () => {
    const r = createTimeResolver({ defaultZone: 'UTC', now: NOW, pastYear: true });
    expect(r.resolve({ month: 10, day: 3, hour: 0, minute: 0, second: 0 }).ts).toBe('2026-10-03T00:00:00');
    expect(r.resolve({ year: 2026, month: 12, day: 1, hour: 0, minute: 0, second: 0 }).ts).toBe('2026-12-01T00:00:00');
    expect(r.dating().moves).toBe(0);
    // A year-less Dec 2 after today: the log ends ahead, read it again from last year.
    expect(r.resolve({ month: 12, day: 2, hour: 0, minute: 0, second: 0 }).ts).toBe('2026-12-02T00:00:00');
    expect(r.dating()).toEqual({ seed: 2025, moves: 1 });
  });

  it("a router's boot-time Jan 1 part-way through a November log moves nothing: the log does not end there", () => {
    // Routers without a battery log "Jan 1 00:00:xx" until NTP sets the clock. Read on 2026-11-21.
    const r = createTimeResolver({ defaultZone: 'UTC', now: NOW, pastYear: true });
    const ts = (
      [
        [10, 3],
        [11, 20],
        [1, 1],
        [11, 20],
        [11, 21],
      ] as const
    ).map(([month, day]) => r.resolve({ month, day, hour: 0, minute: 0, second: 5 }).ts);
    expect(ts).toEqual([
      '2026-10-03T00:00:05',
      '2026-11-20T00:00:05',
      '2027-01-01T00:00:05',
      '2026-11-20T00:00:05',
      '2026-11-21T00:00:05',
    ]);
    expect(r.dating()).toEqual({ seed: 2026, moves: 0 });
  });

  it('a Feb 29 in a log read in a year that is not a leap year dates the lines before it from the same leap year', () => {
    // Feb 28 -> Mar 1 read on 2026-03-05: Feb 29 was 2024's, and so were the lines around it.
    const r = createTimeResolver({ defaultZone: 'UTC', now: Date.UTC(2026, 2, 5), pastYear: true });
    for (const [month, day] of [
      [2, 28],
      [2, 29],
      [3, 1],
    ] as const)
      r.resolve({ month, day, hour: 0, minute: 0, second: 0 });
    expect(r.dating()).toEqual({ seed: 2024, moves: 1 });
  });

  it('gives a time of day alone the date the log last stated, else today', () => {
    const r = createTimeResolver({ defaultZone: 'Asia/Tokyo', now: NOW });
    expect(r.resolve({ hour: 8, minute: 1, second: 2 }).ts).toBe('2026-11-21T08:01:02');
    r.resolve({ month: 11, day: 19, hour: 23, minute: 0, second: 0 });
    expect(r.resolve({ hour: 8, minute: 1, second: 2 }).ts).toBe('2026-11-19T08:01:02');
  });

  it('returns nulls for lines without absolute time', () => {
    const r = createTimeResolver({ defaultZone: 'UTC', now: NOW });
    expect(r.resolve(null)).toEqual({ ts: null, tsUtc: null, zone: null });
  });

  it('handles DST: the skipped hour and the repeated hour in Europe/Berlin', () => {
    // 2026-03-29 02:30 does not exist in Berlin (clocks jump 02:00 -> 03:00); read with the winter offset.
    expect(zonedToUtc(Date.UTC(2026, 2, 29, 2, 30), 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 1, 30));
    // 2026-10-25 02:30 happens twice; the earlier (summer time, +02:00) is chosen.
    expect(zonedToUtc(Date.UTC(2026, 9, 25, 2, 30), 'Europe/Berlin')).toBe(Date.UTC(2026, 9, 25, 0, 30));
    const r = createTimeResolver({ zone: 'Europe/Berlin', defaultZone: 'UTC', now: NOW });
    expect(r.resolve({ year: 2026, month: 10, day: 25, hour: 1, minute: 59, second: 0 }).ts).toBe(
      '2026-10-25T01:59:00+02:00',
    );
    expect(r.resolve({ year: 2026, month: 10, day: 25, hour: 3, minute: 0, second: 0 }).ts).toBe(
      '2026-10-25T03:00:00+01:00',
    );
  });
});

describe('date text (English and Japanese forms, 12-hour clocks)', () => {
  it.each([
    ['2026/11/21 15:04:05', { year: 2026, month: 11, day: 21, hour: 15, minute: 4, second: 5 }],
    ['2026-11-21 03:04:05 PM', { year: 2026, month: 11, day: 21, hour: 15, minute: 4, second: 5 }],
    ['2026年11月21日 15:04:05', { year: 2026, month: 11, day: 21, hour: 15, minute: 4, second: 5 }],
    ['2026年11月21日(土) 午後3:04:05', { year: 2026, month: 11, day: 21, hour: 15, minute: 4, second: 5 }],
    ['2026年11月21日 午前0時4分5秒', { year: 2026, month: 11, day: 21, hour: 0, minute: 4, second: 5 }],
    ['11月21日 12時30分', { month: 11, day: 21, hour: 12, minute: 30, second: 0 }],
    ['11/21/2026 12:04:05 AM', { year: 2026, month: 11, day: 21, hour: 0, minute: 4, second: 5 }],
    ['11/21/2026 12:04:05 PM', { year: 2026, month: 11, day: 21, hour: 12, minute: 4, second: 5 }],
  ])('%s', (text, expected) => {
    expect(parseDateText(text)?.time).toEqual(expected);
  });

  it('rejects impossible dates and non-dates', () => {
    expect(parseDateText('2026/13/01 00:00:00')).toBeNull();
    expect(parseDateText('UDP connection rejected')).toBeNull();
  });

  it('a Japanese date resolves to the right UTC instant in Asia/Tokyo', () => {
    const parts = parseDateText('2026年11月21日 午後3:04:05')?.time ?? null;
    const t = createTimeResolver({ defaultZone: 'Asia/Tokyo', now: NOW }).resolve(parts);
    expect(t.tsUtc).toBe(Date.UTC(2026, 10, 21, 6, 4, 5));
  });
});
