import type { TimeParts } from '../model/event';
import { parseClock } from './parts';

/**
 * Date and time text as routers print it outside syslog headers, English and Japanese:
 * "2026/11/21 15:04:05", "2026-11-21 15:04:05", "2026年11月21日 15:04:05", "2026年11月21日 午後3時04分05秒",
 * "11月21日 15:04", "11/21/2026 3:04:05 PM" (US order, when the first field cannot be a year).
 * Japanese era years (令和) are not handled: no router log found in public sources prints them.
 */

// Year first: 2026/11/21, 2026-11-21, 2026.11.21, 2026年11月21日 (日 optional), optional weekday "(土)".
const YMD = /^(\d{4})\s*(?:[/.-]|年)\s*(\d{1,2})\s*(?:[/.-]|月)\s*(\d{1,2})\s*日?\s*(?:[(（][^)）]{1,3}[)）])?/;
// Month-day only, Japanese: 11月21日.
const MD_JA = /^(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:[(（][^)）]{1,3}[)）])?/;
// US order: 11/21/2026 or 11/21/26.
const MDY = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?!\d)/;
// Japanese clock: 15時04分05秒, 午後3時4分.
const CLOCK_JA = /^(午前|午後)?\s*(\d{1,2})\s*時\s*(\d{1,2})\s*分(?:\s*(\d{1,2})\s*秒)?/;
// Latin clock with optional fraction and AM/PM (also 午前/午後 before it).
const CLOCK = /^(?:午前|午後)?\s*\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,6})?)?(?:\s*[AaPp]\.?[Mm]\.?(?![A-Za-z]))?/;

export interface DateTextResult {
  time: TimeParts;
  /** Characters consumed from the start of the text. */
  length: number;
  /** False for a date alone ("2026/11/21"): its time then reads midnight, which the text did not state. */
  hasClock: boolean;
}

function clockAt(
  text: string,
): { clock: Pick<TimeParts, 'hour' | 'minute' | 'second' | 'millisecond' | 'fraction'>; length: number } | null {
  const ja = CLOCK_JA.exec(text);
  if (ja) {
    let hour = Number(ja[2]);
    if (ja[1] === '午後' && hour < 12) hour += 12;
    if (ja[1] === '午前' && hour === 12) hour = 0;
    const minute = Number(ja[3]);
    const second = ja[4] === undefined ? 0 : Number(ja[4]);
    if (hour > 23 || minute > 59 || second > 60) return null;
    return { clock: { hour, minute, second }, length: ja[0].length };
  }
  const m = CLOCK.exec(text);
  if (!m) return null;
  const clock = parseClock(m[0]);
  return clock ? { clock, length: m[0].length } : null;
}

function valid(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Reads a date (and the clock after it, if any) at the start of `text`; null when it starts otherwise. */
export function parseDateText(text: string): DateTextResult | null {
  let year: number | undefined;
  let month: number;
  let day: number;
  let used: number;
  let m = YMD.exec(text);
  if (m) {
    year = Number(m[1]);
    month = Number(m[2]);
    day = Number(m[3]);
    used = m[0].length;
  } else if ((m = MD_JA.exec(text))) {
    month = Number(m[1]);
    day = Number(m[2]);
    used = m[0].length;
  } else if ((m = MDY.exec(text))) {
    month = Number(m[1]);
    day = Number(m[2]);
    const y = Number(m[3]);
    year = y < 100 ? 2000 + y : y;
    used = m[0].length;
  } else {
    return null;
  }
  if (!valid(month, day)) return null;
  const rest = text.slice(used);
  const gap = /^[\sT,]*/.exec(rest)?.[0].length ?? 0;
  const c = clockAt(rest.slice(gap));
  const time: TimeParts = c ? { ...c.clock, month, day } : { hour: 0, minute: 0, second: 0, month, day };
  if (year !== undefined) time.year = year;
  return c ? { time, length: used + gap + c.length, hasClock: true } : { time, length: used, hasClock: false };
}

/** Reads a clock alone ("15:04:05", "3:04 PM", "午後3時4分") at the start of `text`. */
export function parseClockText(text: string): DateTextResult | null {
  const c = clockAt(text);
  return c ? { time: { ...c.clock }, length: c.length, hasClock: true } : null;
}
