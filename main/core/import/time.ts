import type { TimeParts } from '../model/event';
import { formatOffset, offsetAt, wallTimeAt, zonedToUtc } from '../time/zone';

export interface TimeOptions {
  /** Zone the user named (--tz, the import screen's picker); when set, ts carries its offset. */
  zone?: string | undefined;
  /** Zone used when the user named none: this PC's. */
  defaultZone: string;
  /** Year for the first line without one (--year); else the current year. Later lines roll over from it. */
  year?: number | undefined;
  /** The current instant (ms), for the current year and today's date. */
  now: number;
  /**
   * Imports (not `netwhy parse`, whose contract is "--year or the current year"): without --year, a first year-less
   * date more than FUTURE_SLACK after `now` is last year's, since a log is about the past: a "Dec 26" line imported
   * on Nov 21, or the December half of a Dec -> Jan log imported in January. When the log's last year-less date
   * lies more than FUTURE_SLACK after `until` (an Oct -> Feb log imported in November), every date given was as
   * many years too late (see TimeResolver.dating) and the caller reads the log again from `dating().seed`.
   */
  pastYear?: boolean | undefined;
  /**
   * The year of the first year-less date, decided by an earlier read of the same log (its dates moved back, or a
   * continuation reads the lines of the import it continues as that one ended up dating them). Unlike `year`, the
   * log's last date is still judged (dating() asks for another read when it would lie in the future).
   */
  seedYear?: number | undefined;
  /** The instant a year-less date may not lie after (beyond FUTURE_SLACK); default `now`. */
  until?: number | undefined;
}

/**
 * How far after `now` a year-less date may lie and still be this year's: router clocks and zones differ from this
 * PC's by up to a day, so a line from "tomorrow" is a clock difference, not last year.
 */
export const FUTURE_SLACK_MS = 2 * 86_400_000;

export interface ResolvedTime {
  /** ISO 8601 as the log states it: offset when the line or the user's zone gives one, else local time. */
  ts: string | null;
  tsUtc: number | null;
  /** The IANA zone assumed for a line without one, or the offset the line stated ("+09:00", "Z"). */
  zone: string | null;
}

export interface Dating {
  /**
   * The year the first year-less date should get: the one it got, less the years the last year-less date so far
   * lies in the future; null before one.
   */
  seed: number | null;
  /**
   * 1 when the last year-less date so far lies in the future (beyond the slack), or a Feb 29 pinned the years back
   * to a leap year, so the dates given were too late: read again from `seed`; 0 otherwise. Judged by the last date, not the first future one, so a router's boot-time
   * "Jan 1" in the middle of a November log (its clock not yet set) moves nothing: the next line rolls back.
   */
  moves: number;
}

export interface TimeResolver {
  resolve(parts: TimeParts | null): ResolvedTime;
  /** How the year of year-less dates was inferred so far (pastYear). */
  dating(): Dating;
}

const NONE: ResolvedTime = { ts: null, tsUtc: null, zone: null };

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isoLocal(y: number, mo: number, d: number, h: number, mi: number, s: number, p: TimeParts): string {
  const year = y >= 0 && y < 10_000 ? String(y).padStart(4, '0') : String(y);
  // The fraction as the log states it (".578333"), else its milliseconds.
  const frac =
    p.fraction !== undefined
      ? `.${p.fraction}`
      : p.millisecond === undefined
        ? ''
        : `.${String(p.millisecond).padStart(3, '0')}`;
  return `${year}-${pad2(mo)}-${pad2(d)}T${pad2(h)}:${pad2(mi)}:${pad2(s)}${frac}`;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, month: number): number {
  return month === 2 ? (isLeap(y) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The year itself when it has a Feb 29, else the nearest earlier one that has (logs are about the past). */
function leapYearAtOrBefore(y: number): number {
  let leap = y;
  while (!isLeap(leap)) leap--;
  return leap;
}

/**
 * A clock the calendar has. Second 60 (a leap second) is refused too: JavaScript dates, and so the timeline and
 * every reader of ts, cannot hold it, and no router log found in public sources prints one.
 */
function validClock(p: TimeParts): boolean {
  return p.hour >= 0 && p.hour <= 23 && p.minute >= 0 && p.minute <= 59 && p.second >= 0 && p.second <= 59;
}

/**
 * Places a file's time fields on the calendar. Stateful per file: year-less logs roll the year forward when the
 * month jumps back (Dec -> Jan) and backward when a newest-first log goes Jan -> Dec, so a log running Dec 30 ->
 * Jan 2 stays in order instead of jumping back 11 months.
 */
export function createTimeResolver(options: TimeOptions): TimeResolver {
  const zone = options.zone || options.defaultZone;
  const explicitZone = Boolean(options.zone);
  const today = wallTimeAt(options.now, zone);
  // "now" as a wall clock in the zone, to compare year-less local dates with.
  const nowLocal = Date.UTC(today.year, today.month - 1, today.day, today.hour, today.minute, today.second);
  const end = options.until === undefined ? today : wallTimeAt(options.until, zone);
  const untilLocal = Date.UTC(end.year, end.month - 1, end.day, end.hour, end.minute, end.second);
  // Only readers that date in the past (imports, analyze, report) move years back; `netwhy parse` and --year do not.
  const movesBack = Boolean(options.pastYear) && options.year === undefined;
  let seed: number | null = null;
  // Years the last year-less date would have to move back to not lie in the future.
  let back = 0;
  // Years a year-less Feb 29 pinned the inference back to a leap year: the dates before it were as much too late.
  let pinned = 0;
  // Year inference follows the year-less lines only: a line stating its own year (an RFC 5424 line relayed into a
  // BSD log) says nothing about the year of the lines around it, and must not override --year for them.
  let year: number | undefined;
  let lastMonth: number | undefined;
  let lastDate: { y: number; m: number; d: number } | undefined;
  // Offsets change at most a few times a year, on the hour: cache per local hour (logs are mostly in order).
  let cachedHourKey = Number.NaN;
  let cachedOffset = 0;

  /** The year of the first year-less date, which seeds the inference. */
  function seedYear(p: TimeParts, month: number, day: number): number {
    // The contract (issue 3): --year, else the current year; an import takes last year for a date after today.
    if (options.year !== undefined) return options.year;
    if (options.seedYear !== undefined) return options.seedYear;
    if (!options.pastYear) return today.year;
    const at = Date.UTC(today.year, month - 1, day, p.hour, p.minute, p.second);
    return at - nowLocal > FUTURE_SLACK_MS ? today.year - 1 : today.year;
  }

  function inferYear(p: TimeParts, month: number, day: number): number {
    // Later lines roll on from the seed.
    if (year === undefined || lastMonth === undefined) return seedYear(p, month, day);
    if (month < lastMonth - 6) return year + 1;
    if (month > lastMonth + 6) return year - 1;
    return year;
  }

  return {
    resolve(parts) {
      // Impossible fields (Apr 31, Jan 45, 25:61:61, month 13) give no time rather than a shifted one, and do not
      // move the inference state: the line is still an event, only undated.
      if (!parts || !validClock(parts)) return NONE;
      let y: number;
      let mo: number;
      let d: number;
      if (parts.month !== undefined && parts.day !== undefined) {
        mo = parts.month;
        d = parts.day;
        if (mo < 1 || mo > 12 || d < 1) return NONE;
        if (parts.year !== undefined) {
          y = parts.year < 100 ? 2000 + parts.year : parts.year;
          if (d > daysInMonth(y, mo)) return NONE;
        } else {
          y = inferYear(parts, mo, d);
          // A year-less Feb 29 was written in a leap year: the nearest one at or before the inferred year, and the
          // lines after it continue from there.
          if (mo === 2 && d === 29) {
            const inferred = y;
            y = leapYearAtOrBefore(y);
            if (year !== undefined) pinned += inferred - y;
          } else if (d > daysInMonth(y, mo)) return NONE;
          if (year === undefined) seed = y;
          if (movesBack) {
            // A log is about the past: how far this date would have to move back not to lie in the future.
            let past = y;
            while (Date.UTC(past, mo - 1, d, parts.hour, parts.minute, parts.second) - untilLocal > FUTURE_SLACK_MS)
              past = mo === 2 && d === 29 ? leapYearAtOrBefore(past - 1) : past - 1;
            back = y - past;
          }
          year = y;
          lastMonth = mo;
        }
        lastDate = { y, m: mo, d };
      } else if (parts.today) {
        // The device's own today (RouterOS): the import's "now" in the zone, whatever date the lines above state.
        ({ year: y, month: mo, day: d } = today);
      } else if (lastDate) {
        // A time of day alone: on the date the log last stated.
        ({ y, m: mo, d } = lastDate);
      } else {
        mo = today.month;
        d = today.day;
        y = options.year ?? today.year;
        if (mo === 2 && d === 29) y = leapYearAtOrBefore(y);
      }
      const { hour, minute, second, millisecond, offsetMinutes } = parts;
      const localMs = Date.UTC(y, mo - 1, d, hour, minute, second, millisecond ?? 0);
      const local = isoLocal(y, mo, d, hour, minute, second, parts);
      if (offsetMinutes !== undefined) {
        const off = formatOffset(offsetMinutes);
        // The stated offset ("Z" too), never a zone name: a name means the import assumed it (--tz UTC on a log
        // without zones), which the report must say, and it cannot tell the two apart from the name alone.
        return { ts: local + off, tsUtc: localMs - offsetMinutes * 60_000, zone: off };
      }
      const hourKey = Math.floor(localMs / 3_600_000);
      let utc: number;
      if (hourKey === cachedHourKey) {
        utc = localMs - cachedOffset * 60_000;
      } else {
        utc = zonedToUtc(localMs, zone);
        const off = Math.round((localMs - utc) / 60_000);
        // Cache only when the whole hour has one offset (not on a DST change night).
        if (offsetAt(utc - 3_600_000, zone) === off && offsetAt(utc + 3_600_000, zone) === off) {
          cachedHourKey = hourKey;
          cachedOffset = off;
        } else {
          cachedHourKey = Number.NaN;
        }
      }
      const ts = explicitZone ? local + formatOffset(Math.round((localMs - utc) / 60_000)) : local;
      return { ts, tsUtc: utc, zone };
    },
    dating: () => ({
      seed: seed === null ? null : seed - pinned - back,
      moves: movesBack && (back > 0 || pinned > 0) ? 1 : 0,
    }),
  };
}
